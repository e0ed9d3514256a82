/** What every check needs: options, where the statement starts, and Neo4j-shaped diagnostics. */
import type { UseClause } from '../ast/index.js';
import type { Position, Span } from '../ast/span.js';
import { neo4jPositionSuffix, relativeTo, StatusCode, type Diagnostic } from '../diagnostics/codes.js';

interface CheckOptions {
  /** `dbms.security.auth_minimum_password_length`. */
  readonly minimumPasswordLength: number;
}

export interface CheckContext {
  readonly options: CheckOptions;
  /** Where the statement starts in the script: Neo4j numbers positions from there. */
  readonly statementStart: Position;
}

/** A check inside one command: `command` is the command's span, after any USE (Neo4j places whole-command errors there). */
export interface CommandContext extends CheckContext {
  readonly command: Span;
}

/** A command's span without its USE clause. */
export function commandSpan(statement: { readonly span: Span; readonly use: UseClause | null }): Span {
  return statement.use?.commandSpan ?? statement.span;
}

/** A semantic or parse-time error: Neo4j reports these as syntax errors with a position suffix. */
export function syntaxError(context: CheckContext, span: Span, message: string): Diagnostic {
  const suffix = neo4jPositionSuffix(relativeTo(context.statementStart, span.start));
  return { severity: 'error', code: StatusCode.SyntaxError, message: `${message}${suffix}`, span };
}

/** An invalid value Neo4j rejects when the command runs (no position in Neo4j's message). */
export function argumentError(span: Span, message: string): Diagnostic {
  return { severity: 'error', code: StatusCode.ArgumentError, message, span };
}

/**
 * Appends diagnostics one at a time: `push(...found)` throws a RangeError when a list of a hundred
 * thousand items has an error in each.
 */
export function appendAll(diagnostics: Diagnostic[], ...found: readonly (readonly Diagnostic[])[]): void {
  for (const list of found) for (const d of list) diagnostics.push(d);
}
