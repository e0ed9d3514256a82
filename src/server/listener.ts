/**
 * The TCP side of the server: accepts sockets, hands each to the protocol code, and keeps count of
 * them so that the connection limit holds and `close()` can end every one. Each connection is guarded
 * (see guard.ts): whatever goes wrong in it closes it alone.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { hostPort, type ListenAddress } from './address.js';
import type { BoltConnection, BoltConnectionOptions } from './bolt/connection.js';
import { ServerStartError } from './errors.js';
import { describeSystemError } from './system-errors.js';
import { guardSocket } from './guard.js';
import { prefixedLog, type ServerLog } from './log.js';

export type ConnectionHandler = (socket: Socket, options: BoltConnectionOptions) => BoltConnection;

export interface ListenerOptions {
  readonly address: ListenAddress;
  readonly log: ServerLog;
  readonly maxConnections: number;
  readonly maxQueuedBytes: number;
  /** What every connection is served with; each gets its own log, whose lines name the connection. */
  readonly connection: Omit<BoltConnectionOptions, 'log'>;
  readonly handler: ConnectionHandler;
  /** How long `close()` lets connections end on their own before destroying them. */
  readonly closeGraceMs?: number;
}

interface Open {
  readonly socket: Socket;
  readonly closed: Promise<void>;
  bolt: BoltConnection | null;
}

const DEFAULT_CLOSE_GRACE_MS = 2000;

export class Listener {
  readonly #server: Server;
  readonly #options: ListenerOptions;
  readonly #open = new Set<Open>();
  /** Sockets whose output is held (corked) until the data file has caught up with the commits. */
  readonly #corked = new Set<Socket>();
  #holding = false;
  #nextId = 1;
  #closing: Promise<void> | null = null;

  private constructor(server: Server, options: ListenerOptions) {
    this.#server = server;
    this.#options = options;
    server.on('connection', (socket) => this.#accept(socket));
  }

  static listen(options: ListenerOptions): Promise<Listener> {
    const server = createServer();
    const listener = new Listener(server, options);
    const { host, port } = options.address;
    return new Promise((resolve, reject) => {
      server.once('error', (error) =>
        reject(new ServerStartError(`cannot listen on ${hostPort(host, port)}: ${describeSystemError(error)}`)),
      );
      server.listen({ host, port }, () => {
        // Errors after start (none expected from a listening server) are logged, never thrown.
        server.removeAllListeners('error');
        server.on('error', (error) => options.log.warn(`listener error: ${describeSystemError(error)}`));
        resolve(listener);
      });
    });
  }

  /** Where the server listens, with the port the system chose for port 0. */
  get address(): ListenAddress {
    const address = this.#server.address() as AddressInfo;
    return { host: address.address, port: address.port };
  }

  /**
   * Holds every connection's output (and that of connections yet to come) until `release()`. The data
   * file holds it while a save is under way, so that no client hears of a commit before it is on disk.
   */
  hold(): void {
    if (this.#holding) return;
    this.#holding = true;
    for (const open of this.#open) this.#cork(open.socket);
  }

  release(): void {
    this.#holding = false;
    for (const socket of this.#corked) socket.uncork();
    this.#corked.clear();
  }

  /** Stops listening, ends every connection, and resolves once all are closed. */
  close(): Promise<void> {
    this.#closing ??= this.#shutdown();
    return this.#closing;
  }

  async #shutdown(): Promise<void> {
    const stopped = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    const open = [...this.#open];
    for (const { socket, bolt } of open) void end(socket, bolt);
    // A connection that does not end in time (a client mid-message, a bug) is cut off.
    const timer = setTimeout(() => {
      for (const { socket } of open) socket.destroy();
    }, this.#options.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS);
    await Promise.all(open.map((o) => o.closed));
    clearTimeout(timer);
    await stopped;
  }

  #accept(socket: Socket): void {
    const { log, maxConnections } = this.#options;
    const id = this.#nextId++;
    const name = `connection ${id}`;
    const peer = hostPort(socket.remoteAddress ?? '?', socket.remotePort ?? 0);
    // Accepted and closed at once, so the client learns now instead of waiting on a backlog.
    if (this.#closing !== null || this.#open.size >= maxConnections) {
      const count = this.#open.size === 1 ? '1 connection' : `${this.#open.size} connections`;
      const why = this.#closing !== null ? 'the server is shutting down' : `${count} open, the most allowed`;
      log.warn(`${name} from ${peer} refused: ${why}`);
      socket.destroy();
      return;
    }
    socket.setNoDelay(true);
    const open: Open = {
      socket,
      closed: new Promise((resolve) => socket.once('close', () => resolve())),
      bolt: null,
    };
    this.#open.add(open);
    log.info(`${name} from ${peer} opened`);
    socket.on('error', (error) => log.debug(`${name}: ${describeSystemError(error)}`));
    socket.once('close', () => {
      this.#open.delete(open);
      this.#corked.delete(socket);
      log.info(`${name} closed`);
    });
    guardSocket(socket, {
      maxQueuedBytes: this.#options.maxQueuedBytes,
      onFault: (reason) => log.warn(`${name} closing: ${reason}`),
    });
    if (this.#holding) this.#cork(socket);
    try {
      open.bolt = this.#options.handler(socket, { ...this.#options.connection, log: prefixedLog(log, `${name}: `) });
    } catch (error) {
      log.warn(`${name} closing: internal error (${error instanceof Error ? error.name : typeof error})`);
      socket.destroy();
    }
  }

  #cork(socket: Socket): void {
    if (this.#corked.has(socket)) return;
    socket.cork();
    this.#corked.add(socket);
  }
}

/** Asks the protocol code to end the connection; a close() that throws or rejects gets the socket destroyed. */
async function end(socket: Socket, bolt: BoltConnection | null): Promise<void> {
  try {
    if (bolt === null) socket.destroy();
    else await bolt.close();
  } catch {
    socket.destroy();
  }
}
