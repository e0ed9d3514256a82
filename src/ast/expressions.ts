import type { Span, Spanned } from './span.js';
import type { Parameter, StringLiteral } from './values.js';

/** The expression language SHOW's WHERE, RETURN and ORDER BY need. */
export type Expression =
  | StringLiteral
  | IntegerLiteral
  | FloatLiteral
  | BooleanLiteral
  | NullLiteral
  | ListLiteral
  | MapLiteral
  | MapProjection
  | Parameter
  | Variable
  | PropertyAccess
  | IndexAccess
  | SliceAccess
  | UnaryExpression
  | BinaryExpression
  | ComparisonChain
  | NullCheck
  | NormalizedCheck
  | CaseExpression
  | ListPredicate
  | ListComprehension
  | ReduceExpression
  | TrimExpression
  | FunctionCall
  | CountStar
  | SubqueryExpression;

export interface IntegerLiteral extends Spanned {
  readonly kind: 'integer';
  /** Decimal text of the value (hex and octal literals are normalised), exact beyond 2^53. */
  readonly value: string;
}

export interface FloatLiteral extends Spanned {
  readonly kind: 'float';
  readonly value: number;
  /** Written as Neo4j's keyword literal INF, INFINITY or NAN (value Infinity or NaN), not as digits. */
  readonly keyword?: FloatKeyword;
}

export type FloatKeyword = 'INF' | 'INFINITY' | 'NAN';

export interface BooleanLiteral extends Spanned {
  readonly kind: 'boolean';
  readonly value: boolean;
}

export interface NullLiteral extends Spanned {
  readonly kind: 'null';
}

export interface ListLiteral extends Spanned {
  readonly kind: 'list';
  readonly items: readonly Expression[];
}

export interface MapEntry extends Spanned {
  readonly key: string;
  readonly value: Expression;
}

export interface MapLiteral extends Spanned {
  readonly kind: 'map';
  readonly entries: readonly MapEntry[];
}

/** `m {.key, key: value, variable, .*}`: a map made from `m`'s entries (a map, a node or a relationship) and others. */
export interface MapProjection extends Spanned {
  readonly kind: 'map-projection';
  readonly base: Variable;
  readonly items: readonly MapProjectionItem[];
  /** The `{`: where Neo4j places the projection. */
  readonly braceSpan: Span;
}

export type MapProjectionItem =
  /** `.key`: the base's entry. */
  | (Spanned & { readonly kind: 'property'; readonly key: string })
  /** `key: value`. */
  | (Spanned & { readonly kind: 'entry'; readonly key: string; readonly value: Expression })
  /** `variable`: an entry named after it. */
  | (Spanned & { readonly kind: 'variable'; readonly variable: Variable })
  /** `.*`: every entry of the base. */
  | (Spanned & { readonly kind: 'all-properties' });

export interface Variable extends Spanned {
  readonly kind: 'variable';
  readonly name: string;
}

export interface PropertyAccess extends Spanned {
  readonly kind: 'property';
  readonly object: Expression;
  readonly property: string;
}

export interface IndexAccess extends Spanned {
  readonly kind: 'index';
  readonly object: Expression;
  readonly index: Expression;
  /** The `[`: where Neo4j places the expression. */
  readonly bracketSpan: Span;
}

export interface SliceAccess extends Spanned {
  readonly kind: 'slice';
  readonly object: Expression;
  readonly from: Expression | null;
  readonly to: Expression | null;
  /** The `[`: where Neo4j places the expression. */
  readonly bracketSpan: Span;
}

export type UnaryOperator = 'NOT' | '-' | '+';

export interface UnaryExpression extends Spanned {
  readonly kind: 'unary';
  readonly operator: UnaryOperator;
  readonly operand: Expression;
}

export type BinaryOperator =
  'OR' | 'XOR' | 'AND' | '+' | '||' | '-' | '*' | '/' | '%' | '^' | 'IN' | 'STARTS WITH' | 'ENDS WITH' | 'CONTAINS' | '=~';

export interface BinaryExpression extends Spanned {
  readonly kind: 'binary';
  readonly operator: BinaryOperator;
  readonly left: Expression;
  readonly right: Expression;
  /** The operator's (first) token: where Neo4j places the expression, in the messages about its type. */
  readonly operatorSpan: Span;
}

