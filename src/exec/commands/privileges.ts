/** GRANT, DENY and REVOKE of DBMS privileges, and the rows of SHOW [ROLE ...] PRIVILEGES. */
import { produce } from 'immer';
import type { DenyPrivilege, GrantPrivilege, RevokePrivilege, ShowPrivileges, ShowRolePrivileges } from '../../ast/privileges.js';
import type { DatabaseScope, DbmsAction } from '../../ast/privileges.js';
import { assertNever } from '../../diagnostics/assert-never.js';
import { showColumns } from '../../catalog/show-columns.js';
import { DATABASE_PRIVILEGE_TEXT, isDbmsAction, PRIVILEGE_TEXT } from '../../catalog/dbms-privileges.js';
import { StatusCode } from '../../diagnostics/codes.js';
import type { Access, PrivilegeRow } from '../../store/privileges.js';
import { javaOrder, type StoredRole, type SystemState } from '../../store/state.js';
import { escapeName } from '../../render/printer.js';
import { forbidden, Neo4jError, notSupported } from '../../diagnostics/neo4j-error.js';
import { privilegeAlreadyHeld, privilegeNotHeld } from '../notifications.js';
import { nameValue } from '../params.js';
import { written, type CommandContext, type CommandOutcome } from './context.js';
import { privilegeCommandRows, privilegeRow, type ShowSource, type SourceRow } from './show-sources.js';

/** A DBMS privilege as a role holds it, in the shape SHOW PRIVILEGES prints. */
export function dbmsPrivilegeRow(access: Access, action: DbmsAction): PrivilegeRow {
  const verb = access === 'GRANTED' ? 'GRANT' : 'DENY';
  return { access, action, resource: 'database', graph: '*', segment: 'database', command: `${verb} ${PRIVILEGE_TEXT[action]} ON DBMS` };
}

/**
 * The rows a command's privilege stands for: one per named database. Database privileges are kept as
 * data only (there are no databases to enforce them on).
 */
function commandRows(
  access: Access,
  command: GrantPrivilege | DenyPrivilege | RevokePrivilege,
  params: CommandContext['params'],
): PrivilegeRow[] {
  const { action, databases } = command;
  if (isDbmsAction(action)) return [dbmsPrivilegeRow(access, action)];
  const verb = access === 'GRANTED' ? 'GRANT' : 'DENY';
  const text = DATABASE_PRIVILEGE_TEXT[action];
  // A transaction privilege is one row per user it names, segment `USER(name)`.
  const users =
    command.transactionUsers === null
      ? null
      : command.transactionUsers === '*'
        ? ['*']
        : command.transactionUsers.map((u) => nameValue(u, params));
  const rowsOn = (graph: string, on: string): PrivilegeRow[] =>
    users === null
      ? [{ access, action, resource: 'database', graph, segment: 'database', command: `${verb} ${text} ON ${on}` }]
      : users.map((user) => ({
          access,
          action,
          resource: 'database',
          graph,
          segment: `USER(${user})`,
          command: `${verb} ${text} (${user === '*' ? '*' : escapeName(user)}) ON ${on}`,
        }));
  const scope: DatabaseScope = databases ?? { kind: 'all' };
  switch (scope.kind) {
    case 'all':
      return rowsOn('*', 'DATABASE *');
    case 'home':
      return rowsOn('HOME', 'HOME DATABASE');
    case 'named':
      return scope.names.flatMap((n) => {
        const name = nameValue(n, params);
        return rowsOn(name, `DATABASE ${escapeName(name)}`);
      });
    default:
      return assertNever(scope, 'database scope');
  }
}

export function sameRow(a: PrivilegeRow, b: PrivilegeRow): boolean {
  return a.access === b.access && a.action === b.action && a.resource === b.resource && a.graph === b.graph && a.segment === b.segment;
}

