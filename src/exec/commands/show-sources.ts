/**
 * The rows each SHOW command starts from, with every column it can yield, before YIELD, WHERE and
 * RETURN shape them (see pipeline.ts).
 */
import type { ShowRoles } from '../../ast/roles.js';
import type { ShowCurrentUser, ShowUserPrivileges, ShowUsers } from '../../ast/users.js';
import { showColumns, type ShowCommand } from '../../check/columns.js';
import { isNative, javaOrder, PUBLIC_ROLE, type AuthEntry, type StoredUser, type SystemState } from '../../store/state.js';
import { nameValue } from '../params.js';
import { mapOf, type Value } from '../values.js';
import type { CommandContext } from './context.js';
import { findUser } from './users.js';

export type SourceRow = ReadonlyMap<string, Value>;

export interface ShowSource {
  readonly columns: readonly string[];
  readonly defaultColumns: readonly string[];
  /** Neo4j sorts by these columns when the query does not say otherwise (and they are in scope). */
  readonly defaultOrder: readonly string[];
  readonly rows: readonly SourceRow[];
}

/** What WITH AUTH shows for a native password: Neo4j's manual prints it masked like this. */
export const MASKED_PASSWORD = '*********';

/** Tag values need SHOW USER METADATA; without it the column is null (Neo4j's manual). */
function userColumns(user: StoredUser, canSeeTags: boolean): [string, Value][] {
  const native = user.auth.find(isNative);
  return [
    ['user', user.name],
    ['roles', [...user.roles, PUBLIC_ROLE]],
    ['passwordChangeRequired', native ? native.changeRequired : null],
    ['suspended', user.suspended],
    ['home', user.home],
    ['tags', canSeeTags ? [...user.tags] : null],
  ];
}

function authColumns(auth: AuthEntry | null): [string, Value][] {
  if (auth === null) return [['provider', null], ['auth', null]];
  const details = isNative(auth) ? mapOf([['password', MASKED_PASSWORD], ['changeRequired', auth.changeRequired]]) : mapOf([['id', auth.id]]);
  return [['provider', auth.provider], ['auth', details]];
}

function source(command: ShowCommand, defaultOrder: readonly string[], rows: SourceRow[]): ShowSource {
  const { all, defaults } = showColumns(command);
  return { columns: all, defaultColumns: defaults, defaultOrder, rows };
}

export function showUsersSource(state: SystemState, command: ShowUsers, canSeeTags: boolean): ShowSource {
  const rows: SourceRow[] = [];
  // Before any ORDER BY, rows come in creation order, as Neo4j's MATCH over user nodes tends to.
  for (const user of usersByCreation(state)) {
    if (!command.withAuth) {
      rows.push(new Map(userColumns(user, canSeeTags)));
      continue;
    }
    // One row per auth provider; a user with none still gets a row.
    for (const auth of user.auth.length > 0 ? user.auth : [null]) rows.push(new Map([...userColumns(user, canSeeTags), ...authColumns(auth)]));
  }
  return source(command, ['user'], rows);
}

export function showCurrentUserSource(state: SystemState, command: ShowCurrentUser, context: CommandContext, canSeeTags: boolean): ShowSource {
  const user = context.user === null ? undefined : findUser(state, context.user);
  return source(command, ['user'], user ? [new Map(userColumns(user, canSeeTags))] : []);
}

function usersByCreation(state: SystemState): StoredUser[] {
  return [...state.users.values()].sort((a, b) => a.created - b.created);
}

export function showRolesSource(state: SystemState, command: ShowRoles): ShowSource {
  const users = usersByCreation(state);
  const rows: SourceRow[] = [];
  for (const role of [...state.roles].sort((a, b) => javaOrder(a.name, b.name))) {
    const members = role.name === PUBLIC_ROLE ? users : users.filter((u) => u.roles.includes(role.name));
    if (command.populatedOnly && members.length === 0) continue;
    if (!command.withUsers) {
      rows.push(new Map<string, Value>([['role', role.name], ['immutable', false]]));
      continue;
    }
    for (const member of members.length > 0 ? members : [null]) {
      rows.push(new Map<string, Value>([['role', role.name], ['member', member?.name ?? null], ['immutable', false]]));
    }
  }
  return source(command, ['role'], rows);
}

export function showUserPrivilegesSource(state: SystemState, command: ShowUserPrivileges, context: CommandContext): ShowSource {
  const names = command.users.length > 0 ? command.users.map((u) => nameValue(u, context.params)) : context.user === null ? [] : [context.user];
  const rows: SourceRow[] = [];
  for (const name of names) {
    const user = findUser(state, name);
    if (!user) continue;
    const roleNames = new Set([...user.roles, PUBLIC_ROLE]);
    const roles = state.roles.filter((r) => roleNames.has(r.name)).sort((a, b) => javaOrder(a.name, b.name));
    if (command.output === 'table') {
      for (const role of roles) {
        for (const p of role.privileges) {
          rows.push(
            new Map<string, Value>([
              ['access', p.access],
              ['action', p.action],
              ['resource', p.resource],
              ['graph', p.graph],
              ['segment', p.segment],
              ['role', role.name],
              ['immutable', false],
              ['user', user.name],
            ]),
          );
        }
      }
      continue;
    }
    // As commands, a user's privileges name the role as `$role`, ready to be replayed onto a new role.
    const commands = new Set<string>();
    for (const role of roles) {
      for (const p of role.privileges) {
        commands.add(command.output === 'commands' ? `${p.command} TO $role` : `REVOKE ${p.command} FROM $role`);
      }
    }
    for (const text of [...commands].sort(javaOrder)) rows.push(new Map<string, Value>([['command', text], ['immutable', false]]));
  }
  return source(command, command.output === 'table' ? [] : ['command'], rows);
}

