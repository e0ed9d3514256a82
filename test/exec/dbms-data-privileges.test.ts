/**
 * The DBMS privileges beyond user, role and privilege management (database, alias and server
 * management, EXECUTE, SHOW SETTING, IMPERSONATE) and LOAD, kept as data and not enforced. Action
 * names follow Neo4j's operations manual, "DBMS privileges" and "Load privileges"; EXECUTE and LOAD
 * rows as the built-in PUBLIC role holds them (`execute`, segment `PROCEDURE(*)`; `load`, resource
 * `all_data`), one row per glob.
 */
import { describe, expect, it } from 'vitest';
import { format, parse, SystemDatabase } from '../../src/index.js';
import { freshSession } from '../support/db.js';
import { expectPrintsAs } from '../support/parse.js';

function rolePrivileges(statements: readonly string[], output = 'AS COMMANDS'): readonly unknown[] {
  const session = freshSession();
  session.run('CREATE ROLE x');
  for (const s of statements) session.run(s);
  return session.run(`SHOW ROLE x PRIVILEGES ${output}`).rows;
}

type Row = readonly [access: string, action: string, resource: string, segment: string];
const db = (access: string, action: string): Row => [access, action, 'database', 'database'];

const CASES: readonly [statement: string, commands: readonly string[], rows: readonly Row[]][] = [
  [
    'GRANT EXECUTE PROCEDURES db.*, apoc.*.create ON DBMS TO x',
    ['GRANT EXECUTE PROCEDURE apoc.*.create ON DBMS TO `x`', 'GRANT EXECUTE PROCEDURE db.* ON DBMS TO `x`'],
    [
      ['GRANTED', 'execute', 'database', 'PROCEDURE(db.*)'],
      ['GRANTED', 'execute', 'database', 'PROCEDURE(apoc.*.create)'],
    ],
  ],
  [
    'DENY EXECUTE BOOSTED PROCEDURE * ON DBMS TO x',
    ['DENY EXECUTE BOOSTED PROCEDURE * ON DBMS TO `x`'],
    [['DENIED', 'execute_boosted', 'database', 'PROCEDURE(*)']],
  ],
  [
    'GRANT EXECUTE USER DEFINED FUNCTIONS apoc.coll.* ON DBMS TO x',
    ['GRANT EXECUTE FUNCTION apoc.coll.* ON DBMS TO `x`'],
    [['GRANTED', 'execute', 'database', 'FUNCTION(apoc.coll.*)']],
  ],
  [
    'GRANT EXECUTE BOOSTED USER FUNCTION * ON DBMS TO x',
    ['GRANT EXECUTE BOOSTED FUNCTION * ON DBMS TO `x`'],
    [['GRANTED', 'execute_boosted', 'database', 'FUNCTION(*)']],
  ],
  [
    'GRANT EXECUTE ADMINISTRATOR PROCEDURES ON DBMS TO x',
    ['GRANT EXECUTE ADMIN PROCEDURES ON DBMS TO `x`'],
    [db('GRANTED', 'execute_admin')],
  ],
  [
    'GRANT SHOW SETTINGS dbms.security.*, server.* ON DBMS TO x',
    ['GRANT SHOW SETTING dbms.security.* ON DBMS TO `x`', 'GRANT SHOW SETTING server.* ON DBMS TO `x`'],
    [
      ['GRANTED', 'show_setting', 'database', 'SETTING(dbms.security.*)'],
      ['GRANTED', 'show_setting', 'database', 'SETTING(server.*)'],
    ],
  ],
  ['GRANT LOAD ON ALL DATA TO x', ['GRANT LOAD ON ALL DATA TO `x`'], [['GRANTED', 'load', 'all_data', 'database']]],
  [
    "DENY LOAD ON CIDR '127.0.0.1/32' TO x",
    ["DENY LOAD ON CIDR '127.0.0.1/32' TO `x`"],
    [['DENIED', 'load', 'cidr(127.0.0.1/32)', 'database']],
  ],
  [
    'GRANT LOAD ON CIDR "10.0.0.0/8" TO x',
    ["GRANT LOAD ON CIDR '10.0.0.0/8' TO `x`"],
    [['GRANTED', 'load', 'cidr(10.0.0.0/8)', 'database']],
  ],
  [
    'GRANT IMPERSONATE (ann, bob) ON DBMS TO x',
    ['GRANT IMPERSONATE (ann) ON DBMS TO `x`', 'GRANT IMPERSONATE (bob) ON DBMS TO `x`'],
    [
      ['GRANTED', 'impersonate', 'database', 'USER(ann)'],
      ['GRANTED', 'impersonate', 'database', 'USER(bob)'],
    ],
  ],
  ...(
    [
      ['DATABASE MANAGEMENT', 'database_management'],
      ['CREATE DATABASE', 'create_database'],
      ['DROP DATABASE', 'drop_database'],
      ['ALTER DATABASE', 'alter_database'],
      ['SET DATABASE ACCESS', 'set_database_access'],
      ['COMPOSITE DATABASE MANAGEMENT', 'composite_database_management'],
      ['CREATE COMPOSITE DATABASE', 'create_composite_database'],
      ['DROP COMPOSITE DATABASE', 'drop_composite_database'],
      ['ALIAS MANAGEMENT', 'alias_management'],
      ['CREATE ALIAS', 'create_alias'],
      ['DROP ALIAS', 'drop_alias'],
      ['ALTER ALIAS', 'alter_alias'],
      ['SHOW ALIAS', 'show_alias'],
      ['SERVER MANAGEMENT', 'server_management'],
      ['SHOW SERVERS', 'show_server'],
    ] as const
  ).map(([text, action]): [string, string[], Row[]] => [
    `DENY ${text} ON DBMS TO x`,
    [`DENY ${text} ON DBMS TO \`x\``],
    [db('DENIED', action)],
  ]),
];