/** The roles a command names, as the state holds them; a role that does not exist fails the command. */
function resolveRoles(
  state: SystemState,
  command: GrantPrivilege | DenyPrivilege | RevokePrivilege,
  context: CommandContext,
  failure: string,
): StoredRole[] {
  if (command.immutable) {
    // With authentication enabled Neo4j refuses IMMUTABLE outright; with it disabled we do not model it.
    if (context.user !== null && command.kind === 'grant-privilege') {
      throw forbidden('Immutable privileges cannot be granted. Try granting the privilege without the IMMUTABLE keyword.');
    }
    if (context.user !== null && command.kind === 'deny-privilege') {
      throw forbidden('Immutable privileges cannot be denied. Try denying the privilege without the IMMUTABLE keyword.');
    }
    throw notSupported('Managing IMMUTABLE privileges (Neo4j allows it only with authentication disabled)');
  }
  // Every name is bound before any is looked up: a missing parameter is reported first.
  const names = command.roles.map((r) => nameValue(r, context.params));
  const byName = rolesByName(state);
  return names.map((name) => {
    const role = byName.get(name);
    if (!role) throw new Neo4jError(StatusCode.InvalidArguments, `${failure} role '${name}': Role '${name}' does not exist.`);
    return role;
  });
}

function withPrivileges(
  state: SystemState,
  roles: readonly StoredRole[],
  change: (privileges: readonly PrivilegeRow[]) => PrivilegeRow[],
): SystemState {
  const named = new Set(roles.map((role) => role.name));
  return produce(state, (draft) => {
    for (const role of draft.roles) if (named.has(role.name)) role.privileges = change(role.privileges);
  });
}

/** The roles of the state by name, built once per command instead of a scan per role. */
function rolesByName(state: SystemState): ReadonlyMap<string, StoredRole> {
  return new Map(state.roles.map((r) => [r.name, r]));
}

/** Granting or denying what a role already has changes nothing (Neo4j only notifies). */
export function grantOrDenyPrivilege(state: SystemState, command: GrantPrivilege | DenyPrivilege, context: CommandContext): CommandOutcome {
  const verb = command.kind === 'grant-privilege' ? 'grant' : 'deny';
  const roles = resolveRoles(state, command, context, `Failed to ${verb} ${command.action} privilege to`);
  const rows = commandRows(command.kind === 'grant-privilege' ? 'GRANTED' : 'DENIED', command, context.params);
  const notifications = roles.flatMap((role) =>
    rows
      .filter((row) => role.privileges.some((p) => sameRow(p, row)))
      .map((row) => privilegeAlreadyHeld(`${row.command} TO ${escapeName(role.name)}`)),
  );
  return written(
    withPrivileges(state, roles, (privileges) => {
      const next = [...privileges];
      for (const row of rows) if (!next.some((p) => sameRow(p, row))) next.push(row);
      return next;
    }),
    notifications,
  );
}

export function revokePrivilege(state: SystemState, command: RevokePrivilege, context: CommandContext): CommandOutcome {
  const roles = resolveRoles(state, command, context, `Failed to revoke ${command.action} privilege from`);
  const accesses: Access[] = command.revokes === 'grant' ? ['GRANTED'] : command.revokes === 'deny' ? ['DENIED'] : ['GRANTED', 'DENIED'];
  const revoked = accesses.flatMap((access) => commandRows(access, command, context.params));
  // Neo4j revokes GRANT and DENY as separate sub-commands, and notifies about each that finds nothing.
  const notifications = roles.flatMap((role) =>
    revoked
      .filter((row) => !role.privileges.some((p) => sameRow(p, row)))
      .map((row) => privilegeNotHeld(`REVOKE ${row.command} FROM ${escapeName(role.name)}`)),
  );
  return written(
    withPrivileges(state, roles, (privileges) => privileges.filter((p) => !revoked.some((r) => sameRow(p, r)))),
    notifications,
  );
}

function privilegeRows(command: ShowPrivileges | ShowRolePrivileges, roles: readonly StoredRole[]): SourceRow[] {
  const sorted = [...roles].sort((a, b) => javaOrder(a.name, b.name));
  if (command.output === 'table') return sorted.flatMap((role) => role.privileges.map((p) => privilegeRow(p, role.name)));
  return privilegeCommandRows(sorted, command.output, quoteRole);
}

/** Neo4j prints role names in privilege commands between backticks. */
export function quoteRole(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

export function showPrivilegesSource(
  state: SystemState,
  command: ShowPrivileges | ShowRolePrivileges,
  context: CommandContext,
): ShowSource {
  const names = command.kind === 'show-role-privileges' ? new Set(command.roles.map((r) => nameValue(r, context.params))) : null;
  const roles = names === null ? state.roles : state.roles.filter((r) => names.has(r.name));
  const { all, defaults } = showColumns(command);
  return {
    columns: all,
    defaultColumns: defaults,
    defaultOrder: command.output === 'table' ? [] : ['command'],
    rows: privilegeRows(command, roles),
  };
}
