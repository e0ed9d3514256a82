/**
 * One Bolt connection, byte by byte over a real socket: the handshake replies, pipelined messages
 * and their batched replies, and every way a client can misbehave (a wrong magic, HTTP, a stalled
 * handshake, a cut-off chunk, an oversized or unknown message, a message out of state, not reading).
 * Each misbehaviour closes that connection only: a second, well-behaved connection open alongside
 * still answers a query afterwards.
 *
 * Replies are decoded with the project's own Dechunker and PackStream decoder. The server is
 * `startServer`'s own (`startServerWith` with `serveBoltConnection`), with the handler wrapped to see
 * the server's side of each socket: how many writes a batch took, and how much it left queued.
 */
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { chunk, Dechunker } from '../../../src/server/bolt/chunking.js';
import { MAX_UNAUTHENTICATED_MESSAGE_BYTES, serveBoltConnection } from '../../../src/server/bolt/connection.js';
import { decode, encode, Structure, type Packable, type PackValue } from '../../../src/server/bolt/packstream.js';
import { startServerWith, type BoltServer, type StartServerOptions } from '../../../src/server/start.js';
import { hex, toHex } from '../../support/bytes.js';
import { collectingLog, connect, type CollectedLog } from '../../support/server.js';

const PASSWORD = 'connection-secret';
/** What neo4j-driver 6.3 and the Python driver open with (bolt.md §2). */
const DRIVER_OPENING = '60 60 b0 17 00 00 01 ff 00 08 08 05 00 02 04 04 00 00 00 03';
/** Our manifest: 6.0; 5.8 down to 5.6; 5.4 down to 5.0; no capabilities. */
const MANIFEST = '00 00 01 ff 03 00 00 00 06 00 02 08 05 00 04 04 05 00';
/** The client's choice from the manifest: 5.8, no capabilities. */
const CHOOSE_5_8 = '00 00 08 05 00';
const ONLY_5_4 = '60 60 b0 17 00 00 04 05 00 00 00 00 00 00 00 00 00 00 00 00';

const HELLO = 0x01;
const LOGON = 0x6a;
const RUN = 0x10;
const PULL = 0x3f;
const RESET = 0x0f;

/** One request message, chunked. */
function message(tag: number, ...fields: Packable[]): Uint8Array {
  return chunk(encode(new Structure(tag, fields)));
}

const hello = () => message(HELLO, { user_agent: 'connection-test/1', bolt_agent: { product: 'connection-test/1' } });
const logon = (password = PASSWORD) => message(LOGON, { scheme: 'basic', principal: 'neo4j', credentials: password });
const run = (query: string, parameters: Packable = {}) => message(RUN, query, parameters, { db: 'system' });
/** A query of one row with the value `n` (graph queries such as `RETURN 1` are not served). */
const one = (n: number) => `SHOW CURRENT USER YIELD user RETURN ${n} AS n`;
const pull = () => message(PULL, { n: -1n });
const reset = () => message(RESET);

function concat(...parts: (Uint8Array | string)[]): Uint8Array {
  return Buffer.concat(parts.map((part) => (typeof part === 'string' ? hex(part) : part)));
}

/** A reply as plain data: its name and its first field, Dictionaries as objects. */
type Reply = readonly [string, unknown];

const NAMES: Readonly<Record<number, string>> = { 0x70: 'SUCCESS', 0x71: 'RECORD', 0x7e: 'IGNORED', 0x7f: 'FAILURE' };

function plain(value: PackValue): unknown {
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [k, plain(v)]));
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

function reply(bytes: Uint8Array): Reply {
  const value = decode(bytes);
  if (!(value instanceof Structure)) throw new Error(`not a message: ${toHex(bytes)}`);
  const name = NAMES[value.tag] ?? `0x${value.tag.toString(16)}`;
  return [name, value.fields[0] === undefined ? null : plain(value.fields[0])];
}

/** The client end: every byte received, read as raw bytes (the handshake) or as messages. */
class Client {
  /** Each 'data' event's bytes, in order. */
  readonly segments: Buffer[] = [];
  readonly closed: Promise<void>;
  #unread: Buffer = Buffer.alloc(0);
  readonly #dechunker = new Dechunker({ maxMessageSize: 64 * 1024 * 1024 });
  readonly #messages: Reply[] = [];
  #ended = false;
  #wake: () => void = () => {};

