import type { ShowPipeline } from './show.js';
import type { Span, Spanned } from './span.js';
import type { PrivilegeOutput } from './users.js';
import type { NameOrParameter, StringOrParameter } from './values.js';

/**
 * The DBMS privileges that govern users, roles and privileges, by the name Neo4j's SHOW PRIVILEGES
 * prints in its `action` column. `dbms_actions` is `ALL [DBMS] PRIVILEGES`.
 */
export type DbmsAction =
  | 'dbms_actions'
  | 'user_management'
  | 'create_user'
  | 'drop_user'
  | 'rename_user'
  | 'alter_user'
  | 'show_user'
  | 'set_passwords'
  | 'set_auth'
  | 'set_user_status'
  | 'set_user_home_database'
  | 'user_metadata_management'
  | 'set_user_metadata'
  | 'show_user_metadata'
  | 'role_management'
  | 'create_role'
  | 'drop_role'
  | 'rename_role'
  | 'assign_role'
  | 'remove_role'
  | 'show_role'
  | 'privilege_management'
  | 'show_privilege'
  | 'assign_privilege'
  | 'remove_privilege'
  | 'impersonate'
  // Kept as data only, like the database privileges: there are no databases, aliases, servers,
  // procedures or settings here. The EXECUTE ones are `execute`/`execute_boosted` in SHOW PRIVILEGES.
  | 'database_management'
  | 'create_database'
  | 'drop_database'
  | 'alter_database'
  | 'set_database_access'
  | 'composite_database_management'
  | 'create_composite_database'
  | 'drop_composite_database'
  | 'alias_management'
  | 'create_alias'
  | 'drop_alias'
  | 'alter_alias'
  | 'show_alias'
  | 'server_management'
  | 'show_server'
  | 'execute_procedure'
  | 'execute_boosted_procedure'
  | 'execute_function'
  | 'execute_boosted_function'
  | 'execute_admin'
  | 'show_setting';

/**
 * The database privileges, by their `action` column in SHOW PRIVILEGES. They are kept as data only:
 * cypher-sysdb has no databases or graphs to enforce them on.
 */
export type DatabaseAction =
  | 'database_actions'
  | 'access'
  | 'start_database'
  | 'stop_database'
  | 'index'
  | 'create_index'
  | 'drop_index'
  | 'show_index'
  | 'constraint'
  | 'create_constraint'
  | 'drop_constraint'
  | 'show_constraint'
  | 'token'
  | 'create_label'
  | 'create_reltype'
  | 'create_propertykey'
  | 'transaction_management'
  | 'show_transaction'
  | 'terminate_transaction';

/** The graph privileges, by their `action` column. Kept as data only, like the database privileges. */
export type GraphAction =
  | 'graph_actions'
  | 'traverse'
  | 'read'
  | 'match'
  | 'write'
  | 'create_element'
  | 'delete_element'
  | 'set_label'
  | 'remove_label'
  | 'set_property'
  | 'merge';

/** `LOAD ON ALL DATA | CIDR 'range'`: LOAD CSV's sources, kept as data (Neo4j's manual, "Load privileges"). */
export type LoadAction = 'load';

export type PrivilegeAction = DbmsAction | DatabaseAction | GraphAction | LoadAction;

/**
 * `ALL DATA`, `CIDR 'range'` / `CIDR $range`, or `URL 'pattern'` / `URL $pattern` (Cypher25Parser.g4 loadPrivilege:
 * `(URL | CIDR) stringOrParameter`); Neo4j refuses URL patterns in its semantic analysis, so a checked statement has none.
 */
export type DataSource =
  | { readonly kind: 'all' }
  | { readonly kind: 'cidr'; readonly range: StringOrParameter }
  | { readonly kind: 'url'; readonly pattern: StringOrParameter };

