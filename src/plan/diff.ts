/**
 * The difference between two system databases as changes to users, roles and privileges, sorted by
 * type, then name. Records are matched by name; where the databases share a history, the ones left
 * over are matched by their creation sequence (RENAME keeps it), so a rename is one change.
 */
import { isNative, javaOrder, PUBLIC_ROLE, type StoredRole, type StoredUser, type SystemState } from '../store/state.js';
import type { PrivilegeRow } from '../store/privileges.js';
import {
  privilegeKey,
  privilegeName,
  privilegeRecord,
  roleRecord,
  userRecord,
  type Change,
  type ChangeAction,
  type ChangeType,
  type UserRecord,
} from './changes.js';

interface Matching<T> {
  readonly pairs: (readonly [T, T])[];
  readonly deleted: T[];
  readonly created: T[];
}

function match<T extends { readonly name: string; readonly created: number }>(
  before: Iterable<T>,
  after: Iterable<T>,
  byHistory: boolean,
): Matching<T> {
  const left = new Map<string, T>();
  for (const b of before) left.set(b.name, b);
  const pairs: (readonly [T, T])[] = [];
  let created: T[] = [];
  for (const a of after) {
    const b = left.get(a.name);
    if (b === undefined) created.push(a);
    else {
      pairs.push([b, a]);
      left.delete(a.name);
    }
  }
  if (!byHistory || left.size === 0 || created.length === 0) return { pairs, deleted: [...left.values()], created };
  // Within one history a creation sequence names one user (or role) for good: CREATE OR REPLACE takes a new one.
  const bySequence = new Map([...left.values()].map((b) => [b.created, b]));
  created = created.filter((a) => {
    const b = bySequence.get(a.created);
    if (b === undefined) return true;
    pairs.push([b, a]);
    bySequence.delete(a.created);
    return false;
  });
  return { pairs, deleted: [...bySequence.values()], created };
}

/**
 * Whether two databases come from one history, so that creation sequences can be compared: some user
 * has the same sequence and the same password hash in both (salts are random, so unrelated databases
 * never share one).
 */
export function sharesHistory(before: SystemState, after: SystemState): boolean {
  if (before === after) return true;
  const hashes = new Map<number, string>();
  for (const user of before.users.values()) {
    const native = user.auth.find(isNative);
    if (native) hashes.set(user.created, native.credential);
  }
  for (const user of after.users.values()) {
    const native = user.auth.find(isNative);
    if (native && hashes.get(user.created) === native.credential) return true;
  }
  return false;
}

/** Users by role name (PUBLIC: everyone), sorted by name: the members a role record shows. */
function membersOf(state: SystemState): (role: string) => string[] {
  let byRole: Map<string, string[]> | undefined;
  return (role) => {
    if (byRole === undefined) {
      byRole = new Map([[PUBLIC_ROLE, []]]);
      for (const user of state.users.values()) {
        for (const name of [...user.roles, PUBLIC_ROLE]) {
          const names = byRole.get(name);
          if (names) names.push(user.name);
          else byRole.set(name, [user.name]);
        }
      }
      for (const names of byRole.values()) names.sort(javaOrder);
    }
    return byRole.get(role) ?? [];
  };
}

