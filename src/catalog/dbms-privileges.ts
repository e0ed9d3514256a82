/** What each DBMS privilege is called, and which privilege includes which (Neo4j's hierarchy). */
import type { DatabaseAction, DbmsAction, GraphAction, PrivilegeAction } from '../ast/privileges.js';

/** As the privilege is written in a command (`GRANT <this> ON DBMS TO role`), and as SHOW ... AS COMMANDS prints it. */
export const PRIVILEGE_TEXT: Readonly<Record<DbmsAction, string>> = {
  dbms_actions: 'ALL DBMS PRIVILEGES',
  user_management: 'USER MANAGEMENT',
  create_user: 'CREATE USER',
  drop_user: 'DROP USER',
  rename_user: 'RENAME USER',
  alter_user: 'ALTER USER',
  show_user: 'SHOW USER',
  set_passwords: 'SET PASSWORD',
  set_auth: 'SET AUTH',
  set_user_status: 'SET USER STATUS',
  set_user_home_database: 'SET USER HOME DATABASE',
  user_metadata_management: 'USER METADATA MANAGEMENT',
  set_user_metadata: 'SET USER METADATA',
  show_user_metadata: 'SHOW USER METADATA',
  role_management: 'ROLE MANAGEMENT',
  create_role: 'CREATE ROLE',
  drop_role: 'DROP ROLE',
  rename_role: 'RENAME ROLE',
  assign_role: 'ASSIGN ROLE',
  remove_role: 'REMOVE ROLE',
  show_role: 'SHOW ROLE',
  privilege_management: 'PRIVILEGE MANAGEMENT',
  show_privilege: 'SHOW PRIVILEGE',
  assign_privilege: 'ASSIGN PRIVILEGE',
  remove_privilege: 'REMOVE PRIVILEGE',
  impersonate: 'IMPERSONATE',
  database_management: 'DATABASE MANAGEMENT',
  create_database: 'CREATE DATABASE',
  drop_database: 'DROP DATABASE',
  alter_database: 'ALTER DATABASE',
  set_database_access: 'SET DATABASE ACCESS',
  composite_database_management: 'COMPOSITE DATABASE MANAGEMENT',
  create_composite_database: 'CREATE COMPOSITE DATABASE',
  drop_composite_database: 'DROP COMPOSITE DATABASE',
  alias_management: 'ALIAS MANAGEMENT',
  create_alias: 'CREATE ALIAS',
  drop_alias: 'DROP ALIAS',
  alter_alias: 'ALTER ALIAS',
  show_alias: 'SHOW ALIAS',
  server_management: 'SERVER MANAGEMENT',
  show_server: 'SHOW SERVERS',
  execute_procedure: 'EXECUTE PROCEDURE',
  execute_boosted_procedure: 'EXECUTE BOOSTED PROCEDURE',
  execute_function: 'EXECUTE FUNCTION',
  execute_boosted_function: 'EXECUTE BOOSTED FUNCTION',
  execute_admin: 'EXECUTE ADMIN PROCEDURES',
  show_setting: 'SHOW SETTING',
};

/** How `Permission denied for ...` names a privilege (Neo4j's action names). */
export function actionDisplayName(action: DbmsAction): string {
  return action === 'set_passwords' ? 'SET PASSWORDS' : PRIVILEGE_TEXT[action];
}

/**
 * The privilege that includes each one. `ALTER USER` is the sum of the four SET privileges;
 * `USER METADATA MANAGEMENT` sits outside `USER MANAGEMENT` (Neo4j's manual: it is as potent as
 * ROLE MANAGEMENT); `ALL DBMS PRIVILEGES` includes everything.
 */
const PARENT: Readonly<Record<DbmsAction, DbmsAction | null>> = {
  dbms_actions: null,
  user_management: 'dbms_actions',
  create_user: 'user_management',
  drop_user: 'user_management',
  rename_user: 'user_management',
  alter_user: 'user_management',
  show_user: 'user_management',
  set_passwords: 'alter_user',
  set_auth: 'alter_user',
  set_user_status: 'alter_user',
  set_user_home_database: 'alter_user',
  user_metadata_management: 'dbms_actions',
  set_user_metadata: 'user_metadata_management',
  show_user_metadata: 'user_metadata_management',
  role_management: 'dbms_actions',
  create_role: 'role_management',
  drop_role: 'role_management',
  rename_role: 'role_management',
  assign_role: 'role_management',
  remove_role: 'role_management',
  show_role: 'role_management',
  privilege_management: 'dbms_actions',
  show_privilege: 'privilege_management',
  assign_privilege: 'privilege_management',
  remove_privilege: 'privilege_management',
  impersonate: 'dbms_actions',
  database_management: 'dbms_actions',
  create_database: 'database_management',
  drop_database: 'database_management',
  alter_database: 'database_management',
  set_database_access: 'alter_database',
  composite_database_management: 'database_management',
  create_composite_database: 'composite_database_management',
  drop_composite_database: 'composite_database_management',
  alias_management: 'dbms_actions',
  create_alias: 'alias_management',
  drop_alias: 'alias_management',
  alter_alias: 'alias_management',
  show_alias: 'alias_management',
  server_management: 'dbms_actions',
  show_server: 'server_management',
  execute_procedure: 'dbms_actions',
  execute_boosted_procedure: 'dbms_actions',
  execute_function: 'dbms_actions',
  execute_boosted_function: 'dbms_actions',
  execute_admin: 'dbms_actions',
  show_setting: 'dbms_actions',
};

