/** CST -> AST for the expression language of SHOW's WHERE, RETURN and ORDER BY. */
import type { CstNode, IToken } from 'chevrotain';
import type {
  Expression,
  FunctionCall,
  ListPredicateKind,
  MapEntry,
  MapLiteral,
  MapProjectionItem,
  SubqueryKind,
  TrimSpecification,
  Variable,
} from '../ast/expressions.js';
import type { Span } from '../ast/span.js';
import type * as Cst from '../../grammar/cst.js';
import { EscapedName } from '../../grammar/tokens.js';
import type { Source } from '../syntax/lines.js';
import { built, climb, INFIX_BY_IMAGE, MAX_EXPRESSION_DEPTH, signedNumber, TOO_DEEP, type Item } from './climb.js';
import {
  TooComplexError,
  decodeName,
  floatKeyword,
  integerText,
  joinSpans,
  nodeSpan,
  nodeStart,
  one,
  parameter,
  stringLiteral,
  tokenSpan,
  unexpectedAlternative,
} from './source.js';

/** The flat CST of an expression, in source order. */
function itemsOf(node: Cst.ExpressionCstNode, source: Source): Item[] {
  const c = node.children;
  const operandItem = (operand: Cst.OperandCstNode): Item => {
    const prefixes = inSourceOrder(operand.children.NOT, operand.children.Plus, operand.children.Minus);
    if (prefixes.length > MAX_EXPRESSION_DEPTH) throw new TooComplexError(TOO_DEEP, nodeSpan(operand, source));
    const postfix = one(operand.children.postfixExpression);
    const isNumber = one(postfix.children.atom).children.numberLiteral !== undefined;
    return { kind: 'operand', prefixes, operand: postfixExpression(postfix, source, (a) => signedNumber(prefixes, a, isNumber, source)) };
  };
  // Most expressions are a single operand: no operators to order.
  if (c.operand.length === 1 && !c.infixOperator && !c.nullCheck) return [operandItem(one(c.operand))];
  const placed: { readonly offset: number; readonly item: Item }[] = [
    ...c.operand.map((operand) => ({ offset: nodeStart(operand), item: operandItem(operand) })),
    ...(c.infixOperator ?? []).map((op) => {
      const first = earliestToken(op);
      const infix = INFIX_BY_IMAGE[first.image.toUpperCase()] ?? unexpectedAlternative('infixOperator');
      return { offset: first.startOffset, item: { kind: 'infix', infix, token: first } as const };
    }),
    ...(c.nullCheck ?? []).map((check) => {
      const span = nodeSpan(check, source);
      const k = check.children;
      const form = k.NULL ? null : k.NFD ? 'NFD' : k.NFKC ? 'NFKC' : k.NFKD ? 'NFKD' : 'NFC';
      return { offset: span.start.offset, item: { kind: 'null-check', negated: k.NOT !== undefined, form, span } as const };
    }),
  ];
  return placed.sort((a, b) => a.offset - b.offset).map((p) => p.item);
}

export function expression(node: Cst.ExpressionCstNode, source: Source): Expression {
  return climb(itemsOf(node, source), source);
}

/** Chevrotain groups tokens by type; source order is restored from their offsets. */
const NONE: IToken[] = [];

function inSourceOrder(...groups: (IToken[] | undefined)[]): IToken[] {
  if (groups.every((g) => g === undefined)) return NONE;
  return groups.flatMap((g) => g ?? []).sort((a, b) => a.startOffset - b.startOffset);
}

/** The atom and its steps; `signed` takes a sign that belongs to the atom (climb.ts signedNumber). */
function postfixExpression(node: Cst.PostfixExpressionCstNode, source: Source, signed: (atom: Expression) => Expression): Expression {
  let result = signed(atom(one(node.children.atom), source));
  if (!node.children.property && !node.children.indexOrSlice) return result;
  const steps = [
    ...(node.children.property ?? []).map((p) => ({ offset: p.startOffset, property: p, index: undefined })),
    ...(node.children.indexOrSlice ?? []).map((i) => ({ offset: nodeStart(i), property: undefined, index: i })),
  ].sort((a, b) => a.offset - b.offset);
  for (const step of steps) {
    if (step.property) {
      const span = joinSpans(result.span, tokenSpan(step.property, source));
      result = built({ kind: 'property', object: result, property: decodeName(step.property.image), span }, [result]);
      continue;
    }
    const c = step.index.children;
    const span = joinSpans(result.span, nodeSpan(step.index, source));
    const bracketSpan = tokenSpan(one(c.LBracket), source);
    if (c.DotDot) {
      const from = c.from ? expression(one(c.from), source) : null;
      const to = c.to ? expression(one(c.to), source) : null;
      result = built({ kind: 'slice', object: result, from, to, span, bracketSpan }, [result, from, to]);
    } else {
      const index = expression(one(c.from), source);
      result = built({ kind: 'index', object: result, index, span, bracketSpan }, [result, index]);
    }
  }
  return result;
}

