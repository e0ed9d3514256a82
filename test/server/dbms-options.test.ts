/** startServer's DBMS settings reach the drivers: the databases it has, and the failed-login limit. */
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type BoltServer } from '../../src/server/index.js';

describe('startServer({ databases, dbmsOptions })', () => {
  let server: BoltServer;
  beforeAll(async () => {
    server = await startServer({
      bolt: '127.0.0.1:0',
      initialPassword: 'neo4j-secret',
      databases: ['movies', 'neo4j'],
      dbmsOptions: { authMaxFailedAttempts: 2 },
    });
  });
  afterAll(() => server.close());

  it('serves the databases it was given, and no other', async () => {
    const driver = neo4j.driver(server.boltUrl, neo4j.auth.basic('neo4j', 'neo4j-secret'));
    try {
      const { summary } = await driver.executeQuery('SHOW CURRENT USER', {}, { database: 'movies' });
      expect(summary.database.name).toBe('movies');
      await expect(driver.executeQuery('SHOW CURRENT USER', {}, { database: 'books' })).rejects.toMatchObject({
        code: 'Neo.ClientError.Database.DatabaseNotFound',
        message: "Database does not exist. Database name: 'books'.",
      });
    } finally {
      await driver.close();
    }
  });

  it('locks a user out after the configured number of failed logins, even with the right password', async () => {
    const attempt = async (password: string) => {
      const driver = neo4j.driver(server.boltUrl, neo4j.auth.basic('neo4j', password));
      try {
        await driver.verifyConnectivity();
        return 'ok';
      } catch (error) {
        return (error as { code: string }).code;
      } finally {
        await driver.close();
      }
    };
    expect(await attempt('wrong-1')).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await attempt('wrong-2')).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await attempt('neo4j-secret')).toBe('Neo.ClientError.Security.AuthenticationRateLimit');
  });
});
