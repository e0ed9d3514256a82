/**
 * From an expression's operands and operators, in source order, to its tree: Cypher's precedence and
 * associativity, in one place for both front ends (the CST visitor and src/direct's token reader).
 */
import type { IToken } from 'chevrotain';
import type { BinaryOperator, ComparisonOperator, Expression, NormalForm } from '../ast/expressions.js';
import type { Span } from '../ast/span.js';
import { BINARY_PRECEDENCE, Precedence } from '../catalog/precedence.js';
import type { Source } from '../syntax/lines.js';
import { TooComplexError, joinSpans, tokenSpan } from './source.js';

/**
 * Deeper trees could exhaust the stack of every recursive consumer (checker, printer, executor);
 * Neo4j itself rejects far shallower queries than this in practice.
 */
export const MAX_EXPRESSION_DEPTH = 500;

export const TOO_DEEP = `Expressions nested more than ${MAX_EXPRESSION_DEPTH} levels deep are not supported by cypher-sysdb.`;

const depthOf = new WeakMap<Expression, number>();

function depth(expression: Expression): number {
  return depthOf.get(expression) ?? 1;
}

/**
 * Records the depth of a node built from `children`, refusing trees deeper than the limit. `children`
 * is an array, not rest arguments: a list literal may have more items than a call has room for arguments.
 */
export function built<E extends Expression>(node: E, children: readonly (Expression | null)[]): E {
  let deepest = 0;
  for (const child of children) if (child) deepest = Math.max(deepest, depth(child));
  const d = deepest + 1;
  if (d > MAX_EXPRESSION_DEPTH) throw new TooComplexError(TOO_DEEP, node.span);
  if (d > 1) depthOf.set(node, d);
  return node;
}

/**
 * Neo4j's number literal takes the `-` right before it (Cypher25Parser.g4 numberLiteral: MINUS? ...), so property
 * steps and indexes apply to the signed number: `-1[0]` is `(-1)[0]`, where `-x[0]` is `-(x[0])`. Takes that sign off
 * `prefixes` and returns the number under it (a unary minus, as cypher-sysdb reads every signed literal), else `atom`.
 */
export function signedNumber(prefixes: IToken[], atom: Expression, isNumberLiteral: boolean, source: Source): Expression {
  const sign = prefixes.at(-1);
  if (!isNumberLiteral || sign?.image !== '-') return atom;
  prefixes.pop();
  return unary(sign, atom, source);
}

/** `prefix` (NOT, `+` or `-`) applied to `operand`, spanning both. */
function unary(prefix: IToken, operand: Expression, source: Source): Expression {
  const operator = prefix.tokenType.name === 'NOT' ? 'NOT' : (prefix.image as '+' | '-');
  return built({ kind: 'unary', operator, operand, span: joinSpans(tokenSpan(prefix, source), operand.span) }, [operand]);
}

function binary(operator: BinaryOperator, left: Expression, right: Expression, operatorSpan: Span): Expression {
  return built({ kind: 'binary', operator, left, right, span: joinSpans(left.span, right.span), operatorSpan }, [left, right]);
}

export type Infix =
  | { readonly kind: 'binary'; readonly operator: BinaryOperator; readonly level: Precedence }
  | { readonly kind: 'comparison'; readonly operator: ComparisonOperator; readonly level: typeof Precedence.Comparison };

const binaryInfix = (operator: BinaryOperator): Infix => ({ kind: 'binary', operator, level: BINARY_PRECEDENCE[operator] });
const comparisonInfix = (operator: ComparisonOperator): Infix => ({ kind: 'comparison', operator, level: Precedence.Comparison });

