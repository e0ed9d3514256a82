/** cypher-sysdb's public API. Everything here runs in a browser as well as in Node. */
export { diagnose, MAX_NESTING, parse, parseScript } from './parse.js';
export type { ParseOptions, ParseResult, ScriptSegment } from './parse.js';
export { format, formatExpression } from './render/printer.js';
export type { FormatOptions } from './render/printer.js';
export type { Diagnostic, Severity } from './diagnostics/codes.js';
export { StatusCode } from './diagnostics/codes.js';
export type * from './ast/index.js';
export { isClientCommand } from './ast/index.js';
export { SystemDatabase, Session } from './database.js';
export type {
  Executed,
  ExecuteOptions,
  Notification,
  NotificationPosition,
  QueryResult,
  DumpOptions,
  Plan,
  ScriptOptions,
  ScriptRun,
  Snapshot,
  StatementRun,
  SystemDatabaseOptions,
} from './database.js';
export { Neo4jError } from './diagnostics/neo4j-error.js';
export { DEFAULT_LIMITS } from './exec/budget.js';
export type { BudgetLimits } from './exec/budget.js';
export type { ResultValue } from './exec/values.js';
export { SnapshotError } from './store/snapshot.js';
export { highlight } from './render/highlight.js';
export type { HighlightClass, HighlightRange } from './render/highlight.js';
export { maskPasswords } from './render/mask.js';
export type { MaskedText } from './render/mask.js';
export { toJson } from './render/json.js';
export { LineIndex } from './syntax/lines.js';
export { JsonError, readJson } from './syntax/json.js';
export type { JsonValue, ReadJsonOptions } from './syntax/json.js';
export { hashPassword } from './crypto/password.js';
export { cell as formatValue } from './render/result-text.js';
export { Dbms } from './dbms/dbms.js';
export type { Authenticated, DbmsOptions } from './dbms/dbms.js';
export type { DbmsSession, DbmsSessionOptions, TargetOptions } from './dbms/session.js';
export type { RunAsOptions } from './dbms/run-as.js';
export type { RunOutcome, RunSummary } from './dbms/outcome.js';
export type { DbmsTransaction } from './dbms/transaction.js';
export { NEO4J_EDITION, NEO4J_VERSION } from './dbms/probes.js';
export type { QueryType } from './catalog/query-types.js';
export type { Value as CypherValue } from './exec/values.js';
export { WIRE_STATUS, wireError } from './diagnostics/status.js';
export type { Classification, WireCode, WireError, WireStatus } from './diagnostics/status.js';
export { assertNever } from './diagnostics/assert-never.js';
export type { Change, ChangeAction, ChangeType, PrivilegeRecord, RoleRecord, UserAuth, UserRecord } from './plan/changes.js';
export { changeSign, planLines, planSummary } from './plan/text.js';
export type { ChangeSign } from './plan/text.js';
export type { RerunProblem } from './plan/rerun.js';
