/**
 * Database privileges (`ON DATABASE[S]`, `ON HOME DATABASE`), kept as data and not enforced. Command
 * texts and the action column follow Neo4j's operations manual, "Database privileges" and
 * "Built-in roles and privileges" (neo4j/docs-operations).
 */
import { describe, expect, it } from 'vitest';
import { parse, SystemDatabase } from '../../src/index.js';
import { expectFailure, freshSession } from '../support/db.js';
import { expectPrintsAs } from '../support/parse.js';

function commands(statements: readonly string[], output = 'AS COMMANDS'): readonly unknown[] {
  const session = freshSession();
  session.run('CREATE ROLE x');
  for (const s of statements) session.run(s);
  return session.run(`SHOW ROLE x PRIVILEGES ${output}`).rows;
}

const CASES: readonly [statement: string, command: string, row: readonly string[]][] = [
  ['GRANT ACCESS ON DATABASE * TO x', 'GRANT ACCESS ON DATABASE * TO `x`', ['GRANTED', 'access', 'database', '*', 'database']],
  ['GRANT ACCESS ON HOME DATABASE TO x', 'GRANT ACCESS ON HOME DATABASE TO `x`', ['GRANTED', 'access', 'database', 'HOME', 'database']],
  ['DENY ACCESS ON DATABASE neo4j TO x', 'DENY ACCESS ON DATABASE neo4j TO `x`', ['DENIED', 'access', 'database', 'neo4j', 'database']],
  ['GRANT START ON DATABASE * TO x', 'GRANT START ON DATABASE * TO `x`', ['GRANTED', 'start_database', 'database', '*', 'database']],
  ['GRANT STOP ON DATABASE * TO x', 'GRANT STOP ON DATABASE * TO `x`', ['GRANTED', 'stop_database', 'database', '*', 'database']],
  [
    'GRANT CREATE INDEXES ON DATABASE * TO x',
    'GRANT CREATE INDEX ON DATABASE * TO `x`',
    ['GRANTED', 'create_index', 'database', '*', 'database'],
  ],
  ['GRANT DROP INDEX ON DATABASE * TO x', 'GRANT DROP INDEX ON DATABASE * TO `x`', ['GRANTED', 'drop_index', 'database', '*', 'database']],
  ['GRANT SHOW INDEX ON DATABASE * TO x', 'GRANT SHOW INDEX ON DATABASE * TO `x`', ['GRANTED', 'show_index', 'database', '*', 'database']],
  [
    'GRANT INDEX MANAGEMENT ON DATABASE * TO x',
    'GRANT INDEX MANAGEMENT ON DATABASE * TO `x`',
    ['GRANTED', 'index', 'database', '*', 'database'],
  ],
  [
    'GRANT CREATE CONSTRAINT ON DATABASE * TO x',
    'GRANT CREATE CONSTRAINT ON DATABASE * TO `x`',
    ['GRANTED', 'create_constraint', 'database', '*', 'database'],
  ],
  [
    'GRANT DROP CONSTRAINTS ON DATABASE * TO x',
    'GRANT DROP CONSTRAINT ON DATABASE * TO `x`',
    ['GRANTED', 'drop_constraint', 'database', '*', 'database'],
  ],
  [
    'GRANT SHOW CONSTRAINT ON DATABASE * TO x',
    'GRANT SHOW CONSTRAINT ON DATABASE * TO `x`',
    ['GRANTED', 'show_constraint', 'database', '*', 'database'],
  ],
  [
    'GRANT CONSTRAINT MANAGEMENT ON DATABASE * TO x',
    'GRANT CONSTRAINT MANAGEMENT ON DATABASE * TO `x`',
    ['GRANTED', 'constraint', 'database', '*', 'database'],
  ],
  [
    'GRANT CREATE NEW LABEL ON DATABASE * TO x',
    'GRANT CREATE NEW NODE LABEL ON DATABASE * TO `x`',
    ['GRANTED', 'create_label', 'database', '*', 'database'],
  ],
  [
    'GRANT CREATE NEW RELATIONSHIP TYPES ON DATABASE * TO x',
    'GRANT CREATE NEW RELATIONSHIP TYPE ON DATABASE * TO `x`',
    ['GRANTED', 'create_reltype', 'database', '*', 'database'],
  ],
  [
    'GRANT CREATE NEW NAME ON DATABASE * TO x',
    'GRANT CREATE NEW PROPERTY NAME ON DATABASE * TO `x`',
    ['GRANTED', 'create_propertykey', 'database', '*', 'database'],
  ],
  [
    'GRANT NAME MANAGEMENT ON DATABASE * TO x',
    'GRANT NAME MANAGEMENT ON DATABASE * TO `x`',
    ['GRANTED', 'token', 'database', '*', 'database'],
  ],
  [
    'GRANT ALL DATABASE PRIVILEGES ON DATABASE * TO x',
    'GRANT ALL DATABASE PRIVILEGES ON DATABASE * TO `x`',
    ['GRANTED', 'database_actions', 'database', '*', 'database'],
  ],
];

