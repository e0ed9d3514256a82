/**
 * Graph privileges (`ON GRAPH[S]`, `ON HOME GRAPH`), kept as data and not enforced.
 * Action names, resources (`all_properties`, `property(p)`, `label(L)`, `all_labels`, `graph`) and
 * segments (`NODE(L)`, `RELATIONSHIP(T)`) follow Neo4j's operations manual, "Read privileges" and
 * "Write privileges", and the built-in roles' rows ("Built-in roles and privileges"); a privilege with
 * no segment covers ELEMENTS *, one row for nodes and one for relationships, as the built-in
 * `GRANT MATCH {*} ON GRAPH * NODE *` / `... RELATIONSHIP *` pair shows. MATCH {p} stays one `match` row
 * (Neo4j's GraphPrivilegeAdministrationCommandAcceptanceTest: `matchPrivilege(...).property("prop")`).
 */
import { describe, expect, it } from 'vitest';
import { parse, SystemDatabase } from '../../src/index.js';
import { freshSession } from '../support/db.js';
import { expectPrintsAs } from '../support/parse.js';

function rolePrivileges(statements: readonly string[], output = 'AS COMMANDS'): readonly unknown[] {
  const session = freshSession();
  session.run('CREATE ROLE x');
  for (const s of statements) session.run(s);
  return session.run(`SHOW ROLE x PRIVILEGES ${output}`).rows;
}

type Row = readonly [access: string, action: string, resource: string, graph: string, segment: string];

/** statement, AS COMMANDS lines (sorted, as SHOW prints them), SHOW PRIVILEGES rows (in grant order). */
const CASES: readonly [statement: string, commands: readonly string[], rows: readonly Row[]][] = [
  [
    'GRANT TRAVERSE ON GRAPH * NODES A, B TO x',
    ['GRANT TRAVERSE ON GRAPH * NODE A TO `x`', 'GRANT TRAVERSE ON GRAPH * NODE B TO `x`'],
    [
      ['GRANTED', 'traverse', 'graph', '*', 'NODE(A)'],
      ['GRANTED', 'traverse', 'graph', '*', 'NODE(B)'],
    ],
  ],
  [
    'DENY TRAVERSE ON HOME GRAPH TO x',
    ['DENY TRAVERSE ON HOME GRAPH NODE * TO `x`', 'DENY TRAVERSE ON HOME GRAPH RELATIONSHIP * TO `x`'],
    [
      ['DENIED', 'traverse', 'graph', 'HOME', 'NODE(*)'],
      ['DENIED', 'traverse', 'graph', 'HOME', 'RELATIONSHIP(*)'],
    ],
  ],
  [
    'GRANT READ {a, `b c`} ON GRAPH neo4j RELATIONSHIP T TO x',
    ['GRANT READ {`b c`} ON GRAPH neo4j RELATIONSHIP T TO `x`', 'GRANT READ {a} ON GRAPH neo4j RELATIONSHIP T TO `x`'],
    [
      ['GRANTED', 'read', 'property(a)', 'neo4j', 'RELATIONSHIP(T)'],
      ['GRANTED', 'read', 'property(b c)', 'neo4j', 'RELATIONSHIP(T)'],
    ],
  ],
  [
    'GRANT MATCH {*} ON GRAPH * NODE * TO x',
    ['GRANT MATCH {*} ON GRAPH * NODE * TO `x`'],
    [['GRANTED', 'match', 'all_properties', '*', 'NODE(*)']],
  ],
  [
    'DENY MATCH {salary} ON HOME GRAPH NODES Employee TO x',
    ['DENY MATCH {salary} ON HOME GRAPH NODE Employee TO `x`'],
    [['DENIED', 'match', 'property(salary)', 'HOME', 'NODE(Employee)']],
  ],
  [
    'GRANT WRITE ON GRAPHS a, b TO x',
    // One command for the node and the relationship row, as the built-in editor's listing shows.
    ['GRANT WRITE ON GRAPH a TO `x`', 'GRANT WRITE ON GRAPH b TO `x`'],
    [
      ['GRANTED', 'write', 'graph', 'a', 'NODE(*)'],
      ['GRANTED', 'write', 'graph', 'a', 'RELATIONSHIP(*)'],
      ['GRANTED', 'write', 'graph', 'b', 'NODE(*)'],
      ['GRANTED', 'write', 'graph', 'b', 'RELATIONSHIP(*)'],
    ],
  ],
  [
    'GRANT CREATE ON GRAPH * RELATIONSHIPS KNOWS TO x',
    ['GRANT CREATE ON GRAPH * RELATIONSHIP KNOWS TO `x`'],
    [['GRANTED', 'create_element', 'graph', '*', 'RELATIONSHIP(KNOWS)']],
  ],
  [
    'GRANT DELETE ON GRAPH * ELEMENTS E TO x',
    ['GRANT DELETE ON GRAPH * NODE E TO `x`', 'GRANT DELETE ON GRAPH * RELATIONSHIP E TO `x`'],
    [
      ['GRANTED', 'delete_element', 'graph', '*', 'NODE(E)'],
      ['GRANTED', 'delete_element', 'graph', '*', 'RELATIONSHIP(E)'],
    ],
  ],
  [
    'GRANT SET LABEL Active, Inactive ON GRAPH * TO x',
    ['GRANT SET LABEL Active ON GRAPH * TO `x`', 'GRANT SET LABEL Inactive ON GRAPH * TO `x`'],
    [
      ['GRANTED', 'set_label', 'label(Active)', '*', 'NODE(*)'],
      ['GRANTED', 'set_label', 'label(Inactive)', '*', 'NODE(*)'],
    ],
  ],
  [
    'DENY REMOVE LABEL * ON GRAPH * TO x',
    ['DENY REMOVE LABEL * ON GRAPH * TO `x`'],
    [['DENIED', 'remove_label', 'all_labels', '*', 'NODE(*)']],
  ],
  [
    'GRANT SET PROPERTY {name} ON GRAPH * NODES Person TO x',
    ['GRANT SET PROPERTY {name} ON GRAPH * NODE Person TO `x`'],
    [['GRANTED', 'set_property', 'property(name)', '*', 'NODE(Person)']],
  ],
  [
    'GRANT MERGE {*} ON GRAPH * NODES Person TO x',
    ['GRANT MERGE {*} ON GRAPH * NODE Person TO `x`'],
    [['GRANTED', 'merge', 'all_properties', '*', 'NODE(Person)']],
  ],
  [
    'GRANT ALL GRAPH PRIVILEGES ON GRAPH neo4j TO x',
    ['GRANT ALL GRAPH PRIVILEGES ON GRAPH neo4j TO `x`'],
    [['GRANTED', 'graph_actions', 'database', 'neo4j', 'database']],
  ],
  ['DENY ALL ON GRAPH * TO x', ['DENY ALL GRAPH PRIVILEGES ON GRAPH * TO `x`'], [['DENIED', 'graph_actions', 'database', '*', 'database']]],
];

