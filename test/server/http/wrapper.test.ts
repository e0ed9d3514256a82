/**
 * The real HTTP client: `@neo4j-labs/experimental-query-api-wrapper` (neo4j-driver's API over the
 * Query API, typed JSON only). It needs discovery's `query`, `CALL db.ping()`, exactly
 * `application/vnd.neo4j.query` on success, `counters` on every result, and Neo4j's error envelope.
 */
import { auth, int, wrapper } from '@neo4j-labs/experimental-query-api-wrapper';
import { describe, expect, it } from 'vitest';
import { PASSWORD, startHttp } from '../../support/http.js';

const ADMIN = auth.basic('neo4j', PASSWORD);

async function client(options: Parameters<typeof startHttp>[0] = {}) {
  const { server, url } = await startHttp(options);
  const driver = wrapper(url, ADMIN);
  return { server, url, driver };
}

describe('the Query API wrapper', () => {
  it('verifies connectivity and authentication', async () => {
    const { driver, url } = await client();
    try {
      const info = await driver.verifyConnectivity({ database: 'system' });
      expect(info).toMatchObject({ agent: '2026.06.0', protocolVersion: 2026.06 });
      expect(await driver.verifyAuthentication({ database: 'system' })).toBe(true);
      const stranger = wrapper(url, auth.basic('neo4j', 'wrong-secret'));
      await expect(stranger.verifyAuthentication({ database: 'system' })).resolves.toBe(false);
      await stranger.close();
    } finally {
      await driver.close();
    }
  });

  it('runs the onboarding lifecycle with executeQuery, reading counters and notifications', async () => {
    const { driver, server } = await client();
    try {
      const created = await driver.executeQuery(
        'CREATE USER alice SET PASSWORD $p CHANGE REQUIRED',
        { p: 'alice-initial' },
        { database: 'system' },
      );
      expect(created.summary.counters.systemUpdates()).toBe(1);
      expect(created.summary.counters.containsSystemUpdates()).toBe(true);
      await driver.executeQuery('CREATE ROLE analyst', {}, { database: 'system' });
      await driver.executeQuery('GRANT ROLE analyst TO alice', {}, { database: 'system' });
      const again = await driver.executeQuery('GRANT ROLE analyst TO alice', {}, { database: 'system' });
      expect(again.summary.counters.systemUpdates()).toBe(0);
      expect(again.summary.notifications.map((n) => n.code)).toEqual(['Neo.ClientNotification.Security.CommandHasNoEffect']);
      const { records } = await driver.executeQuery('SHOW USERS YIELD user, roles WHERE user = $u', { u: 'alice' }, { database: 'system' });
      expect(records.map((r) => r.toObject())).toEqual([{ user: 'alice', roles: ['analyst', 'PUBLIC'] }]);
      expect(server.dbms.current.login('alice')?.changeRequired).toBe(true);
    } finally {
      await driver.close();
    }
  });

  it('sends JS numbers as FLOAT and Integers as INTEGER, and reads each back as its type', async () => {
    const { driver } = await client();
    try {
      const { records } = await driver.executeQuery(
        'SHOW USERS YIELD user RETURN $f AS f, $i AS i, 2.5 AS x',
        { f: 42, i: int(42) },
        { database: 'system' },
      );
      const row = records[0];
      expect(row?.get('f')).toBe(42);
      expect(row?.get('i')).toEqual(int(42));
      expect(row?.get('x')).toBe(2.5);
    } finally {
      await driver.close();
    }
  });

  it('runs managed transactions (executeWrite / executeRead) and rolls back an explicit one', async () => {
    const { driver, server } = await client();
    const session = driver.session({ database: 'system' });
    try {
      await session.executeWrite(async (tx) => {
        await tx.run('CREATE USER bob SET PASSWORD $p CHANGE NOT REQUIRED', { p: 'bob-secret' });
        await tx.run('CREATE ROLE ops');
        await tx.run('GRANT ROLE ops TO bob');
      });
      expect(session.lastBookmarks()).toEqual([`FB:sysdb:${server.dbms.commits}`]);
      const roles = await session.executeRead(async (tx) => (await tx.run('SHOW USERS YIELD user, roles WHERE user = "bob"')).records);
      expect(roles.map((r) => r.get('roles'))).toEqual([['ops', 'PUBLIC']]);
      const tx = await session.beginTransaction();
      await tx.run('DROP USER bob');
      await tx.rollback();
      expect(server.dbms.current.login('bob')).not.toBeNull();
    } finally {
      await session.close();
      await driver.close();
    }
  });

  it('gets Neo4j’s error codes and messages', async () => {
    const { driver } = await client();
    try {
      await driver.executeQuery("CREATE USER carol SET PASSWORD 'carol-secret'", {}, { database: 'system' });
      const failure = driver.executeQuery("CREATE USER carol SET PASSWORD 'carol-secret'", {}, { database: 'system' });
      await expect(failure).rejects.toMatchObject({
        code: 'Neo.ClientError.Statement.ArgumentError',
        message: "Failed to create the specified user 'carol': User already exists.",
      });
      await expect(driver.executeQuery('SHOW USERS', {}, { database: 'nope' })).rejects.toMatchObject({
        code: 'Neo.ClientError.Database.DatabaseNotFound',
      });
    } finally {
      await driver.close();
    }
  });
});
