import type { Expression } from './expressions.js';
import type { Spanned } from './span.js';

export interface SortItem extends Spanned {
  readonly expression: Expression;
  readonly descending: boolean;
}

export interface YieldItem extends Spanned {
  /** The column taken from the command's output. */
  readonly column: string;
  /** The name it is yielded under; equal to `column` when there is no `AS`. */
  readonly alias: string;
  readonly aliased: boolean;
}

export interface YieldClause extends Spanned {
  /** `'*'` for `YIELD *`. */
  readonly items: '*' | readonly YieldItem[];
  readonly orderBy: readonly SortItem[];
  /** YIELD's SKIP and LIMIT take integer literals only (a sign is allowed by the grammar). */
  readonly skip: IntegerArgument | null;
  readonly limit: IntegerArgument | null;
  readonly where: Expression | null;
}

export interface IntegerArgument extends Spanned {
  readonly value: string;
}

export interface ReturnItem extends Spanned {
  readonly expression: Expression;
  /** The output column name: the alias, or the expression's text when there is none. */
  readonly name: string;
  readonly aliased: boolean;
}

export interface ReturnClause extends Spanned {
  readonly distinct: boolean;
  /** `RETURN *`: every name in scope, in alphabetical order, then `items` (`RETURN *, size(roles) AS n`). */
  readonly star: boolean;
  /** The items written after RETURN (or after its `*,`); empty only when `star`. */
  readonly items: readonly ReturnItem[];
  readonly orderBy: readonly SortItem[];
  readonly skip: Expression | null;
  readonly limit: Expression | null;
}

/**
 * What may follow a SHOW command: nothing, a bare WHERE, or YIELD with an optional RETURN.
 * RETURN without YIELD is not representable because Neo4j's grammar does not allow it.
 */
export type ShowPipeline =
  | { readonly kind: 'none' }
  | ({ readonly kind: 'where'; readonly where: Expression } & Spanned)
  | ({ readonly kind: 'yield'; readonly yield: YieldClause; readonly return: ReturnClause | null } & Spanned);
