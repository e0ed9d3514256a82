/**
 * The direct reader's invariant (src/direct/): wherever it returns a tree, the parser accepts the same
 * tokens and builds the same tree, key for key and span for span. test/support/parse.ts checks it on
 * every test case; test/direct/agreement.test.ts also on corpora and mutants.
 */
import type { IToken } from 'chevrotain';
import { expect } from 'vitest';
import { theParser } from '../../grammar/parser.js';
import type * as Cst from '../../grammar/cst.js';
import { readStatement } from '../../src/direct/statement.js';
import { withoutVersionPrefix } from '../../src/parse.js';
import { Source } from '../../src/syntax/lines.js';
import { forEachSegment } from '../../src/syntax/split.js';
import { buildStatement } from '../../src/visitor/statement.js';

export interface Readings {
  readonly direct: unknown;
  /**
   * Where the direct reader read the statement, the parser's tree, or null where it refuses the statement
   * (a syntax error or a refusal of its own); null where the direct reader gave up.
   */
  readonly parsed: unknown;
}

function parserTree(tokens: readonly IToken[], source: Source): unknown {
  const parser = theParser();
  parser.input = tokens as IToken[];
  const cst = parser.statement() as Cst.StatementCstNode;
  if (parser.errors.length > 0 || parser.checkerMismatch || parser.literalMismatch) return null;
  try {
    return buildStatement(cst, source);
  } catch {
    return null;
  }
}

/** Both readers on each statement of `text` (client commands are not the direct reader's). */
function readings(text: string): Readings[] {
  const source = new Source(text);
  const out: Readings[] = [];
  forEachSegment(text, (raw) => {
    if (raw.kind === 'client') return;
    const tokens = withoutVersionPrefix(raw.tokens);
    const direct = readStatement(tokens, source);
    // Only what the direct reader reads is compared: the parser alone may not meet statements nested too deep.
    out.push({ direct, parsed: direct === null ? null : parserTree(tokens, source) });
  });
  return out;
}

/** The invariant on each statement of `text`; its readings, for tests that look further. */
export function expectDirectAgreement(text: string): Readings[] {
  const all = readings(text);
  for (const { direct, parsed } of all) {
    if (direct === null) continue;
    expect(parsed, `the parser refuses what the direct reader read: ${text}`).not.toBeNull();
    expect(JSON.stringify(direct), text).toBe(JSON.stringify(parsed));
    expect(direct, text).toStrictEqual(parsed);
  }
  return all;
}
