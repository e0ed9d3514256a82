/**
 * The Query API's explicit transactions, between the requests that use them. Each is bound to its
 * database (the path's name, as given) and its user: a request naming it with another database or
 * another user gets the same 404 as an unknown id, so ids reveal nothing. Idle ones expire (Neo4j's
 * `server.queryapi.transaction_idle_timeout`, 60 s) and are rolled back; every request to one
 * extends it. A user may hold only so many at once: each pins the snapshot it began on.
 */
import { randomBytes } from 'node:crypto';
import type { DbmsTransaction } from '../../index.js';
import { CONCURRENT_ACCESS, HttpError, REQUEST_INVALID, RESOURCE_EXHAUSTION } from './errors.js';

export interface OpenTransaction {
  readonly id: string;
  readonly database: string;
  readonly user: string | null;
  readonly transaction: DbmsTransaction;
  /** When it expires unless used again, as told to the client (ms since the epoch, to the second). */
  expires: number;
  /** A request is using it: another at the same time is refused. */
  busy: boolean;
  timer: ReturnType<typeof setTimeout> | null;
}

export interface RegistryOptions {
  readonly idleTimeoutMs: number;
  readonly maxPerUser: number;
  /** Told of each transaction that expired (rolled back by the server). */
  readonly onExpired?: (open: OpenTransaction) => void;
}

/** Neo4j's ids are random hex; 16 digits make a collision (Neo4j's 400 `ResourceExhaustion`) practically impossible. */
const ID_BYTES = 8;

export class TransactionRegistry {
  readonly #open = new Map<string, OpenTransaction>();
  readonly #perUser = new Map<string | null, number>();
  readonly #options: RegistryOptions;

  constructor(options: RegistryOptions) {
    this.#options = options;
  }

  get size(): number {
    return this.#open.size;
  }

  /** Refuses a user already holding the most transactions allowed, before one is begun. */
  admit(user: string | null): void {
    const held = this.#perUser.get(user) ?? 0;
    if (held >= this.#options.maxPerUser) {
      throw new HttpError(
        400,
        RESOURCE_EXHAUSTION,
        `There are already ${held} open transactions for this user, the most allowed; commit or roll one back first.`,
      );
    }
  }

  /** Registers a begun transaction, busy (the request that began it is using it). */
  add(transaction: DbmsTransaction, database: string, user: string | null): OpenTransaction {
    let id = randomBytes(ID_BYTES).toString('hex');
    while (this.#open.has(id)) id = randomBytes(ID_BYTES).toString('hex');
    const open: OpenTransaction = { id, database, user, transaction, expires: 0, busy: true, timer: null };
    this.#open.set(id, open);
    this.#perUser.set(user, (this.#perUser.get(user) ?? 0) + 1);
    this.touch(open);
    return open;
  }

  /** The transaction `id` of this database and user, now busy; 404 for any other, 400 while another request has it. */
  take(id: string, database: string, user: string | null): OpenTransaction {
    const open = this.#open.get(id);
    if (open === undefined || open.database !== database || open.user !== user) throw notFound(id);
    if (open.busy) throw new HttpError(400, CONCURRENT_ACCESS, 'Another request is currently accessing this transaction.');
    open.busy = true;
    return open;
  }

  /**
   * Extends the idle timeout from now. `expires` is what Neo4j tells a client (now to the second,
   * plus the timeout): never later than the real end, which is the whole timeout from now.
   */
  touch(open: OpenTransaction): void {
    open.expires = Math.floor(Date.now() / 1000) * 1000 + this.#options.idleTimeoutMs;
    if (open.timer !== null) clearTimeout(open.timer);
    open.timer = setTimeout(() => this.#expire(open), this.#options.idleTimeoutMs);
    open.timer.unref();
  }

  /** Done with it for this request; it stays open. */
  release(open: OpenTransaction): void {
    open.busy = false;
  }

  /** Forgets it, rolling it back if it is still open (after an error, a rollback, or a commit). */
  remove(open: OpenTransaction): void {
    if (this.#open.get(open.id) !== open) return;
    this.#open.delete(open.id);
    const held = (this.#perUser.get(open.user) ?? 1) - 1;
    if (held === 0) this.#perUser.delete(open.user);
    else this.#perUser.set(open.user, held);
    if (open.timer !== null) clearTimeout(open.timer);
    open.timer = null;
    if (open.transaction.isOpen) open.transaction.rollback();
  }

  /** Rolls every transaction back (the server is closing). */
  clear(): void {
    for (const open of [...this.#open.values()]) this.remove(open);
  }

  #expire(open: OpenTransaction): void {
    // A request using it right now extends it when it is done.
    if (open.busy) return;
    this.remove(open);
    this.#options.onExpired?.(open);
  }
}

/** `expires` as Neo4j writes a java.time.Instant: to the second, with milliseconds only when there are some. */
export function instantText(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function notFound(id: string): HttpError {
  return new HttpError(
    404,
    REQUEST_INVALID,
    `Transaction with Id: ${JSON.stringify(id)} was not found. It may have timed out and therefore rolled back or the routing header 'neo4j-cluster-affinity' was not provided.`,
  );
}
