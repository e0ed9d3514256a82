/**
 * Every Query API endpoint, curl-shaped: exact status, headers and JSON bodies, as Neo4j 2026.06's
 * `QueryResource`/`QueryController` answer them.
 */
import { describe, expect, it } from 'vitest';
import { call, counters, raw, startHttp } from '../../support/http.js';

const ADMIN_WRITE = { statement: 'CREATE USER alice SET PASSWORD $p CHANGE NOT REQUIRED', parameters: { p: 'alice-secret' } };
const EXPIRES = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

describe('GET / (discovery)', () => {
  it('answers JSON without credentials, with URLs built from the Host the client used', async () => {
    const { url, server } = await startHttp();
    const boltPort = Number(new URL(server.boltUrl).port);
    const answer = await call(url, '/', { method: 'GET', headers: { authorization: '', 'content-type': '' } });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json');
    const host = new URL(url).host;
    expect(answer.json).toEqual({
      bolt_routing: `neo4j://127.0.0.1:${boltPort}`,
      query: `http://${host}/db/{databaseName}/query/v2`,
      bolt_direct: `bolt://127.0.0.1:${boltPort}`,
      neo4j_version: '2026.06.0',
      neo4j_edition: 'enterprise',
      auth_config: { oidc_providers: [] },
    });
    // Key order as Neo4j writes it.
    expect(Object.keys(answer.json as object)).toEqual([
      'bolt_routing',
      'query',
      'bolt_direct',
      'neo4j_version',
      'neo4j_edition',
      'auth_config',
    ]);
    // Behind a port mapping: the client's Host comes back (fetch will not send another Host, so raw bytes).
    const mapped = await raw(url, 'GET / HTTP/1.1\r\nHost: db.example:17474\r\nAccept: application/json\r\nConnection: close\r\n\r\n');
    const document = JSON.parse(mapped.slice(mapped.indexOf('\r\n\r\n') + 4)) as object;
    expect(document).toMatchObject({
      query: 'http://db.example:17474/db/{databaseName}/query/v2',
      bolt_direct: `bolt://db.example:${boltPort}`,
    });
  });

  it('sends a browser (Accept */*, as curl sends it) to Neo4j Browser with a 303', async () => {
    const { url } = await startHttp();
    const answer = await call(url, '/', { method: 'GET', headers: { accept: '*/*', authorization: '' } });
    expect(answer.status).toBe(303);
    expect(answer.headers['location']).toBe(`${url}/browser/`);
    expect(answer.text).toBe('');
  });
});

