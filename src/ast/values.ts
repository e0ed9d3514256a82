import type { Spanned } from './span.js';

/** `$name`: bound at execution time. */
export interface Parameter extends Spanned {
  readonly kind: 'parameter';
  readonly name: string;
}

/** A string literal with its escapes already decoded. */
export interface StringLiteral extends Spanned {
  readonly kind: 'string';
  readonly value: string;
}

/** A user, role or variable name as written: plain identifier or backtick-quoted (quotes removed). */
export interface SymbolicName extends Spanned {
  readonly kind: 'name';
  readonly value: string;
}

/** Where Neo4j takes a user or role name: a symbolic name or a parameter, never a string literal. */
export type NameOrParameter = SymbolicName | Parameter;

/** A password is a string literal or a parameter: never both, never anything else. */
export type PasswordValue = StringLiteral | Parameter;

export type StringOrParameter = StringLiteral | Parameter;

/**
 * A list of strings as written in tag and REMOVE AUTH clauses: `'a'`, `'a', 'b'` (the spec's form),
 * `['a', 'b']` (Neo4j's grammar) or `$param`. The three literal forms mean the same, so they share one node.
 */
export interface StringList extends Spanned {
  readonly kind: 'string-list';
  readonly items: readonly StringLiteral[];
}

export type StringListOrParameter = StringList | Parameter;

/** A database name: `neo4j`, `my.db`, `` `weird name` ``, kept as its dotted parts. */
export interface DatabaseName extends Spanned {
  readonly kind: 'database-name';
  readonly parts: readonly string[];
}

export type DatabaseNameOrParameter = DatabaseName | Parameter;
