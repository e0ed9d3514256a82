/**
 * The statement scanner must cut a script exactly where the lexer's `;` tokens are: it knows strings,
 * quoted names and comments as the lexer does. Checked against a reference split of the whole
 * script's tokens, on Cypher-like random input full of quotes, comments and semicolons.
 */
import type { IToken } from 'chevrotain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Colon, Semicolon } from '../../grammar/tokens.js';
import { splitScript, tokenize } from '../../src/syntax/split.js';

/** The obvious split: lex everything once, cut at `;` tokens; a `:` line is one client command. */
function referenceSplit(text: string): string[][] {
  const tokens = tokenize(text);
  const segments: IToken[][] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i]!;
    if (first.tokenType === Semicolon) {
      i += 1;
      continue;
    }
    let end = i;
    if (first.tokenType === Colon) {
      // A client command runs to the end of its line: up to the first token that starts on a later line.
      while (end < tokens.length && !/[\r\n]/.test(text.slice(first.startOffset, tokens[end]!.startOffset))) end += 1;
      let last = end;
      while (last > i && tokens[last - 1]!.tokenType === Semicolon) last -= 1;
      segments.push(tokens.slice(i, last));
      i = end;
      continue;
    }
    while (end < tokens.length && tokens[end]!.tokenType !== Semicolon) end += 1;
    segments.push(tokens.slice(i, end));
    i = end + 1;
  }
  return segments.map(describeAll);
}

const describe_ = (t: IToken) => `${t.tokenType.name}:${t.image}@${t.startOffset}-${t.endOffset}`;
function describeAll(tokens: readonly IToken[]): string[] {
  return tokens.map(describe_);
}

const piece = fc.constantFrom(
  'CREATE USER a',
  ';',
  "'",
  '"',
  '`',
  "'a;b'",
  '"x\\"y;"',
  '`q;``r`',
  '//c;',
  '/*;*/',
  '/*',
  '*/',
  '\n',
  '\r\n',
  '\r',
  ' ',
  ':param x => 1',
  ':use system',
  '$`p;`',
  'é',
  '\\',
  "'\\''",
  '``',
  '`a``b',
  '```',
);

describe('statement boundaries', () => {
  it('match a split of the whole-script token stream', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }).map((parts) => parts.join('')),
        (text) => {
          expect(splitScript(text).map((s) => describeAll(s.tokens))).toEqual(referenceSplit(text));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('regressions', () => {
  it('a doubled backtick inside a quoted name does not end it (found by the property above)', () => {
    const text = ':use system`\r``q;``r`';
    expect(splitScript(text).map((s) => describeAll(s.tokens))).toEqual(referenceSplit(text));
    expect(splitScript('DROP USER `a``;b`; DROP USER c').map((s) => s.tokens.map((t) => t.image).join(' '))).toEqual([
      'DROP USER `a``;b`',
      'DROP USER c',
    ]);
  });

  it('a block comment spanning lines ends a client command line (found by the property above)', () => {
    const text = ':param x => 1/*\r*/CREATE USER a';
    expect(splitScript(text).map((s) => s.kind)).toEqual(['client', 'cypher']);
  });

  it('a slash that opens no comment does not stop a later comment from closing (found by the property above)', () => {
    const text = '*/CREATE USER a/*;*/';
    expect(splitScript(text).map((s) => describeAll(s.tokens))).toEqual(referenceSplit(text));
  });
});