function atom(node: Cst.AtomCstNode, source: Source): Expression {
  const c = node.children;
  const span = nodeSpan(node, source);
  if (c.StringLiteral) return stringLiteral(one(c.StringLiteral), source);
  if (c.Parameter) return parameter(one(c.Parameter), source);
  if (c.numberLiteral) return numberLiteral(one(c.numberLiteral), span);
  if (c.TRUE) return { kind: 'boolean', value: true, span };
  if (c.FALSE) return { kind: 'boolean', value: false, span };
  if (c.NULL) return { kind: 'null', span };
  if (c.caseExpression) return caseExpression(one(c.caseExpression), source);
  if (c.countStar) return { kind: 'count-star', span };
  if (c.listPredicate) return listPredicate(one(c.listPredicate), source);
  if (c.subqueryExpression) return subqueryExpression(one(c.subqueryExpression), source, span);
  if (c.reduceExpression) return reduceExpression(one(c.reduceExpression), source);
  if (c.trimExpression) return trimExpression(one(c.trimExpression), source);
  if (c.functionCall) return functionCall(one(c.functionCall), source);
  if (c.listComprehension) return listComprehension(one(c.listComprehension), source);
  if (c.listLiteral) {
    const items = (one(c.listLiteral).children.expression ?? []).map((item) => expression(item, source));
    return built({ kind: 'list', items, span }, items);
  }
  if (c.mapLiteral) return mapLiteral(one(c.mapLiteral), source);
  if (c.mapProjection) return mapProjection(one(c.mapProjection), source);
  if (c.parenthesizedExpression) return expression(one(one(c.parenthesizedExpression).children.expression), source);
  if (c.variable) {
    const token = one(c.variable);
    const keyword = token.tokenType === EscapedName ? undefined : floatKeyword(token.image);
    if (keyword) return { kind: 'float', value: keyword === 'NAN' ? NaN : Infinity, keyword, span };
    return { kind: 'variable', name: decodeName(token.image), span };
  }
  return unexpectedAlternative('atom');
}

function subqueryExpression(node: Cst.SubqueryExpressionCstNode, source: Source, span: Span): Expression {
  const body = one(node.children.subqueryBody).children;
  const open = one(body.LBrace);
  const close = one(body.RBrace);
  const subquery = one(node.children.keyword).image.toUpperCase() as SubqueryKind;
  return { kind: 'subquery', subquery, body: source.text.slice(open.startOffset + 1, close.startOffset), span };
}

function numberLiteral(node: Cst.NumberLiteralCstNode, span: Span): Expression {
  const c = node.children;
  if (c.FloatLiteral) return { kind: 'float', value: Number(one(c.FloatLiteral).image.replace(/_/g, '')), span };
  const token = Object.values(one(c.integerLiteral).children).flat()[0] as IToken;
  return { kind: 'integer', value: integerText(token), span };
}

function caseExpression(node: Cst.CaseExpressionCstNode, source: Source): Expression {
  const c = node.children;
  const subject = c.subject ? expression(one(c.subject), source) : null;
  const alternatives = c.caseAlternative.map((alt) => ({
    when: expression(one(alt.children.when), source),
    then: expression(one(alt.children.then), source),
    span: nodeSpan(alt, source),
  }));
  const otherwise = c.otherwise ? expression(one(c.otherwise), source) : null;
  const children = [subject, otherwise, ...alternatives.flatMap((a) => [a.when, a.then])];
  return built({ kind: 'case', subject, alternatives, otherwise, span: nodeSpan(node, source) }, children);
}

function listPredicate(node: Cst.ListPredicateCstNode, source: Source): Expression {
  const c = node.children;
  const predicate: ListPredicateKind = c.ANY
    ? 'any'
    : c.ALL
      ? 'all'
      : c.NONE
        ? 'none'
        : c.SINGLE
          ? 'single'
          : unexpectedAlternative('listPredicate');
  const list = expression(one(c.list), source);
  // The parser refuses a predicate without its WHERE (predicateWithoutWhere): no tree is built for it.
  const where = expression(one(c.where ?? unexpectedAlternative('listPredicate without WHERE')), source);
  const variable = decodeName(one(one(c.variable).children.Name).image);
  return built({ kind: 'list-predicate', predicate, variable, list, where, span: nodeSpan(node, source) }, [list, where]);
}

