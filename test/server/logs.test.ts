/**
 * The server's log never holds a password, at the most verbose level (a collecting log keeps debug
 * lines too, as `sysdb serve --log-level debug` prints them): not from a login, right or wrong, not
 * from a password parameter or a password literal in a statement that succeeds or fails, not from an
 * internal error whose message quotes the statement, not from a malformed message carrying one. A
 * failed login is logged, with the user's name.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chunk } from '../../src/server/bolt/chunking.js';
import { encode, Structure } from '../../src/server/bolt/packstream.js';
import { DbmsSession } from '../../src/dbms/session.js';
import { startServer, type BoltServer } from '../../src/server/index.js';
import { hex } from '../support/bytes.js';
import { closed, collectingLog, connect, firstData, type CollectedLog } from '../support/server.js';

const ADMIN = 'Adm1n-marker-001';
const MARKERS = {
  parameter: 'S3cr3t-marker-123',
  changed: 'N3w-marker-234',
  literal: 'literal-marker-456',
  syntax: 'syntax-marker-678',
  internal: 'internal-marker-567',
  wrong: 'wr0ng-marker-789',
  raw: 'raw-marker-890',
};

let server: BoltServer;
let logs: CollectedLog;
const drivers: Driver[] = [];

beforeEach(async () => {
  logs = collectingLog();
  server = await startServer({ bolt: '127.0.0.1:0', initialPassword: ADMIN, log: logs.log });
});

afterEach(async () => {
  await Promise.all(drivers.splice(0).map((d) => d.close()));
  await server.close();
  vi.restoreAllMocks();
});

function driver(user: string, password: string): Driver {
  const d = neo4j.driver(server.boltUrl, neo4j.auth.basic(user, password));
  drivers.push(d);
  return d;
}

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code: string }).code;
  }
  throw new Error('expected a failure');
}

describe('the server log', () => {
  it('holds no password, whatever the client sends, and names the user of a failed login', async () => {
    const admin = driver('neo4j', ADMIN);
    const system = { database: 'system' };
    await admin.executeQuery('CREATE USER x SET PASSWORD $p', { p: MARKERS.parameter }, system);

    // x must change the password first: logged in with it, it does.
    const x = admin.session({ ...system, auth: neo4j.auth.basic('x', MARKERS.parameter) });
    await x.run('ALTER CURRENT USER SET PASSWORD FROM $old TO $new', { old: MARKERS.parameter, new: MARKERS.changed });
    await x.close();
    await driver('x', MARKERS.changed).verifyConnectivity();

    // Wrong passwords: the old one, and one that never was.
    expect(await code(driver('x', MARKERS.parameter).verifyConnectivity())).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await code(driver('neo4j', MARKERS.wrong).verifyConnectivity())).toBe('Neo.ClientError.Security.Unauthorized');

    // Statements that fail with a password literal in them.
    const failing = admin.session(system);
    expect(await code(failing.run(`CREATE USER neo4j SET PASSWORD '${MARKERS.literal}'`))).toBe('Neo.ClientError.Statement.ArgumentError');
    expect(await code(failing.run(`CREATE USER bob SET PASSWORD '${MARKERS.syntax}' CHANGE NOT REQUIRD`))).toBe(
      'Neo.ClientError.Statement.SyntaxError',
    );

    // An internal error (a bug in the engine, simulated) whose message quotes the statement.
    vi.spyOn(DbmsSession.prototype, 'run').mockImplementationOnce((query: string) => {
      throw new TypeError(`engine bug near ${query}`);
    });
    expect(await code(failing.run(`CREATE USER carol SET PASSWORD '${MARKERS.internal}'`))).toMatch(/^Neo\.DatabaseError\./);
    await failing.close();

    // A LOGON with a password and a stray byte after it: malformed, refused, logged.
    const socket = await connect(server.port);
    const reply = firstData(socket);
    socket.write(hex('60 60 b0 17 00 00 04 05 00 00 00 00 00 00 00 00 00 00 00 00'));
    expect(await reply).toEqual(Buffer.from(hex('00 00 04 05')));
    const logon = encode(new Structure(0x6a, [{ scheme: 'basic', principal: 'neo4j', credentials: MARKERS.raw }]));
    socket.write(chunk(encode(new Structure(0x01, [{ user_agent: 'logs-test/1' }]))));
    socket.write(chunk(Uint8Array.from([...logon, 0xc0])));
    await closed(socket);

    await Promise.all(drivers.splice(0).map((d) => d.close()));
    await server.close();

    const text = logs.lines.join('\n');
    for (const secret of [ADMIN, ...Object.values(MARKERS)]) expect(text).not.toContain(secret);
    // The log did record all this, at every level.
    expect(logs.lines).toContainEqual(
      expect.stringMatching(
        /^info: connection \d+: failed login for user 'x' from 127\.0\.0\.1:\d+: Neo\.ClientError\.Security\.Unauthorized$/,
      ),
    );
    expect(logs.lines).toContainEqual(
      expect.stringMatching(/^info: connection \d+: failed login for user 'neo4j' from 127\.0\.0\.1:\d+: /),
    );
    expect(logs.lines).toContainEqual(expect.stringMatching(/^warn: connection \d+: internal error in a statement: TypeError$/));
    expect(logs.lines).toContainEqual(
      expect.stringMatching(/^warn: connection \d+: closed by the server: 1 trailing byte after the value \(at byte \d+\)$/),
    );
    expect(logs.lines).toContainEqual(expect.stringMatching(/^debug: connection \d+: speaks Bolt 6\.0$/));
  });
});
