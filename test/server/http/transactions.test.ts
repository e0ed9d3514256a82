/**
 * Explicit transactions over HTTP: bound to their database and user, closed by an error, expired
 * when idle (Neo4j's 404 afterwards), bounded per user, and failing to commit as Neo4j fails.
 */
import { describe, expect, it } from 'vitest';
import { Dbms } from '../../../src/index.js';
import { TransactionRegistry, instantText } from '../../../src/server/http/transactions.js';
import { basic, call, errors, startHttp } from '../../support/http.js';

const notFound = (id: string) =>
  errors(
    'Neo.ClientError.Request.Invalid',
    `Transaction with Id: "${id}" was not found. It may have timed out and therefore rolled back or the routing header 'neo4j-cluster-affinity' was not provided.`,
  );

async function begin(url: string, body: unknown = {}, headers: Record<string, string> = {}): Promise<string> {
  const answer = await call(url, '/db/system/query/v2/tx', { body, headers });
  expect(answer.status).toBe(202);
  return (answer.json as { transaction: { id: string } }).transaction.id;
}

const createBob = { statement: "CREATE USER bob SET PASSWORD 'bob-secret' CHANGE NOT REQUIRED" };

describe('a transaction is bound to its database and its user', () => {
  it('answers 404 for an unknown id, and for a known one on another database or of another user, leaving it open', async () => {
    const { url, server } = await startHttp({ databases: ['neo4j', 'sales'] });
    await call(url, '/db/system/query/v2', { body: { statement: "CREATE USER eve SET PASSWORD 'eve-secret' CHANGE NOT REQUIRED" } });
    await call(url, '/db/system/query/v2', { body: { statement: 'GRANT ROLE admin TO eve' } });
    const id = await begin(url, createBob);
    for (const [path, headers] of [
      ['/db/system/query/v2/tx/0123456789abcdef', {}],
      [`/db/sales/query/v2/tx/${id}`, {}],
      [`/db/system/query/v2/tx/${id}`, { authorization: basic('eve', 'eve-secret') }],
    ] as const) {
      const answer = await call(url, path, { body: {}, headers });
      expect(answer.status).toBe(404);
      expect(answer.json).toEqual(notFound(path.split('/')[6] ?? ''));
    }
    const commit = await call(url, `/db/system/query/v2/tx/${id}/commit`, { body: {} });
    expect(commit.status).toBe(202);
    expect(server.dbms.current.login('bob')).not.toBeNull();
  });
});

describe('a statement that fails closes its transaction', () => {
  it('answers the error, rolls back what the transaction wrote, and forgets it', async () => {
    const { url, server } = await startHttp();
    const id = await begin(url, createBob);
    const failed = await call(url, `/db/system/query/v2/tx/${id}`, { body: createBob });
    expect(failed.status).toBe(400);
    expect(failed.json).toEqual(
      errors('Neo.ClientError.Statement.ArgumentError', "Failed to create the specified user 'bob': User already exists."),
    );
    expect((await call(url, `/db/system/query/v2/tx/${id}`, { body: {} })).json).toEqual(notFound(id));
    expect(server.dbms.current.login('bob')).toBeNull();
  });

  it('a failing begin statement leaves no transaction behind', async () => {
    const { url } = await startHttp();
    const failed = await call(url, '/db/system/query/v2/tx', { body: { statement: 'SHOW USERS WHERE' } });
    expect(failed.status).toBe(400);
    expect(failed.json).not.toHaveProperty('transaction');
  });
});

