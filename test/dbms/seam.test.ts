/** What a transport gets from a Dbms session: typed records, a summary, routing by database, and probe answers. */
import { describe, expect, it } from 'vitest';
import { Dbms, SystemDatabase, type SystemDatabaseOptions } from '../../src/index.js';
import { neo4jFailure } from '../support/db.js';

function ready(options: SystemDatabaseOptions = {}): Dbms {
  const dbms = new Dbms(SystemDatabase.create(options));
  dbms.session({ user: 'neo4j' }).run("ALTER CURRENT USER SET PASSWORD FROM 'neo4j' TO 'neo4j-secret'");
  return dbms;
}

describe('typed records', () => {
  it('keep INTEGER a bigint and FLOAT a number, where the JSON-like result makes both numbers', () => {
    const out = ready().session().run('SHOW USERS YIELD user RETURN count(*) AS n, 1.0 AS f, 9007199254740993 AS big');
    expect(out.records).toEqual([[1n, 1, 9007199254740993n]]);
    expect(out.result.rows).toEqual([[1, 1, 9007199254740993n]]);
    expect(typeof out.records[0]?.[1]).toBe('number');
  });
});

describe('the summary', () => {
  it('gives SHOW commands query type r and no system updates', () => {
    const { summary } = ready().session().run('SHOW USERS');
    expect(summary).toEqual({ queryType: 'r', database: 'neo4j', systemUpdates: 0, notifications: [] });
  });

  it('gives administration commands query type s and counts the update', () => {
    const session = ready().session();
    expect(session.run("CREATE USER alice SET PASSWORD 'alice-secret'", {}, { database: 'system' }).summary).toEqual({
      queryType: 's',
      database: 'system',
      systemUpdates: 1,
      notifications: [],
    });
    // Nothing changed, nothing counted.
    expect(session.run("CREATE USER alice IF NOT EXISTS SET PASSWORD 'alice-secret'").summary.systemUpdates).toBe(0);
  });

  it('carries the notifications', () => {
    const session = ready().session();
    session.run("CREATE USER alice SET PASSWORD 'alice-secret'");
    session.run('GRANT ROLE reader TO alice');
    const { summary } = session.run('GRANT ROLE reader TO alice');
    expect(summary.systemUpdates).toBe(0);
    expect(summary.notifications.map((n) => [n.gqlStatus, n.title])).toEqual([['00N70', '`GRANT ROLE reader TO alice` has no effect.']]);
  });
});

describe('routing by database', () => {
  it('runs administration commands sent to any database of the DBMS on system', () => {
    const dbms = ready();
    dbms.session().run("CREATE USER alice SET PASSWORD 'alice-secret'", {}, { database: 'NEO4J' });
    expect(dbms.session().run('SHOW USERS YIELD user', {}, { database: 'system' }).result.rows).toEqual([['alice'], ['neo4j']]);
  });

  it('refuses a database the DBMS does not have, in a statement and in a transaction, changing nothing', () => {
    const dbms = ready();
    const before = dbms.current;
    const notFound = { code: 'Neo.ClientError.Database.DatabaseNotFound', message: "Database does not exist. Database name: 'nope'." };
    expect(neo4jFailure(() => dbms.session().run("CREATE USER alice SET PASSWORD 'alice-secret'", {}, { database: 'nope' }))).toEqual(
      notFound,
    );
    expect(neo4jFailure(() => dbms.session().begin({ database: 'nope' }))).toEqual(notFound);
    expect(dbms.current).toBe(before);
  });

  it('knows the databases its system database was configured with', () => {
    const dbms = ready({ databases: ['movies', 'neo4j'] });
    expect(dbms.current.databases).toEqual(['movies', 'neo4j', 'system']);
    expect(dbms.session().run('SHOW USERS', {}, { database: 'movies' }).summary.database).toBe('movies');
  });

  it('sends a user who names no database to their home database, and to DatabaseNotFound when it does not exist', () => {
    const dbms = ready({ databases: ['movies', 'neo4j'] });
    const admin = dbms.session();
    admin.run("CREATE USER alice SET PASSWORD 'alice-secret' CHANGE NOT REQUIRED SET HOME DATABASE movies");
    admin.run("CREATE USER bob SET PASSWORD 'bob-secret' CHANGE NOT REQUIRED SET HOME DATABASE gone");
    expect(dbms.homeDatabase('alice')).toBe('movies');
    expect(dbms.homeDatabase('neo4j')).toBe('neo4j');
    expect(dbms.session({ user: 'alice' }).run('SHOW CURRENT USER').summary.database).toBe('movies');
    expect(neo4jFailure(() => dbms.session({ user: 'bob' }).run('SHOW CURRENT USER'))).toEqual({
      code: 'Neo.ClientError.Database.DatabaseNotFound',
      message: "Database does not exist. Database name: 'gone'.",
    });
  });

  it('keeps a transaction on the database it began on', () => {
    const tx = ready().session().begin({ database: 'system' });
    expect(tx.database).toBe('system');
    expect(tx.run('SHOW USERS').summary.database).toBe('system');
    tx.rollback();
  });
});

describe('a session with an open transaction', () => {
  it('refuses auto-commit statements and a second transaction until it ends', () => {
    const session = ready().session();
    const tx = session.begin();
    const refused = {
      code: 'Neo.ClientError.Request.Invalid',
      message:
        'Queries cannot be run directly on a session with an open transaction; either run from within the transaction or use a different session.',
    };
    expect(neo4jFailure(() => session.run('SHOW USERS'))).toEqual(refused);
    expect(neo4jFailure(() => session.begin())).toEqual(refused);
    tx.commit();
    expect(session.run('SHOW USERS YIELD user').result.rows).toEqual([['neo4j']]);
  });
});

