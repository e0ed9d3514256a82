// Placeholder until the semantic checks land.
import type { Statement } from '../ast/index.js';
import type { Position } from '../ast/span.js';
import type { Diagnostic } from '../diagnostics.js';

export interface CheckOptions {
  readonly minimumPasswordLength: number;
}
export interface CheckContext {
  readonly options: CheckOptions;
  readonly statementStart: Position;
}
export function checkStatement(statement: Statement, context: CheckContext): Diagnostic[] {
  void statement;
  void context;
  return [];
}