  constructor(readonly socket: Socket) {
    socket.on('data', (data: Buffer) => {
      this.segments.push(data);
      this.#unread = Buffer.concat([this.#unread, data]);
      this.#wake();
    });
    socket.on('error', () => {});
    this.closed = new Promise((resolve) =>
      socket.once('close', () => {
        this.#ended = true;
        this.#wake();
        resolve();
      }),
    );
  }

  static async open(port: number, host?: string): Promise<Client> {
    const socket = await connect(port, host);
    socket.setNoDelay(true);
    return new Client(socket);
  }

  send(...parts: (Uint8Array | string)[]): void {
    this.socket.write(concat(...parts));
  }

  /** The next `n` raw bytes. */
  async bytes(n: number): Promise<string> {
    while (this.#unread.length < n) await this.#next(`${n} bytes`);
    const out = this.#unread.subarray(0, n);
    this.#unread = this.#unread.subarray(n);
    return toHex(out);
  }

  /** The next `n` messages. */
  async replies(n: number): Promise<Reply[]> {
    for (;;) {
      if (this.#unread.length > 0) {
        for (const bytes of this.#dechunker.push(this.#unread)) this.#messages.push(reply(bytes));
        this.#unread = Buffer.alloc(0);
      }
      if (this.#messages.length >= n) return this.#messages.splice(0, n);
      await this.#next(`${n} replies (have ${this.#messages.length})`);
    }
  }

  /** Everything left until the server closes: raw bytes as hex. */
  async rest(): Promise<string> {
    await this.closed;
    const out = toHex(this.#unread);
    this.#unread = Buffer.alloc(0);
    return out;
  }

  #next(what: string): Promise<void> {
    if (this.#ended) return Promise.reject(new Error(`the server closed the connection before ${what}`));
    return new Promise((resolve) => (this.#wake = resolve));
  }
}

/** What the server did on its side of one socket. */
interface ServerSide {
  readonly socket: Socket;
  /** Bytes of each write the connection made. */
  readonly writes: number[];
  /** The most bytes left queued for the client after any one write. */
  peakQueued: number;
}

const running: BoltServer[] = [];
const clients: Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.socket.destroy();
  await Promise.all(running.splice(0).map((s) => s.close()));
});

interface Started {
  readonly server: BoltServer;
  readonly logs: CollectedLog;
  readonly sides: ServerSide[];
  /** A connection that behaves: handshaken and logged in on 5.8, it answers a query whenever asked. */
  readonly good: Client;
  open(): Promise<Client>;
  /** The good connection still answers, after whatever the test did to another. */
  stillServes(): Promise<void>;
}

async function start(options: StartServerOptions = {}): Promise<Started> {
  const logs = collectingLog();
  const sides: ServerSide[] = [];
  const server = await startServerWith({ bolt: '127.0.0.1:0', initialPassword: PASSWORD, log: logs.log, ...options }, (socket, opts) => {
    const side: ServerSide = { socket, writes: [], peakQueued: 0 };
    sides.push(side);
    // The guard has wrapped write already: this sees what the connection writes, before the bound is checked.
    const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
    socket.write = ((bytes: Uint8Array, ...rest: unknown[]) => {
      side.writes.push(bytes.length);
      const flushed = write(bytes, ...rest);
      side.peakQueued = Math.max(side.peakQueued, socket.writableLength);
      return flushed;
    }) as Socket['write'];
    return serveBoltConnection(socket, opts);
  });
  running.push(server);
  const open = async () => {
    const client = await Client.open(server.port, server.host);
    clients.push(client);
    return client;
  };
  const good = await open();
  good.send(DRIVER_OPENING);
  expect(await good.bytes(18)).toBe(MANIFEST);
  good.send(CHOOSE_5_8, hello(), logon());
  expect((await good.replies(2)).map(([name]) => name)).toEqual(['SUCCESS', 'SUCCESS']);
  return {
    server,
    logs,
    sides,
    good,
    open,
    stillServes: async () => {
      good.send(run('SHOW CURRENT USER YIELD user'), pull());
      const replies = await good.replies(3);
      expect(replies.map(([name]) => name)).toEqual(['SUCCESS', 'RECORD', 'SUCCESS']);
      expect(replies[1]).toEqual(['RECORD', ['neo4j']]);
    },
  };
}

/** The n-th connection's log lines (the good one is connection 1), without the prefix. */
function linesOf(logs: CollectedLog, n: number): string[] {
  const prefix = new RegExp(`^(\\w+): connection ${n}(?:: | from [^ ]+ | )`);
  return logs.lines.flatMap((line) => {
    const match = prefix.exec(line);
    return match ? [`${match[1]}: ${line.slice(match[0].length)}`] : [];
  });
}

/** A handshaken client (5.8 from the manifest) that has sent HELLO and LOGON and read their replies. */
async function loggedIn(t: Started): Promise<Client> {
  const client = await t.open();
  client.send(DRIVER_OPENING, CHOOSE_5_8, hello(), logon());
  await client.bytes(18);
  expect((await client.replies(2)).map(([name]) => name)).toEqual(['SUCCESS', 'SUCCESS']);
  return client;
}

describe('the handshake', () => {
  it("answers the drivers' 20 bytes with the whole manifest in one write, and takes the choice pipelined with HELLO and LOGON", async () => {
    const t = await start();
    const client = await t.open();
    client.send(DRIVER_OPENING);
    expect(await client.bytes(18)).toBe(MANIFEST);
    // One segment: neo4j-driver reads the manifest from its first data buffer (bolt.md §2).
    expect(toHex(client.segments[0] ?? Buffer.alloc(0))).toBe(MANIFEST);
    expect(t.sides[1]?.writes).toEqual([18]);
    client.send(CHOOSE_5_8, hello(), logon());
    const [helloReply, logonReply] = await client.replies(2);
    expect(helloReply).toEqual([
      'SUCCESS',
      { server: 'Neo4j/2026.06.0', connection_id: expect.stringMatching(/^bolt-\d+$/), hints: {}, protocol_version: '5.8' },
    ]);
    expect(logonReply).toEqual(['SUCCESS', {}]);
    expect(linesOf(t.logs, 2)).toEqual(['info: opened', 'debug: speaks Bolt 5.8']);
    await t.stillServes();
  });

  it('answers an opening that offers only 5.4 with 00 00 04 05, and HELLO without protocol_version', async () => {
    const t = await start();
    const client = await t.open();
    client.send(ONLY_5_4);
    expect(await client.bytes(4)).toBe('00 00 04 05');
    client.send(hello(), logon());
    const [helloReply] = await client.replies(2);
    expect(helloReply?.[1]).not.toHaveProperty('protocol_version');
    await t.stillServes();
  });

  it('answers 00 00 00 00 when no version is in common, then closes', async () => {
    const t = await start();
    const client = await t.open();
    client.send('60 60 b0 17 00 00 04 04 00 00 00 03 00 00 00 00 00 00 00 00');
    expect(await client.rest()).toBe('00 00 00 00');
    await t.logs.waitFor('info: connection 2 closed');
    expect(linesOf(t.logs, 2)).toEqual(['info: opened', 'info: offered no Bolt version this server speaks', 'info: closed']);
    await t.stillServes();
  });

  it('closes on a wrong magic, with a warning that shows the bytes', async () => {
    const t = await start();
    const client = await t.open();
    client.send('de ad be ef 00 00 01 ff 00 08 08 05 00 02 04 04 00 00 00 03');
    expect(await client.rest()).toBe('');
    await t.logs.waitFor('info: connection 2 closed');
    expect(linesOf(t.logs, 2)).toEqual([
      'info: opened',
      'warn: closed by the server: Not a Bolt handshake: it starts DE AD BE EF, not 60 60 B0 17',
      'info: closed',
    ]);
    await t.stillServes();
  });

  it('closes on an HTTP request, answering nothing', async () => {
    const t = await start();
    const client = await t.open();
    client.send(Buffer.from('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n'));
    expect(await client.rest()).toBe('');
    await t.logs.waitFor('info: connection 2 closed');
    expect(linesOf(t.logs, 2)).toContain('warn: closed by the server: an HTTP request on the Bolt port');
    await t.stillServes();
  });

  it('reads a handshake, a manifest choice and HELLO sent one byte at a time', async () => {
    const t = await start();
    const client = await t.open();
    const bytes = concat(DRIVER_OPENING, CHOOSE_5_8, hello(), logon(), run(one(1)), pull());
    for (const byte of bytes) {
      client.socket.write(Uint8Array.of(byte));
      // Paced so that the bytes do not coalesce into one segment (the result does not depend on it).
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(await client.bytes(18)).toBe(MANIFEST);
    const replies = await client.replies(5);
    expect(replies.map(([name]) => name)).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS', 'RECORD', 'SUCCESS']);
    expect(replies[3]).toEqual(['RECORD', [1n]]);
    await t.stillServes();
  });

  it('drops a client that does not finish the handshake in time', async () => {
    const t = await start({ handshakeTimeoutMs: 200 });
    const client = await t.open();
    const started = Date.now();
    client.send('60 60 b0 17 00 00 01');
    expect(await client.rest()).toBe('');
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    await t.logs.waitFor('info: connection 2 closed');
    expect(linesOf(t.logs, 2)).toEqual([
      'info: opened',
      'warn: closed by the server: did not complete the handshake in time',
      'info: closed',
    ]);
    // The good connection finished its handshake in time: the timer was cleared, it is still served.
    await t.stillServes();
  });
});

describe('messages', () => {
  it('answers HELLO, LOGON, RUN and PULL sent in one write with one write of all five replies', async () => {
    const t = await start();
    const client = await t.open();
    client.send(ONLY_5_4);
    expect(await client.bytes(4)).toBe('00 00 04 05');
    const before = t.sides[1]?.writes.length ?? 0;
    client.send(hello(), logon(), run('SHOW USERS YIELD user, suspended'), pull());
    const replies = await client.replies(5);
    expect(t.sides[1]?.writes.length).toBe(before + 1);
    expect(replies).toEqual([
      ['SUCCESS', expect.objectContaining({ server: 'Neo4j/2026.06.0' })],
      ['SUCCESS', {}],
      ['SUCCESS', { fields: ['user', 'suspended'], t_first: 0n }],
      ['RECORD', ['neo4j', false]],
      ['SUCCESS', expect.objectContaining({ type: 'r', db: 'system' })],
    ]);
    await t.stillServes();
  });

  it('bug: the replies to one read of pipelined requests went out in one write however large (one 60 KB read asked for megabytes at once); now in batches of some 64 KiB', async () => {
    const t = await start();
    const client = await loggedIn(t);
    const rows = t.server.dbms.session({ user: null }).run('SHOW PRIVILEGES').records.length;
    const pairs = 1000;
    const before = t.sides[1]?.writes.length ?? 0;
    client.send(...Array.from({ length: pairs }, () => concat(run('SHOW PRIVILEGES'), pull())));
    const replies = await client.replies(pairs * (rows + 2));
    // Every request answered, in order: SUCCESS, the rows, SUCCESS, for each RUN and PULL.
    const expected = ['SUCCESS', ...Array<string>(rows).fill('RECORD'), 'SUCCESS'];
    expect(replies.map(([name]) => name)).toEqual(Array.from({ length: pairs }, () => expected).flat());
    const writes = t.sides[1]?.writes.slice(before) ?? [];
    expect(writes.reduce((a, b) => a + b, 0)).toBeGreaterThan(pairs * rows * 50);
    // No write much above the batch size: the queued-bytes bound and back-pressure apply as the replies go.
    expect(Math.max(...writes)).toBeLessThan(64 * 1024 + 16 * 1024);
    await t.stillServes();
  });

  it('skips NOOP keep-alives (00 00) before, between and after messages', async () => {
    const t = await start();
    const client = await t.open();
    client.send(ONLY_5_4, '00 00 00 00', hello(), '00 00', logon(), '00 00 00 00 00 00', run(one(2)), '00 00', pull(), '00 00');
    await client.bytes(4);
    const replies = await client.replies(5);
    expect(replies.map(([name]) => name)).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS', 'RECORD', 'SUCCESS']);
    expect(replies[3]).toEqual(['RECORD', [2n]]);
    await t.stillServes();
  });

  it('after a FAILURE, answers every pipelined message with IGNORED until RESET, then serves again', async () => {
    const t = await start();
    const client = await loggedIn(t);
    client.send(run('CREATE ROLE PUBLIC'), pull(), run(one(1)), pull(), reset(), run(one(3)), pull());
    const replies = await client.replies(8);
    expect(replies.map(([name]) => name)).toEqual(['FAILURE', 'IGNORED', 'IGNORED', 'IGNORED', 'SUCCESS', 'SUCCESS', 'RECORD', 'SUCCESS']);
    expect(replies[0]?.[1]).toMatchObject({ neo4j_code: 'Neo.ClientError.Statement.ArgumentError' });
    expect(replies[6]).toEqual(['RECORD', [3n]]);
    await t.stillServes();
  });
});

describe('a misbehaving client', () => {
  it('is logged and cleaned up when it closes in the middle of a chunk', async () => {
    const t = await start();
    const client = await loggedIn(t);
    // A chunk header announcing 100 bytes, and 10 of them.
    client.send('00 64 b3 10 d0 40 41 42 43 44 45 46');
    client.socket.end();
    await client.closed;
    await t.logs.waitFor('info: connection 2 closed');
    expect(linesOf(t.logs, 2).slice(2)).toEqual(['debug: the client ended the connection in the middle of a message', 'info: closed']);
    await t.stillServes();
  });

  it('is logged when it ends the connection in the middle of the handshake', async () => {
    const t = await start();
    const client = await t.open();
    client.send('60 60 b0 17 00 00');
    client.socket.end();
    await client.closed;
    await t.logs.waitFor('info: connection 2 closed');
    expect(linesOf(t.logs, 2)).toEqual([
      'info: opened',
      'debug: the client ended the connection in the middle of the handshake',
      'info: closed',
    ]);
    await t.stillServes();
  });

  it('gets FAILURE Request.Invalid and is closed for a message over maxMessageBytes', async () => {
    const t = await start({ maxMessageBytes: 1000 });
    const client = await loggedIn(t);
    client.send(run(`RETURN '${'x'.repeat(1000)}' AS big`), pull());
    const [failure] = await client.replies(1);
    expect(failure).toEqual([
      'FAILURE',
      expect.objectContaining({ neo4j_code: 'Neo.ClientError.Request.Invalid', message: 'Message larger than the limit of 1000 bytes' }),
    ]);
    expect(await client.rest()).toBe('');
    await t.logs.waitFor('info: connection 2 closed');
    expect(linesOf(t.logs, 2)).toContain('warn: closed by the server: Message larger than the limit of 1000 bytes');
    await t.stillServes();
  });

  it('gets FAILURE and is closed for a message with an unknown tag', async () => {
    const t = await start();
    const client = await loggedIn(t);
    client.send(message(0x55, 'what'), run(one(1)), pull());
    const [failure] = await client.replies(1);
    expect(failure).toEqual([
      'FAILURE',
      expect.objectContaining({ neo4j_code: 'Neo.ClientError.Request.Invalid', message: 'Unknown request message tag 0x55' }),
    ]);
    // Nothing after it is answered.
    expect(await client.rest()).toBe('');
    await t.logs.waitFor('info: connection 2 closed');
    await t.stillServes();
  });

  it("gets Neo4j's FAILURE for RUN before HELLO, and is closed", async () => {
    const t = await start();
    const client = await t.open();
    client.send(ONLY_5_4, run('SHOW USERS'), pull());
    await client.bytes(4);
    const [failure] = await client.replies(1);
    // Bolt 5.4: the pre-GQL shape, code and message.
    expect(failure).toEqual([
      'FAILURE',
      { code: 'Neo.ClientError.Request.Invalid', message: "Message 'RUN' cannot be handled by a session in the NEGOTIATION state." },
    ]);
    expect(await client.rest()).toBe('');
    await t.logs.waitFor('info: connection 2 closed');
    await t.stillServes();
  });

  it('is closed by the guard when it sends PULLs and never reads, and the server does not queue without bound', async () => {
    // Below the socket's 16 KiB high-water mark: the bound is passed before back-pressure would pause reading.
    const maxQueuedBytes = 8 * 1024;
    const t = await start({ maxQueuedBytes });
    const client = await loggedIn(t);
    client.socket.pause();
    // Each RUN + PULL is some 60 bytes in and some 4 KB out (every privilege of every role).
    const pair = concat(run('SHOW PRIVILEGES'), pull());
    const batch = Buffer.concat(Array.from({ length: 1000 }, () => pair));
    let closed = false;
    void client.closed.then(() => (closed = true));
    for (let sent = 0; !closed && sent < 200; sent++) {
      // Until the system has taken the batch (or the server has closed): nothing piles up in this process.
      await Promise.race([new Promise<void>((resolve) => client.socket.write(batch, () => resolve())), client.closed]);
    }
    await t.logs.waitFor('info: connection 2 closed');
    expect(linesOf(t.logs, 2)).toContain(`warn: closing: the client is not reading (more than ${maxQueuedBytes} bytes queued)`);
    // What the server had queued for it at most: the bound, plus one batch of replies (64 KiB), plus one reply.
    expect(t.sides[1]?.peakQueued).toBeLessThan(maxQueuedBytes + 64 * 1024 + 16 * 1024);
    await t.stillServes();
  });
});

describe('ROUTE without a routing context', () => {
  it('bug: over IPv6 the table listed the server as ::1:PORT; it is [::1]:PORT, as addresses are written', async () => {
    const t = await start({ bolt: '[::1]:0' });
    const client = await Client.open(t.server.port, '::1');
    client.send(DRIVER_OPENING);
    expect(await client.bytes(18)).toBe(MANIFEST);
    client.send(CHOOSE_5_8, hello(), logon(), message(0x66, {}, [], {}));
    const [, , route] = await client.replies(3);
    const addresses = [`[::1]:${t.server.port}`];
    expect(route).toEqual([
      'SUCCESS',
      { rt: { ttl: 300n, db: 'neo4j', servers: ['ROUTE', 'READ', 'WRITE'].map((role) => ({ addresses, role })) } },
    ]);
  });
});

describe('a client that leaves its replies unread', () => {
  it('is closed after unreadTimeoutMs (Neo4j’s outbound throttle limit) though it stays under the queued-bytes bound', async () => {
    const t = await start({ unreadTimeoutMs: 300 });
    const client = await loggedIn(t);
    client.socket.pause();
    const pair = concat(run('SHOW PRIVILEGES'), pull());
    const batch = Buffer.concat(Array.from({ length: 200 }, () => pair));
    let closed = false;
    void client.closed.then(() => (closed = true));
    // Enough for the server's writes to back up and its reading to pause; then nothing more is sent.
    for (let sent = 0; !closed && sent < 20; sent++) {
      await Promise.race([new Promise<void>((resolve) => client.socket.write(batch, () => resolve())), client.closed]);
    }
    await t.logs.waitFor('info: connection 2 closed');
    expect(linesOf(t.logs, 2)).toContain('warn: closed by the server: the client left its replies unread too long');
    await t.stillServes();
  });
});

describe('before authentication', () => {
  const LIMIT = MAX_UNAUTHENTICATED_MESSAGE_BYTES;

  /** HELLO whose message (before chunking) is exactly `size` bytes. */
  function helloOf(size: number): Uint8Array {
    const of = (n: number) => encode(new Structure(HELLO, [{ user_agent: 'x'.repeat(n) }]));
    const n = size - (of(300).length - 300);
    const bytes = of(n);
    expect(bytes.length).toBe(size);
    return chunk(bytes);
  }

  it(`takes a HELLO of ${LIMIT} bytes`, async () => {
    const t = await start();
    const client = await t.open();
    client.send(DRIVER_OPENING, CHOOSE_5_8, helloOf(LIMIT), logon());
    await client.bytes(18);
    expect((await client.replies(2)).map(([name]) => name)).toEqual(['SUCCESS', 'SUCCESS']);
    await t.stillServes();
  });

  it(`answers a HELLO of ${LIMIT + 1} bytes with FAILURE Request.Invalid and closes`, async () => {
    const t = await start();
    const client = await t.open();
    client.send(DRIVER_OPENING, CHOOSE_5_8, helloOf(LIMIT + 1), logon());
    await client.bytes(18);
    const reason = `Message larger than the limit of ${LIMIT} bytes before authentication (${LIMIT + 1} bytes)`;
    expect(await client.replies(1)).toEqual([
      ['FAILURE', expect.objectContaining({ neo4j_code: 'Neo.ClientError.Request.Invalid', message: reason })],
    ]);
    expect(await client.rest()).toBe('');
    await t.logs.waitFor('info: connection 2 closed');
    expect(linesOf(t.logs, 2)).toContain(`warn: closed by the server: ${reason}`);
    await t.stillServes();
  });

  it('holds a LOGON to the same limit, and lifts it once logged in', async () => {
    const t = await start();
    const big = await t.open();
    big.send(DRIVER_OPENING, CHOOSE_5_8, hello(), message(LOGON, { scheme: 'basic', principal: 'neo4j', credentials: 'x'.repeat(LIMIT) }));
    await big.bytes(18);
    expect((await big.replies(2)).map(([name, metadata]) => [name, (metadata as { neo4j_code?: string }).neo4j_code])).toEqual([
      ['SUCCESS', undefined],
      ['FAILURE', 'Neo.ClientError.Request.Invalid'],
    ]);
    await big.closed;
    // Logged in, a message of twice the limit is served (maxMessageBytes is 16 MiB).
    const client = await loggedIn(t);
    const text = 'y'.repeat(2 * LIMIT);
    client.send(run('SHOW CURRENT USER YIELD user RETURN size($text) AS n', { text }), pull());
    const replies = await client.replies(3);
    expect(replies[1]).toEqual(['RECORD', [BigInt(2 * LIMIT)]]);
    await t.stillServes();
  });
});
