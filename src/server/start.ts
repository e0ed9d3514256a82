/**
 * `startServer`: a Bolt server over one `Dbms`, for `sysdb serve` and for test set-ups that start one
 * server and restore its database between tests. The connection handler is a parameter here so that
 * the server's own tests can run it with handlers of their own.
 */
import { Dbms, Neo4jError, SystemDatabase, type DbmsOptions } from '../index.js';
import { boltUrl, DEFAULT_HOST, parseListenAddress, type ListenAddress } from './address.js';
import { DataFile, loadDataFile } from './data-file.js';
import { ServerOptionError } from './errors.js';
import { Listener, type ConnectionHandler } from './listener.js';
import { stderrLog, type ServerLog } from './log.js';

export interface StartServerOptions {
  /** `HOST:PORT` to listen on (default `127.0.0.1:7687`); port 0 picks a free port. */
  readonly bolt?: string;
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
  /** Connections open at once; one more is accepted and closed at once (default 400). */
  readonly maxConnections?: number;
  /** The largest Bolt message a client may send, in bytes (default 16 MiB). */
  readonly maxMessageBytes?: number;
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
}

export interface BoltServer {
  /** `bolt://host:port`, with the port actually listened on. */
  readonly boltUrl: string;
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

export async function startServerWith(options: StartServerOptions, handler: ConnectionHandler): Promise<BoltServer> {
  const address = listenAddress(options.bolt);
  const limits = {
    maxConnections: positive(options.maxConnections, 'maxConnections', DEFAULT_MAX_CONNECTIONS),
    maxMessageBytes: positive(options.maxMessageBytes, 'maxMessageBytes', DEFAULT_MAX_MESSAGE_BYTES),
    maxQueuedBytes: positive(options.maxQueuedBytes, 'maxQueuedBytes', DEFAULT_MAX_QUEUED_BYTES),
  };
  // Without one, the connection's own default (10 s) applies.
  const handshake =
    options.handshakeTimeoutMs === undefined ? {} : { handshakeTimeoutMs: positive(options.handshakeTimeoutMs, 'handshakeTimeoutMs', 0) };
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
  const dataFile =
    options.data === undefined
      ? null
      : new DataFile(options.data, log, { hooks: { busy: () => listener?.hold(), idle: () => listener?.release() } });
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
  if (dataFile !== null && loaded === null) {
    // A new file now, not at the first commit: a path that cannot be written is a start-up error.
    await dataFile.writeNow(initial).catch(async (error: unknown) => {
      await listener?.close();
      throw error;
    });
  }
  const unsubscribe = dataFile === null ? () => false : dbms.onCommit((db) => dataFile.save(db));
  const { host, port } = listener.address;
  const running = listener;
  let closing: Promise<void> | null = null;
  return {
    boltUrl: boltUrl(host, port),
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
        await running.close();
        await dataFile?.saved();
        unsubscribe();
      })();
      return closing;
    },
  };
}

function listenAddress(text: string | undefined): ListenAddress {
  if (text === undefined) return { host: DEFAULT_HOST, port: 7687 };
  const parsed = parseListenAddress(text);
  if ('problem' in parsed) throw new ServerOptionError('bolt', parsed.problem);
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
