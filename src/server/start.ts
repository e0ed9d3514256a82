/**
 * `startServer`: a Bolt server over one `Dbms`, and with `http` Neo4j's HTTP Query API over the same
 * one, for `sysdb serve` and for test set-ups that start one server and restore its database between
 * tests. The Bolt connection handler is a parameter here so that the server's own tests can run it
 * with handlers of their own.
 */
import { Dbms, Neo4jError, SystemDatabase, type DbmsOptions } from '../index.js';
import { boltUrl, DEFAULT_HOST, parseListenAddress, type ListenAddress } from './address.js';
import { DataFile, loadDataFile } from './data-file.js';
import { ServerOptionError } from './errors.js';
import { hostPort } from './address.js';
import { HttpListener } from './http/listener.js';
import { Listener, type ConnectionHandler } from './listener.js';
import { stderrLog, type ServerLog } from './log.js';

export interface StartServerOptions {
  /** `HOST:PORT` to listen on (default `127.0.0.1:7687`); port 0 picks a free port. */
  readonly bolt?: string;
  /** `HOST:PORT` to serve the HTTP Query API on as well (none by default; Neo4j's port is 7474, loopback unless a host is given). */
  readonly http?: string;
  /** The database to start with when `data` names no existing file (default: a fresh one). */
  readonly db?: SystemDatabase;
  /** A file the database is loaded from when it exists, and saved to atomically after every commit. */
  readonly data?: string;
  /**
   * The password of `neo4j` in a fresh database, with no change required, as the Docker image's
   * `NEO4J_AUTH=neo4j/PW` sets it. Without it `neo4j`/`neo4j` must change its password first.
   */
  readonly initialPassword?: string;
  /** With `initialPassword`: `neo4j` must still change it at first login (`NEO4J_AUTH=neo4j/PW/true`). */
  readonly requirePasswordChange?: boolean;
  /** false: no authentication (`NEO4J_AUTH=none`): any login is accepted and statements run as no user. Default true. */
  readonly auth?: boolean;
  /** Where log lines go (default: warnings to standard error). */
  readonly log?: ServerLog;
  /** Connections open at once, on each of Bolt and HTTP; one more is closed at once (default 400). */
  readonly maxConnections?: number;
  /** The largest Bolt message, or HTTP request body, a client may send, in bytes (default 16 MiB). */
  readonly maxMessageBytes?: number;
  /** Milliseconds an HTTP explicit transaction may sit idle before it is rolled back (default 60,000, Neo4j's). */
  readonly httpTransactionIdleTimeoutMs?: number;
  /** HTTP explicit transactions one user may hold open at once (default 100). */
  readonly httpMaxTransactionsPerUser?: number;
  /** Milliseconds an HTTP client has to send a request's headers (default 10,000) and the whole request (default 30,000). */
  readonly httpHeadersTimeoutMs?: number;
  readonly httpRequestTimeoutMs?: number;
  /** Bytes queued for a client that is not reading before its connection is closed (default 64 MiB). */
  readonly maxQueuedBytes?: number;
  /** Bolt versions to offer, highest first, as `"major.minor"` (default: every version served). */
  readonly boltVersions?: readonly string[];
  /**
   * The databases of a new database's DBMS (default `neo4j`, and always `system`), as `sysdb run
   * --databases`: what clients may name. A loaded or given database keeps its own.
   */
  readonly databases?: readonly string[];
  /** The failed-login limit: `authMaxFailedAttempts` (default 3) and `authLockTime` (default 5 s). */
  readonly dbmsOptions?: DbmsOptions;
  /** Milliseconds a client has to finish the Bolt handshake before it is dropped (default 10 000). */
  readonly handshakeTimeoutMs?: number;
  /** Milliseconds a Bolt client may leave its replies unread before it is dropped (default 15 minutes, as Neo4j). */
  readonly unreadTimeoutMs?: number;
}