/**
 * `ON DATABASE[S] *`, `ON DATABASE[S] names`, `ON HOME DATABASE`, `ON DEFAULT DATABASE` (or GRAPH).
 * DEFAULT parses (Neo4j's Cypher 5 grammar keeps it, so its expected lists name it) and is then
 * refused by the checks, as Neo4j refuses it; `span` covers `DEFAULT DATABASE` for that message.
 */
export type DatabaseScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'home' }
  | { readonly kind: 'default'; readonly span: Span }
  | { readonly kind: 'named'; readonly names: readonly NameOrParameter[] };

/** `NODE[S] A, B`, `RELATIONSHIP[S] *`, `ELEMENT[S] ...`: which graph elements a graph privilege covers. */
export interface GraphSegment {
  readonly element: 'node' | 'relationship' | 'element';
  readonly names: '*' | readonly string[];
}

/** What a GRANT, DENY or REVOKE grants: everything but its roles (what the printer and the store read). */
export interface PrivilegeSpec {
  /** `IMMUTABLE` was written (cypher-sysdb refuses it when run: it needs auth disabled in Neo4j). */
  readonly immutable: boolean;
  /** A DBMS action `ON DBMS` (databases null), or a database or graph action on `databases`; the grammar allows no other pairs. */
  readonly action: PrivilegeAction;
  readonly databases: DatabaseScope | null;
  /** `ON GRAPH[S]`, `ON HOME GRAPH`, `ON DEFAULT GRAPH` rather than DATABASE. */
  readonly onGraph: boolean;
  /** Whose transactions a transaction privilege covers, or whom IMPERSONATE does (`(*)` when omitted); null for the others. */
  readonly transactionUsers: '*' | readonly NameOrParameter[] | null;
  /** `{props}` of READ, MATCH, MERGE and SET PROPERTY; `SET|REMOVE LABEL labels`; null for the others. */
  readonly properties: '*' | readonly string[] | null;
  readonly labels: '*' | readonly string[] | null;
  /** The segment written after the graph scope, null when none was. */
  readonly segment: GraphSegment | null;
  /** The procedure, function or setting globs of EXECUTE and SHOW SETTING (`db.*`, `*`); null for the others. */
  readonly globs: readonly string[] | null;
  /** What LOAD is granted on; null for the other privileges. */
  readonly dataSource: DataSource | null;
}

interface PrivilegeCommandBase extends Spanned, PrivilegeSpec {
  readonly roles: readonly NameOrParameter[];
}

/** `GRANT <privilege> ON DBMS TO roles`. */
export interface GrantPrivilege extends PrivilegeCommandBase {
  readonly kind: 'grant-privilege';
}

/** `DENY <privilege> ON DBMS TO roles`. */
export interface DenyPrivilege extends PrivilegeCommandBase {
  readonly kind: 'deny-privilege';
}

/** `REVOKE [GRANT | DENY] <privilege> ON DBMS FROM roles`: without GRANT or DENY, both are revoked. */
export interface RevokePrivilege extends PrivilegeCommandBase {
  readonly kind: 'revoke-privilege';
  readonly revokes: 'grant' | 'deny' | 'both';
}

/** `SHOW [ALL] PRIVILEGE[S] [AS [REVOKE] COMMAND[S]]`. */
export interface ShowPrivileges extends Spanned {
  readonly kind: 'show-privileges';
  readonly output: PrivilegeOutput;
  readonly pipeline: ShowPipeline;
}

/** `SHOW ROLE[S] names PRIVILEGE[S] [AS [REVOKE] COMMAND[S]]`. */
export interface ShowRolePrivileges extends Spanned {
  readonly kind: 'show-role-privileges';
  readonly roles: readonly NameOrParameter[];
  readonly output: PrivilegeOutput;
  readonly pipeline: ShowPipeline;
}

export type PrivilegeCommand = GrantPrivilege | DenyPrivilege | RevokePrivilege | ShowPrivileges | ShowRolePrivileges;
