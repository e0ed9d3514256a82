/**
 * Hostile HTTP clients: oversized bodies, slow headers and bodies (slowloris), broken requests,
 * too many connections; no password in any log line; no reply before its commit is on disk.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SystemDatabase } from '../../../src/index.js';
import { ADMIN, basic, call, errors, PASSWORD, raw, startHttp } from '../../support/http.js';
import { closed, connect } from '../../support/server.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'sysdb-http-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const request = (path: string, headers: string, body = '') =>
  `POST ${path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: ${ADMIN}\r\nContent-Type: application/json\r\n${headers}\r\n${body}`;

describe('an oversized body', () => {
  it('is answered 413 from its Content-Length, unread, and the connection closed', async () => {
    const { url, log } = await startHttp({ maxMessageBytes: 1024 });
    const answer = await call(url, '/db/system/query/v2', { body: { statement: 'SHOW USERS', padding: 'x'.repeat(2000) } });
    expect(answer.status).toBe(413);
    expect(answer.json).toEqual(errors('Neo.ClientError.Request.Invalid', 'The request body is larger than 1024 bytes, the most allowed.'));
    expect(log.lines).toContain('info: HTTP request refused: its body is over 1024 bytes');
  });

  it('is cut off at the limit when it comes chunked, with no Content-Length', async () => {
    const { url } = await startHttp({ maxMessageBytes: 1024 });
    const chunk = 'x'.repeat(800);
    const text = await raw(
      url,
      request(
        '/db/system/query/v2',
        'Transfer-Encoding: chunked\r\n',
        `${(800).toString(16)}\r\n${chunk}\r\n${(800).toString(16)}\r\n${chunk}\r\n`,
      ),
    );
    expect(text).toMatch(/^HTTP\/1\.1 413 Payload Too Large\r\n/);
    expect(text).toMatch(/\r\nconnection: close\r\n/i);
  });
});

describe('slow clients', () => {
  it('are disconnected when the headers do not arrive in time', async () => {
    const { url } = await startHttp({ httpHeadersTimeoutMs: 300, httpRequestTimeoutMs: 1000 });
    const started = Date.now();
    // Headers begun, never finished.
    const text = await raw(url, 'POST /db/system/query/v2 HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(text).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
  });

  it('are disconnected when the body does not arrive in time', async () => {
    const { url } = await startHttp({ httpHeadersTimeoutMs: 300, httpRequestTimeoutMs: 600 });
    const started = Date.now();
    const text = await raw(url, request('/db/system/query/v2', 'Content-Length: 100\r\n', '{"statement":'));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(text).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
  });
});

describe('closing the server', () => {
  it('cuts off a client stuck mid-body after the grace period instead of waiting for it', async () => {
    const { url, server } = await startHttp({ httpRequestTimeoutMs: 60_000 });
    const port = Number(new URL(url).port);
    const socket = await connect(port);
    socket.write(request('/db/system/query/v2', 'Content-Length: 100\r\n', '{"statement":'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(4000);
    await closed(socket);
  });
});

describe('broken requests', () => {
  it('get 400 and a closed connection for what is not HTTP', async () => {
    const { url } = await startHttp();
    expect(await raw(url, 'GARBAGE\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
  });

  it('get 431 for headers larger than Node allows', async () => {
    const { url } = await startHttp();
    expect(await raw(url, `GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'x'.repeat(20_000)}\r\n\r\n`)).toMatch(
      /^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/,
    );
  });

  it('get 400 Request.Invalid for a body that is not UTF-8', async () => {
    const { url } = await startHttp();
    const body = Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const text = await raw(
      url,
      Buffer.concat([Buffer.from(request('/db/system/query/v2', `Content-Length: ${body.length}\r\nConnection: close\r\n`)), body]),
    );
    expect(text).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(text).toContain(JSON.stringify(errors('Neo.ClientError.Request.Invalid', 'The request body is not valid UTF-8.')));
  });
});

describe('connections', () => {
  it('beyond --max-connections are closed at once, with a warning', async () => {
    const { url, log } = await startHttp({ maxConnections: 2 });
    const port = Number(new URL(url).port);
    const held = [await connect(port), await connect(port)];
    const third = await connect(port);
    await closed(third);
    await log.waitFor(/^warn: HTTP connection from 127\.0\.0\.1:\d+ refused: 2 open, the most allowed$/);
    for (const socket of held) socket.destroy();
  });

  it('listen on loopback when the address names no host', async () => {
    const { server } = await startHttp({ http: ':0' });
    expect(server.httpUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe('secrets', () => {
  it('appear in no log line, even at debug, whatever the requests', async () => {
    const { url, log } = await startHttp();
    const secrets = ['hunter2-first', 'hunter2-second', 'hunter2-third'];
    await call(url, '/db/system/query/v2', { body: { statement: 'CREATE USER dave SET PASSWORD $p', parameters: { p: secrets[0] } } });
    await call(url, '/db/system/query/v2', { body: `{"statement":"ALTER USER dave SET PASSWORD '${secrets[1]}'" broken` });
    await call(url, '/db/system/query/v2', {
      headers: { authorization: basic('dave', secrets[2] ?? '') },
      body: { statement: 'SHOW USERS' },
    });
    await call(url, '/db/system/query/v2', { headers: { authorization: basic('neo4j', `${PASSWORD}x`) }, body: {} });
    expect(log.lines.length).toBeGreaterThan(3);
    for (const secret of [...secrets, PASSWORD]) expect(log.lines.join('\n')).not.toContain(secret);
  });
});

describe('--data', () => {
  it('sends no HTTP reply before the commit it reports is in the file', async () => {
    const path = join(folder, 'db.json');
    const { url } = await startHttp({ data: path });
    for (const role of ['r1', 'r2', 'r3', 'r4']) {
      const answer = await call(url, '/db/system/query/v2', { body: { statement: `CREATE ROLE ${role}` } });
      expect(answer.status).toBe(202);
      const onDisk = SystemDatabase.fromJSON(readFileSync(path, 'utf8'))
        .execute('SHOW ROLES YIELD role')
        .result.rows.map((r) => r[0]);
      expect(onDisk).toContain(role);
    }
  });
});
