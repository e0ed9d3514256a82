/** GRANT, DENY and REVOKE of DBMS privileges, and the rows of SHOW [ROLE ...] PRIVILEGES. */
import { produce } from 'immer';
import type {
  DataSource,
  DenyPrivilege,
  GrantPrivilege,
  RevokePrivilege,
  ShowPrivileges,
  ShowRolePrivileges,
} from '../../ast/privileges.js';
import type { StringLiteral } from '../../ast/values.js';
import type { DbmsAction } from '../../ast/privileges.js';
import { showColumns } from '../../catalog/show-columns.js';
import {
  actionColumn,
  globSegment,
  isDbmsAction,
  isGraphAction,
  PRIVILEGE_TEXT,
  privilegeText,
  WHOLE_GRAPH_ACTIONS,
} from '../../catalog/dbms-privileges.js';
import { StatusCode } from '../../diagnostics/codes.js';
import type { Access, PrivilegeRow } from '../../store/privileges.js';
import { javaOrder, type StoredRole, type SystemState } from '../../store/state.js';
import { dataSourceText, escapeName } from '../../render/printer.js';
import { Neo4jError } from '../../diagnostics/neo4j-error.js';
import { assertMutablePrivilegesAllowed, assertRevocable } from '../immutability.js';
import { privilegeAlreadyHeld, privilegeNotHeld } from '../notifications.js';
import { nameValue } from '../params.js';
import { written, type CommandContext, type CommandOutcome } from './context.js';
import { privilegeCommandRows, privilegeRow, type ShowSource, type SourceRow } from './show-sources.js';

/** A DBMS privilege as a role holds it, in the shape SHOW PRIVILEGES prints. */
function dbmsPrivilegeRow(access: Access, action: DbmsAction, immutable: boolean): PrivilegeRow {
  const verb = access === 'GRANTED' ? 'GRANT' : 'DENY';
  const command = `${verb} ${PRIVILEGE_TEXT[action]} ON DBMS`;
  return { access, action, resource: 'database', graph: '*', segment: 'database', command, immutable };
}

/** A privilege's command as the statement wrote it: `GRANT IMMUTABLE ...` where it was immutable. */
export function commandText(row: PrivilegeRow, immutable = row.immutable): string {
  return immutable ? row.command.replace(/^(GRANT|DENY) /, '$1 IMMUTABLE ') : row.command;
}

/** One column of a privilege row and the words it stands for in the command. */
type Part = readonly [column: string, text: string];

const starOr = (names: '*' | readonly string[], column: (name: string) => string, text: (name: string) => string): Part[] =>
  names === '*' ? [[column('*'), text('*')]] : names.map((n) => [column(n), text(escapeName(n))]);

/** The resource column and its words: `{p}`/`property(p)`, `SET LABEL L`/`label(L)`, else the whole graph or database. */
function resources(command: PrivilegeCommandParts, data: BoundDataSource | null): Part[] {
  if (data !== null) return [[data.kind === 'all' ? 'all_data' : `cidr(${data.range.value})`, '']];
  if (command.properties === '*') return [['all_properties', ' {*}']];
  if (command.properties !== null)
    return starOr(
      command.properties,
      (p) => `property(${p})`,
      (p) => ` {${p}}`,
    );
  if (command.labels === '*') return [['all_labels', ' *']];
  if (command.labels !== null)
    return starOr(
      command.labels,
      (l) => `label(${l})`,
      (l) => ` ${l}`,
    );
  return [[isGraphAction(command.action) && command.action !== 'graph_actions' ? 'graph' : 'database', '']];
}

/** The segment column and its words: `USER(u)` for the (users) qualifier, `NODE(A)` for graph segments (ELEMENTS is both). */
function segments(command: PrivilegeCommandParts, params: CommandContext['params']): Part[] {
  const { action, transactionUsers: users, globs } = command;
  if (globs !== null) return globs.map((g) => [`${globSegment(action)}(${g})`, ` ${g}`]);
  if (users !== null) {
    return users === '*' ? [['USER(*)', ' (*)']] : users.map((u) => nameValue(u, params)).map((u) => [`USER(${u})`, ` (${escapeName(u)})`]);
  }
  if (!isGraphAction(action) || action === 'graph_actions') return [['database', '']];
  if (WHOLE_GRAPH_ACTIONS.has(action))
    return action === 'write'
      ? [
          ['NODE(*)', ''],
          ['RELATIONSHIP(*)', ''],
        ]
      : [['NODE(*)', '']];
  const { element, names } = command.segment ?? { element: 'element', names: '*' };
  const kinds = element === 'element' ? ['NODE', 'RELATIONSHIP'] : [element.toUpperCase()];
  return kinds.flatMap((kind) =>
    starOr(
      names,
      (n) => `${kind}(${n})`,
      (n) => ` ${kind} ${n}`,
    ),
  );
}

type PrivilegeCommandParts = GrantPrivilege | DenyPrivilege | RevokePrivilege;