describe('POST /db/{db}/query/v2 (auto-commit)', () => {
  it('answers 202 with data and bookmarks, and counters only when asked for', async () => {
    const { url } = await startHttp();
    const plain = await call(url, '/db/system/query/v2', { body: { statement: 'SHOW USERS YIELD user, roles' } });
    expect(plain.status).toBe(202);
    expect(plain.headers['content-type']).toBe('application/json');
    expect(plain.json).toEqual({
      data: { fields: ['user', 'roles'], values: [['neo4j', ['admin', 'PUBLIC']]] },
      bookmarks: ['FB:sysdb:0'],
    });
    const write = await call(url, '/db/system/query/v2', { body: { ...ADMIN_WRITE, includeCounters: true } });
    expect(write.status).toBe(202);
    expect(write.text).toBe(JSON.stringify({ data: { fields: [], values: [] }, counters: counters(1), bookmarks: ['FB:sysdb:1'] }));
    const read = await call(url, '/db/neo4j/query/v2', { body: { statement: 'SHOW USERS YIELD user', includeCounters: true } });
    expect(read.json).toEqual({
      data: { fields: ['user'], values: [['alice'], ['neo4j']] },
      counters: counters(0),
      bookmarks: ['FB:sysdb:1'],
    });
  });

  it('writes notifications only when there are some, before the counters, with Neo4j’s fields', async () => {
    const { url } = await startHttp();
    const none = await call(url, '/db/system/query/v2', { body: { statement: 'GRANT ROLE admin TO neo4j', includeCounters: true } });
    expect(none.text).toBe(
      JSON.stringify({
        data: { fields: [], values: [] },
        notifications: [
          {
            code: 'Neo.ClientNotification.Security.CommandHasNoEffect',
            description: 'The user already has the role. See Status Codes documentation for more information.',
            severity: 'INFORMATION',
            title: '`GRANT ROLE admin TO neo4j` has no effect.',
            position: null,
            category: 'SECURITY',
          },
        ],
        counters: counters(0),
        bookmarks: ['FB:sysdb:0'],
      }),
    );
  });

  it('keeps INTEGER and FLOAT apart in typed JSON, in and out, with exactly Neo4j’s Content-Type', async () => {
    const { url } = await startHttp();
    const answer = await call(url, '/db/system/query/v2', {
      headers: { 'content-type': 'application/vnd.neo4j.query', accept: 'application/vnd.neo4j.query, application/json' },
      body: {
        statement: 'SHOW USERS YIELD user RETURN 1 AS i, 1.0 AS f, 3.2e9 AS big, $n AS n, $x AS x, [1, 2.5] AS l, {a: null, b: true} AS m',
        parameters: { n: { $type: 'Integer', _value: '9007199254740993' }, x: { $type: 'Float', _value: '42' } },
      },
    });
    expect(answer.status).toBe(202);
    expect(answer.headers['content-type']).toBe('application/vnd.neo4j.query');
    expect(answer.json).toEqual({
      data: {
        fields: ['i', 'f', 'big', 'n', 'x', 'l', 'm'],
        values: [
          [
            { $type: 'Integer', _value: '1' },
            { $type: 'Float', _value: '1.0' },
            { $type: 'Float', _value: '3.2E9' },
            { $type: 'Integer', _value: '9007199254740993' },
            { $type: 'Float', _value: '42.0' },
            {
              $type: 'List',
              _value: [
                { $type: 'Integer', _value: '1' },
                { $type: 'Float', _value: '2.5' },
              ],
            },
            { $type: 'Map', _value: { a: { $type: 'Null', _value: null }, b: { $type: 'Boolean', _value: true } } },
          ],
        ],
      },
      bookmarks: ['FB:sysdb:0'],
    });
  });

  it('reads plain JSON parameters as Neo4j does: 1 an INTEGER, 1.0 a FLOAT, big integers exact', async () => {
    const { url } = await startHttp();
    const answer = await call(url, '/db/system/query/v2', {
      headers: { accept: 'application/vnd.neo4j.query.v1.1' },
      body: '{"statement":"SHOW USERS YIELD user RETURN $i AS i, $f AS f, $b AS b","parameters":{"i":1,"f":1.0,"b":9007199254740993}}',
    });
    expect(answer.headers['content-type']).toBe('application/vnd.neo4j.query.v1.1');
    expect(answer.json).toMatchObject({
      data: {
        values: [
          [
            { $type: 'Integer', _value: '1' },
            { $type: 'Float', _value: '1.0' },
            { $type: 'Integer', _value: '9007199254740993' },
          ],
        ],
      },
    });
    const plain = await call(url, '/db/system/query/v2', {
      body: '{"statement":"SHOW USERS YIELD user RETURN $i AS i, $f AS f, $b AS b, 1e300 * 1e300 AS inf","parameters":{"i":1,"f":1.0,"b":9007199254740993}}',
    });
    expect(plain.text).toBe(
      '{"data":{"fields":["i","f","b","inf"],"values":[[1,1.0,9007199254740993,"Infinity"]]},"bookmarks":["FB:sysdb:0"]}',
    );
  });

  it('negotiates request and response formats independently', async () => {
    const { url } = await startHttp();
    const statement = 'SHOW USERS YIELD user RETURN $n AS n';
    const typedIn = await call(url, '/db/system/query/v2', {
      headers: { 'content-type': 'application/vnd.neo4j.query.v1.0', accept: 'application/json' },
      body: { statement, parameters: { n: { $type: 'Integer', _value: '7' } } },
    });
    expect(typedIn.headers['content-type']).toBe('application/json');
    expect(typedIn.json).toMatchObject({ data: { values: [[7]] } });
    const typedOut = await call(url, '/db/system/query/v2', {
      headers: { 'content-type': 'application/json; charset=utf-8', accept: 'text/html;q=0.9, application/vnd.neo4j.query.v1.0' },
      body: { statement, parameters: { n: 7 } },
    });
    expect(typedOut.headers['content-type']).toBe('application/vnd.neo4j.query.v1.0');
    expect(typedOut.json).toMatchObject({ data: { values: [[{ $type: 'Integer', _value: '7' }]] } });
    const anything = await call(url, '/db/system/query/v2', { headers: { accept: '*/*' }, body: { statement } });
    expect(anything.headers['content-type']).toBe('application/json');
  });
});

