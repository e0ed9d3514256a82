/**
 * The real neo4j-driver (6.x) against `sysdb serve`, with the server forced to each Bolt version in
 * turn: what an application sees through the driver's own API is what it would see from Neo4j.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type BoltServer } from '../../src/server/index.js';

const PASSWORD = 'neo4j-secret';
const VERSIONS = ['6.0', '5.8', '5.7', '5.6', '5.4', '5.2', '5.1', '5.0'] as const;

interface Failure {
  code: string;
  message: string;
  gqlStatus: string;
  classification: string;
  diagnosticRecord: unknown;
}

async function failure(promise: Promise<unknown>): Promise<Failure> {
  try {
    await promise;
  } catch (error) {
    const e = error as Failure;
    return {
      code: e.code,
      message: e.message,
      gqlStatus: e.gqlStatus,
      classification: e.classification,
      diagnosticRecord: e.diagnosticRecord,
    };
  }
  throw new Error('expected the call to fail');
}

describe.each(VERSIONS)('neo4j-driver over Bolt %s', (version) => {
  let server: BoltServer;
  let driver: Driver;
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const gql = major > 5 || minor >= 7;

  beforeAll(async () => {
    server = await startServer({ bolt: '127.0.0.1:0', initialPassword: PASSWORD, boltVersions: [version] });
    driver = neo4j.driver(server.boltUrl, neo4j.auth.basic('neo4j', PASSWORD));
  });

  afterAll(async () => {
    await driver.close();
    await server.close();
  });

  it('connects, verifies, and tells the server apart', async () => {
    await driver.verifyConnectivity();
    const info = await driver.getServerInfo();
    expect(info.agent).toBe('Neo4j/2026.06.0');
    expect(`${info.protocolVersion}`).toBe(version);
  });

  it('runs SHOW USERS with executeQuery: keys, records, query type and database', async () => {
    server.reset();
    const { keys, records, summary } = await driver.executeQuery('SHOW USERS', {}, { database: 'system' });
    expect(keys).toEqual(['user', 'roles', 'passwordChangeRequired', 'suspended', 'home']);
    expect(records.map((r) => r.toObject())).toEqual([
      { user: 'neo4j', roles: ['admin', 'PUBLIC'], passwordChangeRequired: false, suspended: false, home: null },
    ]);
    expect(summary.queryType).toBe('r');
    expect(summary.database.name).toBe('system');
  });

  it('counts the system updates of an administration command', async () => {
    server.reset();
    const { summary } = await driver.executeQuery('CREATE USER alice SET PASSWORD $p', { p: 'alice-secret' }, { database: 'system' });
    expect(summary.queryType).toBe('s');
    expect(summary.counters.containsSystemUpdates()).toBe(true);
    expect(summary.counters.systemUpdates()).toBe(1);
    const { records } = await driver.executeQuery('SHOW USERS YIELD user', {}, { database: 'system' });
    expect(records.map((r) => r.get('user'))).toEqual(['alice', 'neo4j']);
  });

  it('reports Neo4j’s error code and message, with GQLSTATUS on 5.7+', async () => {
    server.reset();
    const error = await failure(driver.executeQuery("CREATE USER neo4j SET PASSWORD 'whatever-1'", {}, { database: 'system' }));
    expect(error.code).toBe('Neo.ClientError.Statement.ArgumentError');
    expect(error.message).toBe("Failed to create the specified user 'neo4j': User already exists.");
    if (gql) expect([error.gqlStatus, error.classification]).toEqual(['22N04', 'CLIENT_ERROR']);
    // The server sends only _classification; the driver fills in the entries Neo4j leaves out as defaults.
    if (gql)
      expect(error.diagnosticRecord).toEqual({ OPERATION: '', OPERATION_CODE: '0', CURRENT_SCHEMA: '/', _classification: 'CLIENT_ERROR' });
  });

  it('reports what cypher-sysdb does not support as a client error, never a database error', async () => {
    const error = await failure(driver.executeQuery('CREATE DATABASE foo', {}, { database: 'system' }));
    expect(error.code).toBe('Neo.ClientError.Statement.UnsupportedOperationError');
    if (gql) expect(error.classification).toBe('CLIENT_ERROR');
  });

  it('keeps integers 64-bit and floats apart', async () => {
    const { records } = await driver.executeQuery(
      'SHOW USERS YIELD user RETURN count(*) AS n, 9007199254740993 AS big, $f AS f',
      { f: 1.5 },
      { database: 'system' },
    );
    const [record] = records;
    expect(neo4j.isInt(record?.get('n'))).toBe(true);
    expect(record?.get('big').toString()).toBe('9007199254740993');
    expect(record?.get('f')).toBe(1.5);
  });

  it('runs managed transactions, and explicit ones that commit or roll back', async () => {
    server.reset();
    const session = driver.session({ database: 'system' });
    try {
      await session.executeWrite((tx) => tx.run("CREATE USER bob SET PASSWORD 'bob-secret'"));
      const users = await session.executeRead(async (tx) => (await tx.run('SHOW USERS YIELD user')).records.map((r) => r.get('user')));
      expect(users).toEqual(['bob', 'neo4j']);
      const rolledBack = session.beginTransaction();
      await rolledBack.run("CREATE USER carol SET PASSWORD 'carol-secret'");
      await rolledBack.rollback();
      const committed = session.beginTransaction();
      await committed.run("CREATE USER dave SET PASSWORD 'dave-secret'");
      await committed.commit();
      expect(session.lastBookmarks()).toHaveLength(1);
    } finally {
      await session.close();
    }
    const { records } = await driver.executeQuery('SHOW USERS YIELD user', {}, { database: 'system' });
    expect(records.map((r) => r.get('user'))).toEqual(['bob', 'dave', 'neo4j']);
  });

  it('refuses a wrong password with Unauthorized', async () => {
    const wrong = neo4j.driver(server.boltUrl, neo4j.auth.basic('neo4j', 'not-the-password'));
    try {
      const error = await failure(wrong.verifyConnectivity());
      expect([error.code, error.message]).toEqual([
        'Neo.ClientError.Security.Unauthorized',
        'The client is unauthorized due to authentication failure.',
      ]);
    } finally {
      await wrong.close();
    }
  });

  it.runIf(major > 5 || minor >= 1)('re-authenticates a session as another user', async () => {
    server.reset();
    await driver.executeQuery("CREATE USER erin SET PASSWORD 'erin-secret' CHANGE NOT REQUIRED", {}, { database: 'system' });
    const session = driver.session({ database: 'system', auth: neo4j.auth.basic('erin', 'erin-secret') });
    try {
      const result = await session.run('SHOW CURRENT USER YIELD user');
      expect(result.records.map((r) => r.get('user'))).toEqual(['erin']);
    } finally {
      await session.close();
    }
  });

  it('routes with neo4j:// through a one-server table', async () => {
    const routing = neo4j.driver(server.boltUrl.replace('bolt://', 'neo4j://'), neo4j.auth.basic('neo4j', PASSWORD));
    try {
      const { records, summary } = await routing.executeQuery('SHOW CURRENT USER YIELD user');
      expect(records.map((r) => r.get('user'))).toEqual(['neo4j']);
      expect(summary.database.name).toBe('neo4j');
    } finally {
      await routing.close();
    }
  });

  it('names an unknown database', async () => {
    const error = await failure(driver.executeQuery('SHOW USERS', {}, { database: 'nope' }));
    expect([error.code, error.message]).toEqual([
      'Neo.ClientError.Database.DatabaseNotFound',
      "Database does not exist. Database name: 'nope'.",
    ]);
  });
});
