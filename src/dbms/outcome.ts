/** What one statement of a Dbms session produced, in the shape every transport sends. */
import type { Executed, SystemDatabase } from '../database.js';
import type { QueryType } from '../catalog/query-types.js';
import { toStatementResult, type StatementResult, type TypedResult } from '../exec/commands/context.js';
import type { Notification } from '../exec/notifications.js';
import type { ProbeAnswer } from './probes.js';

export interface RunSummary {
  /** `r` for SHOW commands and probes, `s` for the other administration commands. */
  readonly queryType: QueryType;
  /** The database the statement was sent to (administration commands themselves run on `system`). */
  readonly database: string;
  /** Neo4j's `system-updates` counter. */
  readonly systemUpdates: number;
  readonly notifications: readonly Notification[];
}

export interface RunOutcome {
  /** The result table with JSON-like values, as `SystemDatabase.execute` returns it. */
  readonly result: StatementResult;
  /** The same rows with Cypher's types kept: INTEGER always a bigint, FLOAT a number. */
  readonly records: TypedResult['records'];
  readonly notifications: readonly Notification[];
  readonly summary: RunSummary;
}

/** A statement's outcome, and the database it leaves behind. */
export interface Ran {
  readonly db: SystemDatabase;
  readonly outcome: RunOutcome;
}

export function executedOutcome(executed: Executed, database: string): RunOutcome {
  const { result, records, notifications, queryType, systemUpdates } = executed;
  return { result, records, notifications, summary: { queryType, database, systemUpdates, notifications } };
}

export function probeOutcome(answer: ProbeAnswer, database: string): RunOutcome {
  const typed = { columns: answer.columns, records: answer.records };
  return {
    result: toStatementResult(typed),
    records: typed.records,
    notifications: [],
    summary: { queryType: 'r', database, systemUpdates: 0, notifications: [] },
  };
}
