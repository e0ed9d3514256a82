/**
 * The direct reader's invariant (src/direct/): wherever it returns a tree, the parser accepts the same
 * tokens and builds the same tree, key for key and span for span (or refuses it as too deep, as the
 * visitor does); and wherever it gives up, the parser refuses the statement too. test/support/parse.ts
 * checks it on every test case; test/direct/agreement.test.ts also on corpora and mutants.
 */
import type { IToken } from 'chevrotain';
import { expect } from 'vitest';
import { theParser } from '../../grammar/parser.js';
import type * as Cst from '../../grammar/cst.js';
import { readStatement } from '../../src/direct/statement.js';
import { nestsTooDeep, withoutVersionPrefix } from '../../src/parse.js';
import { Source } from '../../src/syntax/lines.js';
import { forEachSegment } from '../../src/syntax/split.js';
import { TooComplexError } from '../../src/visitor/source.js';
import { buildStatement } from '../../src/visitor/statement.js';

export interface Readings {
  readonly direct: unknown;
  /** The parser's tree, or null where it refuses the statement (a syntax error or a refusal of its own). */
  readonly parsed: unknown;
}

/** A tree, null for a refusal, or the refusal of a tree too deep (as its message and span). */
function parserTree(tokens: readonly IToken[], source: Source): unknown {
  const parser = theParser();
  parser.input = tokens as IToken[];
  const cst = parser.statement() as Cst.StatementCstNode;
  if (parser.errors.length > 0 || parser.checkerMismatch || parser.literalMismatch) return null;
  return tooComplexAsValue(() => buildStatement(cst, source));
}

function tooComplexAsValue(read: () => unknown): unknown {
  try {
    return read();
  } catch (caught) {
    if (caught instanceof TooComplexError) return { tooComplex: caught.message, span: caught.span };
    throw caught;
  }
}

/** Both readers on each statement of `text` (client commands are not the direct reader's). */
function readings(text: string): Readings[] {
  const source = new Source(text);
  const out: Readings[] = [];
  forEachSegment(text, (raw) => {
    if (raw.kind === 'client') return;
    const tokens = withoutVersionPrefix(raw.tokens);
    // Refused before either reader sees it (parse.ts).
    if (nestsTooDeep(tokens)) return;
    const direct = tooComplexAsValue(() => readStatement(tokens, source));
    // Only what the direct reader reads is compared: the parser alone may not meet statements nested too deep.
    out.push({ direct, parsed: parserTree(tokens, source) });
  });
  return out;
}

/** The invariant on each statement of `text`; its readings, for tests that look further. */
export function expectDirectAgreement(text: string): Readings[] {
  const all = readings(text);
  for (const { direct, parsed } of all) {
    if (direct === null) {
      expect(parsed, `the direct reader gave up on what the parser reads: ${text}`).toBeNull();
      continue;
    }
    expect(parsed, `the parser refuses what the direct reader read: ${text}`).not.toBeNull();
    expect(JSON.stringify(direct), text).toBe(JSON.stringify(parsed));
    expect(direct, text).toStrictEqual(parsed);
  }
  return all;
}
