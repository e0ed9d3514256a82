/**
 * Tokens -> AST for the values of cypher-shell's `:param name => value` and `:param {name: value}`
 * (grammar/parser.ts clientParamValue and clientParamsMap). Null where the value does not parse;
 * TooComplexError for one nested too deep, as for a statement.
 */
import type { IToken } from 'chevrotain';
import { Arrow, Colon } from '../../grammar/tokens.js';
import type { Expression, MapLiteral } from '../ast/expressions.js';
import type { Source } from '../syntax/lines.js';
import { readExpression, readMapLiteral } from './expressions.js';
import { GIVE_UP, TokenReader } from './reader.js';

/** `[=> | :] expression`: the tokens after the parameter's name. */
export function readClientValue(tokens: readonly IToken[], source: Source): Expression | null {
  return wholly(tokens, source, (reader) => {
    if (!reader.accept(Arrow)) reader.accept(Colon);
    return readExpression(reader).expression;
  });
}

/** `{name: value, ...}`. */
export function readClientParamsMap(tokens: readonly IToken[], source: Source): MapLiteral | null {
  return wholly(tokens, source, readMapLiteral);
}

/** What `read` makes of all of `tokens`, or null (for a value Neo4j refuses once read, too). */
function wholly<T>(tokens: readonly IToken[], source: Source, read: (reader: TokenReader) => T): T | null {
  try {
    const reader = new TokenReader(tokens, source);
    const value = read(reader);
    const { checker, literal } = reader.refusals();
    return reader.atEnd() && !checker && !literal ? value : null;
  } catch (caught) {
    if (caught === GIVE_UP) return null;
    throw caught;
  }
}
