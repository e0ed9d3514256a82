/** Offsets to lines and columns: a line ends at \n, \r\n or a lone \r, as the lexer counts them. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/syntax/lines.js';

/** Line and column of each offset, counted character by character. */
function reference(text: string): { line: number; column: number }[] {
  const out: { line: number; column: number }[] = [];
  let line = 1;
  let column = 1;
  for (let i = 0; i <= text.length; i++) {
    out.push({ line, column });
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
      line += 1;
      column = 1;
    } else {
      column += 1;
    }
  }
  return out;
}

describe('LineIndex', () => {
  it('counts \\n, \\r\\n and a lone \\r as one line break each', () => {
    const index = new LineIndex('a\nb\r\nc\rd\n\re');
    expect([0, 2, 5, 7, 9, 10].map((o) => index.position(o))).toEqual([
      { offset: 0, line: 1, column: 1 },
      { offset: 2, line: 2, column: 1 },
      { offset: 5, line: 3, column: 1 },
      { offset: 7, line: 4, column: 1 },
      { offset: 9, line: 5, column: 1 },
      { offset: 10, line: 6, column: 1 },
    ]);
  });

  it('agrees with counting character by character, in any order of lookups', () => {
    const text = fc.array(fc.constantFrom('a', '\n', '\r', ' '), { maxLength: 60 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, fc.boolean(), (t, backwards) => {
        const index = new LineIndex(t);
        const expected = reference(t);
        const offsets = [...expected.keys()];
        if (backwards) offsets.reverse();
        for (const offset of offsets) {
          const { line, column } = index.position(offset);
          expect({ line, column }, JSON.stringify(t)).toEqual(expected[offset]);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
