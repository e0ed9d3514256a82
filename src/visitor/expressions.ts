/** CST -> AST for the expression language of SHOW's WHERE, RETURN and ORDER BY. */
import type { IToken } from 'chevrotain';
import type {
  BinaryOperator, ComparisonOperator, Expression, ListPredicateKind, MapEntry, MapLiteral,
} from '../ast/expressions.js';
import type { Span } from '../ast/span.js';
import type * as Cst from '../../grammar/cst.js';
import {
  TooComplexError, decodeName, joinSpans, nodeSpan, one, parameter, stringLiteral, tokenSpan,
} from './source.js';

/**
 * Deeper trees could exhaust the stack of every recursive consumer (checker, printer, executor);
 * Neo4j itself rejects far shallower queries than this in practice.
 */
export const MAX_EXPRESSION_DEPTH = 500;

const depthOf = new WeakMap<Expression, number>();

function depth(expression: Expression): number {
  return depthOf.get(expression) ?? 1;
}

/** Records the depth of a node built from `children`, refusing trees deeper than the limit. */
function built<E extends Expression>(node: E, ...children: (Expression | null)[]): E {
  let deepest = 0;
  for (const child of children) if (child) deepest = Math.max(deepest, depth(child));
  const d = deepest + 1;
  if (d > MAX_EXPRESSION_DEPTH) {
    throw new TooComplexError(`Expressions nested more than ${MAX_EXPRESSION_DEPTH} levels deep are not supported by cypher-sysdb.`, node.span);
  }
  if (d > 1) depthOf.set(node, d);
  return node;
}

function binary(operator: BinaryOperator, left: Expression, right: Expression): Expression {
  return built({ kind: 'binary', operator, left, right, span: joinSpans(left.span, right.span) }, left, right);
}

/** Chevrotain groups operator tokens by type; source order is restored from their offsets. */
function inSourceOrder(...groups: (IToken[] | undefined)[]): IToken[] {
  return groups.flatMap((g) => g ?? []).sort((a, b) => a.startOffset - b.startOffset);
}

function foldLeft(operands: Expression[], operators: IToken[], operatorOf: (token: IToken) => BinaryOperator): Expression {
  let result = operands[0]!;
  for (let i = 1; i < operands.length; i++) result = binary(operatorOf(operators[i - 1]!), result, operands[i]!);
  return result;
}

export function expression(node: Cst.ExpressionCstNode): Expression {
  const operands = node.children.xorExpression.map(xorExpression);
  return foldLeft(operands, node.children.OR ?? [], () => 'OR');
}

function xorExpression(node: Cst.XorExpressionCstNode): Expression {
  const operands = node.children.andExpression.map(andExpression);
  return foldLeft(operands, node.children.XOR ?? [], () => 'XOR');
}

function andExpression(node: Cst.AndExpressionCstNode): Expression {
  const operands = node.children.notExpression.map(notExpression);
  return foldLeft(operands, node.children.AND ?? [], () => 'AND');
}

function notExpression(node: Cst.NotExpressionCstNode): Expression {
  let result = comparisonExpression(one(node.children.comparisonExpression));
  const nots = node.children.NOT ?? [];
  for (let i = nots.length - 1; i >= 0; i--) {
    result = built({ kind: 'unary', operator: 'NOT', operand: result, span: joinSpans(tokenSpan(nots[i]!), result.span) }, result);
  }
  return result;
}

const COMPARISON_BY_IMAGE: Record<string, ComparisonOperator> = {
  '=': '=', '<>': '<>', '!=': '<>', '<': '<', '>': '>', '<=': '<=', '>=': '>=',
};

function comparisonExpression(node: Cst.ComparisonExpressionCstNode): Expression {
  const [first, ...others] = node.children.predicateExpression.map(predicateExpression);
  if (others.length === 0) return first!;
  const operators = node.children.comparisonOperator ?? [];
  const rest = others.map((operand, i) => {
    const token = Object.values(operators[i]!.children).flat()[0] as IToken;
    return { operator: COMPARISON_BY_IMAGE[token.image]!, operand };
  });
  return built({ kind: 'comparison', first: first!, rest, span: joinSpans(first!.span, others[others.length - 1]!.span) }, first!, ...others);
}

