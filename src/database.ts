/**
 * The in-memory system database: `SystemDatabase.create()`, then `execute` statements against it.
 * Every execute returns a new database and leaves the old one as it was, so a test can keep snapshots.
 */
import { isClientCommand, type ClientCommand } from './ast/index.js';
import { assertNever } from './diagnostics/assert-never.js';
import { secureRandomBytes, type RandomBytes } from './crypto/password.js';
import { StatusCode, type Diagnostic } from './diagnostics/codes.js';
import { toStatementResult, type StatementResult, type TypedResult } from './exec/commands/context.js';
import { QUERY_TYPES, type QueryType } from './catalog/query-types.js';
import { Neo4jError } from './diagnostics/neo4j-error.js';
import type { Notification } from './exec/notifications.js';
import { evaluate } from './exec/evaluate.js';
import { budgetLimits, StatementBudget, type BudgetLimits } from './exec/budget.js';
import { executeStatement } from './exec/execute.js';
import { fromJs, type Value } from './exec/values.js';
import { maskPasswords } from './render/mask.js';
import { MAX_NESTING, parseScript, unsupportedReason, type ScriptSegment } from './parse.js';
import { cachedSegments } from './syntax/statement-cache.js';
import { INITIAL_USER, initialState, type SystemDatabaseOptions } from './store/initial.js';
import { snapshotOf, stateFromSnapshot, type Snapshot } from './store/snapshot.js';
import type { SystemState } from './store/state.js';
import { Session } from './session.js';
import { mayImpersonate } from './dbms/impersonate.js';
import { checkLogin, type LoginCheck } from './dbms/login.js';
import type { Change } from './plan/changes.js';
import { diffStates, sharesHistory } from './plan/diff.js';
import { dumpScript, type Replay } from './plan/dump.js';
import { firstRunProblem, rerunProblem, type RerunProblem } from './plan/rerun.js';

export type { SystemDatabaseOptions } from './store/initial.js';
export type { Snapshot } from './store/snapshot.js';
export type { StatementResult as QueryResult } from './exec/commands/context.js';
export type { Notification, NotificationPosition } from './exec/notifications.js';
export { Session } from './session.js';

/** What one statement produced: the new database, the result table and Neo4j's notifications. */
export interface Executed {
  readonly db: SystemDatabase;
  readonly result: StatementResult;
  /** The same table with Cypher's types kept (INTEGER a bigint, FLOAT a number), for transports that must not lose them. */
  readonly records: TypedResult['records'];
  readonly notifications: readonly Notification[];
  /** Neo4j's summary query type: `r` for SHOW commands, `s` for the other administration commands. */
  readonly queryType: QueryType;
  /** Neo4j's `system-updates` counter: 1 when the statement changed the system database, else 0. */
  readonly systemUpdates: number;
}

export interface ExecuteOptions {
  /** Who runs the statement (default `neo4j`); null runs it with authentication disabled. */
  readonly user?: string | null;
  /** Overrides the database's `enforcePasswordChange` for this statement (a Dbms session of a logged-in user sets it). */
  readonly enforcePasswordChange?: boolean;
  /**
   * Parameters are typed as a wire protocol types them: a number is a FLOAT even when whole (`7` is
   * `7.0`), an INTEGER is a bigint. Without it, a whole number is an INTEGER, as JavaScript callers mean.
   */
  readonly typedParams?: boolean;
  /**
   * `user` runs the statement on behalf of the logged-in user (Bolt's `imp_user`, the Query API's
   * `impersonatedUser`): their privileges decide, but updating administration commands are refused.
   */
  readonly impersonating?: boolean;
  /** `READ` refuses an updating command before it runs, as Neo4j's read transactions do (default `WRITE`). */
  readonly accessMode?: 'READ' | 'WRITE';
}

export interface ScriptOptions extends ExecuteOptions {
  readonly params?: Readonly<Record<string, unknown>>;
  /** `stop` (default) ends the script at the first failing statement; `continue` runs the rest. */
  readonly onError?: 'stop' | 'continue';
  /**
   * Statements of families cypher-sysdb does not model (`GRANT ACCESS ON DATABASE ...`, `CREATE
   * DATABASE`, `MATCH ...`): `fail` (default) makes them fail as not supported; `skip` passes over them,
   * so a real migration that mixes them with user administration can still be tested.
   */
  readonly onUnsupported?: 'fail' | 'skip';
  /** Called after each statement, e.g. to show progress, with the database it left. */
  readonly onStatement?: (run: StatementRun, index: number, db: SystemDatabase) => void;
}

