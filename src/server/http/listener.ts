/**
 * The HTTP side of the server, on `node:http`: reads each request's body within a size limit, hands
 * it to the Query API handler, and writes the reply. Clients are hostile: headers that do not arrive
 * in time and requests that do not finish in time are cut off (slowloris), an oversized body is
 * answered 413 without being read, and the connection count is bounded. Replies wait while the data
 * file is saving (`hold`), so no client hears of a commit before it is on disk.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Dbms } from '../../index.js';
import type { ListenAddress } from '../address.js';
import { ServerStartError } from '../errors.js';
import { describeSystemError } from '../system-errors.js';
import type { ServerLog } from '../log.js';
import { hostPort } from '../address.js';
import { errorBody, REQUEST_INVALID } from './errors.js';
import { QueryApi, type HttpReply } from './handler.js';
import { isJsonLines } from './media.js';
import { TransactionRegistry } from './transactions.js';

export interface HttpListenerOptions {
  readonly address: ListenAddress;
  readonly log: ServerLog;
  readonly dbms: Dbms;
  readonly authEnabled: boolean;
  /** The Bolt port, which discovery names. */
  readonly boltPort: number;
  readonly maxConnections: number;
  readonly maxBodyBytes: number;
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly transactionIdleTimeoutMs: number;
  readonly maxTransactionsPerUser: number;
  /** How long `close()` lets requests under way finish before cutting their connections. */
  readonly closeGraceMs?: number;
}

const DEFAULT_CLOSE_GRACE_MS = 2000;

export class HttpListener {
  readonly #server: Server;
  readonly #options: HttpListenerOptions;
  readonly #transactions: TransactionRegistry;
  #api: QueryApi | null = null;
  /** Resolves when the data file has caught up; null while replies may leave at once. */
  #held: Promise<void> | null = null;
  #release: () => void = () => {};
  readonly #inFlight = new Set<Promise<void>>();
  #nextId = 1;
  #closing: Promise<void> | null = null;

