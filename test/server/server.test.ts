/**
 * The server's TCP side with handlers of the tests' own (the Bolt protocol is tested on its own):
 * listening, the connection limit, faults that close one connection only, back-pressure, close().
 */
import { Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BoltConnection, BoltConnectionOptions } from '../../src/server/bolt/connection.js';
import { Dbms, SystemDatabase } from '../../src/index.js';
import { ServerOptionError, ServerStartError } from '../../src/server/errors.js';
import { Listener } from '../../src/server/listener.js';
import { startServerWith, type BoltServer } from '../../src/server/start.js';
import { closed, collectingLog, connect, echoHandler, firstData } from '../support/server.js';

const running: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
  vi.restoreAllMocks();
});

async function start(...args: Parameters<typeof startServerWith>): Promise<BoltServer> {
  const server = await startServerWith(...args);
  running.push(server);
  return server;
}

/** Writes and waits for the echo: the connection is open and served. */
async function roundTrip(socket: Socket, text: string): Promise<string> {
  const reply = firstData(socket);
  socket.write(text);
  return String(await reply);
}

describe('startServer: listening', () => {
  it('listens on the port the system picks for port 0, and logs one line as a connection opens and one as it closes', async () => {
    const { log, lines, waitFor } = collectingLog();
    const server = await start({ bolt: '127.0.0.1:0', log }, echoHandler());
    expect(server.port).toBeGreaterThan(0);
    expect(server.boltUrl).toBe(`bolt://127.0.0.1:${server.port}`);
    expect(server.host).toBe('127.0.0.1');
    const socket = await connect(server.port);
    expect(await roundTrip(socket, 'hello')).toBe('hello');
    socket.end();
    await waitFor('info: connection 1 closed');
    expect(lines).toEqual([`info: connection 1 from 127.0.0.1:${socket.localPort} opened`, 'info: connection 1 closed']);
  });

  it('listens on IPv6 loopback, and writes the URL with brackets', async () => {
    const server = await start({ bolt: '[::1]:0', log: collectingLog().log }, echoHandler());
    expect(server.boltUrl).toBe(`bolt://[::1]:${server.port}`);
    const socket = await connect(server.port, '::1');
    expect(await roundTrip(socket, 'v6')).toBe('v6');
    socket.destroy();
  });

  it('hands each connection the DBMS, the auth setting, the limits and the versions, and a log naming it', async () => {
    const seen: BoltConnectionOptions[] = [];
    const { log, lines, waitFor } = collectingLog();
    const server = await start({ bolt: '127.0.0.1:0', log, auth: false, maxMessageBytes: 1234, boltVersions: ['5.4'] }, echoHandler(seen));
    const socket = await connect(server.port);
    await roundTrip(socket, 'x');
    expect(seen).toHaveLength(1);
    const [options] = seen;
    expect(options).toMatchObject({ dbms: server.dbms, authEnabled: false, maxMessageBytes: 1234, versions: ['5.4'] });
    options?.log.info('LOGON failed for user x');
    options?.log.debug('RUN');
    await waitFor('info: connection 1: LOGON failed for user x');
    expect(lines.slice(1)).toEqual(['info: connection 1: LOGON failed for user x', 'debug: connection 1: RUN']);
    socket.destroy();
  });

  it('offers no versions of its own when the caller names none, and has authentication on by default', async () => {
    const seen: BoltConnectionOptions[] = [];
    const server = await start({ bolt: '127.0.0.1:0', log: collectingLog().log }, echoHandler(seen));
    const socket = await connect(server.port);
    await roundTrip(socket, 'x');
    expect(seen[0]?.authEnabled).toBe(true);
    expect(seen[0]?.maxMessageBytes).toBe(16 * 1024 * 1024);
    expect(seen[0] && 'versions' in seen[0]).toBe(false);
    expect(server.authEnabled).toBe(true);
    socket.destroy();
  });

  it('turns off Nagle on every socket it accepts (Bolt replies are small and latency-bound)', async () => {
    const setNoDelay = vi.spyOn(Socket.prototype, 'setNoDelay');
    const server = await start({ bolt: '127.0.0.1:0', log: collectingLog().log }, echoHandler());
    const socket = await connect(server.port);
    await roundTrip(socket, 'x');
    // Only the server's socket: the test's client never asks for it.
    expect(setNoDelay.mock.calls).toEqual([[true]]);
    socket.destroy();
  });

  it('refuses an address that is taken, in one line', async () => {
    const first = await start({ bolt: '127.0.0.1:0', log: collectingLog().log }, echoHandler());
    await expect(startServerWith({ bolt: `127.0.0.1:${first.port}`, log: collectingLog().log }, echoHandler())).rejects.toThrow(
      new ServerStartError(`cannot listen on 127.0.0.1:${first.port}: address already in use`),
    );
  });

  it.each([
    [{ bolt: '7687' }, 'bolt: expected HOST:PORT'],
    [{ bolt: 'localhost:99999' }, 'bolt: the port must be a number from 0 to 65535'],
    [{ bolt: '::1:7687' }, 'bolt: write an IPv6 address in brackets, e.g. [::1]:7687'],
    [{ maxConnections: 0 }, 'maxConnections: must be a positive integer'],
    [{ maxMessageBytes: 1.5 }, 'maxMessageBytes: must be a positive integer'],
    [{ handshakeTimeoutMs: 0 }, 'handshakeTimeoutMs: must be a positive integer'],
    [{ initialPassword: 'short' }, 'initialPassword: A password must be at least 8 characters.'],
    [{ initialPassword: '' }, 'initialPassword: A password cannot be empty.'],
  ])('refuses %j: %s', async (options, message) => {
    const failure = startServerWith({ bolt: '127.0.0.1:0', ...options }, echoHandler());
    await expect(failure).rejects.toBeInstanceOf(ServerOptionError);
    await expect(failure).rejects.toThrow(message);
  });
});

