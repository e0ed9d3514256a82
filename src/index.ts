/** cypher-sysdb's public API. Everything here runs in a browser as well as in Node. */
export { diagnose, parse, parseScript } from './parse.js';
export type { ParseOptions, ParseResult, ScriptSegment } from './parse.js';
export { format, formatExpression } from './printer.js';
export type { FormatOptions } from './printer.js';
export type { Diagnostic, Severity } from './diagnostics.js';
export { StatusCode } from './diagnostics.js';
export type * from './ast/index.js';
export { isClientCommand } from './ast/index.js';
export { SystemDatabase, Session } from './database.js';
export type { Executed, ExecuteOptions, Notification, QueryResult, ScriptOptions, ScriptRun, Snapshot, StatementRun, SystemDatabaseOptions } from './database.js';
export { Neo4jError } from './exec/errors.js';
export type { ResultValue } from './exec/values.js';
export { SnapshotError } from './store/snapshot.js';
export { highlight } from './highlight.js';
export type { HighlightClass, HighlightRange } from './highlight.js';
export { maskPasswords } from './mask.js';
export { cell as formatValue } from './result-text.js';
