/** A session of a `Dbms`: each statement runs against the latest database and commits on its own. */
import type { ExecuteOptions, ScriptOptions, ScriptRun, SystemDatabase } from '../database.js';
import { Neo4jError } from '../diagnostics/neo4j-error.js';
import { StatusCode } from '../diagnostics/codes.js';
import type { Dbms } from './dbms.js';
import type { RunOutcome } from './outcome.js';
import { runStatement } from './statement.js';
import { DbmsTransaction, OUTDATED } from './transaction.js';
import { runAsOptions, type RunAsOptions } from './run-as.js';

export interface DbmsSessionOptions {
  /** Who runs the statements (default `neo4j`); null runs them with authentication disabled. */
  readonly user?: string | null;
  /** Parameters typed as a wire protocol types them (a number is a FLOAT, a bigint an INTEGER); see `ExecuteOptions`. */
  readonly typedParams?: boolean;
}

/** Where a statement or transaction goes, as whom, in which access mode. */
export interface TargetOptions extends RunAsOptions {
  /** The database the client named (default: the user's home database, else the DBMS default). */
  readonly database?: string | null;
}

/** A statement re-run this many times, each time overtaken by another commit, gives up. */
const MAX_ATTEMPTS = 100;

const TRANSACTION_OPEN =
  'Queries cannot be run directly on a session with an open transaction; either run from within the transaction or use a different session.';

export class DbmsSession {
  readonly #dbms: Dbms;
  readonly #options: ExecuteOptions;
  #open: DbmsTransaction | null = null;

  constructor(dbms: Dbms, options: DbmsSessionOptions) {
    this.#dbms = dbms;
    // A server always has the password-change gate, whatever the database's own option says.
    this.#options = { ...options, enforcePasswordChange: true };
  }

  run(query: string, params: Readonly<Record<string, unknown>> = {}, target: TargetOptions = {}): RunOutcome {
    this.#assertNoTransaction();
    return this.#commit((db) => runStatement(db, query, params, runAsOptions(db, this.#options, target), target.database)).outcome;
  }

  /** Runs a script as one unit: its statements commit together. `onStatement` sees a re-run again. */
  runScript(text: string, options: ScriptOptions = {}): ScriptRun {
    this.#assertNoTransaction();
    return this.#commit((db) => db.runScript(text, { ...options, ...this.#options }));
  }

  /** An explicit transaction: its statements see each other and commit together, or not at all. One at a time per session. */
  begin(target: TargetOptions = {}): DbmsTransaction {
    this.#assertNoTransaction();
    const transaction = new DbmsTransaction(this.#dbms, (db) => runAsOptions(db, this.#options, target), target.database);
    this.#open = transaction;
    return transaction;
  }

  #assertNoTransaction(): void {
    if (this.#open?.isOpen === true) throw new Neo4jError(StatusCode.RequestInvalid, TRANSACTION_OPEN);
  }

  /**
   * Runs `work` against the latest database and commits by compare-and-set. If another commit landed
   * meanwhile (only possible re-entrantly, e.g. from an `onStatement` callback), `work` runs again on
   * the new database: Neo4j serialises administration commands on the system database, so every
   * statement must see every commit before it, and none may be lost.
   */
  #commit<T extends { readonly db: SystemDatabase }>(work: (db: SystemDatabase) => T): T {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const base = this.#dbms.current;
      const outcome = work(base);
      // A read leaves the database as it was: it saw one consistent snapshot, and has nothing to commit.
      if (outcome.db === base || this.#dbms.compareAndSet(base, outcome.db)) return outcome;
    }
    throw new Neo4jError(StatusCode.TransactionOutdated, OUTDATED);
  }
}