const TRANSACTIONS: readonly [statement: string, commands: readonly string[], segments: readonly string[]][] = [
  ['GRANT TRANSACTION MANAGEMENT ON DATABASE * TO x', ['GRANT TRANSACTION MANAGEMENT (*) ON DATABASE * TO `x`'], ['USER(*)']],
  ['GRANT TRANSACTION (*) ON DATABASE * TO x', ['GRANT TRANSACTION MANAGEMENT (*) ON DATABASE * TO `x`'], ['USER(*)']],
  ['GRANT SHOW TRANSACTIONS (ann) ON HOME DATABASE TO x', ['GRANT SHOW TRANSACTION (ann) ON HOME DATABASE TO `x`'], ['USER(ann)']],
  [
    'DENY TERMINATE TRANSACTION (ann, bob) ON DATABASE neo4j TO x',
    ['DENY TERMINATE TRANSACTION (ann) ON DATABASE neo4j TO `x`', 'DENY TERMINATE TRANSACTION (bob) ON DATABASE neo4j TO `x`'],
    ['USER(ann)', 'USER(bob)'],
  ],
];

describe('transaction privileges: one row per user', () => {
  it.each(TRANSACTIONS)('%s', (statement, expected, segments) => {
    expect(commands([statement])).toEqual(expected.map((c) => [c]));
    const session = freshSession();
    session.run('CREATE ROLE x');
    session.run(statement);
    expect(session.run('SHOW ROLE x PRIVILEGES YIELD segment').rows).toEqual(segments.map((s) => [s]));
    session.run(statement.replace(/^(GRANT|DENY)/, 'REVOKE').replace(/ TO x$/, ' FROM x'));
    expect(session.run('SHOW ROLE x PRIVILEGES').rows).toEqual([]);
  });

  it('the admin role holds what GRANT TRANSACTION MANAGEMENT (*) ON DATABASE * gives', () => {
    const session = freshSession();
    session.run('CREATE ROLE x');
    session.run('GRANT TRANSACTION MANAGEMENT (*) ON DATABASE * TO x');
    const rows = (role: string): readonly unknown[] =>
      session.run(`SHOW ROLE ${role} PRIVILEGES YIELD access, action, resource, graph, segment WHERE action = 'transaction_management'`)
        .rows;
    expect(rows('x')).toEqual(rows('admin'));
  });
});

describe('database privileges are stored and shown', () => {
  it.each(CASES)('%s', (statement, command, row) => {
    expect(commands([statement])).toEqual([[command]]);
    expect(commands([statement], '')).toEqual([[...row, 'x', false]]);
  });

  it('a privilege on several databases is one row per database', () => {
    expect(commands(['GRANT ACCESS ON DATABASES neo4j, `my-db` TO x'])).toEqual([
      ['GRANT ACCESS ON DATABASE `my-db` TO `x`'],
      ['GRANT ACCESS ON DATABASE neo4j TO `x`'],
    ]);
  });

  it.each(CASES)('GRANT then REVOKE leaves nothing: %s', (statement) => {
    expect(commands([statement, statement.replace(/^(GRANT|DENY)/, 'REVOKE').replace(/ TO x$/, ' FROM x')])).toEqual([]);
  });

  it('CREATE ROLE AS COPY OF reader holds what granting its database commands gives', () => {
    const session = freshSession();
    session.run('CREATE ROLE copy AS COPY OF reader');
    session.run('CREATE ROLE x');
    for (const command of ['GRANT ACCESS ON DATABASE *', 'GRANT SHOW CONSTRAINT ON DATABASE *', 'GRANT SHOW INDEX ON DATABASE *']) {
      session.run(`${command} TO x`);
    }
    const rows = (role: string): readonly unknown[] =>
      session.run(`SHOW ROLE ${role} PRIVILEGES YIELD access, action, resource, graph, segment WHERE resource = 'database'`).rows;
    expect(rows('x')).toEqual(rows('copy'));
  });
});

