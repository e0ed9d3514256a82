/** Tokens -> AST for names, IF [NOT] EXISTS and string lists, as the commands share them. */
import type { TokenType } from 'chevrotain';
import { Comma, Dot, Keyword as K, LBracket, Parameter, RBracket, StringLiteral } from '../../grammar/tokens.js';
import type { DatabaseName, NameOrParameter, StringListOrParameter, StringLiteral as StringNode } from '../ast/values.js';
import { decodeName, parameter, stringLiteral, symbolicName } from '../visitor/source.js';
import { TokenReader, giveUp } from './reader.js';

export const ROLE_WORDS: ReadonlySet<TokenType> = new Set([K.ROLE, K.ROLES]);
export const USER_WORDS: ReadonlySet<TokenType> = new Set([K.USER, K.USERS]);

export function readIfExists(reader: TokenReader): boolean {
  if (!reader.accept(K.IF)) return false;
  reader.expect(K.EXISTS);
  return true;
}

export function readIfNotExists(reader: TokenReader): boolean {
  if (!reader.accept(K.IF)) return false;
  reader.expect(K.NOT);
  reader.expect(K.EXISTS);
  return true;
}

export function commandName(reader: TokenReader): NameOrParameter {
  const token = reader.accept(Parameter);
  return token ? parameter(token, reader.source) : symbolicName(reader.name(), reader.source);
}

export function commandNames(reader: TokenReader): NameOrParameter[] {
  const names: NameOrParameter[] = [];
  do names.push(commandName(reader));
  while (reader.accept(Comma));
  return names;
}

export function databaseName(reader: TokenReader): DatabaseName {
  const first = reader.name();
  const parts = [decodeName(first.image)];
  while (reader.accept(Dot)) parts.push(decodeName(reader.name().image));
  return { kind: 'database-name', parts, span: reader.spanFrom(first) };
}

/** `$param`, `['a', 'b']` or `'a', 'b'`. */
export function stringList(reader: TokenReader): StringListOrParameter {
  const parameterToken = reader.accept(Parameter);
  if (parameterToken) return parameter(parameterToken, reader.source);
  const first = reader.peek() ?? giveUp();
  const items: StringNode[] = [];
  const bracketed = reader.accept(LBracket) !== undefined;
  if (!bracketed || !reader.is(RBracket)) {
    do items.push(stringLiteral(reader.expect(StringLiteral), reader.source));
    while (reader.accept(Comma));
  }
  if (bracketed) reader.expect(RBracket);
  return { kind: 'string-list', items, span: reader.spanFrom(first) };
}