describe('explicit transactions: /db/{db}/query/v2/tx', () => {
  it('begins without a statement, runs, keeps alive, and commits with a final statement', async () => {
    const { url, server } = await startHttp();
    const begun = await call(url, '/db/system/query/v2/tx', { body: {} });
    expect(begun.status).toBe(202);
    expect(begun.headers['content-type']).toBe('application/json');
    const { transaction } = begun.json as { transaction: { id: string; expires: string } };
    expect(Object.keys(begun.json as object)).toEqual(['transaction']);
    expect(transaction.id).toMatch(/^[0-9a-f]{16}$/);
    expect(transaction.expires).toMatch(EXPIRES);
    const tx = `/db/system/query/v2/tx/${transaction.id}`;

    const ran = await call(url, tx, { body: { ...ADMIN_WRITE, includeCounters: true } });
    expect(ran.status).toBe(202);
    expect(ran.json).toEqual({
      data: { fields: [], values: [] },
      counters: counters(1),
      transaction: { id: transaction.id, expires: expect.stringMatching(EXPIRES) },
    });
    // Not committed yet: another request does not see alice.
    expect((await call(url, '/db/system/query/v2', { body: { statement: 'SHOW USERS YIELD user' } })).json).toMatchObject({
      data: { values: [['neo4j']] },
    });

    const alive = await call(url, tx, { body: {} });
    expect(alive.status).toBe(202);
    expect(alive.json).toEqual({ transaction: { id: transaction.id, expires: expect.stringMatching(EXPIRES) } });
    // No body and no Content-Type at all (curl -X POST): a keep-alive too.
    const empty = await call(url, tx, { headers: { 'content-type': '' } });
    expect(empty.json).toEqual(alive.json);

    const committed = await call(url, `${tx}/commit`, { body: { statement: 'SHOW USERS YIELD user', includeCounters: true } });
    expect(committed.status).toBe(202);
    expect(committed.json).toEqual({
      data: { fields: ['user'], values: [['alice'], ['neo4j']] },
      counters: counters(0),
      bookmarks: ['FB:sysdb:1'],
    });
    expect(server.dbms.current.login('alice')).not.toBeNull();
    // Gone once committed.
    expect((await call(url, tx, { body: {} })).status).toBe(404);
  });

  it('begins with a statement, and commits without one to {"bookmarks": [...]}', async () => {
    const { url, server } = await startHttp();
    const begun = await call(url, '/db/system/query/v2/tx', { body: ADMIN_WRITE });
    expect(begun.status).toBe(202);
    const { transaction } = begun.json as { transaction: { id: string } };
    expect(begun.json).toEqual({
      data: { fields: [], values: [] },
      transaction: { id: transaction.id, expires: expect.stringMatching(EXPIRES) },
    });
    const committed = await call(url, `/db/system/query/v2/tx/${transaction.id}/commit`, { body: {} });
    expect(committed.status).toBe(202);
    expect(committed.text).toBe('{"bookmarks":["FB:sysdb:1"]}');
    expect(server.dbms.current.login('alice')).not.toBeNull();
  });

  it('rolls back on DELETE with 200 and an empty object; the writes are gone', async () => {
    const { url, server } = await startHttp();
    const begun = await call(url, '/db/system/query/v2/tx', { body: ADMIN_WRITE });
    const { transaction } = begun.json as { transaction: { id: string } };
    const rolledBack = await call(url, `/db/system/query/v2/tx/${transaction.id}`, { method: 'DELETE', body: {} });
    expect(rolledBack.status).toBe(200);
    expect(rolledBack.headers['content-type']).toBe('application/json');
    expect(rolledBack.text).toBe('{}');
    expect(server.dbms.current.login('alice')).toBeNull();
    expect((await call(url, `/db/system/query/v2/tx/${transaction.id}/commit`, { body: {} })).status).toBe(404);
  });

  it('answers typed JSON inside a transaction when asked', async () => {
    const { url } = await startHttp();
    const typed = { 'content-type': 'application/vnd.neo4j.query', accept: 'application/vnd.neo4j.query' };
    const begun = await call(url, '/db/system/query/v2/tx', { headers: typed, body: {} });
    expect(begun.headers['content-type']).toBe('application/vnd.neo4j.query');
    const { transaction } = begun.json as { transaction: { id: string } };
    const ran = await call(url, `/db/system/query/v2/tx/${transaction.id}`, {
      headers: typed,
      body: { statement: 'SHOW USERS YIELD user RETURN count(*) AS n' },
    });
    expect(ran.json).toMatchObject({ data: { fields: ['n'], values: [[{ $type: 'Integer', _value: '1' }]] } });
  });
});
