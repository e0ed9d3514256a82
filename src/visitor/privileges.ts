/** CST -> AST for GRANT / DENY / REVOKE of DBMS privileges and SHOW [ROLE ...] PRIVILEGES. */
import type { IToken } from 'chevrotain';
import type { DatabaseScope, GraphSegment, PrivilegeAction, PrivilegeCommand } from '../ast/privileges.js';
import type { Span } from '../ast/span.js';
import type { PrivilegeOutput } from '../ast/users.js';
import type * as Cst from '../../grammar/cst.js';
import type { Source } from '../syntax/lines.js';
import { commandNames, databaseNames } from './names.js';
import { showPipeline } from './show.js';
import { decodeName, nodeSpan, one, parameter, stringLiteral, unexpectedAlternative } from './source.js';

function dbmsAction(node: Cst.DbmsPrivilegeCstNode): PrivilegeAction {
  const c = node.children;
  const onUser = c.USER !== undefined;
  const onRole = c.ROLE !== undefined;
  const onIndex = c.indexKeyword !== undefined;
  const onConstraint = c.constraintKeyword !== undefined;
  if (c.ALL) return c.DATABASE ? 'database_actions' : c.GRAPH ? 'graph_actions' : 'dbms_actions';
  if (c.IMPERSONATE) return 'impersonate';
  if (c.EXECUTE) {
    if (c.ADMIN || c.ADMINISTRATOR) return 'execute_admin';
    const fn = c.FUNCTION || c.FUNCTIONS;
    return c.BOOSTED ? (fn ? 'execute_boosted_function' : 'execute_boosted_procedure') : fn ? 'execute_function' : 'execute_procedure';
  }
  if (c.loadPrivilege) return 'load';
  if (c.SETTING || c.SETTINGS) return 'show_setting';
  if (c.SERVER || c.SERVERS) return c.MANAGEMENT ? 'server_management' : 'show_server';
  if (c.ALIAS)
    return c.MANAGEMENT ? 'alias_management' : c.CREATE ? 'create_alias' : c.DROP ? 'drop_alias' : c.ALTER ? 'alter_alias' : 'show_alias';
  if (c.SET && c.ACCESS) return 'set_database_access';
  if (c.ALTER && c.DATABASE) return 'alter_database';
  if (c.databaseObject) {
    const composite = one(c.databaseObject).children.COMPOSITE !== undefined;
    const verb = c.MANAGEMENT ? 'management' : c.CREATE ? 'create' : 'drop';
    return verb === 'management'
      ? composite
        ? 'composite_database_management'
        : 'database_management'
      : `${verb}_${composite ? 'composite_' : ''}database`;
  }
  if (c.TRAVERSE) return 'traverse';
  if (c.READ) return 'read';
  if (c.MATCH) return 'match';
  if (c.MERGE) return 'merge';
  if (c.writePrivilege) return 'write';
  if (c.DELETE) return 'delete_element';
  if (c.LABEL) return c.SET ? 'set_label' : 'remove_label';
  if (c.PROPERTY) return 'set_property';
  if (c.TERMINATE) return 'terminate_transaction';
  if (c.transactionKeyword || c.TRANSACTION) return c.SHOW ? 'show_transaction' : 'transaction_management';
  if (c.ACCESS) return 'access';
  if (c.START) return 'start_database';
  if (c.STOP) return 'stop_database';
  if (c.newToken) {
    const t = one(c.newToken).children;
    return t.LABEL || t.LABELS ? 'create_label' : t.TYPE || t.TYPES ? 'create_reltype' : 'create_propertykey';
  }
  if (onIndex) return c.MANAGEMENT ? 'index' : c.CREATE ? 'create_index' : c.DROP ? 'drop_index' : c.SHOW ? 'show_index' : 'index';
  if (onConstraint) {
    return c.MANAGEMENT
      ? 'constraint'
      : c.CREATE
        ? 'create_constraint'
        : c.DROP
          ? 'drop_constraint'
          : c.SHOW
            ? 'show_constraint'
            : 'constraint';
  }
  if (c.NAME) return 'token';
  if (c.MANAGEMENT) {
    if (onUser) return c.METADATA ? 'user_metadata_management' : 'user_management';
    return onRole ? 'role_management' : 'privilege_management';
  }
  if (c.CREATE && (onUser || onRole)) return onUser ? 'create_user' : 'create_role';
  if (c.DROP) return onUser ? 'drop_user' : 'drop_role';
  if (c.RENAME) return onUser ? 'rename_user' : 'rename_role';
  if (c.CREATE) return 'create_element';
  if (c.ALTER) return 'alter_user';
  if (c.SHOW) {
    if (onUser) return c.METADATA ? 'show_user_metadata' : 'show_user';
    return onRole ? 'show_role' : 'show_privilege';
  }
  if (c.ASSIGN) return onRole ? 'assign_role' : 'assign_privilege';
  if (c.REMOVE) return onRole ? 'remove_role' : 'remove_privilege';
  if (c.PASSWORD || c.PASSWORDS) return 'set_passwords';
  if (c.AUTH) return 'set_auth';
  if (c.STATUS) return 'set_user_status';
  if (c.HOME) return 'set_user_home_database';
  if (c.SET && c.METADATA) return 'set_user_metadata';
  return unexpectedAlternative('dbmsPrivilege');
}