export type ComparisonOperator = '=' | '<>' | '<' | '>' | '<=' | '>=';

/** `a < b <= c` means `a < b AND b <= c` in Cypher, so comparisons chain rather than nest. */
export interface ComparisonChain extends Spanned {
  readonly kind: 'comparison';
  readonly first: Expression;
  readonly rest: readonly { readonly operator: ComparisonOperator; readonly operand: Expression }[];
  /** The first operator: where Neo4j places the chain. */
  readonly operatorSpan: Span;
}

export interface NullCheck extends Spanned {
  readonly kind: 'is-null';
  readonly operand: Expression;
  readonly negated: boolean;
  /** `IS ... NULL` (or `NORMALIZED`): where Neo4j places the check. */
  readonly operatorSpan: Span;
}

export type NormalForm = 'NFC' | 'NFD' | 'NFKC' | 'NFKD';

/** `s IS [NOT] [form] NORMALIZED`: whether a string is in a Unicode normal form (NFC when none is written). */
export interface NormalizedCheck extends Spanned {
  readonly kind: 'is-normalized';
  readonly operand: Expression;
  readonly negated: boolean;
  readonly form: NormalForm;
  /** `IS ... NULL` (or `NORMALIZED`): where Neo4j places the check. */
  readonly operatorSpan: Span;
}

export interface CaseAlternative extends Spanned {
  readonly when: Expression;
  readonly then: Expression;
}

/** `CASE [subject] WHEN ... THEN ... [ELSE ...] END`: with a subject, WHEN values are compared to it. */
export interface CaseExpression extends Spanned {
  readonly kind: 'case';
  readonly subject: Expression | null;
  readonly alternatives: readonly CaseAlternative[];
  readonly otherwise: Expression | null;
}

export type ListPredicateKind = 'any' | 'all' | 'none' | 'single';

/** `any(x IN list WHERE predicate)` and its siblings. */
export interface ListPredicate extends Spanned {
  readonly kind: 'list-predicate';
  readonly predicate: ListPredicateKind;
  readonly variable: string;
  readonly list: Expression;
  readonly where: Expression;
}

/** `[x IN list WHERE predicate | projection]`. */
export interface ListComprehension extends Spanned {
  readonly kind: 'list-comprehension';
  readonly variable: string;
  readonly list: Expression;
  readonly where: Expression | null;
  readonly projection: Expression | null;
}

/** `reduce(acc = init, x IN list | step)`: `step` is evaluated once per element, with `acc` the value so far. */
export interface ReduceExpression extends Spanned {
  readonly kind: 'reduce';
  readonly accumulator: string;
  readonly init: Expression;
  readonly variable: string;
  readonly list: Expression;
  readonly step: Expression;
}

export type TrimSpecification = 'BOTH' | 'LEADING' | 'TRAILING';

/**
 * `trim([BOTH | LEADING | TRAILING] [characters] FROM source)`: the FROM form of trim, which Neo4j reads as
 * `trim(specification, characters, source)`. `trim(source)` is a plain call.
 */
export interface TrimExpression extends Spanned {
  readonly kind: 'trim';
  /** As written; none is BOTH. */
  readonly specification: TrimSpecification | null;
  /** What to trim instead of whitespace: one character (Neo4j refuses any other length as it runs). */
  readonly characters: Expression | null;
  readonly source: Expression;
}

export interface FunctionCall extends Spanned {
  readonly kind: 'function-call';
  /** As written, namespace included (`apoc.text.join`); Cypher function names are case-insensitive. */
  readonly name: string;
  readonly distinct: boolean;
  readonly args: readonly Expression[];
}

/** The keyword of a subquery expression. */
export type SubqueryKind = 'EXISTS' | 'COUNT' | 'COLLECT';

/**
 * `EXISTS { ... }`, `COUNT { ... }`, `COLLECT { ... }`: parsed so that the check can say, as Neo4j
 * does, that they are not valid on SHOW commands. The query inside is kept as text, not modelled.
 */
export interface SubqueryExpression extends Spanned {
  readonly kind: 'subquery';
  readonly subquery: SubqueryKind;
  /** The source between the braces, as written. */
  readonly body: string;
}

/** `count(*)` is its own form: it takes no argument expression. */
export interface CountStar extends Spanned {
  readonly kind: 'count-star';
}
