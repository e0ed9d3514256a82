/**
 * JSON Lines responses (Neo4j 2025.12+, in 2026.06), byte for byte: chosen by Accept
 * (`application/jsonl`, `application/vnd.neo4j.query.v1.0+jsonl`, `…v1.1+jsonl`), answered with
 * exactly that Content-Type, one event object a line. The shapes are Neo4j's
 * (`queryapi/response/format/QueryBodyFormatter.java` JsonLinesFormatter, `Fieldnames.java`:
 * `$event` Header/Record/Summary/Error with `_body`; `DriverResultSerializer.writeEvent` ends each
 * with "\n"; `writer/AbstractJsonl{DriverResult,TxManagingResult,TxInfo,Bookmark}Writer.java`,
 * `error/JsonlErrorResponseWriter.java`).
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, call, counters, raw, startHttp } from '../../support/http.js';

const PLAIN = { accept: 'application/jsonl' };
const TYPED = { accept: 'application/vnd.neo4j.query.v1.0+jsonl' };
const lines = (...events: unknown[]) => events.map((e) => `${JSON.stringify(e)}\n`).join('');
const header = (fields?: string[]) => ({ $event: 'Header', _body: fields === undefined ? {} : { fields } });
const record = (...values: unknown[]) => ({ $event: 'Record', _body: values });
const summary = (body: object) => ({ $event: 'Summary', _body: body });
const error = (code: string, message: string) => ({ $event: 'Error', _body: [{ code, message }] });

describe('auto-commit in JSON Lines', () => {
  it('streams a Header, one Record per row and a Summary, as application/jsonl', async () => {
    const { url } = await startHttp();
    const answer = await call(url, '/db/system/query/v2', {
      headers: PLAIN,
      body: { statement: 'SHOW USERS YIELD user, roles', includeCounters: true },
    });
    expect(answer.status).toBe(202);
    expect(answer.headers['content-type']).toBe('application/jsonl');
    expect(answer.text).toBe(
      lines(header(['user', 'roles']), record('neo4j', ['admin', 'PUBLIC']), summary({ counters: counters(0), bookmarks: ['FB:sysdb:0'] })),
    );
  });

  it('types the values in …v1.0+jsonl and …v1.1+jsonl, answering with the type asked for', async () => {
    const { url } = await startHttp();
    for (const accept of ['application/vnd.neo4j.query.v1.0+jsonl', 'application/vnd.neo4j.query.v1.1+jsonl']) {
      const answer = await call(url, '/db/system/query/v2', {
        headers: { accept },
        body: { statement: 'SHOW USERS YIELD user RETURN user, 1 AS one' },
      });
      expect(answer.headers['content-type']).toBe(accept);
      expect(answer.text).toBe(
        lines(
          header(['user', 'one']),
          record({ $type: 'String', _value: 'neo4j' }, { $type: 'Integer', _value: '1' }),
          summary({ bookmarks: ['FB:sysdb:0'] }),
        ),
      );
    }
  });

  it('puts notifications and the system counters of an admin write in the Summary, after a Header with no fields', async () => {
    const { url } = await startHttp();
    const answer = await call(url, '/db/system/query/v2', {
      headers: PLAIN,
      body: { statement: 'GRANT ROLE admin TO neo4j', includeCounters: true },
    });
    expect(answer.text).toBe(
      lines(
        header([]),
        summary({
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
      ),
    );
    const write = await call(url, '/db/system/query/v2', { headers: TYPED, body: { statement: 'CREATE ROLE r', includeCounters: true } });
    expect(write.text).toBe(lines(header([]), summary({ counters: counters(1), bookmarks: ['FB:sysdb:1'] })));
  });

  it('answers an error with its status and a single Error event, in the type asked for', async () => {
    const { url } = await startHttp();
    await call(url, '/db/system/query/v2', { body: { statement: 'CREATE ROLE r' } });
    const answer = await call(url, '/db/system/query/v2', { headers: TYPED, body: { statement: 'CREATE ROLE r' } });
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('application/vnd.neo4j.query.v1.0+jsonl');
    expect(answer.text).toBe(
      lines(error('Neo.ClientError.Statement.ArgumentError', "Failed to create the specified role 'r': Role already exists.")),
    );
    const missing = await call(url, '/db/nowhere/query/v2', { headers: PLAIN, body: { statement: 'SHOW USERS' } });
    expect(missing.status).toBe(404);
    expect(missing.text).toBe(
      lines(error('Neo.ClientError.Database.DatabaseNotFound', "Database does not exist. Database name: 'nowhere'.")),
    );
    const empty = await call(url, '/db/system/query/v2', { headers: PLAIN, body: { statement: '' } });
    expect(empty.status).toBe(400);
    expect(empty.text).toBe(lines(error('Neo.ClientError.Request.Invalid', 'statement cannot be null or empty')));
  });

  it('still answers an authentication failure as the auth filter writes it: plain JSON', async () => {
    const { url } = await startHttp();
    const answer = await call(url, '/db/system/query/v2', { headers: { ...PLAIN, authorization: '' }, body: { statement: 'SHOW USERS' } });
    expect(answer.status).toBe(401);
    expect(answer.headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(answer.json).toEqual({
      errors: [{ code: 'Neo.ClientError.Security.Unauthorized', message: 'No authentication header supplied.' }],
    });
  });
});

describe('explicit transactions in JSON Lines', () => {
  it('begins, runs, keeps alive, commits and rolls back with Neo4j’s events', async () => {
    const { url } = await startHttp();
    const begun = await call(url, '/db/system/query/v2/tx', { headers: PLAIN, body: {} });
    expect(begun.status).toBe(202);
    const [beginHeader, beginSummary, ...rest] = begun.text.split('\n');
    expect(rest).toEqual(['']);
    expect(JSON.parse(beginHeader ?? '')).toEqual(header());
    const { transaction } = (JSON.parse(beginSummary ?? '') as { _body: { transaction: { id: string; expires: string } } })._body;
    expect(beginSummary).toBe(JSON.stringify(summary({ transaction })));
    const tx = `/db/system/query/v2/tx/${transaction.id}`;

    const ran = await call(url, tx, { headers: PLAIN, body: { statement: 'CREATE ROLE r' } });
    expect(ran.text).toMatch(
      /^\{"\$event":"Header","_body":\{"fields":\[\]\}\}\n\{"\$event":"Summary","_body":\{"transaction":\{"id":"\w+","expires":"[^"]+Z"\}\}\}\n$/,
    );
    const alive = await call(url, tx, { headers: PLAIN, body: {} });
    expect(alive.text).toMatch(
      /^\{"\$event":"Header","_body":\{\}\}\n\{"\$event":"Summary","_body":\{"transaction":\{"id":"\w+","expires":"[^"]+Z"\}\}\}\n$/,
    );

    const committed = await call(url, `${tx}/commit`, { headers: PLAIN, body: {} });
    expect(committed.status).toBe(202);
    expect(committed.text).toBe(lines(header(), summary({ bookmarks: ['FB:sysdb:1'] })));

    const other = JSON.parse((await call(url, '/db/system/query/v2/tx', { headers: PLAIN, body: {} })).text.split('\n')[1] ?? '') as {
      _body: { transaction: { id: string } };
    };
    const rolledBack = await call(url, `/db/system/query/v2/tx/${other._body.transaction.id}`, { method: 'DELETE', headers: PLAIN });
    expect(rolledBack.status).toBe(200);
    expect(rolledBack.headers['content-type']).toBe('application/jsonl');
    expect(rolledBack.text).toBe(lines(header(), summary({})));
  });

  it('commits with a final statement: its rows, then bookmarks; a failed commit ends with an Error event after the rows', async () => {
    const { url } = await startHttp();
    const begin = async () =>
      (await call(url, '/db/system/query/v2/tx', { body: { statement: 'CREATE ROLE r' } })).json as { transaction: { id: string } };
    const first = await begin();
    const committed = await call(url, `/db/system/query/v2/tx/${first.transaction.id}/commit`, {
      headers: PLAIN,
      body: { statement: 'SHOW ROLES YIELD role WHERE role = "r"' },
    });
    expect(committed.text).toBe(lines(header(['role']), record('r'), summary({ bookmarks: ['FB:sysdb:1'] })));

    const second = await call(url, '/db/system/query/v2/tx', { body: { statement: 'CREATE ROLE s' } });
    const id = (second.json as { transaction: { id: string } }).transaction.id;
    await call(url, '/db/system/query/v2', { body: { statement: 'CREATE ROLE meanwhile' } });
    const lost = await call(url, `/db/system/query/v2/tx/${id}/commit`, {
      headers: PLAIN,
      body: { statement: 'SHOW ROLES YIELD role WHERE role = "s"' },
    });
    expect(lost.status).toBe(202);
    expect(lost.text).toBe(
      lines(
        header(['role']),
        record('s'),
        error(
          'Neo.TransientError.Transaction.Outdated',
          'Transaction has seen state which has been invalidated by applied updates while transaction was active. Transaction may succeed if retried.',
        ),
      ),
    );
  });
});

describe('on the wire', () => {
  const request = (accept: string) => {
    const body = JSON.stringify({ statement: 'SHOW USERS YIELD user' });
    return (
      `POST /db/system/query/v2 HTTP/1.1\r\nHost: localhost\r\nAuthorization: ${ADMIN}\r\nContent-Type: application/json\r\n` +
      `Accept: ${accept}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
    );
  };

  it('streams JSON Lines as Neo4j does (Transfer-Encoding: chunked), where a JSON body has a Content-Length', async () => {
    const { url } = await startHttp();
    const [jsonl, json] = await Promise.all([raw(url, request('application/jsonl')), raw(url, request('application/json'))]);
    const head = (text: string) => text.slice(0, text.indexOf('\r\n\r\n')).toLowerCase();
    expect(head(jsonl)).toContain('\r\ntransfer-encoding: chunked');
    expect(head(jsonl)).not.toContain('content-length');
    const event = lines(header(['user']), record('neo4j'), summary({ bookmarks: ['FB:sysdb:0'] }));
    expect(jsonl.slice(jsonl.indexOf('\r\n\r\n') + 4)).toBe(`${Buffer.byteLength(event).toString(16)}\r\n${event}\r\n0\r\n\r\n`);
    expect(head(json)).toMatch(/\r\ncontent-length: \d+/);
    expect(head(json)).not.toContain('transfer-encoding');
  });
});
