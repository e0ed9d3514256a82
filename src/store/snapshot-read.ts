/**
 * Reads one record of a snapshot (config, role, user) from untrusted JSON: every field's type, and
 * the rules a record keeps on its own (a name Neo4j accepts, one auth per provider, ...). Rules
 * between records (a user's roles exist, names are unique) are checked in snapshot.ts.
 */
import { parseEncrypted, type Credential } from '../crypto/password.js';
import { actionColumn, DATABASE_PRIVILEGE_TEXT, GRAPH_PRIVILEGE_TEXT, PRIVILEGE_TEXT } from '../catalog/dbms-privileges.js';
import { validateNewRoleName } from '../exec/commands/roles.js';
import { validateNewUsername } from '../exec/commands/users.js';
import { argumentError, Neo4jError } from '../diagnostics/neo4j-error.js';
import { BUILT_IN_PRIVILEGES, type PrivilegeRow } from './privileges.js';
import { javaOrder, PUBLIC_ROLE, type AuthEntry, type StoredRole, type StoredUser, type SystemConfig } from './state.js';

export class SnapshotError extends Error {
  constructor(message: string) {
    super(`Not a cypher-sysdb snapshot: ${message}`);
    this.name = 'SnapshotError';
  }
}

/**
 * What a snapshot may hold: the privileges we model, named as their rows name them (SHOW PRIVILEGES'
 * `action`: EXECUTE BOOSTED PROCEDURE is stored as `execute_boosted`), and those of the built-in roles.
 */
const KNOWN_ACTIONS: ReadonlySet<string> = /* @__PURE__ */ knownActions();

/* @__NO_SIDE_EFFECTS__ */
function knownActions(): ReadonlySet<string> {
  return new Set([
    ...[...Object.keys(PRIVILEGE_TEXT), ...Object.keys(DATABASE_PRIVILEGE_TEXT), ...Object.keys(GRAPH_PRIVILEGE_TEXT)].map(actionColumn),
    ...Object.values(BUILT_IN_PRIVILEGES).flatMap((rows) => rows.map((r) => r.action)),
  ]);
}

type Json = Record<string, unknown>;

export function object(value: unknown, where: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SnapshotError(`${where} must be an object`);
  return value as Json;
}

export function array(value: unknown, where: string): unknown[] {
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

export function integer(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw new SnapshotError(`${where} must be a non-negative integer`);
  return value;
}

function strings(value: unknown, where: string): string[] {
  return array(value, where).map((v, i) => string(v, `${where}[${i}]`));
}

/** Strings without repeats: the second occurrence is the one named. */
function distinct(values: string[], where: string, what: string): string[] {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) throw new SnapshotError(`${where}[${i}]: ${what} '${value}' appears twice`);
    seen.add(value);
  });
  return values;
}

/** The executor's own rule for a name, with its message on one line. */
function acceptedName(name: string, where: string, validate: (name: string) => void): string {
  try {
    validate(name);
  } catch (error) {
    if (error instanceof Neo4jError) throw new SnapshotError(`${where}: ${error.message.replace(/\n/g, ' ')}`);
    throw error;
  }
  return name;
}

export function readConfig(json: Json): SystemConfig {
  return {
    minimumPasswordLength: integer(json['minimumPasswordLength'], 'config.minimumPasswordLength'),
    defaultDatabase: string(json['defaultDatabase'], 'config.defaultDatabase'),
    databases: strings(json['databases'], 'config.databases'),
    enforcePasswordChange: boolean(json['enforcePasswordChange'], 'config.enforcePasswordChange'),
    // Added after the first snapshots were written: absent means Neo4j's defaults.
    authProviders: json['authProviders'] === undefined ? [] : strings(json['authProviders'], 'config.authProviders'),
    requireLocalUser: optionalFlag(json['requireLocalUser'], 'config.requireLocalUser'),
  };
}

export function readRole(json: Json, where: string): StoredRole {
  const name = string(json['name'], `${where}.name`);
  // PUBLIC is the one role no one may create, and every DBMS has it.
  if (name !== PUBLIC_ROLE) acceptedName(name, `${where}.name`, (n) => validateNewRoleName(n, argumentError));
  const created = integer(json['created'], `${where}.created`);
  const privileges = array(json['privileges'], `${where}.privileges`).map((p, i) =>
    readPrivilege(object(p, `${where}.privileges[${i}]`), `${where}.privileges[${i}]`),
  );
  const immutable = optionalFlag(json['immutable'], `${where}.immutable`);
  const mutable = privileges.findIndex((p) => !p.immutable);
  if (immutable && mutable >= 0)
    throw new SnapshotError(`${where}.privileges[${mutable}]: an immutable role holds only immutable privileges (Neo4j refuses others)`);
  return { name, created, privileges, immutable };
}

/** A flag added after the first snapshots were written (immutability, requireLocalUser): absent means false. */
function optionalFlag(value: unknown, where: string): boolean {
  return value === undefined ? false : boolean(value, where);
}

function readPrivilege(json: Json, where: string): PrivilegeRow {
  const access = string(json['access'], `${where}.access`);
  if (access !== 'GRANTED' && access !== 'DENIED') throw new SnapshotError(`${where}.access must be GRANTED or DENIED`);
  const action = string(json['action'], `${where}.action`);
  if (!KNOWN_ACTIONS.has(action)) throw new SnapshotError(`${where}.action: unknown privilege action '${action}'`);
  return {
    access,
    action,
    resource: string(json['resource'], `${where}.resource`),
    graph: string(json['graph'], `${where}.graph`),
    segment: string(json['segment'], `${where}.segment`),
    command: string(json['command'], `${where}.command`),
    immutable: optionalFlag(json['immutable'], `${where}.immutable`),
  };
}

export function readUser(json: Json, where: string): StoredUser {
  // Checked in the order the fields are written, so the first problem in the file is the one named.
  const name = acceptedName(string(json['name'], `${where}.name`), `${where}.name`, validateNewUsername);
  const auth = array(json['auth'], `${where}.auth`).map((a, i) => readAuth(object(a, `${where}.auth[${i}]`), `${where}.auth[${i}]`));
  if (auth.length === 0) throw new SnapshotError(`${where}.auth: a user needs at least one auth (Neo4j refuses a user without one)`);
  distinct(
    auth.map((a) => a.provider),
    `${where}.auth`,
    'provider',
  );
  const suspended = boolean(json['suspended'], `${where}.suspended`);
  const home = json['home'] === null ? null : string(json['home'], `${where}.home`);
  const tags = distinct(strings(json['tags'], `${where}.tags`), `${where}.tags`, 'tag');
  const roles = distinct(strings(json['roles'], `${where}.roles`), `${where}.roles`, 'role');
  const implicit = roles.indexOf(PUBLIC_ROLE);
  if (implicit >= 0) throw new SnapshotError(`${where}.roles[${implicit}]: every user has PUBLIC; it is never listed`);
  const created = integer(json['created'], `${where}.created`);
  return {
    name,
    auth: auth.sort((a, b) => javaOrder(a.provider, b.provider)),
    suspended,
    home,
    tags,
    roles: roles.sort(javaOrder),
    created,
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