function listComprehension(node: Cst.ListComprehensionCstNode, source: Source): Expression {
  const c = node.children;
  const list = expression(one(c.list), source);
  const where = c.where ? expression(one(c.where), source) : null;
  const projection = c.projection ? expression(one(c.projection), source) : null;
  const variable = decodeName(one(one(c.variable).children.Name).image);
  return built({ kind: 'list-comprehension', variable, list, where, projection, span: nodeSpan(node, source) }, [list, where, projection]);
}

function reduceExpression(node: Cst.ReduceExpressionCstNode, source: Source): Expression {
  const c = node.children;
  const [init, list, step] = [expression(one(c.init), source), expression(one(c.list), source), expression(one(c.step), source)];
  const accumulator = decodeName(one(one(c.accumulator).children.Name).image);
  const variable = decodeName(one(one(c.variable).children.Name).image);
  return built({ kind: 'reduce', accumulator, init, variable, list, step, span: nodeSpan(node, source) }, [init, list, step]);
}

function trimExpression(node: Cst.TrimExpressionCstNode, source: Source): Expression {
  const c = node.children;
  const specification = c.specification ? (one(c.specification).image.toUpperCase() as TrimSpecification) : null;
  const characters = c.characters ? expression(one(c.characters), source) : null;
  const trimmed = expression(one(c.source), source);
  return built({ kind: 'trim', specification, characters, source: trimmed, span: nodeSpan(node, source) }, [characters, trimmed]);
}

function functionCall(node: Cst.FunctionCallCstNode, source: Source): FunctionCall {
  const c = node.children;
  const name = c.namePart.map((part) => decodeName(one(part.children.Name).image)).join('.');
  const call = one(c.callArguments).children;
  const args = (call.argument ?? []).map((argument) => expression(argument, source));
  return built({ kind: 'function-call', name, distinct: call.DISTINCT !== undefined, args, span: nodeSpan(node, source) }, args);
}

function mapProjection(node: Cst.MapProjectionCstNode, source: Source): Expression {
  const baseToken = one(node.children.base);
  const base: Variable = { kind: 'variable', name: decodeName(baseToken.image), span: tokenSpan(baseToken, source) };
  const items = (node.children.projectionItem ?? []).map((itemNode): MapProjectionItem => {
    const c = itemNode.children;
    const span = nodeSpan(itemNode, source);
    const nameOf = (name: Cst.SymbolicNameCstNode[] | undefined) => one(one(name ?? unexpectedAlternative('projectionItem')).children.Name);
    if (c.Star) return { kind: 'all-properties', span };
    if (c.Dot) return { kind: 'property', key: decodeName(nameOf(c.property).image), span };
    if (c.expression) return { kind: 'entry', key: decodeName(nameOf(c.name).image), value: expression(one(c.expression), source), span };
    const variable = nameOf(c.name);
    return { kind: 'variable', variable: { kind: 'variable', name: decodeName(variable.image), span: tokenSpan(variable, source) }, span };
  });
  const values = items.map((item) => (item.kind === 'entry' ? item.value : null));
  const braceSpan = tokenSpan(one(node.children.LBrace), source);
  return built({ kind: 'map-projection', base, items, braceSpan, span: nodeSpan(node, source) }, values);
}

export function mapLiteral(node: Cst.MapLiteralCstNode, source: Source): MapLiteral {
  const entries: MapEntry[] = (node.children.mapEntry ?? []).map((entry) => ({
    key: decodeName(one(one(entry.children.key).children.Name).image),
    value: expression(one(entry.children.expression), source),
    span: nodeSpan(entry, source),
  }));
  return built(
    { kind: 'map', entries, span: nodeSpan(node, source) },
    entries.map((e) => e.value),
  );
}

/** The earliest token of a node whose children are all tokens (an operator such as `STARTS WITH`). */
function earliestToken(node: CstNode): IToken {
  let first: IToken | undefined;
  for (const children of Object.values(node.children)) {
    for (const child of children) {
      const token = child as IToken;
      if (first === undefined || token.startOffset < first.startOffset) first = token;
    }
  }
  return first ?? unexpectedAlternative(node.name);
}