describe('startServer: the initial user', () => {
  it('without a password, neo4j/neo4j must change its password first, as on a fresh Neo4j', async () => {
    const server = await start({ bolt: '127.0.0.1:0', log: collectingLog().log }, echoHandler());
    expect(server.dbms.authenticate('neo4j', 'neo4j')).toEqual({ user: 'neo4j', passwordChangeRequired: true });
  });

  it('with initialPassword, neo4j logs in with it and need not change it (as NEO4J_AUTH=neo4j/PW does)', async () => {
    const server = await start({ bolt: '127.0.0.1:0', log: collectingLog().log, initialPassword: 'secret123' }, echoHandler());
    expect(server.dbms.authenticate('neo4j', 'secret123')).toEqual({ user: 'neo4j', passwordChangeRequired: false });
    expect(() => server.dbms.authenticate('neo4j', 'neo4j')).toThrow('The client is unauthorized due to authentication failure.');
  });

  it('with requirePasswordChange as well, neo4j must still change it (NEO4J_AUTH=neo4j/PW/true)', async () => {
    const server = await start(
      { bolt: '127.0.0.1:0', log: collectingLog().log, initialPassword: 'secret123', requirePasswordChange: true },
      echoHandler(),
    );
    expect(server.dbms.authenticate('neo4j', 'secret123')).toEqual({ user: 'neo4j', passwordChangeRequired: true });
  });

  it('serves the database it is given, and refuses a password for it', async () => {
    const db = SystemDatabase.create().execute("CREATE USER jake SET PASSWORD 'abcd1234' CHANGE NOT REQUIRED").db;
    const server = await start({ bolt: '127.0.0.1:0', log: collectingLog().log, db }, echoHandler());
    expect(server.snapshot()).toBe(db);
    await expect(startServerWith({ bolt: '127.0.0.1:0', db, initialPassword: 'secret123' }, echoHandler())).rejects.toThrow(
      'initialPassword: give the password in the database passed as db instead',
    );
  });
});

