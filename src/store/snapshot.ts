/**
 * `toJSON()` / `fromJSON()`: the state as plain, deterministic JSON (users sorted by name), holding
 * password hashes only. Reading a snapshot checks its shape and its rules, so a hand-edited file
 * fails clearly.
 */
import { freeze } from 'immer';
import { deepFreeze, ShardedMap } from './sharded.js';
import { array, integer, object, readConfig, readRole, readUser, SnapshotError } from './snapshot-read.js';
import { authIdKey, javaOrder, PUBLIC_ROLE, type StoredRole, type StoredUser, type SystemConfig, type SystemState } from './state.js';

export { SnapshotError } from './snapshot-read.js';

const SNAPSHOT_FORMAT = 'cypher-sysdb/system-database@1';

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
    // The stored records themselves: frozen here, where they leave the store (the store does not freeze them).
    users: [...state.users.values()].map(deepFreeze).sort((a, b) => javaOrder(a.name, b.name)),
  };
}

/**
 * The state a snapshot describes, or a SnapshotError naming the first problem by its JSON path
 * (`users[3].roles[1]: role 'ghost' does not exist`): a hand-edited file must not give a database
 * that breaks what the executor relies on. One pass over the records: loading is linear.
 */
export function stateFromSnapshot(data: unknown): SystemState {
  const snapshot = object(data, 'the snapshot');
  if (snapshot['format'] !== SNAPSHOT_FORMAT) throw new SnapshotError(`expected "format": "${SNAPSHOT_FORMAT}"`);
  const config = readConfig(object(snapshot['config'], 'config'));
  const nextSequence = integer(snapshot['nextSequence'], 'nextSequence');
  const sequenced = <T extends { readonly created: number }>(record: T, where: string): T => {
    if (record.created >= nextSequence)
      throw new SnapshotError(`${where}.created: ${record.created} must be below nextSequence (${nextSequence})`);
    return record;
  };

  const roles: StoredRole[] = [];
  const roleAt = new Map<string, number>();
  array(snapshot['roles'], 'roles').forEach((json, i) => {
    const where = `roles[${i}]`;
    const role = sequenced(readRole(object(json, where), where), where);
    const first = roleAt.get(role.name);
    if (first !== undefined) throw new SnapshotError(`${where}.name: role '${role.name}' appears twice (also roles[${first}])`);
    roleAt.set(role.name, i);
    roles.push(role);
  });
  if (!roleAt.has(PUBLIC_ROLE)) throw new SnapshotError(`roles: there is no role '${PUBLIC_ROLE}' (every DBMS has it)`);

  const users = new Map<string, StoredUser>();
  const userAt = new Map<string, number>();
  const authIds = new Map<string, string>();
  array(snapshot['users'], 'users').forEach((json, i) => {
    const where = `users[${i}]`;
    const user = sequenced(readUser(object(json, where), where), where);
    const first = userAt.get(user.name);
    if (first !== undefined) throw new SnapshotError(`${where}.name: user '${user.name}' appears twice (also users[${first}])`);
    userAt.set(user.name, i);
    // Types are checked by now; the file's own order makes the first problem the one named.
    const written = json as {
      readonly roles: readonly string[];
      readonly auth: readonly { readonly provider: string; readonly id?: string }[];
    };
    written.roles.forEach((role, j) => {
      if (!roleAt.has(role)) throw new SnapshotError(`${where}.roles[${j}]: role '${role}' does not exist`);
    });
    written.auth.forEach(({ provider, id }, j) => {
      if (provider === 'native' || id === undefined) return;
      const key = authIdKey(provider, id);
      const owner = authIds.get(key);
      if (owner !== undefined)
        throw new SnapshotError(`${where}.auth[${j}]: provider '${provider}' and id '${id}' already belong to user '${owner}'`);
      authIds.set(key, user.name);
    });
    users.set(user.name, user);
  });
  return freeze({ users: ShardedMap.from(users), authIds: ShardedMap.from(authIds), roles, nextSequence, config }, true);
}