const sameSet = (a: readonly (string | number)[], b: readonly (string | number)[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

function userChange(before: StoredUser, after: StoredUser, rolesChanged: boolean): Change | null {
  const b = userRecord(before);
  const a = userRecord(after);
  const oldHash = before.auth.find(isNative)?.credential;
  const newHash = after.auth.find(isNative)?.credential;
  const passwordChanged = newHash !== undefined && newHash !== oldHash;
  const updated =
    rolesChanged ||
    passwordChanged ||
    b.passwordChangeRequired !== a.passwordChangeRequired ||
    b.suspended !== a.suspended ||
    b.home !== a.home ||
    !sameSet(b.tags, a.tags) ||
    JSON.stringify(b.auth) !== JSON.stringify(a.auth);
  const actions: ChangeAction[] = [...(b.user !== a.user ? ['rename' as const] : []), ...(updated ? ['update' as const] : [])];
  if (actions.length === 0) return null;
  const shown: UserRecord = passwordChanged ? { ...a, passwordChanged: true } : a;
  return { type: 'user', name: a.user, actions, before: b, after: shown };
}

function privilegeChanges(role: StoredRole, rows: readonly PrivilegeRow[], action: 'create' | 'delete'): Change[] {
  return rows.map((row) => {
    const record = privilegeRecord(row, role.name);
    return {
      type: 'privilege',
      name: privilegeName(row, role.name),
      actions: [action],
      before: action === 'delete' ? record : null,
      after: action === 'create' ? record : null,
    };
  });
}

function rowsMissing(from: readonly PrivilegeRow[], other: readonly PrivilegeRow[]): PrivilegeRow[] {
  const keys = new Set(other.map(privilegeKey));
  return from.filter((p) => !keys.has(privilegeKey(p)));
}

/** A privilege the role holds in both, IMMUTABLE in one of them only (revoked and granted again with authentication disabled). */
function mutabilityChanges(before: StoredRole, after: StoredRole): Change[] {
  const was = new Map(before.privileges.map((p) => [privilegeKey(p), p]));
  return after.privileges.flatMap((row): Change[] => {
    const old = was.get(privilegeKey(row));
    if (old === undefined || old.immutable === row.immutable) return [];
    return [
      {
        type: 'privilege',
        name: privilegeName(row, after.name),
        actions: ['update'],
        before: privilegeRecord(old, before.name),
        after: privilegeRecord(row, after.name),
      },
    ];
  });
}

const TYPE_ORDER: Readonly<Record<ChangeType, number>> = { user: 0, role: 1, privilege: 2 };

export function diffStates(before: SystemState, after: SystemState, byHistory: boolean): Change[] {
  if (before === after) return [];
  const roles = match(before.roles, after.roles, byHistory);
  const users = match(before.users.values(), after.users.values(), byHistory);
  // A role's identity across the two databases: memberships are compared through it, so a renamed or
  // dropped role is its own change, not one of every member's.
  const roleKeys = [new Map<string, number>(), new Map<string, number>()] as const;
  roles.pairs.forEach(([b, a], i) => {
    roleKeys[0].set(b.name, i);
    roleKeys[1].set(a.name, i);
  });
  const changes: Change[] = [];
  const membersChanged = new Set<number>();
  for (const [b, a] of users.pairs) {
    if (b === a) continue;
    const held = (user: StoredUser, keys: ReadonlyMap<string, number>) => user.roles.flatMap((r) => keys.get(r) ?? []);
    const was = held(b, roleKeys[0]);
    const is = held(a, roleKeys[1]);
    for (const key of [...was.filter((k) => !is.includes(k)), ...is.filter((k) => !was.includes(k))]) membersChanged.add(key);
    const change = userChange(b, a, !sameSet(was, is));
    if (change) changes.push(change);
  }
  for (const user of users.created)
    changes.push({ type: 'user', name: user.name, actions: ['create'], before: null, after: userRecord(user) });
  for (const user of users.deleted)
    changes.push({ type: 'user', name: user.name, actions: ['delete'], before: userRecord(user), after: null });

  const members = [membersOf(before), membersOf(after)] as const;
  roles.pairs.forEach(([b, a], i) => {
    const actions: ChangeAction[] = [
      ...(b.name !== a.name ? ['rename' as const] : []),
      ...(membersChanged.has(i) || b.immutable !== a.immutable ? ['update' as const] : []),
    ];
    if (actions.length > 0)
      changes.push({
        type: 'role',
        name: a.name,
        actions,
        before: roleRecord(b, members[0](b.name)),
        after: roleRecord(a, members[1](a.name)),
      });
    if (b.privileges === a.privileges) return;
    changes.push(...privilegeChanges(b, rowsMissing(b.privileges, a.privileges), 'delete'));
    changes.push(...privilegeChanges(a, rowsMissing(a.privileges, b.privileges), 'create'));
    changes.push(...mutabilityChanges(b, a));
  });
  for (const role of roles.created) {
    changes.push({ type: 'role', name: role.name, actions: ['create'], before: null, after: roleRecord(role, members[1](role.name)) });
    changes.push(...privilegeChanges(role, role.privileges, 'create'));
  }
  for (const role of roles.deleted) {
    changes.push({ type: 'role', name: role.name, actions: ['delete'], before: roleRecord(role, members[0](role.name)), after: null });
    changes.push(...privilegeChanges(role, role.privileges, 'delete'));
  }
  return changes.sort((x, y) => TYPE_ORDER[x.type] - TYPE_ORDER[y.type] || javaOrder(x.name, y.name));
}
