/**
 * `toJSON()` / `fromJSON()`: the state as plain, deterministic JSON (users sorted by name), holding
 * password hashes only. Reading a snapshot checks its shape, so a hand-edited file fails clearly.
 */
import { freeze } from 'immer';
import { parseEncrypted, type Credential } from '../crypto/password.js';
import type { PrivilegeRow } from './privileges.js';
import { ShardedMap } from './sharded.js';
import { authIdKey, isNative, javaOrder, type AuthEntry, type StoredRole, type StoredUser, type SystemConfig, type SystemState } from './state.js';

export const SNAPSHOT_FORMAT = 'cypher-sysdb/system-database@1';

export interface Snapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly config: SystemConfig;
  readonly nextSequence: number;
  readonly roles: readonly StoredRole[];
  readonly users: readonly StoredUser[];
}

export function snapshotOf(state: SystemState): Snapshot {
  return {
    format: SNAPSHOT_FORMAT,
    config: state.config,
    nextSequence: state.nextSequence,
    roles: [...state.roles].sort((a, b) => a.created - b.created),
    users: [...state.users.values()].sort((a, b) => javaOrder(a.name, b.name)),
  };
}

export class SnapshotError extends Error {
  constructor(message: string) {
    super(`Not a cypher-sysdb snapshot: ${message}`);
    this.name = 'SnapshotError';
  }
}

export function stateFromSnapshot(data: unknown): SystemState {
  const snapshot = object(data, 'the snapshot');
  if (snapshot['format'] !== SNAPSHOT_FORMAT) throw new SnapshotError(`expected "format": "${SNAPSHOT_FORMAT}"`);
  const config = readConfig(object(snapshot['config'], 'config'));
  const roles = array(snapshot['roles'], 'roles').map((r, i) => readRole(object(r, `roles[${i}]`), i));
  const users = array(snapshot['users'], 'users').map((u, i) => readUser(object(u, `users[${i}]`), i));
  const nextSequence = integer(snapshot['nextSequence'], 'nextSequence');
  let userMap = ShardedMap.empty<StoredUser>();
  let authIds = ShardedMap.empty<string>();
  for (const user of users) {
    if (userMap.has(user.name)) throw new SnapshotError(`user '${user.name}' appears twice`);
    userMap = userMap.set(user.name, user);
    for (const auth of user.auth) if (!isNative(auth)) authIds = authIds.set(authIdKey(auth.provider, auth.id), user.name);
  }
  return freeze({ users: userMap, authIds, roles, nextSequence, config }, true);
}

type Json = Record<string, unknown>;

function object(value: unknown, where: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SnapshotError(`${where} must be an object`);
  return value as Json;
}

function array(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new SnapshotError(`${where} must be an array`);
  return value;
}

function string(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new SnapshotError(`${where} must be a string`);
  return value;
}

function boolean(value: unknown, where: string): boolean {
  if (typeof value !== 'boolean') throw new SnapshotError(`${where} must be a boolean`);
  return value;
}

function integer(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new SnapshotError(`${where} must be a non-negative integer`);
  return value;
}

function strings(value: unknown, where: string): string[] {
  return array(value, where).map((v, i) => string(v, `${where}[${i}]`));
}

function readConfig(json: Json): SystemConfig {
  return {
    minimumPasswordLength: integer(json['minimumPasswordLength'], 'config.minimumPasswordLength'),
    defaultDatabase: string(json['defaultDatabase'], 'config.defaultDatabase'),
    databases: strings(json['databases'], 'config.databases'),
    enforcePasswordChange: boolean(json['enforcePasswordChange'], 'config.enforcePasswordChange'),
    // Added after the first snapshots were written: absent means Neo4j's defaults.
    authProviders: json['authProviders'] === undefined ? [] : strings(json['authProviders'], 'config.authProviders'),
    requireLocalUser: json['requireLocalUser'] === undefined ? false : boolean(json['requireLocalUser'], 'config.requireLocalUser'),
  };
}

function readRole(json: Json, index: number): StoredRole {
  const where = `roles[${index}]`;
  return {
    name: string(json['name'], `${where}.name`),
    created: integer(json['created'], `${where}.created`),
    privileges: array(json['privileges'], `${where}.privileges`).map((p, i) => readPrivilege(object(p, `${where}.privileges[${i}]`), `${where}.privileges[${i}]`)),
  };
}

function readPrivilege(json: Json, where: string): PrivilegeRow {
  const access = string(json['access'], `${where}.access`);
  if (access !== 'GRANTED' && access !== 'DENIED') throw new SnapshotError(`${where}.access must be GRANTED or DENIED`);
  return {
    access,
    action: string(json['action'], `${where}.action`),
    resource: string(json['resource'], `${where}.resource`),
    graph: string(json['graph'], `${where}.graph`),
    segment: string(json['segment'], `${where}.segment`),
    command: string(json['command'], `${where}.command`),
  };
}

function readUser(json: Json, index: number): StoredUser {
  const where = `users[${index}]`;
  const home = json['home'];
  return {
    name: string(json['name'], `${where}.name`),
    auth: array(json['auth'], `${where}.auth`).map((a, i) => readAuth(object(a, `${where}.auth[${i}]`), `${where}.auth[${i}]`)),
    suspended: boolean(json['suspended'], `${where}.suspended`),
    home: home === null ? null : string(home, `${where}.home`),
    tags: strings(json['tags'], `${where}.tags`),
    roles: strings(json['roles'], `${where}.roles`),
    created: integer(json['created'], `${where}.created`),
  };
}

function readAuth(json: Json, where: string): AuthEntry {
  const provider = string(json['provider'], `${where}.provider`);
  if (provider !== 'native') return { provider, id: string(json['id'], `${where}.id`) };
  // A snapshot never holds a plaintext: the credential must be in Neo4j's hashed format.
  const credential = parseEncrypted(string(json['credential'], `${where}.credential`));
  if (credential === 'format' || credential === 'version') throw new SnapshotError(`${where}.credential must be '<version>,<hash>,<salt>'`);
  return { provider, credential: credential as Credential, changeRequired: boolean(json['changeRequired'], `${where}.changeRequired`) };
}
