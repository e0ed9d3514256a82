/**
 * Tokens -> AST for the expressions of SHOW's WHERE, RETURN and ORDER BY that scripts mostly write:
 * literals, parameters, variables, properties, function calls, lists, brackets, NOT and the infix
 * operators, IS [NOT] NULL. Anything else (CASE, maps, list predicates and comprehensions, indexes,
 * signs, subqueries, `!=`, numbers other than plain decimals) is left to the full parser. Each choice
 * below is the one grammar/parser.ts makes at the same token, and the operators are put in order by
 * the visitor's own climber.
 */
import type { IToken, TokenType } from 'chevrotain';
import {
  BINDS_TIGHTER_THAN_NOT,
  isNameToken,
  isVariableToken,
  LIST_PREDICATES,
  mayFollow,
  stateAfter,
  type PredicateState,
} from '../../grammar/parser.js';
import {
  Caret,
  Comma,
  Concat,
  DecimalInteger,
  Dot,
  Equals,
  Greater,
  GreaterEquals,
  Keyword as K,
  LBrace,
  LBracket,
  Less,
  LessEquals,
  LParen,
  Minus,
  NotEquals,
  Parameter,
  Percent,
  Plus,
  RBracket,
  RegexMatch,
  RParen,
  Slash,
  Star,
  StringLiteral,
} from '../../grammar/tokens.js';
import type { Expression } from '../ast/expressions.js';
import { built, climb, INFIX_BY_IMAGE, type Item } from '../visitor/climb.js';
import { floatKeyword } from '../visitor/expressions.js';
import { decodeName, joinSpans, parameter, stringLiteral } from '../visitor/source.js';
import { giveUp, type TokenReader } from './reader.js';

/** Infix operators of one token (STARTS and ENDS take a WITH after them). `!=` is not here: the parser refuses it. */
const ONE_TOKEN_INFIX = new Set<TokenType>([
  K.OR,
  K.XOR,
  K.AND,
  Equals,
  NotEquals,
  LessEquals,
  GreaterEquals,
  Less,
  Greater,
  K.CONTAINS,
  RegexMatch,
  K.IN,
  Plus,
  Minus,
  Concat,
  Star,
  Slash,
  Percent,
  Caret,
]);

/** A decimal integer the parser takes as it is written (no sign, no leading zero, no `_`, nothing run on). */
const PLAIN_DECIMAL = /^(?:0|[1-9][0-9]*)$/;

/** An expression and the tokens it was written with (RETURN names an unaliased column after its text). */
export interface ReadExpression {
  readonly expression: Expression;
  readonly first: IToken;
  readonly last: IToken;
}

export function readExpression(reader: TokenReader): ReadExpression {
  const first = reader.peek() ?? giveUp();
  const items: Item[] = [operand(reader)];
  let state: PredicateState = 'free';
  for (;;) {
    const token = reader.peek();
    if (token === undefined) break;
    const type = token.tokenType;
    const infix = ONE_TOKEN_INFIX.has(type) || type === K.STARTS || type === K.ENDS;
    if (!infix && type !== K.IS) break;
    // Where the parser would stop the chain (`a IN b IN c`), the statement is an error: the parser words it.
    if (!mayFollow(state, type)) giveUp();
    reader.next();
    if (type === K.IS) {
      const negated = reader.accept(K.NOT) !== undefined;
      const end = reader.expect(K.NULL);
      items.push({ kind: 'null-check', negated, form: null, span: reader.span(token, end) });
    } else {
      if (type === K.STARTS || type === K.ENDS) reader.expect(K.WITH);
      items.push({ kind: 'infix', infix: INFIX_BY_IMAGE[token.image.toUpperCase()] ?? giveUp() });
      items.push(operand(reader));
    }
    state = stateAfter(state, type);
  }
  return { expression: climb(items, reader.source), first, last: reader.previous() ?? first };
}

