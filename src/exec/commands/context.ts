import type { RandomBytes } from '../../crypto/password.js';
import type { StatementBudget } from '../budget.js';
import type { SystemState } from '../../store/state.js';
import type { Params } from '../params.js';
import type { Notification } from '../notifications.js';
import { toResultValue, type ResultValue, type Value } from '../values.js';

/** Who runs a statement, with which parameters. */
export interface CommandContext {
  readonly params: Params;
  /** The logged-in user, or null when authentication is disabled. */
  readonly user: string | null;
  readonly randomBytes: RandomBytes;
  /** The work this statement may still do (steps, bytes), and its compiled regular expressions. */
  readonly budget: StatementBudget;
  /** Overrides the database's `enforcePasswordChange`: a logged-in session always has the gate. */
  readonly enforcePasswordChange?: boolean;
  /** `user` is impersonated by the logged-in user: updating commands are refused (SHOW commands run). */
  readonly impersonating?: boolean;
}

/** A result table as callers read it: JSON-like values (see `toResultValue`). Write commands return no columns and no rows, as Neo4j does. */
export interface StatementResult {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly ResultValue[])[];
}

/** A result table with Cypher's types kept: INTEGER is always a bigint, FLOAT a number (what a wire protocol sends). */
export interface TypedResult {
  readonly columns: readonly string[];
  readonly records: readonly (readonly Value[])[];
}

export function toStatementResult(typed: TypedResult): StatementResult {
  return { columns: typed.columns, rows: typed.records.map((record) => record.map(toResultValue)) };
}

export interface CommandOutcome {
  readonly state: SystemState;
  readonly result: TypedResult;
  /** What Neo4j would notify about a command that succeeded (changed nothing, named a missing database, ...). */
  readonly notifications: readonly Notification[];
}

const NO_RESULT: TypedResult = { columns: [], records: [] };

/** The outcome of a write command: no result table. */
export function written(state: SystemState, notifications: readonly Notification[] = []): CommandOutcome {
  return { state, result: NO_RESULT, notifications };
}
