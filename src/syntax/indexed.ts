/**
 * Indexing whose range the caller already guarantees: a loop bound, a binary search, a statement
 * that is never empty. `noUncheckedIndexedAccess` types `items[i]` as possibly undefined; these say
 * the index is in range, and throw if it is not (a bug of ours). They allocate nothing, so hot loops
 * (the scanner, the line index, binary searches) may use them. Messages name indices only: a token's
 * text may be a password.
 */
import type { IToken } from 'chevrotain';

/** `items[i]` for an index the caller keeps below `items.length`. */
export function itemAt<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`No item ${i}: there are ${items.length}`);
  return item;
}

/** `tokens[i]` for an index the caller keeps below `tokens.length`. */
export function tokenAt(tokens: readonly IToken[], i: number): IToken {
  const token = tokens[i];
  if (token === undefined) throw new Error(`No token ${i}: the statement has ${tokens.length}`);
  return token;
}

/** The first token of a statement's tokens, which are never empty. */
export function firstToken(tokens: readonly IToken[]): IToken {
  return tokenAt(tokens, 0);
}

/** The last token of a statement's tokens, which are never empty. */
export function lastToken(tokens: readonly IToken[]): IToken {
  return tokenAt(tokens, tokens.length - 1);
}
