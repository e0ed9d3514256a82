/**
 * grammar/lexer.ts replaced Chevrotain's Lexer: it must produce exactly the token stream the old
 * token definitions did (test/support/reference-lexer.ts), on the bench corpus, the spec's examples,
 * every single UTF-16 code unit in a few contexts, and random text made of Cypher's tricky pieces.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lex } from '../../grammar/lexer.js';
import { parse } from '../../src/index.js';
import { Keyword, keywordOf } from '../../grammar/tokens.js';
// @ts-expect-error: a plain ES module of the build scripts, without types
import { corpusText, generateStatements } from '../../scripts/corpus.js';
import { VALID_STATEMENTS } from '../support/corpus.js';
import { referenceTokens } from '../support/reference-lexer.js';
import { SPEC_EXAMPLES } from '../support/spec-examples.js';

const keywords = new Set(Object.values(Keyword));

/** The new lexer's tokens in the reference's terms (it typed keywords as identifiers). */
function newTokens(text: string): string[] {
  return lex(text).map((t) => `${keywords.has(t.tokenType) ? 'Identifier' : t.tokenType.name}:${t.image}@${t.startOffset}`);
}

const sameAsReference = (text: string): void => {
  expect(newTokens(text)).toEqual(referenceTokens(text));
};

describe('the lexer', () => {
  it('produces the old token stream on the bench corpus and the spec examples', () => {
    const corpus = corpusText(generateStatements(3000, 11)) as string;
    sameAsReference(corpus);
    for (const text of [...VALID_STATEMENTS, ...SPEC_EXAMPLES.map(([query]) => query)]) sameAsReference(text);
  });

  it('produces the old token stream for every UTF-16 code unit, alone and in context', () => {
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code);
      for (const text of [c, `a${c}b`, `$${c}x`, `0${c}1`, `.${c}`, `${c}\udc00`]) {
        const actual = newTokens(text);
        const expected = referenceTokens(text);
        if (actual.join() !== expected.join()) expect({ code, text, actual }).toEqual({ code, text, actual: expected });
      }
    }
  });

  const piece = fc.constantFrom(
    ...[' ', '\n', '\r\n', '\t', '\u00a0', '\u3000', '\ufeff', '//c', '/*', '*/', '/', "'", '"', '`', '``', '\\', '$', '$`'],
    ...['a', 'Z', '_', 'é', 'ß', '\u0301', '𝒜', '\ud835', '\udc9c', '٣', 'x1', 'CREATE', 'create', 'CrEaTe', 'usER'],
    ...['0', '7', '1.5', '.5', '1e5', '1E+', 'e-3', '0x', '0xAf', '0o', '0o78', '..', '.', '=>', '=~', '<>', '<=', '>='],
    ...['!=', '!', '=', '<', '>', '||', '|', '(', ')', '[', ']', '{', '}', ':', ';', ',', '*', '+', '-', '%', '^', '#', '~', '@'],
  );

  it('produces the old token stream on random text of tricky pieces', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')),
        (text) => sameAsReference(text),
      ),
      { numRuns: 5000 },
    );
  });

  it('produces the old token stream on random Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => sameAsReference(text)),
      { numRuns: 1500 },
    );
  });

  it('types keywords by spelling and sets each token end and type index', () => {
    const tokens = lex("create USER Bob SET passWord 'x' CRÉATE");
    expect(tokens.map((t) => [t.tokenType.name, t.image, t.startOffset, t.endOffset])).toEqual([
      ['CREATE', 'create', 0, 5],
      ['USER', 'USER', 7, 10],
      ['Identifier', 'Bob', 12, 14],
      ['SET', 'SET', 16, 18],
      ['PASSWORD', 'passWord', 20, 27],
      ['StringLiteral', "'x'", 29, 31],
      ['Identifier', 'CRÉATE', 33, 38],
    ]);
    for (const t of tokens) expect(t.tokenTypeIdx).toBe(t.tokenType.tokenTypeIdx);
    expect(keywordOf('rEvOkE')).toBe(Keyword.REVOKE);
  });

  it('reports a character of U+FE01-U+FEFF that starts no token (Chevrotain dropped them silently)', () => {
    expect(parse('SHOW USERS \uFE10').diagnostics.map((d) => d.message)).toEqual([
      "Invalid input '\uFE10': expected a parameter, an identifier, 'WITH AUTH', 'PRIVILEGE', 'PRIVILEGES', 'WHERE', 'YIELD' or <EOF> (line 1, column 12 (offset: 11))",
    ]);
    expect(lex('\uFE8D\uFE8E').map((t) => [t.tokenType.name, t.image])).toEqual([['Identifier', '\uFE8D\uFE8E']]);
  });
});