describe('the probes clients send on connect', () => {
  const run = (query: string, user: string | null = 'neo4j') => {
    const out = ready().session({ user }).run(query);
    return { columns: out.result.columns, records: out.records, type: out.summary.queryType };
  };

  it.each([
    ['CALL db.ping()', ['success'], [[true]]],
    ['call  db.ping() ;', ['success'], [[true]]],
    ['RETURN 1', ['1'], [[1n]]],
    ['CALL dbms.components()', ['name', 'versions', 'edition'], [['Neo4j Kernel', ['2026.06.0'], 'enterprise']]],
    ['CALL dbms.components() YIELD versions', ['versions'], [[['2026.06.0']]]],
    ["SHOW PROCEDURES YIELD name WHERE name = 'dbms.showCurrentUser' RETURN count(*)", ['count(*)'], [[1n]]],
    ['CALL dbms.showCurrentUser()', ['username', 'roles', 'flags'], [['neo4j', ['admin', 'PUBLIC'], []]]],
    ['CALL dbms.showCurrentUser() YIELD username RETURN username', ['username'], [['neo4j']]],
    // Spring Boot's health indicator, and the version checks of neo4j-migrations and others.
    ["CALL dbms.components() YIELD name, edition WHERE name = 'Neo4j Kernel' RETURN edition", ['edition'], [['enterprise']]],
    [
      "CALL dbms.components() YIELD name, versions, edition WHERE name = 'Neo4j Kernel' RETURN 'Neo4j/' + versions[0] AS version, edition",
      ['version', 'edition'],
      [['Neo4j/2026.06.0', 'enterprise']],
    ],
    [
      "CALL dbms.components() YIELD name, versions, edition WHERE name = 'Neo4j Kernel' RETURN versions[0], edition",
      ['versions[0]', 'edition'],
      [['2026.06.0', 'enterprise']],
    ],
  ])('%s', (query, columns, records) => {
    expect(run(query)).toEqual({ columns, records, type: 'r' });
  });

  it('answers an unknown procedure with Neo4j’s ProcedureNotFound', () => {
    expect(neo4jFailure(() => run('CALL db.labels()'))).toEqual({
      code: 'Neo.ClientError.Procedure.ProcedureNotFound',
      message:
        "There is no procedure with the name `db.labels` registered for this database instance. Please ensure you've spelled the procedure name correctly and that the procedure is properly deployed.",
    });
  });

  it('answers EXPLAIN of a procedure Neo4j 5 removed with ProcedureNotFound, as neo4j-migrations expects', () => {
    expect(neo4jFailure(() => run('EXPLAIN CALL dbms.procedures() YIELD name RETURN count(*)'))).toMatchObject({
      code: 'Neo.ClientError.Procedure.ProcedureNotFound',
      message: expect.stringContaining('`dbms.procedures`') as string,
    });
  });

  it('leaves other graph queries not supported by cypher-sysdb', () => {
    expect(neo4jFailure(() => run('MATCH (n) RETURN n')).code).toBe('CypherSysdb.NotSupported');
  });

  it('are refused while the password must change, like every statement but the change', () => {
    const dbms = new Dbms();
    expect(neo4jFailure(() => dbms.session({ user: 'neo4j' }).run('CALL db.ping()')).code).toBe(
      'Neo.ClientError.Security.CredentialsExpired',
    );
  });
});

describe('commit listeners', () => {
  it('see every commit and replace, not reads, and stop when unsubscribed', () => {
    const dbms = ready();
    const seen: string[][] = [];
    const stop = dbms.onCommit((db) =>
      seen.push(db.execute('SHOW USERS YIELD user', {}, { user: null }).result.rows.map((r) => String(r[0]))),
    );
    const session = dbms.session();
    session.run('SHOW USERS');
    session.run("CREATE USER alice SET PASSWORD 'alice-secret'");
    const tx = session.begin();
    tx.run("CREATE USER bob SET PASSWORD 'bob-secret'");
    tx.commit();
    dbms.replace(SystemDatabase.create());
    stop();
    dbms.session({ user: null }).run("CREATE USER carol SET PASSWORD 'carol-secret'");
    expect(seen).toEqual([['alice', 'neo4j'], ['alice', 'bob', 'neo4j'], ['neo4j']]);
    expect(dbms.commits).toBe(5); // the password change in ready(), three commits and the replace
  });

  it('make a transaction begun before a replace fail to commit', () => {
    const dbms = ready();
    const tx = dbms.session().begin();
    tx.run("CREATE USER bob SET PASSWORD 'bob-secret'");
    dbms.replace(SystemDatabase.create());
    expect(neo4jFailure(() => tx.commit()).code).toBe('Neo.TransientError.Transaction.Outdated');
  });
});

describe('typed parameters', () => {
  it('keep a whole number a FLOAT for a wire session, and make it an INTEGER for JavaScript callers', () => {
    const dbms = ready();
    const query = 'SHOW USERS YIELD user RETURN $x AS x, $list AS list';
    const params = { x: 7, list: [1, 2n] };
    expect(dbms.session({ typedParams: true }).run(query, params).records).toEqual([[7, [1, 2n]]]);
    expect(dbms.session().run(query, params).records).toEqual([[7n, [1n, 2n]]]);
    expect(typeof dbms.session({ typedParams: true }).run(query, params).records[0]?.[0]).toBe('number');
  });
});