describe('startServer: snapshots', () => {
  it('restores a snapshot in O(1) (the very object), and reset() goes back to the start', async () => {
    const server = await start({ bolt: '127.0.0.1:0', log: collectingLog().log, initialPassword: 'secret123' }, echoHandler());
    const initial = server.snapshot();
    expect(initial).toBe(server.dbms.current);
    const users = () =>
      server.dbms
        .session()
        .run('SHOW USERS YIELD user')
        .records.map((r) => r[0]);
    server.dbms.session().run("CREATE USER a SET PASSWORD 'abcd1234'");
    const withA = server.snapshot();
    server.dbms.session().run("CREATE USER b SET PASSWORD 'abcd1234'");
    expect(users()).toEqual(['a', 'b', 'neo4j']);
    server.restore(withA);
    expect(server.snapshot()).toBe(withA);
    expect(users()).toEqual(['a', 'neo4j']);
    server.reset();
    expect(server.snapshot()).toBe(initial);
    expect(users()).toEqual(['neo4j']);
    // The password set at start is part of the state reset() returns to.
    expect(server.dbms.authenticate('neo4j', 'secret123').passwordChangeRequired).toBe(false);
  });

  it('fails a transaction that was open across a restore, as after any other commit', async () => {
    const server = await start({ bolt: '127.0.0.1:0', log: collectingLog().log }, echoHandler());
    server.dbms.session({ user: null }).run("CREATE USER a SET PASSWORD 'abcd1234'");
    const tx = server.dbms.session({ user: null }).begin();
    tx.run("CREATE USER b SET PASSWORD 'abcd1234'");
    server.reset();
    expect(() => tx.commit()).toThrow(/Transaction has seen state which has been invalidated/);
  });
});

describe('startServer: the connection limit', () => {
  it('accepts one connection more than the limit and closes it at once with a log line; a freed place is taken again', async () => {
    const { log, lines, waitFor } = collectingLog();
    const server = await start({ bolt: '127.0.0.1:0', log, maxConnections: 2 }, echoHandler());
    const a = await connect(server.port);
    const b = await connect(server.port);
    await roundTrip(a, 'a');
    await roundTrip(b, 'b');
    const c = await connect(server.port);
    const port = c.localPort;
    await closed(c);
    expect(lines).toContain(`warn: connection 3 from 127.0.0.1:${port} refused: 2 connections open, the most allowed`);
    // The ones within the limit go on.
    expect(await roundTrip(a, 'still')).toBe('still');
    a.end();
    await waitFor('info: connection 1 closed');
    const d = await connect(server.port);
    expect(await roundTrip(d, 'd')).toBe('d');
    expect(lines.filter((l) => l.startsWith('warn:'))).toHaveLength(1);
    b.destroy();
    d.destroy();
  });
});

describe('startServer: a fault in one connection', () => {
  it('closes only that connection when the handler throws, and logs the kind of error only', async () => {
    const { log, lines, waitFor } = collectingLog();
    const echo = echoHandler();
    let calls = 0;
    const handler = (socket: Socket, options: BoltConnectionOptions): BoltConnection => {
      if (++calls === 2) throw new TypeError('secret123 leaked into a message');
      return echo(socket, options);
    };
    const server = await start({ bolt: '127.0.0.1:0', log }, handler);
    const good = await connect(server.port);
    await roundTrip(good, 'x');
    const bad = await connect(server.port);
    await closed(bad);
    await waitFor('info: connection 2 closed');
    expect(await roundTrip(good, 'y')).toBe('y');
    expect(lines).toContain('warn: connection 2 closing: internal error (TypeError)');
    expect(lines.join('\n')).not.toContain('secret123');
    good.destroy();
  });

  it('closes only that connection when one of its event listeners throws; the process goes on', async () => {
    const { log, lines, waitFor } = collectingLog();
    const handler = (socket: Socket, options: BoltConnectionOptions): BoltConnection => {
      const echo = echoHandler()(socket, options);
      socket.prependListener('data', (chunk: Buffer) => {
        if (String(chunk) === 'boom') throw new RangeError('bad input');
      });
      return echo;
    };
    const server = await start({ bolt: '127.0.0.1:0', log }, handler);
    const good = await connect(server.port);
    const bad = await connect(server.port);
    await roundTrip(good, 'x');
    await roundTrip(bad, 'x');
    bad.write('boom');
    await closed(bad);
    await waitFor('info: connection 2 closed');
    expect(lines).toContain('warn: connection 2 closing: internal error (RangeError)');
    expect(await roundTrip(good, 'fine')).toBe('fine');
    good.destroy();
  });

  it('closes a connection whose client does not read once its queue passes the bound; others go on', async () => {
    const { log, lines, waitFor } = collectingLog();
    const handler = (socket: Socket, options: BoltConnectionOptions): BoltConnection => {
      const echo = echoHandler()(socket, options);
      socket.on('data', (chunk) => {
        if (String(chunk) !== 'flood') return;
        // A large result: written at once, as a reply is, whether or not the client reads.
        const block = Buffer.alloc(1024 * 1024);
        for (let i = 0; i < 64 && !socket.destroyed; i++) socket.write(block);
      });
      return echo;
    };
    const server = await start({ bolt: '127.0.0.1:0', log, maxQueuedBytes: 4 * 1024 * 1024 }, handler);
    const good = await connect(server.port);
    const stuck = await connect(server.port);
    stuck.pause();
    stuck.on('error', () => {});
    stuck.write('flood');
    await waitFor('info: connection 2 closed');
    expect(lines).toContain('warn: connection 2 closing: the client is not reading (more than 4194304 bytes queued)');
    expect(await roundTrip(good, 'ok')).toBe('ok');
    good.destroy();
    stuck.destroy();
  });
});