/** An infix operator by its first token's text, upper-cased (`STARTS` for `STARTS WITH`). */
export const INFIX_BY_IMAGE: Readonly<Record<string, Infix>> = {
  OR: binaryInfix('OR'),
  XOR: binaryInfix('XOR'),
  AND: binaryInfix('AND'),
  '=': comparisonInfix('='),
  '<>': comparisonInfix('<>'),
  '!=': comparisonInfix('<>'),
  '<': comparisonInfix('<'),
  '>': comparisonInfix('>'),
  '<=': comparisonInfix('<='),
  '>=': comparisonInfix('>='),
  STARTS: binaryInfix('STARTS WITH'),
  ENDS: binaryInfix('ENDS WITH'),
  CONTAINS: binaryInfix('CONTAINS'),
  '=~': binaryInfix('=~'),
  IN: binaryInfix('IN'),
  '+': binaryInfix('+'),
  // `||` concatenates strings and lists as `+` does, but Neo4j types it as its own operator.
  '||': binaryInfix('||'),
  '-': binaryInfix('-'),
  '*': binaryInfix('*'),
  '/': binaryInfix('/'),
  '%': binaryInfix('%'),
  '^': binaryInfix('^'),
};

/** One piece of an expression as written. */
export type Item =
  /** An operand (its postfix steps applied) with its prefix operators, in source order; the climber consumes them. */
  | { readonly kind: 'operand'; readonly prefixes: IToken[]; readonly operand: Expression }
  /** An infix operator, and its (first) token. */
  | { readonly kind: 'infix'; readonly infix: Infix; readonly token: IToken }
  /** `IS [NOT] NULL` (form null) or `IS [NOT] [form] NORMALIZED`. */
  | { readonly kind: 'null-check'; readonly negated: boolean; readonly form: NormalForm | null; readonly span: Span };

/** The tree of an expression whose items are in source order: operand, then operators each followed by an operand. */
export function climb(items: Item[], source: Source): Expression {
  return new Climber(items, source).expression(Precedence.Or);
}

/** Precedence climbing over the flat items: loops for chains, recursion only across levels. */
class Climber {
  private position = 0;

  constructor(
    private readonly items: Item[],
    private readonly source: Source,
  ) {}

  expression(minimum: Precedence): Expression {
    let left = this.prefixed();
    for (;;) {
      const next = this.items[this.position];
      if (!next || next.kind === 'operand') return left;
      if (next.kind === 'null-check') {
        if (Precedence.Predicate < minimum) return left;
        this.position += 1;
        const span = joinSpans(left.span, next.span);
        const check: Expression =
          next.form === null
            ? { kind: 'is-null', operand: left, negated: next.negated, span, operatorSpan: next.span }
            : { kind: 'is-normalized', operand: left, negated: next.negated, form: next.form, span, operatorSpan: next.span };
        left = built(check, [left]);
        continue;
      }
      const { infix, token } = next;
      if (infix.level < minimum) return left;
      this.position += 1;
      if (infix.kind === 'comparison') {
        // `a < b <= c` is one chain of comparisons, not nested ones.
        let last = this.expression((Precedence.Comparison + 1) as Precedence);
        const rest = [{ operator: infix.operator, operand: last }];
        for (
          let more = this.items[this.position];
          more?.kind === 'infix' && more.infix.kind === 'comparison';
          more = this.items[this.position]
        ) {
          this.position += 1;
          last = this.expression((Precedence.Comparison + 1) as Precedence);
          rest.push({ operator: more.infix.operator, operand: last });
        }
        const operatorSpan = tokenSpan(token, this.source);
        left = built({ kind: 'comparison', first: left, rest, span: joinSpans(left.span, last.span), operatorSpan }, [
          left,
          ...rest.map((r) => r.operand),
        ]);
        continue;
      }
      // Left-associative: the right operand binds strictly tighter.
      left = binary(infix.operator, left, this.expression((infix.level + 1) as Precedence), tokenSpan(token, this.source));
    }
  }

  /** An operand with its prefix operators: `NOT` covers everything above its level, a sign only the operand. */
  private prefixed(): Expression {
    const item = this.items[this.position] as Extract<Item, { kind: 'operand' }>;
    const prefix = item.prefixes.shift();
    if (!prefix) {
      this.position += 1;
      return item.operand;
    }
    return unary(prefix, prefix.tokenType.name === 'NOT' ? this.expression(Precedence.Not) : this.prefixed(), this.source);
  }
}
