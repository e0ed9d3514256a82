/**
 * Where a token ends. Chevrotain types `endOffset` as optional (some lexer modes leave it unset), but
 * our lexer (grammar/lexer.ts) always sets it.
 */
import type { IToken } from 'chevrotain';

/**
 * The offset just past the token's last character: the token covers `[startOffset, tokenEnd(token))`.
 * That is Chevrotain's inclusive `endOffset` plus one. An unset `endOffset` is a bug of ours, so it
 * throws (naming the offset only: the token's text may be a password).
 */
export function tokenEnd(token: IToken): number {
  const last = token.endOffset;
  if (last === undefined) throw new Error(`The token at offset ${token.startOffset} has no end offset: it did not come from the lexer`);
  return last + 1;
}