/** Which databases or graphs: `HOME`, `DEFAULT`, the names, or `*`. */
function databaseScope(node: Cst.DatabaseScopeCstNode | Cst.GraphScopeCstNode, source: Source): DatabaseScope {
  const c = node.children;
  if (c.HOME) return { kind: 'home' };
  // The node is `DEFAULT DATABASE` (or GRAPH) exactly.
  if (c.DEFAULT) return { kind: 'default', span: nodeSpan(node, source) };
  const names = 'databases' in c ? c.databases : 'graphs' in c ? c.graphs : undefined;
  if (names) return { kind: 'named', names: databaseNames(one(names), source) };
  return { kind: 'all' };
}

/** `*` or the names, decoded. */
function starOrNames(node: Cst.StarOrNamesCstNode): '*' | string[] {
  const names = node.children.Name;
  return names ? names.map((t) => decodeName(t.image)) : '*';
}

function graphSegment(node: Cst.GraphSegmentCstNode): GraphSegment {
  const c = node.children;
  const element = c.NODE || c.NODES ? 'node' : c.RELATIONSHIP || c.RELATIONSHIPS ? 'relationship' : 'element';
  return { element, names: starOrNames(one(c.starOrNames)) };
}

/** A glob as written, without the whitespace that Neo4j's lexer skips between its parts (`db .*` is `db.*`). */
function globText(node: Cst.GlobCstNode): string {
  const c = node.children;
  const tokens: IToken[] = [...(c.EscapedName ?? [])];
  for (const part of c.globPart ?? []) for (const child of Object.values(part.children)) tokens.push(...child);
  return tokens
    .sort((a, b) => a.startOffset - b.startOffset)
    .map((t) => t.image)
    .join('');
}

type PrivilegeParts = Omit<PrivilegeCommand & { kind: 'grant-privilege' }, 'kind' | 'roles' | 'span' | 'use'>;

