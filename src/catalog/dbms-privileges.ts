/** What each DBMS privilege is called, and which privilege includes which (Neo4j's hierarchy). */
import type { DatabaseAction, DbmsAction, GraphAction, PrivilegeAction } from '../ast/privileges.js';

/** A table of privilege texts where 0 stands for the action's own words: `create_user` is CREATE USER. */
/* @__NO_SIDE_EFFECTS__ */
function named<A extends string>(spelled: Readonly<Record<A, string | 0>>): Readonly<Record<A, string>> {
  return Object.fromEntries(Object.entries(spelled).map(([a, t]) => [a, t === 0 ? a.replace(/_/g, ' ').toUpperCase() : t])) as Record<
    A,
    string
  >;
}

/** As the privilege is written in a command (`GRANT <this> ON DBMS TO role`), and as SHOW ... AS COMMANDS prints it. */
export const PRIVILEGE_TEXT = named<DbmsAction>({
  dbms_actions: 'ALL DBMS PRIVILEGES',
  user_management: 0,
  create_user: 0,
  drop_user: 0,
  rename_user: 0,
  alter_user: 0,
  show_user: 0,
  set_passwords: 'SET PASSWORD',
  set_auth: 0,
  set_user_status: 0,
  set_user_home_database: 0,
  user_metadata_management: 0,
  set_user_metadata: 0,
  show_user_metadata: 0,
  role_management: 0,
  create_role: 0,
  drop_role: 0,
  rename_role: 0,
  assign_role: 0,
  remove_role: 0,
  show_role: 0,
  privilege_management: 0,
  show_privilege: 0,
  assign_privilege: 0,
  remove_privilege: 0,
  impersonate: 0,
  database_management: 0,
  create_database: 0,
  drop_database: 0,
  alter_database: 0,
  set_database_access: 0,
  composite_database_management: 0,
  create_composite_database: 0,
  drop_composite_database: 0,
  alias_management: 0,
  create_alias: 0,
  drop_alias: 0,
  alter_alias: 0,
  show_alias: 0,
  server_management: 0,
  show_server: 'SHOW SERVERS',
  execute_procedure: 0,
  execute_boosted_procedure: 0,
  execute_function: 0,
  execute_boosted_function: 0,
  execute_admin: 'EXECUTE ADMIN PROCEDURES',
  show_setting: 0,
});

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

/** SHOW PRIVILEGES' `action`: the EXECUTE privileges are `execute` and `execute_boosted` for procedures and functions alike. */
export const actionColumn = (action: string): string => action.replace(/_(procedure|function)$/, '');

/** The segment kind of EXECUTE's and SHOW SETTING's globs: the last word of the action (`PROCEDURE(db.*)`, `SETTING(dbms.*)`). */
export const globSegment = (action: string): string => action.slice(action.lastIndexOf('_') + 1).toUpperCase();

/** The action itself and every privilege that includes it. */
export function coveringActions(action: DbmsAction): DbmsAction[] {
  const chain: DbmsAction[] = [];
  for (let a: DbmsAction | null = action; a !== null; a = PARENT[a]) chain.push(a);
  return chain;
}

export const DBMS_ACTIONS = /* @__PURE__ */ Object.keys(PARENT) as DbmsAction[];

/** Database privileges as written in a command (`GRANT <this> ON DATABASE * TO role`) and printed by AS COMMANDS. */
export const DATABASE_PRIVILEGE_TEXT = named<DatabaseAction>({
  database_actions: 'ALL DATABASE PRIVILEGES',
  access: 0,
  start_database: 'START',
  stop_database: 'STOP',
  index: 'INDEX MANAGEMENT',
  create_index: 0,
  drop_index: 0,
  show_index: 0,
  constraint: 'CONSTRAINT MANAGEMENT',
  create_constraint: 0,
  drop_constraint: 0,
  show_constraint: 0,
  token: 'NAME MANAGEMENT',
  create_label: 'CREATE NEW NODE LABEL',
  create_reltype: 'CREATE NEW RELATIONSHIP TYPE',
  create_propertykey: 'CREATE NEW PROPERTY NAME',
  transaction_management: 0,
  show_transaction: 0,
  terminate_transaction: 0,
});

/** Graph privileges as written in a command (`GRANT <this> ON GRAPH * TO role`) and printed by AS COMMANDS. */
export const GRAPH_PRIVILEGE_TEXT = named<GraphAction>({
  graph_actions: 'ALL GRAPH PRIVILEGES',
  traverse: 0,
  read: 0,
  match: 0,
  write: 0,
  create_element: 'CREATE',
  delete_element: 'DELETE',
  set_label: 0,
  remove_label: 0,
  set_property: 0,
  merge: 0,
});

/** The graph privileges that cover the whole graph: no NODE/RELATIONSHIP segment may follow them (Neo4j's grammar). */
export const WHOLE_GRAPH_ACTIONS: ReadonlySet<string> = /* @__PURE__ */ new Set(['graph_actions', 'write', 'set_label', 'remove_label']);

export function isTransactionAction(action: PrivilegeAction): boolean {
  return action === 'transaction_management' || action === 'show_transaction' || action === 'terminate_transaction';
}

export const DATABASE_ACTIONS = /* @__PURE__ */ Object.keys(DATABASE_PRIVILEGE_TEXT) as DatabaseAction[];
export const GRAPH_ACTIONS = /* @__PURE__ */ Object.keys(GRAPH_PRIVILEGE_TEXT) as GraphAction[];

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