describe('DBMS and LOAD privileges kept as data are stored and shown', () => {
  it.each(CASES)('%s', (statement, commands, rows) => {
    expect(rolePrivileges([statement])).toEqual(commands.map((c) => [c]));
    expect(rolePrivileges([statement], 'YIELD access, action, resource, segment')).toEqual(rows);
    expect(rolePrivileges([statement], 'YIELD graph')).toEqual(rows.map(() => ['*']));
  });

  it.each(CASES)('REVOKE removes them: %s', (statement) => {
    expect(rolePrivileges([statement, statement.replace(/^(GRANT|DENY)/, 'REVOKE').replace(/ TO x$/, ' FROM x')])).toEqual([]);
  });

  it('the built-in PUBLIC role holds what granting its EXECUTE and LOAD commands gives', () => {
    const session = freshSession();
    session.runScript(
      'CREATE ROLE x; GRANT EXECUTE FUNCTION * ON DBMS TO x; GRANT EXECUTE PROCEDURE * ON DBMS TO x; GRANT LOAD ON ALL DATA TO x',
    );
    const rows = (role: string) =>
      session.run(`SHOW ROLE ${role} PRIVILEGES YIELD access, action, resource, graph, segment WHERE action IN ['execute', 'load']`).rows;
    expect(rows('x')).toEqual(rows('PUBLIC'));
  });

  it('granting them is checked like any GRANT, but they are never enforced: DENY CREATE DATABASE still lets a user manage users', () => {
    const session = freshSession();
    session.runScript(
      "CREATE USER ann SET PASSWORD 'ann-password' CHANGE NOT REQUIRED; CREATE ROLE x; GRANT ROLE x TO ann; GRANT CREATE USER ON DBMS TO x; DENY DATABASE MANAGEMENT ON DBMS TO x",
    );
    const ann = session.db.session({ user: 'ann' });
    expect(ann.run("CREATE USER bob SET PASSWORD 'bob-password'").rows).toEqual([]);
  });
});