/** LOAD's source with its parameter replaced by the value: what the privilege's row keeps. */
type BoundDataSource = { readonly kind: 'all' } | { readonly kind: 'cidr'; readonly range: StringLiteral };

function boundDataSource(data: DataSource | null, params: CommandContext['params']): BoundDataSource | null {
  if (data === null || data.kind === 'all') return data;
  // src/check/index.ts refuses URL patterns, as Neo4j does: a statement that reaches here has none.
  if (data.kind === 'url') throw new Error('LOAD ON URL reached the executor: the checker refuses it');
  const { range } = data;
  return range.kind === 'string'
    ? { kind: 'cidr', range }
    : { kind: 'cidr', range: { kind: 'string', value: nameValue(range, params), span: range.span } };
}

/**
 * The rows a command's privilege stands for: one per database or graph, segment and resource it names.
 * Database and graph privileges are kept as data only (there are no databases to enforce them on).
 */
export function commandRows(access: Access, command: PrivilegeCommandParts, params: CommandContext['params']): PrivilegeRow[] {
  const { action, databases: scope } = command;
  if (isDbmsAction(action) && command.transactionUsers === null && command.globs === null)
    return [dbmsPrivilegeRow(access, action, command.immutable)];
  const verb = access === 'GRANTED' ? 'GRANT' : 'DENY';
  const noun = command.onGraph ? 'GRAPH' : 'DATABASE';
  const data = boundDataSource(command.dataSource, params);
  const places: Part[] =
    data !== null
      ? [['*', dataSourceText(data)]]
      : scope === null
        ? [['*', 'DBMS']]
        : scope.kind === 'named'
          ? scope.names.map((n) => nameValue(n, params)).map((name) => [name, `${noun} ${escapeName(name)}`])
          : [
              [
                scope.kind === 'all' ? '*' : scope.kind.toUpperCase(),
                scope.kind === 'all' ? `${noun} *` : `${scope.kind.toUpperCase()} ${noun}`,
              ],
            ];
  const text = privilegeText(action);
  // The (users) of a transaction privilege and the globs of EXECUTE come before ON; graph segments after it.
  const users = command.transactionUsers !== null || command.globs !== null;
  return places.flatMap(([graph, on]) =>
    segments(command, params).flatMap(([segment, segmentText]) =>
      resources(command, data).map(([resource, resourceText]) => ({
        access,
        action: actionColumn(action),
        resource,
        graph,
        segment,
        command: `${verb} ${text}${resourceText}${users ? segmentText : ''} ON ${on}${users ? '' : segmentText}`,
        // For a REVOKE, only what it matches: `REVOKE IMMUTABLE` filters on it, the other columns name the rows.
        immutable: command.immutable,
      })),
    ),
  );
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

/**
 * Granting or denying what a role already has changes nothing (Neo4j only notifies), whether it holds
 * it IMMUTABLE or not: a privilege is one row, named by SHOW PRIVILEGES' columns.
 */
export function grantOrDenyPrivilege(state: SystemState, command: GrantPrivilege | DenyPrivilege, context: CommandContext): CommandOutcome {
  const verb = command.kind === 'grant-privilege' ? 'grant' : 'deny';
  const roles = resolveRoles(state, command, context, `Failed to ${verb} ${command.action} privilege to`);
  if (!command.immutable) roles.forEach(assertMutablePrivilegesAllowed);
  const rows = commandRows(command.kind === 'grant-privilege' ? 'GRANTED' : 'DENIED', command, context.params);
  const notifications = roles.flatMap((role) =>
    rows
      .filter((row) => role.privileges.some((p) => sameRow(p, row)))
      .map((row) => privilegeAlreadyHeld(`${commandText(row)} TO ${escapeName(role.name)}`)),
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

/** `REVOKE IMMUTABLE` removes only what a role holds immutable; a plain REVOKE removes either kind. */
export function revokePrivilege(state: SystemState, command: RevokePrivilege, context: CommandContext): CommandOutcome {
  const roles = resolveRoles(state, command, context, `Failed to revoke ${command.action} privilege from`);
  const accesses: Access[] = command.revokes === 'grant' ? ['GRANTED'] : command.revokes === 'deny' ? ['DENIED'] : ['GRANTED', 'DENIED'];
  const revoked = accesses.flatMap((access) => commandRows(access, command, context.params));
  const removes = (p: PrivilegeRow) => (!command.immutable || p.immutable) && revoked.some((r) => sameRow(p, r));
  for (const role of roles) assertRevocable(role, role.privileges.filter(removes), context);
  // Neo4j revokes GRANT and DENY as separate sub-commands, and notifies about each that finds nothing.
  const notifications = roles.flatMap((role) =>
    revoked
      .filter((row) => !role.privileges.some((p) => removes(p) && sameRow(p, row)))
      .map((row) => privilegeNotHeld(`REVOKE ${commandText(row, command.immutable)} FROM ${escapeName(role.name)}`)),
  );
  return written(
    withPrivileges(state, roles, (privileges) => privileges.filter((p) => !removes(p))),
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
