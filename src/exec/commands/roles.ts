/** CREATE, DROP and RENAME ROLE, GRANT and REVOKE ROLE. Memberships live on the users. */
import { produce } from 'immer';
import { roleNameProblem } from '../../catalog/names.js';
import type { CreateRole, DropRole, GrantRoles, RenameRole, RevokeRoles } from '../../ast/roles.js';
import type { ShardedMap } from '../../store/sharded.js';
import { javaOrder, PUBLIC_ROLE, type StoredRole, type StoredUser, type SystemState } from '../../store/state.js';
import { escapeName } from '../../render/printer.js';
import { argumentError } from '../../diagnostics/neo4j-error.js';
import { assertCopyable, assertRoleMayChange } from '../immutability.js';
import { roleAlreadyGranted, roleNotGranted, type Notification } from '../notifications.js';
import { nameValue } from '../params.js';
import { written, type CommandContext, type CommandOutcome } from './context.js';
import { findUser } from './users.js';

function findRole(state: SystemState, name: string): StoredRole | undefined {
  return state.roles.find((r) => r.name === name);
}

export function validateNewRoleName(name: string, failure: (reason: string) => Error): void {
  if (name === PUBLIC_ROLE) throw failure(`'${PUBLIC_ROLE}' is a reserved role.`);
  const problem = roleNameProblem(name);
  if (problem !== null) throw argumentError(problem);
}

/** Rewrites the role lists of every user holding `role` (DROP and RENAME ROLE are rare; a scan is fine). */
function replaceRoleOnUsers(users: ShardedMap<StoredUser>, role: string, replacement: string | null): ShardedMap<StoredUser> {
  let next = users;
  for (const user of users.values()) {
    if (!user.roles.includes(role)) continue;
    const roles = user.roles.filter((r) => r !== role);
    if (replacement !== null) roles.push(replacement);
    next = next.set(user.name, { ...user, roles: roles.sort(javaOrder) });
  }
  return next;
}

export function createRole(state: SystemState, command: CreateRole, context: CommandContext): CommandOutcome {
  const name = nameValue(command.name, context.params);
  const failure = (reason: string) => argumentError(`Failed to create the specified role '${name}': ${reason}`);
  validateNewRoleName(name, failure);
  const existing = findRole(state, name);
  if (existing && command.ifNotExists) return written(state);
  if (existing && !command.orReplace) throw failure('Role already exists.');
  if (existing) assertRoleMayChange(existing, 'replaced', context);
  const sourceName = command.copyOf ? nameValue(command.copyOf, context.params) : null;
  const source = sourceName === null ? null : findRole(state, sourceName);
  if (sourceName !== null && !source) throw argumentError(`Failed to create a role as copy of '${sourceName}': Role does not exist.`);
  if (source) assertCopyable(source, command.immutable);
  const next = produce(state, (draft) => {
    if (existing) {
      // OR REPLACE drops the old role first: its members lose it.
      draft.roles = draft.roles.filter((r) => r.name !== name);
      draft.users = replaceRoleOnUsers(state.users, name, null);
    }
    draft.roles.push({ name, created: draft.nextSequence, privileges: [...(source?.privileges ?? [])], immutable: command.immutable });
    draft.nextSequence += 1;
  });
  return written(next);
}

export function dropRole(state: SystemState, command: DropRole, context: CommandContext): CommandOutcome {
  const name = nameValue(command.name, context.params);
  const failure = (reason: string) => argumentError(`Failed to delete the specified role '${name}': ${reason}`);
  if (name === PUBLIC_ROLE) throw failure(`'${PUBLIC_ROLE}' is a reserved role.`);
  const existing = findRole(state, name);
  if (!existing) {
    if (command.ifExists) return written(state);
    throw failure('Role does not exist.');
  }
  assertRoleMayChange(existing, 'dropped', context);
  return written(
    produce(state, (draft) => {
      draft.roles = draft.roles.filter((r) => r.name !== name);
      draft.users = replaceRoleOnUsers(state.users, name, null);
    }),
  );
}