describe('in lint and fmt', () => {
  it.each([
    ['grant execute procedure db.*,apoc.x on dbms to r', 'GRANT EXECUTE PROCEDURE db.*, apoc.x ON DBMS TO r'],
    ['grant execute boosted user defined function * on dbms to r', 'GRANT EXECUTE BOOSTED FUNCTION * ON DBMS TO r'],
    ['deny show settings * on dbms to r', 'DENY SHOW SETTING * ON DBMS TO r'],
    ["grant load on cidr '10.0.0.0/8' to r", "GRANT LOAD ON CIDR '10.0.0.0/8' TO r"],
    ['grant load on cidr $range to r', 'GRANT LOAD ON CIDR $range TO r'],
    ['revoke grant composite database management on dbms from r', 'REVOKE GRANT COMPOSITE DATABASE MANAGEMENT ON DBMS FROM r'],
    ['grant impersonate on dbms to r', 'GRANT IMPERSONATE (*) ON DBMS TO r'],
  ])('%s', (input, printed) => expectPrintsAs(input, printed));

  it.each([
    // Cypher25Parser.g4 loadPrivilege: `LOAD ON ((URL | CIDR) stringOrParameter | ALL DATA)`.
    ['GRANT LOAD ON DBMS TO x', "Invalid input 'DBMS': expected 'CIDR', 'ALL DATA' or 'URL' (line 1, column 15 (offset: 14))"],
    // HOME is one word here, not 'HOME DATABASE': HOME DATABASE and HOME GRAPH both follow. With DEFAULT kept, this is
    // the Cypher 5 list of DbmsPrivilegeAdministrationCommandParserTest `$command ALL DBMS PRIVILEGES ON $preposition`.
    [
      'GRANT ALL DBMS PRIVILEGES ON TO',
      "Invalid input 'TO': expected 'DATABASE', 'DATABASES', 'DBMS', 'DEFAULT', 'GRAPH', 'GRAPHS' or 'HOME' (line 1, column 30 (offset: 29))",
    ],
    // A DBMS privilege's only target is DBMS: Neo4j's grammar fails at any other (Cypher25Parser.g4 `actionForDBMS ON DBMS`,
    // `dbmsPrivilegeExecute ... ON DBMS`; DbmsPrivilegeAdministrationCommandParserTest `... ON DATABASE ...`: expected 'DBMS').
    ['GRANT CREATE DATABASE ON ALL DATA TO x', "Invalid input 'ALL': expected 'DBMS' (line 1, column 26 (offset: 25))"],
    ['GRANT EXECUTE ADMIN PROCEDURES ON GRAPH * TO x', "Invalid input 'GRAPH': expected 'DBMS' (line 1, column 35 (offset: 34))"],
  ])('%s is refused', (input, message) => {
    expect(parse(input).diagnostics.map((d) => [d.severity, d.message])).toEqual([['error', message]]);
  });

  // Neo4j 2026.06 parses LOAD ON URL and refuses it in its semantic analysis, at the command (Neo4j's front end agrees).
  it.each(["GRANT LOAD ON URL 'https://example.com/*' TO r", 'DENY LOAD ON URL $pattern TO r', "REVOKE GRANT LOAD ON URL 'x' FROM r"])(
    'regression: %s was a syntax error at URL; it is refused at the command, and run changes nothing',
    (query) => {
      const refused = 'LOAD privileges with a URL pattern are not currently supported (line 1, column 1 (offset: 0))';
      expect(parse(query).diagnostics.map((d) => [d.severity, d.message])).toEqual([['error', refused]]);
      const db = SystemDatabase.create().runScript('CREATE ROLE r').db;
      const run = db.runScript(query, { params: { pattern: 'x' }, onError: 'continue' });
      expect([run.statements[0]?.error?.code, run.statements[0]?.error?.message]).toEqual([
        'Neo.ClientError.Statement.SyntaxError',
        refused,
      ]);
      expect(run.db.toJSON()).toEqual(db.toJSON());
    },
  );

  it('prints a URL pattern back as written: sysdb fmt keeps a statement it also reports', () => {
    for (const [input, printed] of [
      ["grant load on url 'https://x/*' to r", "GRANT LOAD ON URL 'https://x/*' TO r"],
      ['deny load on url $p to r', 'DENY LOAD ON URL $p TO r'],
    ] as const) {
      expect(parse(input).statements.map((s) => format(s))).toEqual([printed]);
      expect(parse(printed).statements.map((s) => format(s))).toEqual([printed]);
    }
  });

  // Neo4j's lexer skips whitespace between a glob's parts (Cypher25Parser.g4 glob, globPart); its front end
  // (the one @neo4j-cypher/language-support ships) accepts `db . *`. It used to be a syntax error here.
  // Cypher25Parser.g4 loadPrivilege: `CIDR stringOrParameter`; Neo4j's front end accepts it.
  it('regression: LOAD ON CIDR takes a parameter (it was a syntax error), and its row keeps the value', () => {
    const script = 'CREATE ROLE x; GRANT LOAD ON CIDR $range TO x';
    const db = SystemDatabase.create().runScript(script, { params: { range: '192.168.0.0/16' } }).db;
    expect(db.execute('SHOW ROLE x PRIVILEGES YIELD resource').result.rows).toEqual([['cidr(192.168.0.0/16)']]);
    expect(db.execute('SHOW ROLE x PRIVILEGES AS COMMANDS').result.rows).toEqual([["GRANT LOAD ON CIDR '192.168.0.0/16' TO `x`"]]);
    const wrong = SystemDatabase.create().runScript(script, { params: { range: 8 }, onError: 'continue' }).statements[1]?.error;
    expect([wrong?.code, wrong?.message]).toEqual([
      'Neo.ClientError.Statement.TypeError',
      'Expected parameter $range to have type String but was Integer',
    ]);
  });

  it('regression: a glob may have spaces between its parts, `db . *` is the glob db.*', () => {
    expect(parse('GRANT EXECUTE PROCEDURE db . * ON DBMS TO x').diagnostics).toEqual([]);
    const db = SystemDatabase.create().runScript('CREATE ROLE x; GRANT EXECUTE PROCEDURE db . * ON DBMS TO x').db;
    expect(db.execute('SHOW ROLE x PRIVILEGES AS COMMANDS').result.rows).toEqual([['GRANT EXECUTE PROCEDURE db.* ON DBMS TO `x`']]);
  });
});