  private constructor(options: HttpListenerOptions) {
    this.#options = options;
    this.#transactions = new TransactionRegistry({
      idleTimeoutMs: options.transactionIdleTimeoutMs,
      maxPerUser: options.maxTransactionsPerUser,
      onExpired: (open) =>
        options.log.info(`HTTP transaction ${open.id} expired after ${options.transactionIdleTimeoutMs} ms idle and was rolled back`),
    });
    this.#server = createServer({
      headersTimeout: options.headersTimeoutMs,
      requestTimeout: options.requestTimeoutMs,
      // Node checks the two timeouts this often (default 30 s): often enough for the shorter one.
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(options.headersTimeoutMs / 2))),
    });
    this.#server.maxConnections = options.maxConnections;
    this.#server.on('request', (request, response) => this.#track(this.#serve(request, response)));
    this.#server.on('connection', (socket) => this.#accept(socket));
    this.#server.on('drop', (data?: { remoteAddress?: string; remotePort?: number }) =>
      options.log.warn(
        `HTTP connection from ${hostPort(data?.remoteAddress ?? '?', data?.remotePort ?? 0)} refused: ${options.maxConnections} open, the most allowed`,
      ),
    );
    // A client that breaks HTTP (bad syntax, headers too large or too slow) gets Node's own 400, 431
    // or 408 and is disconnected: there is no request to hand on.
  }

  static async listen(options: HttpListenerOptions): Promise<HttpListener> {
    const listener = new HttpListener(options);
    const { host, port } = options.address;
    await new Promise<void>((resolve, reject) => {
      listener.#server.once('error', (error) =>
        reject(new ServerStartError(`cannot listen on ${hostPort(host, port)}: ${describeSystemError(error)}`)),
      );
      listener.#server.listen({ host, port }, () => {
        listener.#server.removeAllListeners('error');
        listener.#server.on('error', (error) => options.log.warn(`HTTP listener error: ${describeSystemError(error)}`));
        resolve();
      });
    });
    listener.#api = new QueryApi({
      dbms: options.dbms,
      authEnabled: options.authEnabled,
      transactions: listener.#transactions,
      listening: listener.address,
      boltPort: options.boltPort,
      log: options.log,
    });
    return listener;
  }

  get address(): ListenAddress {
    const address = this.#server.address() as AddressInfo;
    return { host: address.address, port: address.port };
  }

  /** Holds every reply until `release()` (the data file is saving a commit). */
  hold(): void {
    if (this.#held !== null) return;
    this.#held = new Promise((resolve) => (this.#release = resolve));
  }

  release(): void {
    this.#held = null;
    this.#release();
  }

  /** Stops listening, lets requests under way finish (within the grace), rolls back open transactions. */
  close(): Promise<void> {
    this.#closing ??= this.#shutdown();
    return this.#closing;
  }

  async #shutdown(): Promise<void> {
    const stopped = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeIdleConnections();
    const timer = setTimeout(() => this.#server.closeAllConnections(), this.#options.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS);
    await Promise.all([...this.#inFlight]);
    this.#server.closeIdleConnections();
    await stopped;
    clearTimeout(timer);
    this.#transactions.clear();
  }

  #accept(socket: Socket): void {
    const name = `HTTP connection ${this.#nextId++}`;
    const peer = hostPort(socket.remoteAddress ?? '?', socket.remotePort ?? 0);
    socket.setNoDelay(true);
    this.#options.log.info(`${name} from ${peer} opened`);
    socket.on('error', (error) => this.#options.log.debug(`${name}: ${describeSystemError(error)}`));
    socket.once('close', () => this.#options.log.info(`${name} closed`));
  }

  #track(work: Promise<void>): void {
    this.#inFlight.add(work);
    void work.finally(() => this.#inFlight.delete(work));
  }

  async #serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const body = await this.#body(request, response);
      if (body === null) return;
      const api = this.#api;
      if (api === null) throw new Error('HTTP request before the listener was ready');
      const reply = api.handle({
        method: request.method ?? 'GET',
        target: request.url ?? '/',
        headers: headersOf(request),
        body,
        peer: hostPort(request.socket.remoteAddress ?? '?', request.socket.remotePort ?? 0),
      });
      this.#options.log.debug(`HTTP ${request.method ?? '?'} ${reply.what}: ${reply.status}`);
      if (this.#closing !== null) response.setHeader('connection', 'close');
      await this.#held;
      send(response, reply);
    } catch (error) {
      this.#options.log.warn(`HTTP request failed: ${error instanceof Error ? error.name : typeof error}`);
      if (!response.headersSent) send(response, { status: 500, headers: {}, body: '', what: 'bug' });
      else response.destroy();
    }
  }

  /** The body as text, or null when it was refused (answered already): too large, not UTF-8, cut short. */
  #body(request: IncomingMessage, response: ServerResponse): Promise<string | null> {
    const limit = this.#options.maxBodyBytes;
    if (Number(request.headers['content-length'] ?? 0) > limit) return Promise.resolve(this.#tooLarge(request, response));
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let settled = false;
      const done = (body: string | null) => {
        if (settled) return;
        settled = true;
        request.off('data', onData);
        request.off('end', onEnd);
        request.off('error', onGone);
        request.off('close', onGone);
        resolve(body);
      };
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size <= limit) chunks.push(chunk);
        else {
          // Not read further: answered, then the connection is closed.
          request.pause();
          done(this.#tooLarge(request, response));
        }
      };
      const onEnd = () => {
        try {
          done(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks, size)));
        } catch {
          send(response, jsonError(400, 'The request body is not valid UTF-8.'));
          done(null);
        }
      };
      // The client went away mid-body (or the server cut it off): nobody to answer.
      const onGone = () => done(null);
      request.on('data', onData);
      request.on('end', onEnd);
      request.on('error', onGone);
      request.on('close', onGone);
    });
  }

  /** 413 with `Connection: close`: the rest of the body is never read. */
  #tooLarge(request: IncomingMessage, response: ServerResponse): null {
    this.#options.log.info(`HTTP request refused: its body is over ${this.#options.maxBodyBytes} bytes`);
    response.setHeader('connection', 'close');
    send(response, jsonError(413, `The request body is larger than ${this.#options.maxBodyBytes} bytes, the most allowed.`));
    response.once('finish', () => request.socket.end());
    return null;
  }
}

function jsonError(status: number, message: string): HttpReply {
  return { status, headers: { 'content-type': 'application/json' }, body: errorBody(REQUEST_INVALID, message), what: 'body' };
}

function send(response: ServerResponse, reply: HttpReply): void {
  response.statusCode = reply.status;
  for (const [name, value] of Object.entries(reply.headers)) response.setHeader(name, value);
  if (isJsonLines(reply.headers['content-type'])) response.setHeader('transfer-encoding', 'chunked');
  else response.setHeader('content-length', Buffer.byteLength(reply.body));
  response.end(reply.body);
}

/** Header values as one string each (repeated headers joined, as Node joins them). */
function headersOf(request: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}
