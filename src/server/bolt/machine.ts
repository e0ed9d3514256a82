/**
 * One Bolt connection's server state machine (Bolt 5.x/6.0, docs-bolt `server-state.adoc`), without
 * sockets: a decoded request goes in, the replies come out, and whether to close. Statements run on
 * the engine's `Dbms`, so every connection sees every other's commits.
 *
 * States: NEGOTIATION -HELLO-> AUTHENTICATION -LOGON-> READY; READY -RUN-> STREAMING -PULL/DISCARD->
 * READY; READY -BEGIN-> TX_READY -RUN-> TX_STREAMING; COMMIT/ROLLBACK -> READY. A FAILURE moves to
 * FAILED, where everything but RESET and GOODBYE is IGNORED. A message the state does not allow is
 * a protocol violation: FAILURE, then close.
 */
import {
  assertNever,
  Neo4jError,
  NEO4J_VERSION,
  StatusCode,
  wireError,
  type Dbms,
  type DbmsSession,
  type DbmsTransaction,
  type RunAsOptions,
  type RunOutcome,
} from '../../index.js';
import type { RequestMessage } from './messages.js';
import type { Dictionary, Packable, PackableDictionary, PackValue } from './packstream.js';
import { atLeast, type BoltVersion } from './version.js';
import { parametersOf } from './values.js';
import { summaryMetadata } from './summary.js';
import { failureDetails, type FailureDetails } from './messages.js';

export type BoltState = 'NEGOTIATION' | 'AUTHENTICATION' | 'READY' | 'STREAMING' | 'TX_READY' | 'TX_STREAMING' | 'FAILED' | 'DEFUNCT';

export type Reply =
  | { readonly kind: 'SUCCESS'; readonly metadata: PackableDictionary }
  | { readonly kind: 'RECORD'; readonly values: readonly Packable[] }
  | { readonly kind: 'IGNORED' }
  | { readonly kind: 'FAILURE'; readonly error: FailureDetails };

export interface Handled {
  readonly replies: readonly Reply[];
  /** Close the connection after sending the replies (GOODBYE, a failed login, a protocol violation). */
  readonly close: boolean;
}

export interface MachineOptions {
  readonly dbms: Dbms;
  readonly authEnabled: boolean;
  readonly version: BoltVersion;
  /** The handshake used the manifest: HELLO SUCCESS then names the protocol version (Neo4j does so only then). */
  readonly manifest: boolean;
  readonly connectionId: string;
  /** host:port this server is reached at, for ROUTE when HELLO's routing context gives none. */
  readonly address: string;
  /** A failed login, for the log (never with the password). */
  readonly onFailedLogin?: (user: string, reason: string) => void;
  /** A statement that failed on our side (an internal error), for the log. */
  readonly onInternalError?: (error: unknown) => void;
}

/** The agent string drivers show as the server (the Java driver insists it starts `Neo4j/`). */
const SERVER_AGENT = `Neo4j/${NEO4J_VERSION}`;

/** Seconds a routing table is valid (Neo4j's default `dbms.routing_ttl`). */
const ROUTING_TTL = 300n;

/** One result stream of a RUN, consumed by PULL or DISCARD. */
interface Stream {
  readonly outcome: RunOutcome;
  /** The next record to send. */
  next: number;
  /** Auto-commit streams carry the bookmark of their commit in the final summary. */
  readonly bookmark: string | null;
}

export class BoltMachine {
  #state: BoltState = 'NEGOTIATION';
  readonly #options: MachineOptions;
  #session: DbmsSession | null = null;
  #transaction: DbmsTransaction | null = null;
  /** Open streams by qid; auto-commit has the one stream with qid 0. */
  readonly #streams = new Map<number, Stream>();
  #nextQid = 0;
  #lastQid = -1;
  /** HELLO's routing context address, returned by ROUTE. */
  #routingAddress: string | null = null;
  /** Who is logged in (null with auth disabled, or before LOGON). */
  #user: string | null = null;

