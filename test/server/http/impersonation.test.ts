/**
 * The Query API's `impersonatedUser` and `accessMode`, byte for byte: the same rules as Bolt's
 * `imp_user` and `mode` (src/dbms/run-as.ts; Neo4j's sources cited in test/dbms/run-as.test.ts).
 * A transaction begun impersonating stays in the target's context for its later requests.
 */
import { describe, expect, it } from 'vitest';
import { call, startHttp } from '../../support/http.js';

async function withAlice() {
  const started = await startHttp();
  const setup = [
    "CREATE USER alice SET PASSWORD 'alice-secret' CHANGE NOT REQUIRED SET HOME DATABASE system",
    'GRANT IMPERSONATE (alice) ON DBMS TO PUBLIC',
  ];
  for (const statement of setup) expect((await call(started.url, '/db/system/query/v2', { body: { statement } })).status).toBe(202);
  return started;
}

const current = { statement: 'SHOW CURRENT USER YIELD user' };

describe('impersonatedUser', () => {
  it('auto-commit: the target’s rows, as Neo4j writes them', async () => {
    const { url } = await withAlice();
    const answer = await call(url, '/db/system/query/v2', { body: { ...current, impersonatedUser: 'alice' } });
    expect(answer.status).toBe(202);
    expect(answer.text).toBe('{"data":{"fields":["user"],"values":[["alice"]]},"bookmarks":["FB:sysdb:2"]}');
  });

  it('a transaction begun impersonating runs its later statements as the target, and refuses its updates', async () => {
    const { url } = await withAlice();
    const begun = await call(url, '/db/system/query/v2/tx', { body: { impersonatedUser: 'alice' } });
    const id = (begun.json as { transaction: { id: string } }).transaction.id;
    const ran = await call(url, `/db/system/query/v2/tx/${id}`, { body: current });
    expect(ran.json).toMatchObject({ data: { fields: ['user'], values: [['alice']] } });
    const committed = await call(url, `/db/system/query/v2/tx/${id}/commit`, { body: {} });
    expect(committed.status).toBe(202);
    // neo4j impersonating itself keeps admin's privileges, so the impersonation rule is what refuses.
    const refused = await call(url, '/db/system/query/v2/tx', { body: { statement: 'CREATE ROLE r', impersonatedUser: 'neo4j' } });
    expect([refused.status, refused.text]).toEqual([
      400,
      '{"errors":[{"code":"Neo.ClientError.Security.Forbidden","message":"Not allowed to run updating system commands when impersonating a user."}]}',
    ]);
  });

  it('an unknown target: 400 Forbidden "Permission denied."', async () => {
    const { url } = await withAlice();
    const answer = await call(url, '/db/system/query/v2', { body: { ...current, impersonatedUser: 'nobody' } });
    expect([answer.status, answer.text]).toEqual([
      400,
      '{"errors":[{"code":"Neo.ClientError.Security.Forbidden","message":"Permission denied."}]}',
    ]);
  });
});

describe('accessMode READ', () => {
  it('a transaction begun READ refuses a later updating statement, then is gone', async () => {
    const { url } = await withAlice();
    const begun = await call(url, '/db/system/query/v2/tx', { body: { accessMode: 'READ' } });
    const id = (begun.json as { transaction: { id: string } }).transaction.id;
    expect((await call(url, `/db/system/query/v2/tx/${id}`, { body: current })).status).toBe(202);
    const refused = await call(url, `/db/system/query/v2/tx/${id}`, { body: { statement: 'DROP USER alice' } });
    expect([refused.status, refused.text]).toEqual([
      400,
      '{"errors":[{"code":"Neo.ClientError.Statement.AccessMode","message":"Writing in read access mode not allowed. Attempted write to system"}]}',
    ]);
    const users = await call(url, '/db/system/query/v2', { body: { statement: 'SHOW USERS YIELD user' } });
    expect(users.json).toMatchObject({ data: { values: [['alice'], ['neo4j']] } });
  });
});