export interface BoltServer {
  /** `bolt://host:port`, with the port actually listened on. */
  readonly boltUrl: string;
  /** `http://host:port` of the Query API (`/db/{db}/query/v2`), or undefined without `http`. */
  readonly httpUrl: string | undefined;
  readonly host: string;
  readonly port: number;
  readonly authEnabled: boolean;
  /** The DBMS the connections share: run statements on it directly, or subscribe to its commits. */
  readonly dbms: Dbms;
  /** The current database: an immutable snapshot to `restore` later. */
  snapshot(): SystemDatabase;
  /** Puts a snapshot back in O(1); transactions open meanwhile then fail to commit. */
  restore(snapshot: SystemDatabase): void;
  /** Restores the database the server started with. */
  reset(): void;
  /** Resolves once the data file holds every commit so far (at once without `data`). */
  saved(): Promise<void>;
  /** Stops listening, ends every connection, saves what is pending, and resolves when all is done. */
  close(): Promise<void>;
}

/** Neo4j's default `server.bolt.thread_pool_max_size`: the connections it serves at once. */
const DEFAULT_MAX_CONNECTIONS = 400;
const DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
const DEFAULT_MAX_QUEUED_BYTES = 64 * 1024 * 1024;
/** Neo4j's `server.queryapi.transaction_idle_timeout`. */
const DEFAULT_HTTP_TRANSACTION_IDLE_MS = 60_000;
const DEFAULT_HTTP_TRANSACTIONS_PER_USER = 100;
const DEFAULT_HTTP_HEADERS_TIMEOUT_MS = 10_000;
const DEFAULT_HTTP_REQUEST_TIMEOUT_MS = 30_000;

