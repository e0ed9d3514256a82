import type { Position, Span } from '../ast/span.js';

/**
 * The few kinds of problem cypher-sysdb reports. Each maps to the status code Neo4j would use;
 * `not-supported` is ours: something Neo4j accepts that cypher-sysdb does not model (never ignored silently).
 */
export type Severity = 'error' | 'warning' | 'info';

export const StatusCode = {
  /** Neo4j reports parse errors and semantic errors alike as syntax errors. */
  SyntaxError: 'Neo.ClientError.Statement.SyntaxError',
  /** Invalid argument values: short passwords, malformed ENCRYPTED values, wrong parameter types. */
  ArgumentError: 'Neo.ClientError.Statement.ArgumentError',
  ParameterMissing: 'Neo.ClientError.Statement.ParameterMissing',
  /** Neo4j's InvalidSemanticsException at run time, e.g. an invalid regular expression for `=~`. */
  SemanticError: 'Neo.ClientError.Statement.SemanticError',
  /** A value of the wrong type at run time (a string where a list was needed, ...). */
  TypeError: 'Neo.ClientError.Statement.TypeError',
  /** Division by zero and other arithmetic failures. */
  ArithmeticError: 'Neo.ClientError.Statement.ArithmeticError',
  /** The executing user must change their password before doing anything else (the initial-password gate). */
  CredentialsExpired: 'Neo.ClientError.Security.CredentialsExpired',
  /** A failed login: wrong password, unknown or suspended user, no native auth; the text never says which. */
  Unauthorized: 'Neo.ClientError.Security.Unauthorized',
  /** Too many failed logins in a row for a user (`dbms.security.auth_max_failed_attempts`). */
  AuthenticationRateLimit: 'Neo.ClientError.Security.AuthenticationRateLimit',
  /** An explicit transaction whose commit would overwrite a commit that landed after it began. */
  TransactionOutdated: 'Neo.TransientError.Transaction.Outdated',
  /** The executing user lacks a privilege (or one is denied). */
  Forbidden: 'Neo.ClientError.Security.Forbidden',
  /** Neo4j's kernel-level argument errors, e.g. granting a privilege to a role that does not exist. */
  InvalidArguments: 'Neo.ClientError.General.InvalidArguments',
  /** An administration command sent to a database other than `system`. */
  NotSystemDatabaseError: 'Neo.ClientError.Statement.NotSystemDatabaseError',
  /** Neo4j's status for a plain Java exception in a command, e.g. ALTER CURRENT USER with auth disabled. */
  ExecutionFailed: 'Neo.DatabaseError.Statement.ExecutionFailed',
  /** Neo4j's db.transaction.timeout; our statements hit it by exceeding their budget of evaluation steps. */
  TransactionTimedOut: 'Neo.ClientError.Transaction.TransactionTimedOut',
  /** Neo4j's db.memory.transaction.max: a statement allocated more than its memory budget. */
  TransactionMemoryLimit: 'Neo.TransientError.General.TransactionMemoryLimit',
  /** A statement or transaction aimed at a database the DBMS does not have. */
  DatabaseNotFound: 'Neo.ClientError.Database.DatabaseNotFound',
  /** A request the session cannot take in its state, e.g. an auto-commit statement while a transaction is open. */
  RequestInvalid: 'Neo.ClientError.Request.Invalid',
  /** An updating command in a read transaction (Bolt `mode: "r"`, the Query API's `accessMode: "READ"`). */
  AccessMode: 'Neo.ClientError.Statement.AccessMode',
  /** A procedure call cypher-sysdb does not answer (it answers the probes drivers and shells send on connect). */
  ProcedureNotFound: 'Neo.ClientError.Procedure.ProcedureNotFound',
  /** Not Neo4j's: a construct cypher-sysdb does not implement. */
  NotSupported: 'CypherSysdb.NotSupported',
  /** Not Neo4j's: a bug in cypher-sysdb, reported where it happened instead of taking the whole script down. */
  InternalError: 'CypherSysdb.InternalError',
  /** Not Neo4j's: `SET TAGS 'a', 'b'`, which the manual writes and Neo4j's parser rejects (a warning). */
  UnbracketedTags: 'CypherSysdb.UnbracketedTags',
  /** Not Neo4j's: a cypher-shell client command cypher-sysdb does not understand (a warning). */
  UnknownClientCommand: 'CypherSysdb.UnknownClientCommand',
} as const;

export type StatusCode = (typeof StatusCode)[keyof typeof StatusCode];

export interface Diagnostic {
  readonly severity: Severity;
  readonly code: StatusCode;
  /** The message as Neo4j words it, position suffix included where Neo4j includes one. */
  readonly message: string;
  /** Where in the parsed text (the whole script, not the statement) the problem is. */
  readonly span: Span;
  /** Extra help that Neo4j would not print, such as a spelling suggestion. */
  readonly hint?: string;
}

/** Neo4j's position suffix: ` (line 1, column 8 (offset: 7))`, relative to the statement Neo4j receives. */
export function neo4jPositionSuffix(position: Position): string {
  return ` (line ${position.line}, column ${position.column} (offset: ${position.offset}))`;
}

/** Re-bases a script position onto the statement starting at `statementStart`, as Neo4j would number it. */
export function relativeTo(statementStart: Position, position: Position): Position {
  const line = position.line - statementStart.line + 1;
  const column = line === 1 ? position.column - statementStart.column + 1 : position.column;
  return { offset: position.offset - statementStart.offset, line, column };
}