/** One statement of a script and what became of it. */
export interface StatementRun {
  readonly query: string;
  /** 1-based line of the statement in the script. */
  readonly line: number;
  readonly columns: readonly string[];
  readonly rows: StatementResult['rows'];
  readonly error: { readonly code: string; readonly message: string } | null;
  /** Neo4j's notifications for a statement that succeeded (a grant that changed nothing, a missing home database, ...). */
  readonly notifications: readonly Notification[];
  /** Why the statement was passed over (with `onUnsupported: 'skip'`), or null when it ran. */
  readonly skipped: string | null;
}

export interface ScriptRun {
  /** The database after the script; statements that failed changed nothing. */
  readonly db: SystemDatabase;
  readonly statements: readonly StatementRun[];
  /** Parameters as the script's `:param` lines left them. */
  readonly params: Readonly<Record<string, Value>>;
}

/** What a script would do: the changes it makes and each statement's outcome. */
export interface Plan {
  readonly changes: readonly Change[];
  readonly statements: readonly StatementRun[];
  /** The database the script leaves, for a caller that decides to keep it (this one stays as it was). */
  readonly db: SystemDatabase;
}

export interface DumpOptions {
  /** Called with each part of the database the script cannot recreate (it is in the script as a comment). */
  readonly onNote?: (note: string) => void;
}

/** Options of a database restored from a snapshot: what is not part of the saved state. */
export type RestoreOptions = Pick<SystemDatabaseOptions, 'randomBytes' | 'maxSteps' | 'maxMemoryBytes'>;

export class SystemDatabase {
  readonly #state: SystemState;
  readonly #randomBytes: RandomBytes;
  readonly #limits: BudgetLimits;

  private constructor(state: SystemState, randomBytes: RandomBytes, limits: BudgetLimits) {
    this.#state = state;
    this.#randomBytes = randomBytes;
    this.#limits = limits;
  }

  /** A fresh DBMS: user `neo4j` (roles admin and PUBLIC, password change required) and the built-in roles. */
  static create(options: SystemDatabaseOptions = {}): SystemDatabase {
    const randomBytes = options.randomBytes ?? secureRandomBytes;
    return new SystemDatabase(initialState(options, randomBytes), randomBytes, budgetLimits(options));
  }

  /** Restores a database saved with `toJSON()`. */
  static fromJSON(snapshot: Snapshot | string, options: RestoreOptions = {}): SystemDatabase {
    const data: unknown = typeof snapshot === 'string' ? JSON.parse(snapshot) : snapshot;
    return new SystemDatabase(stateFromSnapshot(data), options.randomBytes ?? secureRandomBytes, budgetLimits(options));
  }

