/** An explicit transaction of a `Dbms` session: optimistic, it holds its own database until commit. */
import type { ExecuteOptions, SystemDatabase } from '../database.js';
import { Neo4jError } from '../diagnostics/neo4j-error.js';
import { StatusCode } from '../diagnostics/codes.js';
import type { Dbms } from './dbms.js';
import type { RunOutcome } from './outcome.js';
import { runStatement } from './statement.js';
import { homeDatabase, resolveDatabase } from './routing.js';

/** Neo4j's description of Status.Transaction.Outdated. */
export const OUTDATED =
  'Transaction has seen state which has been invalidated by applied updates while transaction was active. ' +
  'Transaction may succeed if retried.';

type TransactionState = 'open' | 'committed' | 'rolled back' | 'failed';

const CLOSED: Readonly<Record<Exclude<TransactionState, 'open'>, string>> = {
  committed: 'This transaction has already been committed.',
  'rolled back': 'This transaction has already been rolled back.',
  failed: 'This transaction has been rolled back because a statement in it failed.',
};

export class DbmsTransaction {
  readonly #dbms: Dbms;
  readonly #options: ExecuteOptions;
  /** The database the transaction was begun on: every statement in it goes there. */
  readonly database: string;
  readonly #base: SystemDatabase;
  #db: SystemDatabase;
  #state: TransactionState = 'open';

  /**
   * Checks at once whom it runs as (`options` of the database it begins on: impersonation is decided at
   * BEGIN, as in Neo4j) and the target database: BEGIN on a database the DBMS lacks fails, as Neo4j's does.
   */
  constructor(dbms: Dbms, options: (db: SystemDatabase) => ExecuteOptions, requested: string | null | undefined) {
    this.#dbms = dbms;
    this.#base = dbms.current;
    this.#db = this.#base;
    this.#options = options(this.#base);
    const user = this.#options.user === undefined ? 'neo4j' : this.#options.user;
    this.database = resolveDatabase(this.#base, requested, homeDatabase(this.#base, user));
  }

  get isOpen(): boolean {
    return this.#state === 'open';
  }

  /** Runs a statement against the transaction's own database; a failure rolls the whole transaction back, as in Neo4j. */
  run(query: string, params: Readonly<Record<string, unknown>> = {}): RunOutcome {
    this.#assertOpen();
    try {
      const { db, outcome } = runStatement(this.#db, query, params, this.#options, this.database);
      this.#db = db;
      return outcome;
    } catch (error) {
      this.#state = 'failed';
      throw error;
    }
  }

  /**
   * Applies the transaction's writes, unless another commit landed since it began: its statements
   * then saw a state that is gone, and it fails (a transient error: a driver's retry runs it afresh).
   */
  commit(): void {
    this.#assertOpen();
    const wrote = this.#db !== this.#base;
    if (wrote && !this.#dbms.compareAndSet(this.#base, this.#db)) {
      this.#state = 'rolled back';
      throw new Neo4jError(StatusCode.TransactionOutdated, OUTDATED);
    }
    this.#state = 'committed';
  }

  /** Discards the transaction's writes. After a failed statement it has nothing left to do. */
  rollback(): void {
    if (this.#state === 'failed') {
      this.#state = 'rolled back';
      return;
    }
    this.#assertOpen();
    this.#state = 'rolled back';
  }

  #assertOpen(): void {
    if (this.#state !== 'open') throw new Error(CLOSED[this.#state]);
  }
}