describe('a commit that loses to another commit', () => {
  it('400 Transaction.Outdated on a plain commit', async () => {
    const { url, server } = await startHttp();
    const id = await begin(url, createBob);
    await call(url, '/db/system/query/v2', { body: { statement: 'CREATE ROLE meanwhile' } });
    const commit = await call(url, `/db/system/query/v2/tx/${id}/commit`, { body: {} });
    expect(commit.status).toBe(400);
    expect(commit.json).toMatchObject({ errors: [{ code: 'Neo.TransientError.Transaction.Outdated' }] });
    expect(server.dbms.current.login('bob')).toBeNull();
  });

  it('202 with the rows then the error when the commit carries a final statement (Neo4j commits while writing the body)', async () => {
    const { url } = await startHttp();
    const id = await begin(url, createBob);
    await call(url, '/db/system/query/v2', { body: { statement: 'CREATE ROLE meanwhile' } });
    const commit = await call(url, `/db/system/query/v2/tx/${id}/commit`, {
      body: { statement: 'SHOW USERS YIELD user', includeCounters: true },
    });
    expect(commit.status).toBe(202);
    expect(commit.json).toEqual({
      data: { fields: ['user'], values: [['bob'], ['neo4j']] },
      errors: [
        {
          code: 'Neo.TransientError.Transaction.Outdated',
          message:
            'Transaction has seen state which has been invalidated by applied updates while transaction was active. Transaction may succeed if retried.',
        },
      ],
    });
    expect((await call(url, `/db/system/query/v2/tx/${id}`, { body: {} })).status).toBe(404);
  });
});

describe('idle transactions expire', () => {
  it('rolls one back after the idle timeout, and then answers 404; every request extends it', async () => {
    const { url, server, log } = await startHttp({ httpTransactionIdleTimeoutMs: 1500 });
    const id = await begin(url, createBob);
    // Kept alive past the first timeout by requests within it.
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect((await call(url, `/db/system/query/v2/tx/${id}`, { body: {} })).status).toBe(202);
    }
    await log.waitFor(`info: HTTP transaction ${id} expired after 1500 ms idle and was rolled back`);
    const late = await call(url, `/db/system/query/v2/tx/${id}/commit`, { body: {} });
    expect(late.status).toBe(404);
    expect(late.json).toEqual(notFound(id));
    expect(server.dbms.current.login('bob')).toBeNull();
  });

  it('says when, as an instant to the second, one idle timeout from now', async () => {
    const before = Date.now();
    const { url } = await startHttp();
    const answer = await call(url, '/db/system/query/v2/tx', { body: {} });
    const expires = Date.parse((answer.json as { transaction: { expires: string } }).transaction.expires);
    expect(expires % 1000).toBe(0);
    expect(expires).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 60_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(instantText(Date.UTC(2024, 9, 22, 15, 48, 29))).toBe('2024-10-22T15:48:29Z');
    expect(instantText(Date.UTC(2024, 9, 22, 15, 48, 29, 500))).toBe('2024-10-22T15:48:29.500Z');
  });
});

describe('a user holds only so many transactions', () => {
  it('400 ResourceExhaustion past the limit, per user; closing one makes room', async () => {
    const { url } = await startHttp({ httpMaxTransactionsPerUser: 2 });
    await call(url, '/db/system/query/v2', { body: { statement: "CREATE USER eve SET PASSWORD 'eve-secret' CHANGE NOT REQUIRED" } });
    const first = await begin(url);
    await begin(url);
    const third = await call(url, '/db/system/query/v2/tx', { body: {} });
    expect(third.status).toBe(400);
    expect(third.json).toEqual(
      errors(
        'Neo.TransientError.Request.ResourceExhaustion',
        'There are already 2 open transactions for this user, the most allowed; commit or roll one back first.',
      ),
    );
    // Another user is not affected.
    expect((await call(url, '/db/system/query/v2/tx', { body: {}, headers: { authorization: basic('eve', 'eve-secret') } })).status).toBe(
      202,
    );
    await call(url, `/db/system/query/v2/tx/${first}`, { method: 'DELETE' });
    await begin(url);
  });
});

describe('closing the server', () => {
  it('rolls back open transactions', async () => {
    const { url, server } = await startHttp();
    await begin(url, createBob);
    await server.close();
    expect(server.dbms.current.login('bob')).toBeNull();
  });
});

describe('TransactionRegistry', () => {
  it('refuses a second request on a transaction another request is using', () => {
    const registry = new TransactionRegistry({ idleTimeoutMs: 60_000, maxPerUser: 10 });
    const open = registry.add(new Dbms().session({ user: null }).begin(), 'system', null);
    expect(() => registry.take(open.id, 'system', null)).toThrow('Another request is currently accessing this transaction.');
    registry.release(open);
    expect(registry.take(open.id, 'system', null)).toBe(open);
    registry.clear();
    expect(registry.size).toBe(0);
  });
});
