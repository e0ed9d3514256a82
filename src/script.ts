/**
 * Splits a script into statements: Cypher statements end at `;`, and cypher-shell client commands
 * (`:param`, `:use`, ...) at the end of their line. Splitting on the lexer's `;` tokens (never inside a
 * string or comment) is what lets one broken statement leave the others parseable.
 */
import type { IToken } from 'chevrotain';
import { Colon, cypherLexer, retypeKeywords, Semicolon } from '../grammar/tokens.js';

export type RawSegment =
  | { readonly kind: 'cypher'; readonly tokens: readonly IToken[] }
  | { readonly kind: 'client'; readonly tokens: readonly IToken[] };

export function tokenize(text: string): IToken[] {
  const { tokens } = cypherLexer.tokenize(text);
  retypeKeywords(tokens);
  return tokens;
}

export function splitScript(tokens: readonly IToken[]): RawSegment[] {
  const segments: RawSegment[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i]!;
    if (first.tokenType === Semicolon) {
      i += 1;
      continue;
    }
    if (first.tokenType === Colon) {
      let end = i + 1;
      while (end < tokens.length && tokens[end]!.startLine === first.startLine) end += 1;
      let last = end;
      while (last > i + 1 && tokens[last - 1]!.tokenType === Semicolon) last -= 1;
      segments.push({ kind: 'client', tokens: tokens.slice(i, last) });
      i = end;
      continue;
    }
    let end = i;
    while (end < tokens.length && tokens[end]!.tokenType !== Semicolon) end += 1;
    segments.push({ kind: 'cypher', tokens: tokens.slice(i, end) });
    i = end + 1;
  }
  return segments;
}
