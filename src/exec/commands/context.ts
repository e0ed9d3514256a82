import type { RandomBytes } from '../../crypto/password.js';
import type { StatementBudget } from '../budget.js';
import type { SystemState } from '../../store/state.js';
import type { Params } from '../params.js';
import type { Notification } from '../notifications.js';
import type { ResultValue } from '../values.js';

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
}

/** A result table. Write commands return no columns and no rows, as Neo4j does. */
export interface StatementResult {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly ResultValue[])[];
}

export interface CommandOutcome {
  readonly state: SystemState;
  readonly result: StatementResult;
  /** What Neo4j would notify about a command that succeeded (changed nothing, named a missing database, ...). */
  readonly notifications: readonly Notification[];
}

const NO_RESULT: StatementResult = { columns: [], rows: [] };

/** The outcome of a write command: no result table. */
export function written(state: SystemState, notifications: readonly Notification[] = []): CommandOutcome {
  return { state, result: NO_RESULT, notifications };
}
