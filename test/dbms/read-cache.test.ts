/** A session answers a read it sent again on the same snapshot from its cache: never a stale or another read's answer. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dbms, SystemDatabase } from '../../src/index.js';

function ready(): Dbms {
  const dbms = new Dbms(SystemDatabase.create());
  dbms.session({ user: 'neo4j' }).run("ALTER CURRENT USER SET PASSWORD FROM 'neo4j' TO 'neo4j-secret'");
  return dbms;
}

const users = (rows: readonly (readonly unknown[])[]) => rows.map((row) => row[0]);

afterEach(() => vi.restoreAllMocks());

describe("a session's read cache", () => {
  it('runs a repeated read without parameters once while nothing is committed', () => {
    const session = ready().session();
    const execute = vi.spyOn(SystemDatabase.prototype, 'execute');
    const first = session.run('SHOW USERS YIELD user');
    const again = session.run('SHOW USERS YIELD user');
    expect(execute).toHaveBeenCalledTimes(1);
    expect(again.result.rows).toEqual([['neo4j']]);
    expect(again).toBe(first);
  });

  it("sees another session's commit at once", () => {
    const dbms = ready();
    const reader = dbms.session();
    expect(users(reader.run('SHOW USERS YIELD user').result.rows)).toEqual(['neo4j']);
    dbms.session().run("CREATE USER alice SET PASSWORD 'alice-secret'");
    expect(users(reader.run('SHOW USERS YIELD user').result.rows)).toEqual(['alice', 'neo4j']);
  });

  it('keeps reads apart by target database and runs reads with parameters every time', () => {
    const dbms = ready();
    const session = dbms.session();
    expect(session.run('SHOW USERS YIELD user', {}, { database: 'system' }).summary.database).toBe('system');
    expect(session.run('SHOW USERS YIELD user').summary.database).toBe('neo4j');
    const execute = vi.spyOn(SystemDatabase.prototype, 'execute');
    const query = 'SHOW USERS YIELD user WHERE user = $name';
    expect(session.run(query, { name: 'neo4j' }).result.rows).toEqual([['neo4j']]);
    expect(session.run(query, { name: 'nobody' }).result.rows).toEqual([]);
    expect(execute).toHaveBeenCalledTimes(2);
  });

  it('keeps no session’s answer for another user', () => {
    const dbms = ready();
    dbms.session().run("CREATE USER alice SET PASSWORD 'alice-secret' CHANGE NOT REQUIRED");
    expect(dbms.session({ user: 'neo4j' }).run('SHOW CURRENT USER YIELD user').result.rows).toEqual([['neo4j']]);
    expect(dbms.session({ user: 'alice' }).run('SHOW CURRENT USER YIELD user').result.rows).toEqual([['alice']]);
  });

  it('runs a statement that writes every time, even when it changes nothing', () => {
    const session = ready().session();
    session.run("CREATE USER alice SET PASSWORD 'alice-secret'");
    const execute = vi.spyOn(SystemDatabase.prototype, 'execute');
    session.run("CREATE USER alice IF NOT EXISTS SET PASSWORD 'alice-secret'");
    session.run("CREATE USER alice IF NOT EXISTS SET PASSWORD 'alice-secret'");
    expect(execute).toHaveBeenCalledTimes(2);
  });
});
