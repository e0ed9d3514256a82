/**
 * The privileges Neo4j's built-in roles hold on a fresh DBMS, as SHOW PRIVILEGES lists them.
 * Source: Neo4j's operations manual, "Built-in roles and privileges" (the AS COMMANDS listings) and
 * "Manage privileges" (the column form). The column form of LOAD, SHOW INDEX and SHOW CONSTRAINT is
 * not printed in the docs; it follows the naming of the privileges that are.
 */
export type Access = 'GRANTED' | 'DENIED';

export interface PrivilegeRow {
  readonly access: Access;
  readonly action: string;
  readonly resource: string;
  readonly graph: string;
  readonly segment: string;
  /** The privilege as a command, without its `TO role` tail and without IMMUTABLE: `GRANT ACCESS ON DATABASE *`. */
  readonly command: string;
  /** Granted or denied IMMUTABLE: only with authentication disabled may it be revoked. */
  readonly immutable: boolean;
}

/* @__NO_SIDE_EFFECTS__ */
const access = (graph: '*' | 'HOME'): PrivilegeRow => ({
  access: 'GRANTED',
  action: 'access',
  resource: 'database',
  graph,
  segment: 'database',
  command: graph === 'HOME' ? 'GRANT ACCESS ON HOME DATABASE' : 'GRANT ACCESS ON DATABASE *',
  immutable: false,
});
/* @__NO_SIDE_EFFECTS__ */
const databasePrivilege = (action: string, command: string): PrivilegeRow => ({
  access: 'GRANTED',
  action,
  resource: 'database',
  graph: '*',
  segment: 'database',
  command: `GRANT ${command} ON DATABASE *`,
  immutable: false,
});
/** Built by a call so that a bundle can drop the rows where nothing reads them (spreads are not side-effect free to a bundler). */
export const BUILT_IN_PRIVILEGES: Readonly<Record<string, readonly PrivilegeRow[]>> = /* @__PURE__ */ builtInPrivileges();

/* @__NO_SIDE_EFFECTS__ */
function builtInPrivileges(): Readonly<Record<string, readonly PrivilegeRow[]>> {
  const matchNodes: PrivilegeRow = {
    access: 'GRANTED',
    action: 'match',
    resource: 'all_properties',
    graph: '*',
    segment: 'NODE(*)',
    command: 'GRANT MATCH {*} ON GRAPH * NODE *',
    immutable: false,
  };
  const matchRelationships: PrivilegeRow = {
    access: 'GRANTED',
    action: 'match',
    resource: 'all_properties',
    graph: '*',
    segment: 'RELATIONSHIP(*)',
    command: 'GRANT MATCH {*} ON GRAPH * RELATIONSHIP *',
    immutable: false,
  };
  const writeNodes: PrivilegeRow = {
    access: 'GRANTED',
    action: 'write',
    resource: 'graph',
    graph: '*',
    segment: 'NODE(*)',
    command: 'GRANT WRITE ON GRAPH *',
    immutable: false,
  };
  const writeRelationships: PrivilegeRow = { ...writeNodes, segment: 'RELATIONSHIP(*)' };
  const showConstraint = databasePrivilege('show_constraint', 'SHOW CONSTRAINT');
  const showIndex = databasePrivilege('show_index', 'SHOW INDEX');
  const load: PrivilegeRow = {
    access: 'GRANTED',
    action: 'load',
    resource: 'all_data',
    graph: '*',
    segment: 'database',
    command: 'GRANT LOAD ON ALL DATA',
    immutable: false,
  };

  const reader = [matchNodes, matchRelationships, access('*'), showConstraint, showIndex];
  const editor = [matchNodes, writeNodes, matchRelationships, writeRelationships, access('*'), showConstraint, showIndex];
  const publisher = [...editor, databasePrivilege('token', 'NAME MANAGEMENT')];
  const architect = [
    ...publisher,
    databasePrivilege('constraint', 'CONSTRAINT MANAGEMENT'),
    databasePrivilege('index', 'INDEX MANAGEMENT'),
  ];
  const admin = [
    ...architect,
    {
      access: 'GRANTED',
      action: 'transaction_management',
      resource: 'database',
      graph: '*',
      segment: 'USER(*)',
      command: 'GRANT TRANSACTION MANAGEMENT (*) ON DATABASE *',
      immutable: false,
    } as const,
    {
      access: 'GRANTED',
      action: 'dbms_actions',
      resource: 'database',
      graph: '*',
      segment: 'database',
      command: 'GRANT ALL DBMS PRIVILEGES ON DBMS',
      immutable: false,
    } as const,
    databasePrivilege('start_database', 'START'),
    databasePrivilege('stop_database', 'STOP'),
    load,
  ];
  const publicRole: PrivilegeRow[] = [
    {
      access: 'GRANTED',
      action: 'execute',
      resource: 'database',
      graph: '*',
      segment: 'FUNCTION(*)',
      command: 'GRANT EXECUTE FUNCTION * ON DBMS',
      immutable: false,
    },
    {
      access: 'GRANTED',
      action: 'execute',
      resource: 'database',
      graph: '*',
      segment: 'PROCEDURE(*)',
      command: 'GRANT EXECUTE PROCEDURE * ON DBMS',
      immutable: false,
    },
    access('HOME'),
    load,
  ];
  return {
    PUBLIC: publicRole,
    admin,
    architect,
    editor,
    publisher,
    reader,
  };
}