function predicateExpression(node: Cst.PredicateExpressionCstNode): Expression {
  let result = additiveExpression(one(node.children.additiveExpression));
  for (const suffix of node.children.predicateSuffix ?? []) {
    const c = suffix.children;
    const end = nodeSpan(suffix);
    if (c.IS) {
      result = built({ kind: 'is-null', operand: result, negated: c.NOT !== undefined, span: joinSpans(result.span, end) }, result);
      continue;
    }
    const right = additiveExpression(one(c.additiveExpression));
    const operator: BinaryOperator = c.STARTS ? 'STARTS WITH' : c.ENDS ? 'ENDS WITH' : c.CONTAINS ? 'CONTAINS' : c.RegexMatch ? '=~' : 'IN';
    result = binary(operator, result, right);
  }
  return result;
}

function additiveExpression(node: Cst.AdditiveExpressionCstNode): Expression {
  const operands = node.children.multiplicativeExpression.map(multiplicativeExpression);
  const operators = inSourceOrder(node.children.Plus, node.children.Minus, node.children.Concat);
  // `||` concatenates strings and lists just as `+` does.
  return foldLeft(operands, operators, (t) => (t.image === '-' ? '-' : '+'));
}

function multiplicativeExpression(node: Cst.MultiplicativeExpressionCstNode): Expression {
  const operands = node.children.powerExpression.map(powerExpression);
  const operators = inSourceOrder(node.children.Star, node.children.Slash, node.children.Percent);
  return foldLeft(operands, operators, (t) => t.image as BinaryOperator);
}

function powerExpression(node: Cst.PowerExpressionCstNode): Expression {
  const operands = node.children.unaryExpression.map(unaryExpression);
  return foldLeft(operands, node.children.Caret ?? [], () => '^');
}

function unaryExpression(node: Cst.UnaryExpressionCstNode): Expression {
  let result = postfixExpression(one(node.children.postfixExpression));
  const signs = inSourceOrder(node.children.Plus, node.children.Minus);
  for (let i = signs.length - 1; i >= 0; i--) {
    const sign = signs[i]!;
    result = built({ kind: 'unary', operator: sign.image as '+' | '-', operand: result, span: joinSpans(tokenSpan(sign), result.span) }, result);
  }
  return result;
}

function postfixExpression(node: Cst.PostfixExpressionCstNode): Expression {
  let result = atom(one(node.children.atom));
  const steps = [
    ...(node.children.property ?? []).map((p) => ({ offset: nodeSpan(p).start.offset, property: p, index: undefined })),
    ...(node.children.indexOrSlice ?? []).map((i) => ({ offset: nodeSpan(i).start.offset, property: undefined, index: i })),
  ].sort((a, b) => a.offset - b.offset);
  for (const step of steps) {
    if (step.property) {
      const span = joinSpans(result.span, nodeSpan(step.property));
      result = built({ kind: 'property', object: result, property: decodeName(one(step.property.children.Name).image), span }, result);
      continue;
    }
    const c = step.index!.children;
    const span = joinSpans(result.span, nodeSpan(step.index!));
    if (c.DotDot) {
      const from = c.from ? expression(one(c.from)) : null;
      const to = c.to ? expression(one(c.to)) : null;
      result = built({ kind: 'slice', object: result, from, to, span }, result, from, to);
    } else {
      const index = expression(one(c.from));
      result = built({ kind: 'index', object: result, index, span }, result, index);
    }
  }
  return result;
}