export function renameRole(state: SystemState, command: RenameRole, context: CommandContext): CommandOutcome {
  const from = nameValue(command.from, context.params);
  const to = nameValue(command.to, context.params);
  const failure = (reason: string) => argumentError(`Failed to rename the specified role '${from}' to '${to}': ${reason}`);
  if (from === PUBLIC_ROLE) throw failure(`'${PUBLIC_ROLE}' is a reserved role.`);
  const existing = findRole(state, from);
  if (!existing) {
    if (command.ifExists) return written(state);
    throw failure(`The role '${from}' does not exist.`);
  }
  assertRoleMayChange(existing, 'renamed', context);
  if (findRole(state, to)) throw failure(`Role '${to}' already exists.`);
  validateNewRoleName(to, failure);
  return written(
    produce(state, (draft) => {
      const role = draft.roles.find((r) => r.name === from);
      if (!role) throw new Error(`Role '${from}' was found above but not in the draft`);
      role.name = to;
      draft.users = replaceRoleOnUsers(state.users, from, to);
    }),
  );
}

/** Every (role, user) pair is checked before anything changes: a failing pair leaves the state as it was. */
export function grantRoles(state: SystemState, command: GrantRoles, context: CommandContext): CommandOutcome {
  return changeMemberships(state, command, context, 'grant');
}

export function revokeRoles(state: SystemState, command: RevokeRoles, context: CommandContext): CommandOutcome {
  return changeMemberships(state, command, context, 'revoke');
}

/** A user's roles while a GRANT or REVOKE ROLE is applied: a set, so each (role, user) pair costs O(1). */
interface Membership {
  readonly user: StoredUser;
  readonly roles: Set<string>;
  changed: boolean;
}

/**
 * Neo4j runs `GRANT ROLES a, b TO x, y` as one sub-command per (role, user) pair, roles outer. The pairs
 * are checked and applied in that order in time linear in their number: role names are looked up in a
 * set, each user once, and a changed user's roles are sorted once at the end.
 */
function changeMemberships(
  state: SystemState,
  command: GrantRoles | RevokeRoles,
  context: CommandContext,
  action: 'grant' | 'revoke',
): CommandOutcome {
  const roles = command.roles.map((r) => nameValue(r, context.params));
  const users = command.users.map((u) => nameValue(u, context.params));
  const existingRoles = new Set(state.roles.map((r) => r.name));
  const memberships = new Map<string, Membership>();
  const notifications: Notification[] = [];
  for (const role of roles) {
    for (const userName of users) {
      const failure = (reason: string) =>
        argumentError(
          action === 'grant'
            ? `Failed to grant role '${role}' to user '${userName}': ${reason}`
            : `Failed to revoke role '${role}' from user '${userName}': ${reason}`,
        );
      if (role === PUBLIC_ROLE) throw failure(`'${PUBLIC_ROLE}' is a reserved role.`);
      if (!existingRoles.has(role)) throw failure('Role does not exist.');
      let membership = memberships.get(userName);
      if (!membership) {
        const user = findUser(state, userName);
        if (!user) throw failure('User does not exist.');
        membership = { user, roles: new Set(user.roles), changed: false };
        memberships.set(userName, membership);
      }
      const has = membership.roles.has(role);
      // Granting a role twice or revoking one not held changes nothing: Neo4j only notifies, per role and user.
      if (action === 'grant' && has) notifications.push(roleAlreadyGranted(`GRANT ROLE ${escapeName(role)} TO ${escapeName(userName)}`));
      else if (action === 'revoke' && !has)
        notifications.push(roleNotGranted(`REVOKE ROLE ${escapeName(role)} FROM ${escapeName(userName)}`));
      else {
        if (action === 'grant') membership.roles.add(role);
        else membership.roles.delete(role);
        membership.changed = true;
      }
    }
  }
  const changed = [...memberships.values()].filter((m) => m.changed);
  if (changed.length === 0) return written(state, notifications);
  const next = produce(state, (draft) => {
    for (const { user, roles: held } of changed) draft.users = draft.users.set(user.name, { ...user, roles: [...held].sort(javaOrder) });
  });
  return written(next, notifications);
}
