/**
 * Impersonation (`impersonatedUser`) and read access mode through the real neo4j-driver against the
 * server: what an application sees, on the newest Bolt and on 5.4 (before GQL, before LOGON's
 * manifest). The rules and their Neo4j sources: test/dbms/run-as.test.ts.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type BoltServer } from '../../src/server/index.js';

const PASSWORD = 'neo4j-secret';

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; gqlStatus: string }> {
  try {
    await promise;
  } catch (error) {
    const { code, message, gqlStatus } = error as { code: string; message: string; gqlStatus: string };
    return { code, message, gqlStatus };
  }
  throw new Error('expected the call to fail');
}

const SETUP = [
  "CREATE USER ivan SET PASSWORD 'ivan-secret' CHANGE NOT REQUIRED",
  "CREATE USER alice SET PASSWORD 'alice-secret' CHANGE NOT REQUIRED SET HOME DATABASE system",
  "CREATE USER mallory SET PASSWORD 'mallory-secret' CHANGE NOT REQUIRED",
  'CREATE ROLE impersonator',
  'GRANT IMPERSONATE (alice) ON DBMS TO impersonator',
  'GRANT ROLE impersonator TO ivan',
  'CREATE ROLE manager',
  'GRANT SHOW USER ON DBMS TO manager',
  'GRANT CREATE USER ON DBMS TO manager',
  'GRANT ROLE manager TO alice',
];

describe.each(['6.0', '5.4'] as const)('neo4j-driver impersonation over Bolt %s', (version) => {
  let server: BoltServer;
  let admin: Driver;
  let ivan: Driver;
  const gql = version === '6.0';

  beforeAll(async () => {
    server = await startServer({ bolt: '127.0.0.1:0', initialPassword: PASSWORD, boltVersions: [version] });
    admin = neo4j.driver(server.boltUrl, neo4j.auth.basic('neo4j', PASSWORD));
    ivan = neo4j.driver(server.boltUrl, neo4j.auth.basic('ivan', 'ivan-secret'));
  });

  afterAll(async () => {
    await Promise.all([admin.close(), ivan.close()]);
    await server.close();
  });

  beforeEach(async () => {
    server.reset();
    for (const statement of SETUP) await admin.executeQuery(statement, {}, { database: 'system' });
  });

  it('session({impersonatedUser}).run (auto-commit RUN) runs as the target, with its privileges', async () => {
    const session = ivan.session({ database: 'system', impersonatedUser: 'alice' });
    try {
      const current = await session.run('SHOW CURRENT USER YIELD user');
      expect(current.records.map((r) => r.get('user'))).toEqual(['alice']);
      // alice may SHOW USERS; ivan himself may not.
      const users = await session.run('SHOW USERS YIELD user');
      expect(users.records.map((r) => r.get('user'))).toEqual(['alice', 'ivan', 'mallory', 'neo4j']);
    } finally {
      await session.close();
    }
    expect((await failure(ivan.executeQuery('SHOW USERS', {}, { database: 'system' }))).code).toBe('Neo.ClientError.Security.Forbidden');
  });

  it('executeQuery with impersonatedUser (BEGIN imp_user): SHOW works, an updating command is refused', async () => {
    const { records } = await ivan.executeQuery('SHOW CURRENT USER YIELD user', {}, { database: 'system', impersonatedUser: 'alice' });
    expect(records.map((r) => r.get('user'))).toEqual(['alice']);
    const refused = await failure(
      ivan.executeQuery("CREATE USER eve SET PASSWORD 'eve-secret'", {}, { database: 'system', impersonatedUser: 'alice' }),
    );
    expect([refused.code, refused.message]).toEqual([
      'Neo.ClientError.Security.Forbidden',
      'Not allowed to run updating system commands when impersonating a user.',
    ]);
    if (gql) expect(refused.gqlStatus).toBe('42NFF');
    const { records: users } = await admin.executeQuery('SHOW USERS YIELD user', {}, { database: 'system' });
    expect(users.map((r) => r.get('user'))).not.toContain('eve');
  });

  it('refuses a user without the privilege, a DENY winning, and an unknown target', async () => {
    const query = (driver: Driver, impersonatedUser: string) =>
      failure(driver.executeQuery('SHOW CURRENT USER', {}, { database: 'system', impersonatedUser }));
    const mallory = neo4j.driver(server.boltUrl, neo4j.auth.basic('mallory', 'mallory-secret'));
    try {
      expect(await query(mallory, 'alice')).toMatchObject({ code: 'Neo.ClientError.Security.Forbidden', message: 'Permission denied.' });
    } finally {
      await mallory.close();
    }
    expect(await query(ivan, 'nobody')).toMatchObject({ code: 'Neo.ClientError.Security.Forbidden', message: 'Permission denied.' });
    await admin.executeQuery('CREATE ROLE blocked', {}, { database: 'system' });
    await admin.executeQuery('DENY IMPERSONATE (alice) ON DBMS TO blocked', {}, { database: 'system' });
    await admin.executeQuery('GRANT ROLE blocked TO ivan', {}, { database: 'system' });
    expect(await query(ivan, 'alice')).toMatchObject({ code: 'Neo.ClientError.Security.Forbidden', message: 'Permission denied.' });
  });

  it('refuses impersonation while the impersonator must change their password (42N83)', async () => {
    await admin.executeQuery('ALTER USER ivan SET PASSWORD CHANGE REQUIRED', {}, { database: 'system' });
    const error = await failure(ivan.executeQuery('SHOW CURRENT USER', {}, { database: 'system', impersonatedUser: 'alice' }));
    expect([error.code, error.message]).toEqual([
      'Neo.ClientError.Security.CredentialsExpired',
      'Cannot impersonate a user while password change required.',
    ]);
    if (gql) expect(error.gqlStatus).toBe('42N83');
  });

  it('routes (neo4j://, ROUTE imp_user) to the impersonated user’s home database', async () => {
    const routing = neo4j.driver(server.boltUrl.replace('bolt://', 'neo4j://'), neo4j.auth.basic('ivan', 'ivan-secret'));
    try {
      const { records, summary } = await routing.executeQuery('SHOW CURRENT USER YIELD user', {}, { impersonatedUser: 'alice' });
      expect(records.map((r) => r.get('user'))).toEqual(['alice']);
      expect(summary.database.name).toBe('system');
    } finally {
      await routing.close();
    }
  });

  it('executeRead (BEGIN mode "r") refuses CREATE USER with AccessMode, and runs SHOW USERS', async () => {
    const session = admin.session({ database: 'system' });
    try {
      const error = await failure(session.executeRead((tx) => tx.run("CREATE USER eve SET PASSWORD 'eve-secret'")));
      expect([error.code, error.message]).toEqual([
        'Neo.ClientError.Statement.AccessMode',
        'Writing in read access mode not allowed. Attempted write to system',
      ]);
      if (gql) expect(error.gqlStatus).toBe('08N03');
      const users = await session.executeRead(async (tx) => (await tx.run('SHOW USERS YIELD user')).records.length);
      expect(users).toBe(4);
      const read = admin.session({ database: 'system', defaultAccessMode: neo4j.session.READ });
      try {
        expect((await failure(read.run('CREATE ROLE r'))).code).toBe('Neo.ClientError.Statement.AccessMode');
      } finally {
        await read.close();
      }
    } finally {
      await session.close();
    }
  });
});