  constructor(options: MachineOptions) {
    this.#options = options;
  }

  get state(): BoltState {
    return this.#state;
  }

  handle(message: RequestMessage): Handled {
    if (this.#state === 'DEFUNCT') return { replies: [], close: true };
    if (message.kind === 'GOODBYE') {
      this.#discardAll();
      this.#state = 'DEFUNCT';
      return { replies: [], close: true };
    }
    if (message.kind === 'RESET') return this.#reset();
    if (this.#state === 'FAILED') return { replies: [{ kind: 'IGNORED' }], close: false };
    try {
      return this.#dispatch(message);
    } catch (error) {
      return this.#fail(error);
    }
  }

  #dispatch(message: Exclude<RequestMessage, { kind: 'GOODBYE' | 'RESET' }>): Handled {
    switch (message.kind) {
      case 'HELLO':
        this.#expect(message.kind, 'NEGOTIATION');
        return this.#hello(message.extra);
      case 'LOGON':
        this.#expect(message.kind, 'AUTHENTICATION');
        return this.#logon(message.auth);
      case 'LOGOFF':
        this.#expect(message.kind, 'READY');
        this.#session = null;
        this.#user = null;
        this.#state = 'AUTHENTICATION';
        return ok({});
      case 'TELEMETRY':
        this.#expect(message.kind, 'READY');
        return ok({});
      case 'ROUTE':
        this.#expect(message.kind, 'READY');
        return this.#route(message.extra);
      case 'RUN':
        if (this.#state === 'READY') return this.#runAutoCommit(message.query, message.parameters, message.extra);
        this.#expect(message.kind, 'TX_READY', 'TX_STREAMING');
        return this.#runInTransaction(message.query, message.parameters);
      case 'PULL':
      case 'DISCARD':
        this.#expect(message.kind, 'STREAMING', 'TX_STREAMING');
        return this.#consume(message.kind === 'PULL', message.n, message.qid);
      case 'BEGIN':
        this.#expect(message.kind, 'READY');
        return this.#begin(message.extra);
      case 'COMMIT':
        this.#expect(message.kind, 'TX_READY');
        return this.#commit();
      case 'ROLLBACK':
        this.#expect(message.kind, 'TX_READY', 'TX_STREAMING');
        this.#discardAll();
        this.#state = 'READY';
        return ok({});
      default:
        return assertNever(message, 'Bolt request');
    }
  }

  #hello(extra: Dictionary): Handled {
    const routing = extra.get('routing');
    if (routing instanceof Map) {
      const address = routing.get('address');
      if (typeof address === 'string') this.#routingAddress = address;
    }
    const { version, manifest, connectionId } = this.#options;
    const metadata: Record<string, Packable> = { server: SERVER_AGENT, connection_id: connectionId, hints: {} };
    if (manifest) metadata['protocol_version'] = `${version.major}.${version.minor}`;
    if (atLeast(version, 5, 1)) {
      this.#state = 'AUTHENTICATION';
      return ok(metadata);
    }
    // Bolt 5.0 carries the auth token in HELLO itself.
    const login = this.#logon(extra);
    if (login.close) return login;
    return ok(metadata);
  }

  #logon(auth: Dictionary): Handled {
    const scheme = auth.get('scheme');
    if (!this.#options.authEnabled) {
      this.#session = this.#options.dbms.session({ user: null, typedParams: true });
      this.#user = null;
      this.#state = 'READY';
      return ok({});
    }
    if (scheme !== 'basic') {
      const shown = typeof scheme === 'string' ? scheme : 'none';
      this.#options.onFailedLogin?.(String(auth.get('principal') ?? ''), `unsupported scheme '${shown}'`);
      return this.#defunct(
        new Neo4jError(StatusCode.Unauthorized, `Unsupported authentication token, scheme '${shown}' is not supported.`),
      );
    }
    const principal = auth.get('principal');
    const credentials = auth.get('credentials');
    if (typeof principal !== 'string' || typeof credentials !== 'string') {
      return this.#defunct(
        new Neo4jError(StatusCode.Unauthorized, 'Unsupported authentication token, missing key `principal` or `credentials`.'),
      );
    }
    try {
      const { user } = this.#options.dbms.authenticate(principal, credentials);
      // A user who must change their password logs in; every statement but the change then fails (the session's gate).
      this.#session = this.#options.dbms.session({ user, typedParams: true });
      this.#user = user;
      this.#state = 'READY';
      return ok({});
    } catch (error) {
      if (error instanceof Neo4jError) this.#options.onFailedLogin?.(principal, error.code);
      return this.#defunct(error);
    }
  }

  #route(extra: Dictionary): Handled {
    const db = optionalString(extra, 'db');
    const impersonated = optionalString(extra, 'imp_user');
    const { dbms } = this.#options;
    // With `imp_user`, the home database is that user's (once the IMPERSONATE privilege is checked).
    const user = impersonated === null ? this.#user : dbms.impersonate(this.#user, impersonated);
    // Checked as a statement's database is: DatabaseNotFound for one the DBMS does not have.
    const database = dbms.resolveDatabase(db ?? dbms.homeDatabase(user));
    const addresses = [this.#routingAddress ?? this.#options.address];
    const servers = ['ROUTE', 'READ', 'WRITE'].map((role) => ({ addresses, role }));
    return ok({ rt: { ttl: ROUTING_TTL, db: database, servers } });
  }

  #runAutoCommit(query: string, parameters: Dictionary, extra: Dictionary): Handled {
    const database = optionalString(extra, 'db');
    const outcome = this.#requireSession().run(query, parametersOf(parameters), { database, ...runAs(extra) });
    this.#streams.set(0, { outcome, next: 0, bookmark: this.#bookmark() });
    this.#lastQid = 0;
    this.#state = 'STREAMING';
    return ok(this.#runMetadata(outcome, null, database === null));
  }

  #begin(extra: Dictionary): Handled {
    const database = optionalString(extra, 'db');
    this.#transaction = this.#requireSession().begin({ database, ...runAs(extra) });
    this.#nextQid = 0;
    this.#state = 'TX_READY';
    const metadata: Record<string, Packable> = {};
    if (database === null && atLeast(this.#options.version, 5, 8)) metadata['db'] = this.#transaction.database;
    return ok(metadata);
  }

  #runInTransaction(query: string, parameters: Dictionary): Handled {
    const transaction = this.#transaction;
    if (transaction === null) throw new Neo4jError(StatusCode.RequestInvalid, 'No transaction is open.');
    const outcome = transaction.run(query, parametersOf(parameters));
    const qid = this.#nextQid++;
    this.#streams.set(qid, { outcome, next: 0, bookmark: null });
    this.#lastQid = qid;
    this.#state = 'TX_STREAMING';
    return ok(this.#runMetadata(outcome, qid, false));
  }

  #runMetadata(outcome: RunOutcome, qid: number | null, reportDatabase: boolean): Record<string, Packable> {
    const metadata: Record<string, Packable> = { fields: outcome.result.columns, t_first: 0n };
    if (qid !== null) metadata['qid'] = BigInt(qid);
    if (reportDatabase && atLeast(this.#options.version, 5, 8)) metadata['db'] = outcome.summary.database;
    return metadata;
  }

  #consume(pull: boolean, n: bigint, qid: bigint): Handled {
    const id = qid === -1n ? this.#lastQid : Number(qid);
    const stream = this.#streams.get(id);
    if (stream === undefined) {
      throw new Neo4jError(StatusCode.RequestInvalid, `There is no result with qid ${qid} to ${pull ? 'pull' : 'discard'}.`);
    }
    const records = stream.outcome.records;
    const end = !pull || n === -1n ? records.length : Math.min(records.length, stream.next + Number(n));
    const replies: Reply[] = [];
    if (pull) for (let i = stream.next; i < end; i++) replies.push({ kind: 'RECORD', values: records[i] ?? [] });
    stream.next = !pull ? records.length : end;
    if (stream.next < records.length) {
      replies.push({ kind: 'SUCCESS', metadata: { has_more: true } });
      return { replies, close: false };
    }
    this.#streams.delete(id);
    replies.push({ kind: 'SUCCESS', metadata: summaryMetadata(stream.outcome, this.#options.version, stream.bookmark) });
    if (this.#state === 'STREAMING') this.#state = 'READY';
    else if (this.#streams.size === 0) this.#state = 'TX_READY';
    return { replies, close: false };
  }

  #commit(): Handled {
    const transaction = this.#transaction;
    this.#transaction = null;
    if (transaction === null) throw new Neo4jError(StatusCode.RequestInvalid, 'No transaction is open.');
    this.#state = 'READY';
    transaction.commit();
    return ok({ bookmark: this.#bookmark() });
  }

  #reset(): Handled {
    this.#discardAll();
    if (this.#state !== 'NEGOTIATION' && this.#state !== 'AUTHENTICATION')
      this.#state = this.#session === null ? 'AUTHENTICATION' : 'READY';
    return ok({});
  }

  /** Ends every open stream and rolls back an open transaction. */
  #discardAll(): void {
    this.#streams.clear();
    if (this.#transaction?.isOpen === true) this.#transaction.rollback();
    this.#transaction = null;
  }

  /** A FAILURE for a statement: the connection stays, in FAILED until RESET. */
  #fail(error: unknown): Handled {
    if (error instanceof ProtocolViolation) return this.#defunct(new Neo4jError(StatusCode.RequestInvalid, error.message));
    this.#discardAll();
    this.#state = 'FAILED';
    return { replies: [{ kind: 'FAILURE', error: this.#failure(error) }], close: false };
  }

  /** A FAILURE after which the server closes: a failed login or a protocol violation. */
  #defunct(error: unknown): Handled {
    this.#discardAll();
    this.#state = 'DEFUNCT';
    return { replies: [{ kind: 'FAILURE', error: this.#failure(error) }], close: true };
  }

  #failure(error: unknown): FailureDetails {
    if (!(error instanceof Neo4jError)) {
      this.#options.onInternalError?.(error);
      return failureDetails(
        wireError(StatusCode.InternalError, 'cypher-sysdb failed on this statement (an internal error); see the server log.'),
      );
    }
    return failureDetails(wireError(error.code, error.message, error.gql));
  }

  #expect(message: string, ...states: BoltState[]): void {
    if (!states.includes(this.#state)) {
      throw new ProtocolViolation(`Message '${message}' cannot be handled by a session in the ${this.#state} state.`);
    }
  }

  #requireSession(): DbmsSession {
    if (this.#session === null) throw new ProtocolViolation('No user is logged in on this connection.');
    return this.#session;
  }

  /** A bookmark names the commit a client has seen: this DBMS's commit count. */
  #bookmark(): string {
    return `FB:sysdb:${this.#options.dbms.commits}`;
  }
}

/** A message the current state does not allow: Neo4j answers it with a FAILURE and closes. */
class ProtocolViolation extends Error {}

function ok(metadata: PackableDictionary): Handled {
  return { replies: [{ kind: 'SUCCESS', metadata }], close: false };
}

function optionalString(extra: Dictionary, key: string): string | null {
  const value: PackValue | undefined = extra.get(key);
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new ProtocolViolation(`The '${key}' of a request must be a String.`);
  return value;
}

/** BEGIN's and RUN's `imp_user` and `mode` ("r" reads; anything else, or none, writes), for the session. */
function runAs(extra: Dictionary): RunAsOptions {
  return { impersonatedUser: optionalString(extra, 'imp_user'), accessMode: optionalString(extra, 'mode') === 'r' ? 'READ' : 'WRITE' };
}