  /** A deterministic snapshot: equal databases give equal JSON. Passwords appear only as hashes. */
  toJSON(): Snapshot {
    return snapshotOf(this.#state);
  }

  /**
   * Runs one statement. Returns the new database and the result table; throws a `Neo4jError` (with
   * Neo4j's status code and message) when Neo4j would refuse the statement.
   */
  execute(query: string, params: Readonly<Record<string, unknown>> = {}, options: ExecuteOptions = {}): Executed {
    const { minimumPasswordLength } = this.#state.config;
    const segments = cachedSegments(query, minimumPasswordLength, () => parseScript(query, { minimumPasswordLength }));
    const [segment] = segments;
    if (segments.length !== 1 || segment === undefined) {
      throw new Neo4jError(
        StatusCode.NotSupported,
        `execute() runs exactly one statement, and this query has ${segments.length}; use runScript() for scripts.`,
      );
    }
    return this.#run(segment, bindParams(params, options.typedParams), userOf(options), options);
  }

  /** Runs a script: statements separated by `;`, with cypher-shell's `:param` lines. */
  runScript(text: string, options: ScriptOptions = {}): ScriptRun {
    // Each statement runs against the database the one before it produced.
    let db = this as SystemDatabase;
    let params: Record<string, Value> = bindParams(options.params ?? {}, options.typedParams);
    const user = userOf(options);
    const statements: StatementRun[] = [];
    for (const segment of parseScript(text, { minimumPasswordLength: this.#state.config.minimumPasswordLength })) {
      let run: StatementRun;
      // The query is echoed back (logs, JSON output): its password literals are masked first.
      const base = { query: maskPasswords(segment.text).text, line: segment.span.start.line };
      try {
        const unsupported = unsupportedReason(segment);
        if (unsupported !== undefined && options.onUnsupported === 'skip') {
          run = { ...base, columns: [], rows: [], error: null, notifications: [], skipped: unsupported };
          statements.push(run);
          options.onStatement?.(run, statements.length - 1, db);
          continue;
        }
        if (segment.statement && isClientCommand(segment.statement)) {
          firstError(segment.diagnostics);
          const command = segment.statement;
          const budget = new StatementBudget(db.#limits);
          params = runGuarded(() => applyClientCommand(command, params, budget));
          continue;
        }
        const outcome = db.#run(segment, params, user, options);
        db = outcome.db;
        run = {
          ...base,
          columns: outcome.result.columns,
          rows: outcome.result.rows,
          error: null,
          notifications: outcome.notifications,
          skipped: null,
        };
      } catch (error) {
        if (!(error instanceof Neo4jError)) throw error;
        run = { ...base, columns: [], rows: [], error: { code: error.code, message: error.message }, notifications: [], skipped: null };
      }
      statements.push(run);
      options.onStatement?.(run, statements.length - 1, db);
      if (run.error && (options.onError ?? 'stop') === 'stop') break;
    }
    return { db, statements, params };
  }

  /**
   * The changes from this database to `other`: users, roles and privileges created, deleted, updated
   * or renamed, sorted by type, then name. Never a password or a hash: `passwordChanged` says it changed.
   */
  diff(other: SystemDatabase): Change[] {
    return diffStates(this.#state, other.#state, sharesHistory(this.#state, other.#state));
  }

  /** Runs a script and says what it changed: `diff` of before and after. This database stays as it was. */
  plan(text: string, options: ScriptOptions = {}): Plan {
    const run = this.runScript(text, options);
    return { changes: diffStates(this.#state, run.db.#state, true), statements: run.statements, db: run.db };
  }

  /**
   * Runs a script, then runs it again on its own result: each statement that fails or changes
   * something the second time is a problem (scripts a deploy runs every time must have none).
   */
  rerun(text: string, options: ScriptOptions = {}): RerunProblem[] {
    const { onStatement: _, ...quiet } = options;
    const first = this.runScript(text, quiet);
    const failed = first.statements.flatMap((s) => firstRunProblem(s) ?? []);
    if (failed.length > 0) return failed;
    const problems: RerunProblem[] = [];
    let before: SystemDatabase = first.db;
    first.db.runScript(text, {
      ...quiet,
      onError: 'continue',
      onStatement: (ran, _index, after) => {
        const problem = rerunProblem(ran, after === before ? [] : diffStates(before.#state, after.#state, true));
        if (problem) problems.push(problem);
        before = after;
      },
    });
    return problems;
  }

  /**
   * A Cypher script that recreates this database on a fresh DBMS, run there as `neo4j`: roles,
   * privileges, users (passwords as `SET ENCRYPTED PASSWORD` hashes, never plaintext) and their roles.
   */
  dump(options: DumpOptions = {}): string {
    const replay: Replay<SystemDatabase> = {
      fresh: () => SystemDatabase.create({ randomBytes: this.#randomBytes }),
      run: (db, statements, user) => {
        try {
          return statements.reduce((next, statement) => next.execute(statement, {}, { user }).db, db);
        } catch (error) {
          if (error instanceof Neo4jError) return null;
          throw error;
        }
      },
    };
    const { script, notes } = runGuarded(() => dumpScript(this.#state, replay));
    for (const note of notes) options.onNote?.(`${note.reason}: ${note.statements.join('; ')}`);
    return script;
  }

  /** The databases the DBMS has (`system` among them), lower-cased: what a statement may be sent to. */
  get databases(): readonly string[] {
    return this.#state.config.databases;
  }

  /** The DBMS default database: the home of users without one. */
  get defaultDatabase(): string {
    return this.#state.config.defaultDatabase;
  }

  /** A mutable handle for tests: each `run` keeps the database it produced. */
  session(options: ExecuteOptions = {}): Session {
    return new Session(this, options);
  }

  /**
   * What a login as `user` would find, for `Dbms.authenticate`: null for no such user. The credential
   * stays inside; only whether a password matches comes out.
   */
  login(user: string): LoginCheck | null {
    return checkLogin(this.#state, user);
  }

  /** Whether `user` (null: authentication disabled) may impersonate `target`, by the stored IMPERSONATE privileges. */
  mayImpersonate(user: string | null, target: string): boolean {
    return mayImpersonate(this.#state, user, target);
  }

  #run(segment: ScriptSegment, params: Readonly<Record<string, Value>>, user: string | null, options: ExecuteOptions): Executed {
    // Argument errors (a short password, an invalid name) are execution-time errors to Neo4j: the
    // executor meets them in Neo4j's order (replacing yourself fails before a short password does).
    // It checks them again; if it somehow did not fail, the check's error still stands.
    const deferred = executionTimeErrors(segment);
    if (!deferred) firstError(segment.diagnostics);
    const statement = segment.statement;
    // A statement of a family we do not model carries only a warning (lint passes it); it cannot run.
    const unsupported = unsupportedReason(segment);
    if (unsupported !== undefined) throw new Neo4jError(StatusCode.NotSupported, unsupported);
    if (statement === null || isClientCommand(statement)) {
      throw new Neo4jError(StatusCode.NotSupported, 'Client commands (such as :param) are not statements; run them with runScript().');
    }
    // Neo4j's query router refuses a write in a read transaction before planning it: before any privilege check.
    if (options.accessMode === 'READ' && QUERY_TYPES[statement.kind] !== 'r') {
      throw new Neo4jError(StatusCode.AccessMode, WRITE_IN_READ_MODE);
    }
    const { enforcePasswordChange, impersonating } = options;
    const budget = new StatementBudget(this.#limits);
    const context = { params, user, randomBytes: this.#randomBytes, budget, enforcePasswordChange, impersonating };
    const { state, result, notifications } = runGuarded(() => executeStatement(this.#state, statement, context));
    if (deferred) throw new Neo4jError(deferred.code, deferred.message);
    const changed = state !== this.#state;
    return {
      db: changed ? new SystemDatabase(state, this.#randomBytes, this.#limits) : this,
      result: toStatementResult(result),
      records: result.records,
      notifications,
      queryType: QUERY_TYPES[statement.kind],
      systemUpdates: changed ? 1 : 0,
    };
  }
}

/**
 * FabricException.writingInReadAccessMode names the graph written to; administration commands write
 * to `system` (Neo4j's QueryApiIT pins "Attempted write to neo4j" for a CREATE in a READ request).
 */
const WRITE_IN_READ_MODE = 'Writing in read access mode not allowed. Attempted write to system';

function userOf(options: ExecuteOptions): string | null {
  return options.user === undefined ? INITIAL_USER : options.user;
}

function bindParams(params: Readonly<Record<string, unknown>>, typed = false): Record<string, Value> {
  checkParamShape(params);
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, fromJs(value, typed)]));
}

/** Parameter values hold at most this many lists, maps and items in all. */
const MAX_PARAM_ELEMENTS = 1 << 24;

/**
 * Parameters come from callers (and from files): nesting is bounded as in statements, so that
 * converting and comparing values never overflows the stack, and a cyclic or hugely shared
 * structure is refused instead of looping. Walks with its own stack.
 */
function checkParamShape(params: Readonly<Record<string, unknown>>): void {
  const pending: [unknown, number][] = [[params, 0]];
  let seen = 0;
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [value, depth] = next;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_NESTING)
      throw new Neo4jError(
        StatusCode.NotSupported,
        `Parameter values nested more than ${MAX_NESTING} levels deep are not supported by cypher-sysdb.`,
      );
    const children = Array.isArray(value) ? value : Object.values(value);
    seen += children.length + 1;
    if (seen > MAX_PARAM_ELEMENTS)
      throw new Neo4jError(
        StatusCode.NotSupported,
        `Parameter values with more than ${MAX_PARAM_ELEMENTS} elements are not supported by cypher-sysdb.`,
      );
    for (const child of children) pending.push([child, depth + 1]);
  }
}

/** A bug of ours becomes a reported error of its own kind: the database is unchanged (the store is immutable). */
function runGuarded<T>(execute: () => T): T {
  try {
    return execute();
  } catch (error) {
    if (error instanceof Neo4jError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new Neo4jError(StatusCode.InternalError, `Internal error in cypher-sysdb (please report): ${detail}`);
  }
}

/** The first error, when the statement parsed and every error it has is an argument error. */
function executionTimeErrors({ statement, diagnostics }: ScriptSegment): Diagnostic | undefined {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  return statement && errors.every((d) => d.code === StatusCode.ArgumentError) ? errors[0] : undefined;
}

function firstError(diagnostics: readonly Diagnostic[]): void {
  const error = diagnostics.find((d) => d.severity === 'error');
  if (error) throw new Neo4jError(error.code, error.message);
}

function applyClientCommand(command: ClientCommand, params: Record<string, Value>, budget: StatementBudget): Record<string, Value> {
  switch (command.kind) {
    case 'client-param':
      return { ...params, [command.name]: evaluate(command.value, new Map(), { params, budget }) };
    case 'client-params-map': {
      const next = { ...params };
      for (const entry of command.map.entries) next[entry.key] = evaluate(entry.value, new Map(), { params, budget });
      return next;
    }
    case 'client-params-clear':
      return {};
    case 'client-use':
    case 'client-params-list':
    case 'client-other':
      // Admin commands are routed to the system database whatever `:use` says, as over bolt.
      return params;
    default:
      return assertNever(command, 'client command');
  }
}