describe('graph privileges are stored and shown', () => {
  it.each(CASES)('%s', (statement, commands, rows) => {
    expect(rolePrivileges([statement])).toEqual(commands.map((c) => [c]));
    expect(rolePrivileges([statement], '')).toEqual(rows.map((r) => [...r, 'x', false]));
  });

  it.each(CASES)('GRANT/DENY then REVOKE leaves nothing: %s', (statement) => {
    const revoke = statement.replace(/^(GRANT|DENY)/, 'REVOKE').replace(/ TO x$/, ' FROM x');
    expect(rolePrivileges([statement, revoke])).toEqual([]);
  });

  it('AS REVOKE COMMANDS prints what revokes each row', () => {
    expect(rolePrivileges(['DENY READ {p} ON GRAPH g NODES A TO x'], 'AS REVOKE COMMANDS')).toEqual([
      ['REVOKE DENY READ {p} ON GRAPH g NODE A FROM `x`'],
    ]);
  });

  it('the commands AS COMMANDS prints replay to the same rows', () => {
    const all = CASES.map(([s]) => s);
    const printed = (rolePrivileges(all) as string[][]).map(([c]) => c!.replace(/ TO `x`$/, ' TO x'));
    expect([...rolePrivileges(printed, '')].sort(byJson)).toEqual([...rolePrivileges(all, '')].sort(byJson));
  });

  it('REVOKE of one segment or property leaves the others', () => {
    expect(rolePrivileges(['GRANT TRAVERSE ON GRAPH * NODES A, B TO x', 'REVOKE GRANT TRAVERSE ON GRAPH * NODES A FROM x'])).toEqual([
      ['GRANT TRAVERSE ON GRAPH * NODE B TO `x`'],
    ]);
  });

  it('the built-in reader and editor hold what granting their graph commands gives', () => {
    const session = freshSession();
    session.run('CREATE ROLE x');
    session.run('GRANT MATCH {*} ON GRAPH * TO x');
    session.run('GRANT WRITE ON GRAPH * TO x');
    const rows = (role: string): readonly unknown[] =>
      session.run(`SHOW ROLE ${role} PRIVILEGES YIELD access, action, resource, graph, segment WHERE action IN ['match', 'write']`).rows;
    expect([...rows('x')].sort(byJson)).toEqual([...rows('editor')].sort(byJson));
  });

  it('survive toJSON and fromJSON', () => {
    const session = freshSession();
    session.runScript('CREATE ROLE x; GRANT READ {a} ON GRAPH g NODES A TO x; DENY SET LABEL * ON HOME GRAPH TO x;');
    const show = 'SHOW ROLE x PRIVILEGES AS COMMANDS';
    const restored = SystemDatabase.fromJSON(JSON.stringify(session.db.toJSON())).session({ user: null });
    expect(restored.run(show).rows).toEqual(session.run(show).rows);
  });
});

const byJson = (a: unknown, b: unknown): number => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);

