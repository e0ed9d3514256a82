/**
 * The rows each SHOW command starts from, with every column it can yield, before YIELD, WHERE and
 * RETURN shape them (see pipeline.ts).
 */
import type { ShowRoles } from '../../ast/roles.js';
import type { PrivilegeOutput, ShowCurrentUser, ShowUserPrivileges, ShowUsers } from '../../ast/users.js';
import { showColumns, type ShowColumn, type ShowCommand } from '../../catalog/show-columns.js';
import type { PrivilegeRow } from '../../store/privileges.js';
import { isNative, javaOrder, PUBLIC_ROLE, type AuthEntry, type StoredRole, type StoredUser, type SystemState } from '../../store/state.js';
import { nameValue } from '../params.js';
import { mapOf, type Value } from '../values.js';
import type { CommandContext } from './context.js';
import { findUser } from './users.js';

/** A row keyed by the catalog's columns: a misspelled column does not compile. */
export type SourceRow = ReadonlyMap<ShowColumn, Value>;

/** The value of a column a query names (YIELD checked that it exists), or null. */
export function columnValue(row: SourceRow, column: string): Value {
  return (row as ReadonlyMap<string, Value>).get(column) ?? null;
}

export interface ShowSource {
  readonly columns: readonly ShowColumn[];
  readonly defaultColumns: readonly ShowColumn[];
  /** Neo4j sorts by these columns when the query does not say otherwise (and they are in scope). */
  readonly defaultOrder: readonly ShowColumn[];
  readonly rows: readonly SourceRow[];
}

/**
 * What WITH AUTH shows for a native password: `***`, as Neo4j's source builds the row (shared
 * reference, neo4j-user-admin-semantics.md section 3), not the nine stars of one manual table.
 */
const NATIVE_PASSWORD_SHOWN = '***';

/** Tag values need SHOW USER METADATA; without it the column is null (Neo4j's manual). */
function userColumns(user: StoredUser, canSeeTags: boolean): [ShowColumn, Value][] {
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

function authColumns(auth: AuthEntry | null): [ShowColumn, Value][] {
  if (auth === null)
    return [
      ['provider', null],
      ['auth', null],
    ];
  const details = isNative(auth)
    ? mapOf([
        ['password', NATIVE_PASSWORD_SHOWN],
        ['changeRequired', auth.changeRequired],
      ])
    : mapOf([['id', auth.id]]);
  return [
    ['provider', auth.provider],
    ['auth', details],
  ];
}

function source(command: ShowCommand, defaultOrder: readonly ShowColumn[], rows: SourceRow[]): ShowSource {
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
    for (const auth of user.auth.length > 0 ? user.auth : [null])
      rows.push(new Map([...userColumns(user, canSeeTags), ...authColumns(auth)]));
  }
  return source(command, ['user'], rows);
}

export function showCurrentUserSource(
  state: SystemState,
  command: ShowCurrentUser,
  context: CommandContext,
  canSeeTags: boolean,
): ShowSource {
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
      rows.push(
        new Map<ShowColumn, Value>([
          ['role', role.name],
          ['immutable', role.immutable],
        ]),
      );
      continue;
    }
    for (const member of members.length > 0 ? members : [null]) {
      rows.push(
        new Map<ShowColumn, Value>([
          ['role', role.name],
          ['member', member?.name ?? null],
          ['immutable', role.immutable],
        ]),
      );
    }
  }
  return source(command, ['role'], rows);
}

export function showUserPrivilegesSource(state: SystemState, command: ShowUserPrivileges, context: CommandContext): ShowSource {
  const names =
    command.users.length > 0 ? command.users.map((u) => nameValue(u, context.params)) : context.user === null ? [] : [context.user];
  const rows: SourceRow[] = [];
  for (const name of names) {
    const user = findUser(state, name);
    if (!user) continue;
    const roleNames = new Set([...user.roles, PUBLIC_ROLE]);
    const roles = state.roles.filter((r) => roleNames.has(r.name)).sort((a, b) => javaOrder(a.name, b.name));
    if (command.output === 'table') {
      for (const role of roles) for (const p of role.privileges) rows.push(privilegeRow(p, role.name, user.name));
      continue;
    }
    // As commands, a user's privileges name the role as `$role`, ready to be replayed onto a new role.
    rows.push(...privilegeCommandRows(roles, command.output, () => '$role'));
  }
  return source(command, command.output === 'table' ? [] : ['command'], rows);
}

/** One row of SHOW PRIVILEGES (and of a role's or a user's): the user column only for a user's. */
export function privilegeRow(p: PrivilegeRow, role: string, user?: string): SourceRow {
  const row = new Map<ShowColumn, Value>([
    ['access', p.access],
    ['action', p.action],
    ['resource', p.resource],
    ['graph', p.graph],
    ['segment', p.segment],
    ['role', role],
    ['immutable', p.immutable],
  ]);
  if (user !== undefined) row.set('user', user);
  return row;
}

/**
 * `AS [REVOKE] COMMANDS`: each privilege once, as the command that grants (or revokes) it, sorted. The
 * command does not say IMMUTABLE: the `immutable` column does (Neo4j's hints name `AS COMMANDS YIELD *` for it).
 */
export function privilegeCommandRows(
  roles: readonly StoredRole[],
  output: Exclude<PrivilegeOutput, 'table'>,
  target: (role: string) => string,
): SourceRow[] {
  const commands = new Map<string, { readonly text: string; readonly immutable: boolean }>();
  for (const role of roles) {
    for (const p of role.privileges) {
      const text = output === 'commands' ? `${p.command} TO ${target(role.name)}` : `REVOKE ${p.command} FROM ${target(role.name)}`;
      commands.set(`${p.immutable ? 'i' : 'm'}${text}`, { text, immutable: p.immutable });
    }
  }
  return [...commands.values()]
    .sort((a, b) => javaOrder(a.text, b.text) || Number(a.immutable) - Number(b.immutable))
    .map(
      ({ text, immutable }) =>
        new Map<ShowColumn, Value>([
          ['command', text],
          ['immutable', immutable],
        ]),
    );
}
