/**
 * The `\Q...\E` pre-pass (Pattern.RemoveQEQuoting in JDK 21's Pattern.java): our one-regex rewrite
 * against a character-by-character reading of the same rules, over generated patterns.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unquote } from '../../../src/exec/regex/source.js';

const BACKSLASH = 0x5c;

/** The rules as Java applies them: one code point at a time, with an in-quote and a quote-start flag. */
function unquoteStepwise(pattern: string): string {
  const points = Array.from(pattern, (c) => c.codePointAt(0) ?? 0);
  const at = (i: number): number => points[i] ?? 0;
  const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
  const isLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  let start = 0;
  while (start < points.length - 1 && !(at(start) === BACKSLASH && at(start + 1) === 0x51)) start += at(start) === BACKSLASH ? 2 : 1;
  if (start >= points.length - 1) return pattern;
  const out = points.slice(0, start);
  let inQuote = true;
  let quoteStart = true;
  for (let i = start + 2; i < points.length;) {
    const c = at(i++);
    if (c >= 0x80 || isLetter(c)) out.push(c);
    else if (isDigit(c)) out.push(...(quoteStart ? [BACKSLASH, 0x78, 0x33] : []), c);
    else if (c !== BACKSLASH) out.push(...(inQuote ? [BACKSLASH] : []), c);
    else if (inQuote && at(i) === 0x45) {
      i += 1;
      inQuote = false;
    } else if (inQuote) out.push(BACKSLASH, BACKSLASH);
    else if (at(i) === 0x51) {
      i += 1;
      inQuote = quoteStart = true;
      continue;
    } else {
      out.push(c);
      if (i < points.length) out.push(at(i++));
    }
    quoteStart = false;
  }
  return String.fromCodePoint(...out);
}

describe('\\Q...\\E is rewritten as Java rewrites it', () => {
  it.each([
    ['a.b', 'a.b'],
    ['\\Qa.b\\E', 'a\\.b'],
    ['\\Qa.b', 'a\\.b'],
    ['\\Q1.5\\E', '\\x31\\.5'],
    ['\\Q\\\\E', '\\\\'],
    ['\\Qa\\\\E', 'a\\\\'],
    ['\\\\Q.', '\\\\Q.'],
    ['\\Q(\\E)\\Q)\\E', '\\()\\)'],
    ['\\Q é😀\\E', '\\ é😀'],
    ['a\\Q', 'a'],
  ])('%j is read as %j', (pattern, rewritten) => {
    expect(unquote(pattern)).toBe(rewritten);
    expect(unquoteStepwise(pattern)).toBe(rewritten);
  });

  it('agrees with the stepwise rules on generated patterns', () => {
    const piece = fc.constantFrom('\\', 'Q', 'E', 'a', '1', '.', '(', ' ', '😀', '\ud800', '\0', 'é', 'x', '\\Q', '\\E');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const pattern = pieces.join('');
        expect(unquote(pattern)).toBe(unquoteStepwise(pattern));
      }),
      { numRuns: 5000 },
    );
  });
});