describe('graph privileges in lint and fmt', () => {
  it.each([
    ['grant traverse on graph * nodes a, `b c` to x', 'GRANT TRAVERSE ON GRAPH * NODES a, `b c` TO x'],
    ['deny read {*} on home graph relationship * to x', 'DENY READ {*} ON HOME GRAPH RELATIONSHIPS * TO x'],
    ['revoke grant match {p, q} on graphs a, $g elements t from x', 'REVOKE GRANT MATCH {p, q} ON GRAPHS a, $g ELEMENTS t FROM x'],
    ['grant create on home graph to x', 'GRANT CREATE ON HOME GRAPH TO x'],
    ['grant set label * on graph * to x', 'GRANT SET LABEL * ON GRAPH * TO x'],
    ['grant remove label a, b on graph * to x', 'GRANT REMOVE LABEL a, b ON GRAPH * TO x'],
    ['grant set property {*} on graph * nodes n to x', 'GRANT SET PROPERTY {*} ON GRAPH * NODES n TO x'],
    ['grant all graph privileges on graph * to x', 'GRANT ALL GRAPH PRIVILEGES ON GRAPH * TO x'],
    ['grant access on home database to x', 'GRANT ACCESS ON HOME DATABASE TO x'],
  ])('%s', (input, printed) => expectPrintsAs(input, printed));

  it.each([
    // Each privilege has its own target in Neo4j's grammar (Cypher25Parser.g4: qualifiedGraphPrivileges `ON graphScope`,
    // databasePrivilege `ON databaseScope`), so another is a syntax error at it; DatabasePrivilegeAdministrationCommandParserTest
    // `$privilege ON GRAPH * $preposition role` fails parsing; WritePrivilegeAdministrationCommandParserTest words the list.
    [
      'GRANT TRAVERSE ON DBMS TO x',
      "Invalid input 'DBMS': expected 'GRAPH', 'DEFAULT GRAPH', 'HOME GRAPH' or 'GRAPHS' (line 1, column 19 (offset: 18))",
    ],
    [
      'GRANT READ {p} ON DATABASE * TO x',
      "Invalid input 'DATABASE': expected 'GRAPH', 'DEFAULT GRAPH', 'HOME GRAPH' or 'GRAPHS' (line 1, column 19 (offset: 18))",
    ],
    [
      'GRANT ACCESS ON GRAPH * TO x',
      "Invalid input 'GRAPH': expected 'DATABASE', 'DEFAULT DATABASE', 'HOME DATABASE' or 'DATABASES' (line 1, column 17 (offset: 16))",
    ],
    // WRITE, SET LABEL, REMOVE LABEL and ALL cover whole graphs: no graphQualifier after their graphScope (Cypher25Parser.g4).
    ['GRANT WRITE ON GRAPH * NODES A TO x', "Invalid input 'NODES': expected 'TO' (line 1, column 24 (offset: 23))"],
    ['GRANT SET LABEL L ON GRAPH * NODES A TO x', "Invalid input 'NODES': expected 'TO' (line 1, column 30 (offset: 29))"],
    // 'a database name': g may go on with a dot (g.sub), as Neo4j's front end lists it.
    [
      'REVOKE REMOVE LABEL L ON GRAPH g NODES A FROM x',
      "Invalid input 'NODES': expected a database name, ',' or 'FROM' (line 1, column 34 (offset: 33))",
    ],
    ['GRANT ALL GRAPH PRIVILEGES ON GRAPH * NODES A TO x', "Invalid input 'NODES': expected 'TO' (line 1, column 39 (offset: 38))"],
    // A database scope has no segment (Cypher25Parser.g4 databaseScope).
    ['GRANT ACCESS ON DATABASE * NODES A TO x', "Invalid input 'NODES': expected 'TO' (line 1, column 28 (offset: 27))"],
  ])('%s is refused', (input, message) => {
    expect(parse(input).diagnostics.map((d) => [d.severity, d.message])).toEqual([['error', message]]);
  });

  it.each([
    ['GRANT READ {p} ON GRAPH * NODES A', 'Invalid input'],
    ['GRANT READ ON GRAPH * TO x', "Invalid input 'ON': expected '{'"],
    ['GRANT TRAVERSE ON GRAPH * NODES TO x', 'Invalid input'],
  ])('%s is a syntax error', (input, start) => {
    expect(parse(input).diagnostics.map((d) => d.message.slice(0, start.length))).toEqual([start]);
  });

  it('property-based rules (FOR ... WHERE) are refused as not supported, at the statement', () => {
    const { statements, diagnostics } = parse('GRANT READ {*} ON GRAPH * FOR (n:Secret) WHERE n.level > 2 TO x');
    expect(statements).toEqual([]);
    expect(diagnostics.map((d) => [d.severity, d.code, d.message, d.span.start.column, d.span.end.column])).toEqual([
      [
        'warning',
        'CypherSysdb.NotSupported',
        'Property-based access control (FOR ... WHERE) in graph privileges is not supported by cypher-sysdb: this statement is not checked.',
        1,
        6,
      ],
    ]);
  });
});