/** An operand with its NOT prefixes. */
function operand(reader: TokenReader): Item {
  const prefixes: IToken[] = [];
  for (;;) {
    const token = reader.peek();
    if (token?.tokenType === Plus || token?.tokenType === Minus) giveUp();
    if (token?.tokenType !== K.NOT) break;
    // After `=`, `+` or IN, NOT is no prefix but a name, which the parser reads, then fails on.
    const before = reader.previous();
    if (before !== undefined && BINDS_TIGHTER_THAN_NOT.has(before.tokenType)) giveUp();
    prefixes.push(reader.next());
  }
  return { kind: 'operand', prefixes, operand: postfix(reader, atom(reader)) };
}

/** Property steps after an atom (`a.b.c`); an index or slice is left to the parser. */
function postfix(reader: TokenReader, atom: Expression): Expression {
  let result = atom;
  for (;;) {
    if (reader.is(LBracket)) giveUp();
    if (!reader.accept(Dot)) return result;
    const property = reader.name();
    result = built(
      { kind: 'property', object: result, property: decodeName(property.image), span: joinSpans(result.span, reader.tokenSpan(property)) },
      [result],
    );
  }
}

function atom(reader: TokenReader): Expression {
  const token = reader.next();
  const type = token.tokenType;
  if (type === StringLiteral) return stringLiteral(token, reader.source);
  if (type === Parameter) return parameter(token, reader.source);
  if (type === DecimalInteger) {
    if (!PLAIN_DECIMAL.test(token.image)) giveUp();
    return { kind: 'integer', value: token.image, span: reader.tokenSpan(token) };
  }
  if (type === K.TRUE || type === K.FALSE) return { kind: 'boolean', value: type === K.TRUE, span: reader.tokenSpan(token) };
  if (type === K.NULL) return { kind: 'null', span: reader.tokenSpan(token) };
  if (type === LParen) {
    const inner = readExpression(reader).expression;
    reader.expect(RParen);
    return inner;
  }
  if (type === LBracket) return listLiteral(reader, token);
  if (type === K.CASE || !isNameToken(token)) return giveUp();
  const after = reader.peek()?.tokenType;
  if (after === LBrace || (after === LParen && LIST_PREDICATES.has(type))) giveUp();
  if (after === LParen || (after === Dot && isFunctionCallAhead(reader))) return functionCall(reader, token);
  if (floatKeyword(token.image) !== undefined) giveUp();
  return { kind: 'variable', name: decodeName(token.image), span: reader.tokenSpan(token) };
}

/** `[a, b]`, but not `[x IN list ...]`, a comprehension. */
function listLiteral(reader: TokenReader, open: IToken): Expression {
  const first = reader.peek();
  if (first !== undefined && isVariableToken(first) && reader.is(K.IN, 1)) giveUp();
  const items: Expression[] = [];
  if (!reader.is(RBracket)) {
    do items.push(readExpression(reader).expression);
    while (reader.accept(Comma));
  }
  const close = reader.expect(RBracket);
  return built({ kind: 'list', items, span: reader.span(open, close) }, items);
}

/** After a name: `.name` steps up to a `(` make a namespaced function (`db.f(`), as the parser decides. */
function isFunctionCallAhead(reader: TokenReader): boolean {
  for (let ahead = 0; ; ahead += 2) {
    const next = reader.peek(ahead)?.tokenType;
    if (next === LParen) return true;
    if (next !== Dot) return false;
    const part = reader.peek(ahead + 1);
    if (part === undefined || !isNameToken(part)) return false;
  }
}

/** `f(args)` or `ns.f(args)`; `count(*)`, DISTINCT and ALL are left to the parser. */
function functionCall(reader: TokenReader, first: IToken): Expression {
  const parts = [decodeName(first.image)];
  while (reader.accept(Dot)) parts.push(decodeName(reader.name().image));
  reader.expect(LParen);
  if (reader.is(Star) || reader.is(K.DISTINCT) || reader.is(K.ALL)) giveUp();
  const args: Expression[] = [];
  if (!reader.is(RParen)) {
    do args.push(readExpression(reader).expression);
    while (reader.accept(Comma));
  }
  const close = reader.expect(RParen);
  return built({ kind: 'function-call', name: parts.join('.'), distinct: false, args, span: reader.span(first, close) }, args);
}
