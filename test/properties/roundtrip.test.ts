/** For any AST the parser could produce, printing it and parsing the text gives the same AST back. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse.js';
import { format } from '../../src/render/printer.js';
import { arbitraryStatement } from '../support/arbitraries.js';
import { withoutSpans } from '../support/spans.js';

describe('parse(format(ast)) = ast', () => {
  it('for generated statements of every kind', () => {
    fc.assert(
      fc.property(arbitraryStatement, (statement) => {
        const text = format(statement, { revealPasswords: true });
        const result = parse(text);
        expect(result.statements.map(withoutSpans), text).toEqual([withoutSpans(statement)]);
      }),
      { numRuns: 3000 },
    );
  });
});
