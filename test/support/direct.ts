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
import { Arrow, Colon, LBrace } from '../../grammar/tokens.js';
import { readClientParamsMap, readClientValue } from '../../src/direct/client.js';
import { GaveUp } from '../../src/direct/reader.js';
import { readStatement } from '../../src/direct/statement.js';
import { nestsTooDeep, withoutVersionPrefix } from '../../src/parse.js';
import { Source } from '../../src/syntax/lines.js';
import { forEachSegment } from '../../src/syntax/split.js';
import { expression, mapLiteral } from '../../src/visitor/expressions.js';
import { one, TooComplexError } from '../../src/visitor/source.js';
import { buildStatement } from '../../src/visitor/statement.js';

export interface Readings {
  readonly direct: unknown;
  /** The parser's tree, or null where it refuses the statement (a syntax error or a refusal of its own). */
  readonly parsed: unknown;
  /**
   * Where a statement's syntax error is, as token indexes (the tokens' length: at the end of input):
   * where the direct reader gave up, and the token of the parser's error. Absent for a statement that
   * parsed, a `:param` value, and a refusal the parser words itself (checkerMismatch, literalMismatch).
   */
  readonly errorAt?: { readonly direct: number; readonly parser: number };
}

/** A tree, null for a refusal, or the refusal of a tree too deep (as its message and span); and where its syntax error is. */
function parserReading(tokens: readonly IToken[], source: Source): { tree: unknown; errorAt: number | undefined } {
  const parser = theParser();
  parser.input = tokens as IToken[];
  const cst = parser.statement() as Cst.StatementCstNode;
  const error = parser.errors[0];
  if (parser.checkerMismatch) return { tree: null, errorAt: undefined };
  if (error) {
    const index = tokens.indexOf(error.token);
    return { tree: null, errorAt: index < 0 ? tokens.length : index };
  }
  if (parser.literalMismatch) return { tree: null, errorAt: undefined };
  return { tree: tooComplexAsValue(() => buildStatement(cst, source)), errorAt: undefined };
}

function tooComplexAsValue(read: () => unknown): unknown {
  try {
    return read();
  } catch (caught) {
    if (caught instanceof TooComplexError) return { tooComplex: caught.message, span: caught.span };
    throw caught;
  }
}

/**
 * A `:param` value's tokens as src/syntax/client-commands.ts hands them to the direct reader
 * (`name => value` from `=>` on, or `{map}`), with the parser's rule for them; null for other commands.
 */
function clientValue(tokens: readonly IToken[]): { tokens: readonly IToken[]; map: boolean } | null {
  const [, word, first, ...rest] = tokens;
  if (!word || !/^params?$/i.test(word.image) || !first) return null;
  if (first.tokenType === LBrace) return { tokens: [first, ...rest], map: true };
  return rest.length > 0 && (rest[0]?.tokenType === Arrow || rest[0]?.tokenType === Colon) ? { tokens: rest, map: false } : null;
}

function clientReadings(raw: readonly IToken[], source: Source): Readings | null {
  const value = clientValue(raw);
  if (!value || nestsTooDeep(raw)) return null;
  const direct = tooComplexAsValue(() => (value.map ? readClientParamsMap : readClientValue)(value.tokens, source));
  const parser = theParser();
  parser.input = value.tokens as IToken[];
  const cst = value.map
    ? (parser.clientParamsMap() as Cst.ClientParamsMapCstNode)
    : (parser.clientParamValue() as Cst.ClientParamValueCstNode);
  const refused = parser.errors.length > 0 || parser.checkerMismatch || parser.literalMismatch;
  const parsed = refused
    ? null
    : tooComplexAsValue(() =>
        'mapLiteral' in cst.children
          ? mapLiteral(one(cst.children.mapLiteral), source)
          : expression(one((cst as Cst.ClientParamValueCstNode).children.expression), source),
      );
  return { direct, parsed };
}

/** Both readers on each statement of `text`, and on each `:param` value. */
function readings(text: string): Readings[] {
  const source = new Source(text);
  const out: Readings[] = [];
  forEachSegment(text, (raw) => {
    if (raw.kind === 'client') {
      const client = clientReadings(raw.tokens, source);
      if (client) out.push(client);
      return;
    }
    const tokens = withoutVersionPrefix(raw.tokens);
    // Refused before either reader sees it (parse.ts).
    if (nestsTooDeep(tokens)) return;
    const read = tooComplexAsValue(() => readStatement(tokens, source));
    const parser = parserReading(tokens, source);
    if (!(read instanceof GaveUp)) {
      out.push({ direct: read, parsed: parser.tree });
      return;
    }
    const errorAt = parser.errorAt === undefined ? undefined : { direct: read.failedAt, parser: parser.errorAt };
    out.push({ direct: null, parsed: parser.tree, ...(errorAt ? { errorAt } : {}) });
  });
  return out;
}

/** The invariant on each statement of `text`; its readings, for tests that look further. */
export function expectDirectAgreement(text: string): Readings[] {
  const all = readings(text);
  for (const { direct, parsed, errorAt } of all) {
    if (direct === null) {
      expect(parsed, `the direct reader gave up on what the parser reads: ${text}`).toBeNull();
      if (errorAt) expect(errorAt.direct, `where the direct reader gave up on: ${text}`).toBe(errorAt.parser);
      continue;
    }
    expect(parsed, `the parser refuses what the direct reader read: ${text}`).not.toBeNull();
    expect(JSON.stringify(direct), text).toBe(JSON.stringify(parsed));
    expect(direct, text).toStrictEqual(parsed);
  }
  return all;
}