/** SHOW PRIVILEGES' `action` where it is not the internal name, and the segment kind of each glob. */
export const ACTION_COLUMN: Readonly<Partial<Record<DbmsAction, string>>> = {
  execute_procedure: 'execute',
  execute_function: 'execute',
  execute_boosted_procedure: 'execute_boosted',
  execute_boosted_function: 'execute_boosted',
};
export const GLOB_SEGMENT: Readonly<Partial<Record<DbmsAction, string>>> = {
  execute_procedure: 'PROCEDURE',
  execute_boosted_procedure: 'PROCEDURE',
  execute_function: 'FUNCTION',
  execute_boosted_function: 'FUNCTION',
  show_setting: 'SETTING',
};

/** The action itself and every privilege that includes it. */
export function coveringActions(action: DbmsAction): DbmsAction[] {
  const chain: DbmsAction[] = [];
  for (let a: DbmsAction | null = action; a !== null; a = PARENT[a]) chain.push(a);
  return chain;
}

export const DBMS_ACTIONS = Object.keys(PARENT) as DbmsAction[];

/** Database privileges as written in a command (`GRANT <this> ON DATABASE * TO role`) and printed by AS COMMANDS. */
export const DATABASE_PRIVILEGE_TEXT: Readonly<Record<DatabaseAction, string>> = {
  database_actions: 'ALL DATABASE PRIVILEGES',
  access: 'ACCESS',
  start_database: 'START',
  stop_database: 'STOP',
  index: 'INDEX MANAGEMENT',
  create_index: 'CREATE INDEX',
  drop_index: 'DROP INDEX',
  show_index: 'SHOW INDEX',
  constraint: 'CONSTRAINT MANAGEMENT',
  create_constraint: 'CREATE CONSTRAINT',
  drop_constraint: 'DROP CONSTRAINT',
  show_constraint: 'SHOW CONSTRAINT',
  token: 'NAME MANAGEMENT',
  create_label: 'CREATE NEW NODE LABEL',
  create_reltype: 'CREATE NEW RELATIONSHIP TYPE',
  create_propertykey: 'CREATE NEW PROPERTY NAME',
  transaction_management: 'TRANSACTION MANAGEMENT',
  show_transaction: 'SHOW TRANSACTION',
  terminate_transaction: 'TERMINATE TRANSACTION',
};

/** Graph privileges as written in a command (`GRANT <this> ON GRAPH * TO role`) and printed by AS COMMANDS. */
export const GRAPH_PRIVILEGE_TEXT: Readonly<Record<GraphAction, string>> = {
  graph_actions: 'ALL GRAPH PRIVILEGES',
  traverse: 'TRAVERSE',
  read: 'READ',
  match: 'MATCH',
  write: 'WRITE',
  create_element: 'CREATE',
  delete_element: 'DELETE',
  set_label: 'SET LABEL',
  remove_label: 'REMOVE LABEL',
  set_property: 'SET PROPERTY',
  merge: 'MERGE',
};

/** The graph privileges that cover the whole graph: no NODE/RELATIONSHIP segment may follow them (Neo4j's grammar). */
export const WHOLE_GRAPH_ACTIONS: ReadonlySet<string> = new Set(['graph_actions', 'write', 'set_label', 'remove_label']);

/** The privileges that take a `(users)` qualifier. */
export function isUserQualified(action: PrivilegeAction): boolean {
  return action === 'impersonate' || isTransactionAction(action);
}

export function isTransactionAction(action: PrivilegeAction): boolean {
  return action === 'transaction_management' || action === 'show_transaction' || action === 'terminate_transaction';
}

export const DATABASE_ACTIONS = Object.keys(DATABASE_PRIVILEGE_TEXT) as DatabaseAction[];
export const GRAPH_ACTIONS = Object.keys(GRAPH_PRIVILEGE_TEXT) as GraphAction[];

export function isDbmsAction(action: PrivilegeAction): action is DbmsAction {
  return Object.hasOwn(PRIVILEGE_TEXT, action);
}

export function isGraphAction(action: PrivilegeAction): action is GraphAction {
  return Object.hasOwn(GRAPH_PRIVILEGE_TEXT, action);
}

/** How a privilege is written in a command, whichever it is. */
export function privilegeText(action: PrivilegeAction): string {
  if (action === 'load') return 'LOAD';
  return isDbmsAction(action)
    ? PRIVILEGE_TEXT[action]
    : isGraphAction(action)
      ? GRAPH_PRIVILEGE_TEXT[action]
      : DATABASE_PRIVILEGE_TEXT[action];
}
