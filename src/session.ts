/** A session: a mutable handle over the immutable databases, for tests that read like cypher-shell. */
import type { ExecuteOptions, Notification, ScriptOptions, ScriptRun, SystemDatabase } from './database.js';
import type { StatementResult } from './exec/commands/context.js';

/** Holds the latest database, for tests that read like a cypher-shell session. */
export class Session {
  #db: SystemDatabase;
  #notifications: readonly Notification[] = [];
  readonly #options: ExecuteOptions;

  constructor(db: SystemDatabase, options: ExecuteOptions = {}) {
    this.#db = db;
    this.#options = options;
  }

  get db(): SystemDatabase {
    return this.#db;
  }

  /** Neo4j's notifications for the last `run` (empty when it had none, or failed). */
  get notifications(): readonly Notification[] {
    return this.#notifications;
  }

  run(query: string, params: Readonly<Record<string, unknown>> = {}): StatementResult {
    this.#notifications = [];
    const { db, result, notifications } = this.#db.execute(query, params, this.#options);
    this.#db = db;
    this.#notifications = notifications;
    return result;
  }

  runScript(text: string, options: ScriptOptions = {}): ScriptRun {
    const run = this.#db.runScript(text, { ...this.#options, ...options });
    this.#db = run.db;
    return run;
  }
}