function privilege(node: Cst.DbmsPrivilegeOnDbmsCstNode, source: Source): PrivilegeParts {
  const c = node.children;
  const p = one(c.dbmsPrivilege).children;
  const qualifier = p.userQualifier?.[0]?.children.users?.[0];
  const load = p.loadPrivilege?.[0]?.children;
  const target:
    | { databaseScope?: Cst.DatabaseScopeCstNode[]; graphScope?: Cst.GraphScopeCstNode[]; graphSegment?: Cst.GraphSegmentCstNode[] }
    | undefined = (p.databaseTarget ?? p.graphTarget ?? p.wholeGraphTarget ?? p.allTarget ?? p.writePrivilege)?.[0]?.children;
  const graphScope = target?.graphScope?.[0];
  const scope = target?.databaseScope?.[0] ?? graphScope;
  const resource = p.propertyResource?.[0]?.children.starOrNames[0];
  const segment = target?.graphSegment?.[0];
  const onGraph = graphScope !== undefined;
  const globs = p.globList?.[0]?.children.glob.map(globText) ?? null;
  const range = load?.StringLiteral
    ? stringLiteral(one(load.StringLiteral), source)
    : load?.Parameter
      ? parameter(one(load.Parameter), source)
      : null;
  return {
    globs,
    dataSource: load?.DATA ? { kind: 'all' } : range ? (load?.URL ? { kind: 'url', pattern: range } : { kind: 'cidr', range }) : null,
    transactionUsers: p.transactionKeyword || p.TRANSACTION || p.IMPERSONATE ? (qualifier ? commandNames(qualifier, source) : '*') : null,
    immutable: c.IMMUTABLE !== undefined,
    // A bare `ALL [PRIVILEGES]` is the ALL of its target: DBMS, DATABASE or GRAPH.
    action:
      p.ALL && !p.DBMS && !p.DATABASE && !p.GRAPH && scope
        ? onGraph
          ? 'graph_actions'
          : 'database_actions'
        : dbmsAction(one(c.dbmsPrivilege)),
    databases: scope ? databaseScope(scope, source) : null,
    onGraph,
    properties: resource ? starOrNames(resource) : null,
    labels: p.labels ? starOrNames(one(p.labels)) : null,
    segment: segment ? graphSegment(segment) : null,
  };
}

export function grantPrivilege(c: Cst.GrantCommandCstChildren, span: Span, source: Source): PrivilegeCommand {
  return {
    kind: 'grant-privilege',
    ...privilege(one(c.dbmsPrivilegeOnDbms), source),
    roles: commandNames(one(c.privilegeRoles), source),
    span,
  };
}

export function denyPrivilege(node: Cst.DenyCommandCstNode, span: Span, source: Source): PrivilegeCommand {
  const c = node.children;
  return {
    kind: 'deny-privilege',
    ...privilege(one(c.dbmsPrivilegeOnDbms), source),
    roles: commandNames(one(c.privilegeRoles), source),
    span,
  };
}

export function revokePrivilege(c: Cst.RevokeCommandCstChildren, span: Span, source: Source): PrivilegeCommand {
  const revokes = c.GRANT ? 'grant' : c.DENY ? 'deny' : 'both';
  return {
    kind: 'revoke-privilege',
    revokes,
    ...privilege(one(c.dbmsPrivilegeOnDbms), source),
    roles: commandNames(one(c.privilegeRoles), source),
    span,
  };
}

function privilegeOutput(node: Cst.PrivilegesAsCstNode | undefined): PrivilegeOutput {
  if (!node) return 'table';
  return node.children.REVOKE ? 'revoke-commands' : 'commands';
}

export function showPrivileges(node: Cst.ShowAllPrivilegesTailCstNode, span: Span, source: Source): PrivilegeCommand {
  const c = node.children;
  return {
    kind: 'show-privileges',
    output: privilegeOutput(c.privilegesAs?.[0]),
    pipeline: showPipeline(one(c.showCommandYield), source),
    span,
  };
}

export function showRolePrivileges(node: Cst.ShowRolePrivilegesTailCstNode, span: Span, source: Source): PrivilegeCommand {
  const c = node.children;
  return {
    kind: 'show-role-privileges',
    roles: commandNames(one(c.commandNameList), source),
    output: privilegeOutput(c.privilegesAs?.[0]),
    pipeline: showPipeline(one(c.showCommandYield), source),
    span,
  };
}