describe('database privileges in lint and fmt', () => {
  it.each([
    ['grant access on databases a, b to x', 'GRANT ACCESS ON DATABASES a, b TO x'],
    ['deny create new node labels on home database to x', 'DENY CREATE NEW NODE LABEL ON HOME DATABASE TO x'],
    ['revoke grant all database privileges on database * from x', 'REVOKE GRANT ALL DATABASE PRIVILEGES ON DATABASE * FROM x'],
    ['GRANT ALL PRIVILEGES ON DBMS TO x', 'GRANT ALL DBMS PRIVILEGES ON DBMS TO x'],
    // Singular only: DatabasePrivilegeAdministrationCommandParserTest `$verb TRANSACTIONS ON DATABASES * $preposition role` fails.
    ['grant transaction on database * to x', 'GRANT TRANSACTION MANAGEMENT (*) ON DATABASE * TO x'],
    ['deny terminate transaction (a, $b) on home database to x', 'DENY TERMINATE TRANSACTION (a, $b) ON HOME DATABASE TO x'],
    // MANAGEMENT is optional after INDEX, CONSTRAINT and NAME (Cypher25Parser.g4 databasePrivilege;
    // DatabasePrivilegeAdministrationCommandParserTest parses `$verb NAME ON DATABASE * ...` as AllTokenActions).
    ['grant index on database * to x', 'GRANT INDEX MANAGEMENT ON DATABASE * TO x'],
    ['deny name on home database to x', 'DENY NAME MANAGEMENT ON HOME DATABASE TO x'],
  ])('%s', (input, printed) => expectPrintsAs(input, printed));

  it.each([
    // Cypher25Parser.g4 databasePrivilege: `... ON databaseScope`.
    ['GRANT ACCESS ON DBMS TO x', "Invalid input 'DBMS': expected 'DATABASE', 'DEFAULT DATABASE', 'HOME DATABASE' or 'DATABASES'"],
    // DbmsPrivilegeAdministrationCommandParserTest: `GRANT CREATE USER ON DATABASE $preposition role` fails at DATABASE.
    ['GRANT CREATE USER ON DATABASE * TO x', "Invalid input 'DATABASE': expected 'DBMS'"],
  ])('%s is refused', (input, message) => {
    expect(
      parse(input)
        .diagnostics.map((d) => d.message)
        .join(),
    ).toContain(message);
  });
});

describe('who may grant database privileges', () => {
  it.each([
    ['GRANT ACCESS ON DATABASE * TO x', 'ASSIGN PRIVILEGE'],
    ['DENY START ON HOME DATABASE TO x', 'ASSIGN PRIVILEGE'],
    ['REVOKE INDEX MANAGEMENT ON DATABASE neo4j FROM x', 'REMOVE PRIVILEGE'],
  ])('%s needs %s', (statement, needs) => {
    const admin = freshSession();
    admin.runScript("CREATE USER ann SET PASSWORD 'ann-password' CHANGE NOT REQUIRED; CREATE ROLE x;");
    expectFailure(
      admin.db.session({ user: 'ann' }),
      statement,
      'Neo.ClientError.Security.Forbidden',
      `Permission has not been granted for ${needs}. Try executing SHOW USER PRIVILEGES to determine the missing or denied privileges. ` +
        'In case of missing privileges, they need to be granted (See GRANT). In case of denied privileges, they need to be revoked (See REVOKE) and granted.',
    );
  });
});

describe('database privileges in snapshots', () => {
  it('survive toJSON and fromJSON', () => {
    const session = freshSession();
    session.runScript(`
      CREATE ROLE x;
      GRANT ACCESS ON DATABASES neo4j, sales TO x;
      DENY TERMINATE TRANSACTION (ann) ON HOME DATABASE TO x;
      GRANT ALL DATABASE PRIVILEGES ON DATABASE * TO x;
    `);
    const show = 'SHOW ROLE x PRIVILEGES AS COMMANDS';
    const restored = SystemDatabase.fromJSON(JSON.stringify(session.db.toJSON())).session({ user: null });
    expect(restored.run(show).rows).toEqual(session.run(show).rows);
  });
});