describe('startServer: close()', () => {
  it('stops listening, ends every open connection, and resolves once all are closed', async () => {
    const { log, waitFor } = collectingLog();
    const closes: number[] = [];
    const echo = echoHandler();
    let n = 0;
    const handler = (socket: Socket, options: BoltConnectionOptions): BoltConnection => {
      const id = ++n;
      const connection = echo(socket, options);
      return {
        closed: connection.closed,
        close: () => {
          closes.push(id);
          return connection.close();
        },
      };
    };
    const server = await startServerWith({ bolt: '127.0.0.1:0', log }, handler);
    const sockets = await Promise.all([connect(server.port), connect(server.port), connect(server.port)]);
    await Promise.all(sockets.map((s) => roundTrip(s, 'x')));
    // The clients end when the server does, as a driver would.
    for (const s of sockets) s.on('end', () => s.end());
    const allClosed = Promise.all(sockets.map(closed));
    await server.close();
    await allClosed;
    expect(closes.sort()).toEqual([1, 2, 3]);
    for (const id of [1, 2, 3]) await waitFor(`info: connection ${id} closed`);
    await expect(connect(server.port)).rejects.toThrow(/ECONNREFUSED/);
    // A second close() is the same one.
    await server.close();
  });

  it('cuts off a connection that does not end within the grace period', async () => {
    const { log, lines } = collectingLog();
    const stubborn = (socket: Socket): BoltConnection => {
      socket.resume();
      return { closed: new Promise(() => {}), close: () => new Promise(() => {}) };
    };
    const listener = await Listener.listen({
      address: { host: '127.0.0.1', port: 0 },
      log,
      maxConnections: 10,
      maxQueuedBytes: 1024,
      connection: { dbms: new Dbms(), authEnabled: true, maxMessageBytes: 100 },
      handler: stubborn,
      closeGraceMs: 50,
    });
    const socket = await connect(listener.address.port);
    await new Promise((r) => setTimeout(r, 20));
    const started = Date.now();
    await listener.close();
    await closed(socket);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    expect(lines).toContain('info: connection 1 closed');
  });
});

describe('Listener.hold()', () => {
  it('holds every reply (of connections open and yet to come) until release()', async () => {
    // hold() is what the data file calls while a save is under way.
    const listener = await Listener.listen({
      address: { host: '127.0.0.1', port: 0 },
      log: collectingLog().log,
      maxConnections: 10,
      maxQueuedBytes: 1 << 20,
      connection: { dbms: new Dbms(), authEnabled: true, maxMessageBytes: 100 },
      handler: echoHandler(),
    });
    running.push(listener);
    const before = await connect(listener.address.port);
    await roundTrip(before, 'x');
    listener.hold();
    const after = await connect(listener.address.port);
    const replies: string[] = [];
    before.on('data', (d) => replies.push(`before ${String(d)}`));
    after.on('data', (d) => replies.push(`after ${String(d)}`));
    before.write('1');
    after.write('2');
    await new Promise((r) => setTimeout(r, 50));
    expect(replies).toEqual([]);
    listener.release();
    await new Promise((r) => setTimeout(r, 50));
    expect(replies.sort()).toEqual(['after 2', 'before 1']);
    before.destroy();
    after.destroy();
  });
});