export async function startServerWith(options: StartServerOptions, handler: ConnectionHandler): Promise<BoltServer> {
  const address = listenAddress(options.bolt, 'bolt', 7687);
  const httpAddress = options.http === undefined ? null : listenAddress(options.http, 'http', 7474);
  const limits = {
    maxConnections: positive(options.maxConnections, 'maxConnections', DEFAULT_MAX_CONNECTIONS),
    maxMessageBytes: positive(options.maxMessageBytes, 'maxMessageBytes', DEFAULT_MAX_MESSAGE_BYTES),
    maxQueuedBytes: positive(options.maxQueuedBytes, 'maxQueuedBytes', DEFAULT_MAX_QUEUED_BYTES),
  };
  const httpLimits = {
    transactionIdleTimeoutMs: positive(
      options.httpTransactionIdleTimeoutMs,
      'httpTransactionIdleTimeoutMs',
      DEFAULT_HTTP_TRANSACTION_IDLE_MS,
    ),
    maxTransactionsPerUser: positive(options.httpMaxTransactionsPerUser, 'httpMaxTransactionsPerUser', DEFAULT_HTTP_TRANSACTIONS_PER_USER),
    headersTimeoutMs: positive(options.httpHeadersTimeoutMs, 'httpHeadersTimeoutMs', DEFAULT_HTTP_HEADERS_TIMEOUT_MS),
    requestTimeoutMs: positive(options.httpRequestTimeoutMs, 'httpRequestTimeoutMs', DEFAULT_HTTP_REQUEST_TIMEOUT_MS),
  };
  // Node refuses a request timeout shorter than the headers' (they are part of the request).
  if (httpLimits.requestTimeoutMs < httpLimits.headersTimeoutMs) {
    throw new ServerOptionError('httpRequestTimeoutMs', 'must be at least httpHeadersTimeoutMs');
  }
  // Without one, the connection's own default (10 s) applies.
  const handshake = {
    ...(options.handshakeTimeoutMs === undefined
      ? {}
      : { handshakeTimeoutMs: positive(options.handshakeTimeoutMs, 'handshakeTimeoutMs', 0) }),
    ...(options.unreadTimeoutMs === undefined ? {} : { unreadTimeoutMs: positive(options.unreadTimeoutMs, 'unreadTimeoutMs', 0) }),
  };
  if (options.db !== undefined && options.initialPassword !== undefined) {
    throw new ServerOptionError('initialPassword', 'give the password in the database passed as db instead');
  }
  const log = options.log ?? stderrLog();
  const authEnabled = options.auth ?? true;
  const loaded = options.data === undefined ? null : await loadDataFile(options.data);
  if (loaded !== null && (options.db !== undefined || options.initialPassword !== undefined)) {
    // As neo4j-admin's set-initial-password: it applies to a new database only.
    log.warn(`'${options.data}' holds a database: it is served, and the initial ${options.db ? 'db' : 'password'} is not used`);
  }
  const initial = loaded ?? options.db ?? freshDatabase(options.initialPassword, options.requirePasswordChange ?? false, options.databases);
  const dbms = new Dbms(initial, options.dbmsOptions);

  let listener: Listener | null = null;
  let http: HttpListener | null = null;
  const hooks = {
    busy: () => {
      listener?.hold();
      http?.hold();
    },
    idle: () => {
      listener?.release();
      http?.release();
    },
  };
  const dataFile = options.data === undefined ? null : new DataFile(options.data, log, { hooks });
  listener = await Listener.listen({
    address,
    log,
    ...limits,
    connection: {
      dbms,
      authEnabled,
      maxMessageBytes: limits.maxMessageBytes,
      ...(options.boltVersions ? { versions: options.boltVersions } : {}),
      ...handshake,
    },
    handler,
  });
  const bolt = listener;
  if (httpAddress !== null) {
    http = await HttpListener.listen({
      address: httpAddress,
      log,
      dbms,
      authEnabled,
      boltPort: bolt.address.port,
      maxConnections: limits.maxConnections,
      maxBodyBytes: limits.maxMessageBytes,
      ...httpLimits,
    }).catch(async (error: unknown) => {
      await bolt.close();
      throw error;
    });
  }
  const httpListener = http;
  if (dataFile !== null && loaded === null) {
    // A new file now, not at the first commit: a path that cannot be written is a start-up error.
    await dataFile.writeNow(initial).catch(async (error: unknown) => {
      await Promise.all([bolt.close(), httpListener?.close()]);
      throw error;
    });
  }
  const unsubscribe = dataFile === null ? () => false : dbms.onCommit((db) => dataFile.save(db));
  const { host, port } = bolt.address;
  let closing: Promise<void> | null = null;
  return {
    boltUrl: boltUrl(host, port),
    httpUrl: httpListener === null ? undefined : `http://${hostPort(httpListener.address.host, httpListener.address.port)}`,
    host,
    port,
    authEnabled,
    dbms,
    snapshot: () => dbms.current,
    restore: (snapshot) => dbms.replace(snapshot),
    reset: () => dbms.replace(initial),
    saved: async () => dataFile?.saved(),
    close: () => {
      closing ??= (async () => {
        await Promise.all([bolt.close(), httpListener?.close()]);
        await dataFile?.saved();
        unsubscribe();
      })();
      return closing;
    },
  };
}

function listenAddress(text: string | undefined, option: string, defaultPort: number): ListenAddress {
  if (text === undefined) return { host: DEFAULT_HOST, port: defaultPort };
  const parsed = parseListenAddress(text);
  if ('problem' in parsed) throw new ServerOptionError(option, parsed.problem);
  return parsed;
}

function positive(value: number | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value <= 0) throw new ServerOptionError(option, 'must be a positive integer');
  return value;
}

/** A fresh DBMS; with a password, `neo4j` has it (checked by Neo4j's rules for passwords). */
function freshDatabase(password: string | undefined, requireChange: boolean, databases: readonly string[] | undefined): SystemDatabase {
  const db = SystemDatabase.create(databases === undefined ? {} : { databases });
  if (password === undefined) return db;
  try {
    const change = requireChange ? 'CHANGE REQUIRED' : 'CHANGE NOT REQUIRED';
    return db.execute(`ALTER USER neo4j SET PASSWORD $password ${change}`, { password }).db;
  } catch (error) {
    if (error instanceof Neo4jError) throw new ServerOptionError('initialPassword', error.message);
    throw error;
  }
}
