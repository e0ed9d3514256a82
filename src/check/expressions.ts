/**
 * Function calls and aggregation, checked as Neo4j's semantic analysis checks them: unknown functions,
 * argument counts, DISTINCT on a function that does not aggregate, aggregation where only a simple
 * expression is allowed (WHERE, SKIP, LIMIT, inside list predicates) and aggregation inside aggregation.
 */
import { childExpressions } from '../ast/children.js';
import type { Expression, FloatLiteral } from '../ast/expressions.js';
import type { Diagnostic } from '../diagnostics/codes.js';
import { findAggregate, keywordArgument, KNOWN_FUNCTION_NAMES, lookupFunction } from '../catalog/functions.js';
import { INT64_MIN, isInt64 } from '../catalog/int64.js';
import { closestName } from '../diagnostics/spelling.js';
import { REDUCE_WORD } from '../../grammar/decisions.js';
import { neo4jSpan } from './types.js';
import { syntaxError, type CheckContext } from './context.js';

/** Neo4j's SemanticError for an integer literal beyond INTEGER's range (its literal checks, e.g. SignedDecimalIntegerLiteral). */
export const INTEGER_TOO_LARGE = 'integer is too large';
/** ... and for a float literal beyond FLOAT's (`1e400`). */
const FLOAT_TOO_LARGE = 'floating point number is too large';

/** Digits beyond FLOAT's range (`1e400`); INFINITY is a literal of its own. */
const tooLarge = (e: FloatLiteral): boolean => e.keyword === undefined && !Number.isFinite(e.value);

/** Neo4j's semantic contexts: `simple` forbids aggregation, `results` (RETURN items, ORDER BY) allows it. */
export type ExpressionContext = 'simple' | 'results';

export function checkExpression(expression: Expression, where: ExpressionContext, context: CheckContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const error = (e: Expression, message: string) => diagnostics.push(syntaxError(context, e.span, message));
  const notHere = (e: Expression, name: string) => error(e, `Invalid use of aggregating function ${name}(...) in this context`);

  const visit = (e: Expression, inContext: ExpressionContext): void => {
    // Neo4j reads `-9223372036854775808` as one signed literal: only a literal beyond INTEGER's range is an error.
    if (e.kind === 'unary' && e.operator === '-' && e.operand.kind === 'integer') {
      if (BigInt(e.operand.value) > -INT64_MIN) error(e, INTEGER_TOO_LARGE);
      return;
    }
    if (e.kind === 'unary' && e.operator === '-' && e.operand.kind === 'float') {
      if (tooLarge(e.operand)) error(e, FLOAT_TOO_LARGE);
      return;
    }
    if (e.kind === 'integer' && !isInt64(BigInt(e.value))) error(e, INTEGER_TOO_LARGE);
    if (e.kind === 'float' && tooLarge(e)) error(e, FLOAT_TOO_LARGE);
    if (e.kind === 'count-star' && inContext === 'simple') notHere(e, 'count');
    if (e.kind !== 'function-call') {
      for (const child of childExpressions(e)) visit(child.expression, child.binds.length > 0 ? 'simple' : inContext);
      return;
    }
    const lookup = lookupFunction(e.name);
    if (lookup.kind === 'unknown' && REDUCE_WORD.test(e.name)) {
      // A call of `reduce` that is no reduce expression (grammar/decisions.ts isReduceAt), as Neo4j's FunctionInvocation refuses it.
      error(e, "reduce(...) requires '| expression' (an accumulation expression)");
    } else if (lookup.kind === 'unknown') {
      // Neo4j's message; the suggestion is ours, shown as a hint as for misspelled keywords.
      const suggestion = closestName(e.name, KNOWN_FUNCTION_NAMES);
      const diagnostic = syntaxError(context, e.span, `Unknown function '${e.name}'`);
      diagnostics.push(suggestion ? { ...diagnostic, hint: `Did you mean '${suggestion}'?` } : diagnostic);
    }
    const signature = lookup.kind === 'known' ? lookup.signature : null;
    if (signature?.aggregating && inContext === 'simple') notHere(e, signature.name);
    if (signature && !signature.aggregating && e.distinct) error(e, `Invalid use of DISTINCT with function '${signature.name}'`);
    for (const argument of e.args) visit(argument, inContext);
    if (!signature) return;
    if (signature.aggregating) {
      const nested = e.args.map(findAggregate).find((found) => found !== undefined);
      if (nested) error(nested, "Can't use aggregate functions inside of aggregate functions.");
    }
    // A call trim(DISTINCT s) is no FROM form, which alone takes one argument (Neo4j's trim takes a specification too).
    const minArgs = signature.name === 'trim' && e.distinct ? 2 : signature.minArgs;
    if (e.args.length < minArgs) error(e, `Insufficient parameters for function '${signature.name}'`);
    if (e.args.length > signature.maxArgs) error(e, `Too many parameters for function '${signature.name}'`);
    const keyword = keywordArgument(e);
    if (keyword && !keyword.known) diagnostics.push(syntaxError(context, neo4jSpan(keyword.argument), keyword.invalid));
    // exists() takes a pattern, and SHOW commands' expressions hold none.
    const [argument] = e.args;
    if (signature.name === 'exists' && argument) {
      diagnostics.push(syntaxError(context, neo4jSpan(argument), 'Argument to exists(...) is not a pattern'));
    }
  };
  visit(expression, where);
  return diagnostics;
}
