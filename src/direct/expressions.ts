/**
 * Tokens -> AST for the expressions of SHOW's WHERE, RETURN and ORDER BY: literals, parameters,
 * variables, properties, indexes and slices, function calls, count(*), CASE, lists, maps, list
 * predicates and comprehensions, subqueries (kept as text), brackets, NOT and signs, the infix
 * operators, IS [NOT] NULL and IS NORMALIZED. What Neo4j refuses once read (`!=`, `[..]`, malformed
 * numbers) is recorded as a refusal, and the reading goes on. Each choice below is the one
 * grammar/parser.ts makes at the same token, and the operators are put in order by the shared climber.
 */
import type { IToken, TokenType } from 'chevrotain';
import {
  AFTER_ALL_ARGUMENT,
  BINDS_TIGHTER_THAN_NOT,
  isNameToken,
  isVariableToken,
  LIST_PREDICATES,
  mayFollow,
  numberRefusal,
  REFUSED,
  stateAfter,
  COUNT_WORD,
  predicateWithoutWhere,
  extraSign,
  isReduceAt,
  isTrimFromAt,
  trimCharactersAt,
  trimSpecificationAt,
  SUBQUERY_WORD,
  type PredicateState,
} from '../../grammar/decisions.js';
import {
  BangEquals,
  Caret,
  Colon,
  Comma,
  Concat,
  DecimalInteger,
  Dot,
  DotDot,
  EscapedName,
  FloatLiteral,
  HexInteger,
  OctalInteger,
  Pipe,
  RBrace,
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
import type {
  Expression,
  FunctionCall,
  ListPredicateKind,
  MapEntry,
  MapLiteral,
  MapProjectionItem,
  NormalForm,
  SubqueryKind,
  TrimSpecification,
  Variable,
} from '../ast/expressions.js';
import type { Span } from '../ast/span.js';
import { built, climb, INFIX_BY_IMAGE, MAX_EXPRESSION_DEPTH, signedNumber, TOO_DEEP, type Item } from '../visitor/climb.js';

import { decodeName, floatKeyword, integerText, joinSpans, parameter, stringLiteral, TooComplexError } from '../visitor/source.js';
import { giveUp, type TokenReader } from './reader.js';

/** Infix operators of one token (STARTS and ENDS take a WITH after them). */
const ONE_TOKEN_INFIX = new Set<TokenType>([
  BangEquals,
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
    // Where the parser would stop the chain (`a IN b IN c`), the statement is a syntax error at the operator.
    if (!mayFollow(state, type)) giveUp();
    reader.next();
    if (type === K.IN) reader.infixIn = token;
    if (type === K.IS) items.push(isCheck(reader, token));
    else {
      if (type === K.STARTS || type === K.ENDS) reader.expect(K.WITH);
      // Neo4j's semantic analysis refuses the operator its parser reads.
      if (type === BangEquals) reader.refuse(token, REFUSED.bangEquals);
      items.push({ kind: 'infix', infix: INFIX_BY_IMAGE[token.image.toUpperCase()] ?? giveUp(), token });
      items.push(operand(reader));
    }
    state = stateAfter(state, type);
  }
  return { expression: climb(items, reader.source), first, last: reader.previous() ?? first };
}

const NORMAL_FORMS: ReadonlyMap<TokenType, NormalForm> = new Map([
  [K.NFC, 'NFC'],
  [K.NFD, 'NFD'],
  [K.NFKC, 'NFKC'],
  [K.NFKD, 'NFKD'],
]);

/** `IS [NOT] NULL` or `IS [NOT] [NFC|NFD|NFKC|NFKD] NORMALIZED`, IS already read. */
function isCheck(reader: TokenReader, is: IToken): Item {
  const negated = reader.accept(K.NOT) !== undefined;
  if (reader.accept(K.NULL)) return { kind: 'null-check', negated, form: null, span: reader.spanFrom(is) };
  const next = reader.peek();
  const form = next && NORMAL_FORMS.get(next.tokenType);
  if (form) reader.next();
  reader.expect(K.NORMALIZED);
  return { kind: 'null-check', negated, form: form ?? 'NFC', span: reader.spanFrom(is) };
}

const SIGNS: ReadonlySet<TokenType> = new Set([Plus, Minus]);

/** An operand with its prefixes: NOT, `+` and `-`. */
function operand(reader: TokenReader): Item {
  const prefixes: IToken[] = [];
  for (;;) {
    const token = reader.peek();
    if (token === undefined) break;
    // After `=`, `+` or an infix IN, NOT is no prefix but a name (`a = NOT` compares a with the variable NOT).
    if (token.tokenType === K.NOT && notIsName(reader)) break;
    if (token.tokenType !== K.NOT && !SIGNS.has(token.tokenType)) break;
    const prefix = reader.next();
    if (prefix.tokenType === Minus) reader.prefixMinus = prefix;
    prefixes.push(prefix);
  }
  const first = prefixes[0];
  if (first !== undefined && prefixes.length > MAX_EXPRESSION_DEPTH) {
    // Refused before its operand is built, as the visitor refuses it, whatever that operand holds.
    try {
      postfix(reader, atom(reader));
    } catch (caught) {
      if (!(caught instanceof TooComplexError)) throw caught;
    }
    throw new TooComplexError(TOO_DEEP, reader.spanFrom(first));
  }
  const next = reader.peek();
  const extra = extraSign(prefixes, next);
  if (extra) reader.refuse(extra.token, extra.message);
  const isNumber = next !== undefined && NUMBERS.has(next.tokenType);
  return { kind: 'operand', prefixes, operand: postfix(reader, signedNumber(prefixes, atom(reader), isNumber, reader.source)) };
}

function notIsName(reader: TokenReader): boolean {
  const before = reader.previous();
  return (
    before !== undefined &&
    BINDS_TIGHTER_THAN_NOT.has(before.tokenType) &&
    (before.tokenType !== K.IN || before === reader.infixIn) &&
    before !== reader.reduceEquals
  );
}

/** Property steps, indexes and slices after an atom (`a.b[0][1..]`). */
function postfix(reader: TokenReader, atom: Expression): Expression {
  let result = atom;
  for (;;) {
    if (reader.accept(Dot)) {
      const property = reader.name();
      const span = joinSpans(result.span, reader.tokenSpan(property));
      result = built({ kind: 'property', object: result, property: decodeName(property.image), span }, [result]);
      continue;
    }
    const open = reader.accept(LBracket);
    if (!open) return result;
    const object = result;
    const from = reader.is(DotDot) ? null : readExpression(reader).expression;
    if (from !== null && !reader.is(DotDot)) {
      const close = reader.expect(RBracket);
      const span = joinSpans(object.span, reader.span(open, close));
      result = built({ kind: 'index', object, index: from, span, bracketSpan: reader.tokenSpan(open) }, [object, from]);
      continue;
    }
    reader.expect(DotDot);
    const to = reader.is(RBracket) ? null : readExpression(reader).expression;
    const close = reader.expect(RBracket);
    // `list[..]`: Neo4j's parser refuses it once read, at its bracket.
    if (from === null && to === null) reader.refuse(open, REFUSED.emptySlice);
    const span = joinSpans(object.span, reader.span(open, close));
    result = built({ kind: 'slice', object, from, to, span, bracketSpan: reader.tokenSpan(open) }, [object, from, to]);
  }
}

const NUMBERS: ReadonlySet<TokenType> = new Set([FloatLiteral, DecimalInteger, HexInteger, OctalInteger]);

function atom(reader: TokenReader): Expression {
  const token = reader.next();
  const type = token.tokenType;
  if (type === StringLiteral) return stringLiteral(token, reader.source);
  if (NUMBERS.has(type)) return numberLiteral(reader, token);
  if (type === Parameter) return parameter(token, reader.source);
  // `m {.key}`, whatever the name (`true {.x}` projects a variable `true`); a subquery's word before `{` is its own.
  if (isNameToken(token) && type !== K.CASE && reader.is(LBrace) && !SUBQUERY_WORD.test(token.image)) return mapProjection(reader, token);
  if (type === K.TRUE || type === K.FALSE) return { kind: 'boolean', value: type === K.TRUE, span: reader.tokenSpan(token) };
  if (type === K.NULL) return { kind: 'null', span: reader.tokenSpan(token) };
  if (type === K.CASE) return caseExpression(reader, token);
  if (type === LParen) {
    const inner = readExpression(reader).expression;
    reader.expect(RParen);
    return inner;
  }
  // `[x IN list ...]`, but not `[null IN list]`: literals are never variables.
  if (type === LBracket) return isVariableAt(reader, 0) && reader.is(K.IN, 1) ? comprehension(reader, token) : listLiteral(reader, token);
  if (type === LBrace) return mapLiteral(reader, token);
  if (!isNameToken(token)) return giveUp();
  const after = reader.peek()?.tokenType;
  if (after === LParen && COUNT_WORD.test(token.image) && reader.is(Star, 1)) {
    reader.next();
    reader.next();
    return { kind: 'count-star', span: reader.span(token, reader.expect(RParen)) };
  }
  if (after === LParen && LIST_PREDICATES.has(type)) return listPredicate(reader, token);
  if (after === LParen && reader.decides(isReduceAt, -1)) return reduce(reader, token);
  if (after === LParen && reader.decides(isTrimFromAt, -1)) return trimFrom(reader, token);
  if (after === LBrace && SUBQUERY_WORD.test(token.image)) return subquery(reader, token);

  if (after === LParen || (after === Dot && isFunctionCallAhead(reader))) return functionCall(reader, token);
  const keyword = type === EscapedName ? undefined : floatKeyword(token.image);
  if (keyword) return { kind: 'float', value: keyword === 'NAN' ? NaN : Infinity, keyword, span: reader.tokenSpan(token) };
  return { kind: 'variable', name: decodeName(token.image), span: reader.tokenSpan(token) };
}

/**
 * `EXISTS { ... }`, `COUNT { ... }`, `COLLECT { ... }`: Neo4j parses them, then refuses them on SHOW
 * commands (src/check). The body is kept as text: its braces must balance, its tokens are not read.
 */
function subquery(reader: TokenReader, keyword: IToken): Expression {
  const open = reader.expect(LBrace);
  let depth = 1;
  let close = open;
  while (depth > 0) {
    close = reader.next();
    if (close.tokenType === LBrace) depth += 1;
    else if (close.tokenType === RBrace) depth -= 1;
  }
  const body = reader.source.text.slice(open.startOffset + 1, close.startOffset);
  return { kind: 'subquery', subquery: keyword.image.toUpperCase() as SubqueryKind, body, span: reader.span(keyword, close) };
}

function isVariableAt(reader: TokenReader, ahead: number): boolean {
  const token = reader.peek(ahead);
  return token !== undefined && isVariableToken(token);
}

/**
 * A number as the parser takes it; the forms Neo4j's AST builder refuses once read (the old octal `0777`, a
 * leading zero, a number running on into letters) are recorded as refused.
 */
function numberLiteral(reader: TokenReader, token: IToken): Expression {
  const { image } = token;
  const float = token.tokenType === FloatLiteral;
  // A prefix `-` right before the number makes one signed literal, as Neo4j reads it.
  const before = reader.previous(1);
  const sign = before !== undefined && before === reader.prefixMinus ? before : undefined;
  const refusal = numberRefusal(token, sign !== undefined);
  const span = reader.tokenSpan(token);
  if (refusal !== null) {
    reader.refuseLiteral(sign ?? token, refusal);
    // Never a statement: the value only has to be of the right kind.
    return { kind: 'integer', value: '0', span };
  }
  return float ? { kind: 'float', value: Number(image.replace(/_/g, '')), span } : { kind: 'integer', value: integerText(token), span };
}

/** `CASE [subject] WHEN a THEN b ... [ELSE c] END`, CASE already read. */
function caseExpression(reader: TokenReader, start: IToken): Expression {
  const subject = reader.is(K.WHEN) ? null : readExpression(reader).expression;
  const alternatives: { when: Expression; then: Expression; span: Span }[] = [];
  do {
    const when = reader.expect(K.WHEN);
    const condition = readExpression(reader).expression;
    reader.expect(K.THEN);
    const then = readExpression(reader).expression;
    alternatives.push({ when: condition, then, span: reader.spanFrom(when) });
  } while (reader.is(K.WHEN));
  const otherwise = reader.accept(K.ELSE) ? readExpression(reader).expression : null;
  const end = reader.expect(K.END);
  const children = [subject, otherwise, ...alternatives.flatMap((a) => [a.when, a.then])];
  return built({ kind: 'case', subject, alternatives, otherwise, span: reader.span(start, end) }, children);
}

const PREDICATES: ReadonlyMap<TokenType, ListPredicateKind> = new Map([
  [K.ANY, 'any'],
  [K.ALL, 'all'],
  [K.NONE, 'none'],
  [K.SINGLE, 'single'],
]);

/**
 * A predicate without its WHERE, refused (predicateWithoutWhere) by Neo4j's semantic analysis, so after any syntax error:
 * with the literals' refusals, which wait for a whole parse. The list stands in for it in a statement that is none.
 */
function withoutWhere(reader: TokenReader, word: IToken, list: Expression): Expression {
  reader.refuseLiteral(word, predicateWithoutWhere(word));
  return list;
}

/** `any(x IN list WHERE predicate)`, and ALL, NONE, SINGLE; the word already read. */
function listPredicate(reader: TokenReader, word: IToken): Expression {
  const predicate = PREDICATES.get(word.tokenType) ?? giveUp();
  reader.expect(LParen);
  const variable = decodeName(reader.name().image);
  reader.expect(K.IN);
  const list = readExpression(reader).expression;
  const where = reader.accept(K.WHERE) ? readExpression(reader).expression : withoutWhere(reader, word, list);
  const close = reader.expect(RParen);
  return built({ kind: 'list-predicate', predicate, variable, list, where, span: reader.span(word, close) }, [list, where]);
}

/** `[x IN list [WHERE predicate] [| projection]]`, its bracket already read. */
function comprehension(reader: TokenReader, open: IToken): Expression {
  const variable = decodeName(reader.name().image);
  reader.expect(K.IN);
  const list = readExpression(reader).expression;
  const where = reader.accept(K.WHERE) ? readExpression(reader).expression : null;
  const projection = reader.accept(Pipe) ? readExpression(reader).expression : null;
  const close = reader.expect(RBracket);
  return built({ kind: 'list-comprehension', variable, list, where, projection, span: reader.span(open, close) }, [
    list,
    where,
    projection,
  ]);
}

/** `reduce(acc = init, x IN list | step)`, its word already read. */
function reduce(reader: TokenReader, word: IToken): Expression {
  reader.expect(LParen);
  const accumulator = decodeName(reader.name().image);
  reader.reduceEquals = reader.expect(Equals);
  const init = readExpression(reader).expression;
  reader.expect(Comma);
  const variable = decodeName(reader.name().image);
  reader.expect(K.IN);
  const list = readExpression(reader).expression;
  reader.expect(Pipe);
  const step = readExpression(reader).expression;
  const close = reader.expect(RParen);
  return built({ kind: 'reduce', accumulator, init, variable, list, step, span: reader.span(word, close) }, [init, list, step]);
}

/** `trim([BOTH | LEADING | TRAILING] [characters] FROM source)`, its word already read. */
function trimFrom(reader: TokenReader, word: IToken): Expression {
  reader.expect(LParen);
  const specification = reader.decides(trimSpecificationAt) ? (reader.next().image.toUpperCase() as TrimSpecification) : null;
  const characters = reader.decides(trimCharactersAt) ? readExpression(reader).expression : null;
  reader.expect(K.FROM);
  const source = readExpression(reader).expression;
  const close = reader.expect(RParen);
  return built({ kind: 'trim', specification, characters, source, span: reader.span(word, close) }, [characters, source]);
}

/** `[a, b]`, its bracket already read. */
function listLiteral(reader: TokenReader, open: IToken): Expression {
  const items: Expression[] = [];
  if (!reader.is(RBracket)) {
    do items.push(readExpression(reader).expression);
    while (reader.accept(Comma));
  }
  const close = reader.expect(RBracket);
  return built({ kind: 'list', items, span: reader.span(open, close) }, items);
}

/** `m {.key, .*, key: value, variable}`, its variable already read. */
function mapProjection(reader: TokenReader, name: IToken): Expression {
  const base: Variable = { kind: 'variable', name: decodeName(name.image), span: reader.tokenSpan(name) };
  const braceSpan = reader.tokenSpan(reader.expect(LBrace));
  const items: MapProjectionItem[] = [];
  if (!reader.is(RBrace)) {
    do {
      const first = reader.peek() ?? giveUp();
      if (reader.accept(Dot)) {
        items.push(
          reader.accept(Star)
            ? { kind: 'all-properties', span: reader.spanFrom(first) }
            : { kind: 'property', key: decodeName(reader.name().image), span: reader.spanFrom(first) },
        );
      } else if (reader.is(Colon, 1)) {
        const key = decodeName(reader.name().image);
        reader.expect(Colon);
        items.push({ kind: 'entry', key, value: readExpression(reader).expression, span: reader.spanFrom(first) });
      } else {
        const variable = reader.name();
        const span = reader.tokenSpan(variable);
        items.push({ kind: 'variable', variable: { kind: 'variable', name: decodeName(variable.image), span }, span });
      }
    } while (reader.accept(Comma));
  }
  const close = reader.expect(RBrace);
  const values = items.map((item) => (item.kind === 'entry' ? item.value : null));
  return built({ kind: 'map-projection', base, items, braceSpan, span: reader.span(name, close) }, values);
}

/** `{key: value, ...}`, brace included (cypher-shell's `:param {name: value}`). */
export function readMapLiteral(reader: TokenReader): MapLiteral {
  return mapLiteral(reader, reader.expect(LBrace));
}

/** `{key: value, ...}`, its brace already read. */
function mapLiteral(reader: TokenReader, open: IToken): MapLiteral {
  const entries: MapEntry[] = [];
  if (!reader.is(RBrace)) {
    do {
      const key = reader.name();
      reader.expect(Colon);
      const value = readExpression(reader).expression;
      entries.push({ key: decodeName(key.image), value, span: reader.spanFrom(key) });
    } while (reader.accept(Comma));
  }
  const close = reader.expect(RBrace);
  return built(
    { kind: 'map', entries, span: reader.span(open, close) },
    entries.map((e) => e.value),
  );
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

/** `f([DISTINCT|ALL] args)` or `ns.f(...)`; ALL before what only follows a value is the argument `all`. */
function functionCall(reader: TokenReader, first: IToken): FunctionCall {
  const parts = [decodeName(first.image)];
  while (reader.accept(Dot)) parts.push(decodeName(reader.name().image));
  return callOf(reader, parts.join('.'), reader.tokenSpan(first));
}

/** The call of `name` (written from `start`), its `(` next: `([DISTINCT|ALL] args)`. Also USE's graph function's. */
export function callOf(reader: TokenReader, name: string, start: Span): FunctionCall {
  reader.expect(LParen);
  const distinct = reader.accept(K.DISTINCT) !== undefined;
  if (!distinct && reader.is(K.ALL)) {
    const after = reader.peek(1);
    if (after === undefined || !AFTER_ALL_ARGUMENT.has(after.tokenType)) reader.next();
  }
  const args: Expression[] = [];
  if (!reader.is(RParen)) {
    do args.push(readExpression(reader).expression);
    while (reader.accept(Comma));
  }
  const close = reader.expect(RParen);
  return built({ kind: 'function-call', name, distinct, args, span: joinSpans(start, reader.tokenSpan(close)) }, args);
}