function atom(node: Cst.AtomCstNode): Expression {
  const c = node.children;
  const span = nodeSpan(node);
  if (c.StringLiteral) return stringLiteral(one(c.StringLiteral));
  if (c.Parameter) return parameter(one(c.Parameter));
  if (c.numberLiteral) return numberLiteral(one(c.numberLiteral), span);
  if (c.TRUE) return { kind: 'boolean', value: true, span };
  if (c.FALSE) return { kind: 'boolean', value: false, span };
  if (c.NULL) return { kind: 'null', span };
  if (c.caseExpression) return caseExpression(one(c.caseExpression));
  if (c.countStar) return { kind: 'count-star', span };
  if (c.listPredicate) return listPredicate(one(c.listPredicate));
  if (c.functionCall) return functionCall(one(c.functionCall));
  if (c.listComprehension) return listComprehension(one(c.listComprehension));
  if (c.listLiteral) {
    const items = (c.listLiteral[0]!.children.expression ?? []).map(expression);
    return built({ kind: 'list', items, span }, ...items);
  }
  if (c.mapLiteral) return mapLiteral(one(c.mapLiteral));
  if (c.parenthesizedExpression) return expression(one(one(c.parenthesizedExpression).children.expression));
  return { kind: 'variable', name: decodeName(one(one(c.variable).children.Name).image), span };
}

export function integerText(token: IToken): string {
  const image = token.image;
  if (/^0x/i.test(image)) return BigInt(image).toString();
  if (/^0o/i.test(image)) return BigInt(`0o${image.slice(2)}`).toString();
  return BigInt(image).toString();
}

function numberLiteral(node: Cst.NumberLiteralCstNode, span: Span): Expression {
  const c = node.children;
  if (c.FloatLiteral) return { kind: 'float', value: Number(one(c.FloatLiteral).image), span };
  const token = Object.values(one(c.integerLiteral).children).flat()[0] as IToken;
  return { kind: 'integer', value: integerText(token), span };
}

function caseExpression(node: Cst.CaseExpressionCstNode): Expression {
  const c = node.children;
  const subject = c.subject ? expression(one(c.subject)) : null;
  const alternatives = c.caseAlternative.map((alt) => ({
    when: expression(one(alt.children.when)),
    then: expression(one(alt.children.then)),
    span: nodeSpan(alt),
  }));
  const otherwise = c.otherwise ? expression(one(c.otherwise)) : null;
  const children = [subject, otherwise, ...alternatives.flatMap((a) => [a.when, a.then])];
  return built({ kind: 'case', subject, alternatives, otherwise, span: nodeSpan(node) }, ...children);
}

function listPredicate(node: Cst.ListPredicateCstNode): Expression {
  const c = node.children;
  const predicate: ListPredicateKind = c.ANY ? 'any' : c.ALL ? 'all' : c.NONE ? 'none' : 'single';
  const list = expression(one(c.list));
  const where = expression(one(c.where));
  const variable = decodeName(one(one(c.variable).children.Name).image);
  return built({ kind: 'list-predicate', predicate, variable, list, where, span: nodeSpan(node) }, list, where);
}

function listComprehension(node: Cst.ListComprehensionCstNode): Expression {
  const c = node.children;
  const list = expression(one(c.list));
  const where = c.where ? expression(one(c.where)) : null;
  const projection = c.projection ? expression(one(c.projection)) : null;
  const variable = decodeName(one(one(c.variable).children.Name).image);
  return built({ kind: 'list-comprehension', variable, list, where, projection, span: nodeSpan(node) }, list, where, projection);
}

function functionCall(node: Cst.FunctionCallCstNode): Expression {
  const c = node.children;
  const name = c.namePart.map((part) => decodeName(one(part.children.Name).image)).join('.');
  const args = (c.argument ?? []).map(expression);
  return built({ kind: 'function-call', name, distinct: c.DISTINCT !== undefined, args, span: nodeSpan(node) }, ...args);
}

export function mapLiteral(node: Cst.MapLiteralCstNode): MapLiteral {
  const entries: MapEntry[] = (node.children.mapEntry ?? []).map((entry) => ({
    key: decodeName(one(one(entry.children.key).children.Name).image),
    value: expression(one(entry.children.expression)),
    span: nodeSpan(entry),
  }));
  return built({ kind: 'map', entries, span: nodeSpan(node) }, ...entries.map((e) => e.value));
}
