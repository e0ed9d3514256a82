/**
 * The direct reader's invariant (src/direct/): wherever it returns a tree, the parser accepts the same
 * tokens and builds the same tree, key for key and span for span (or refuses it as too deep, as the
 * visitor does); and wherever it refuses the statement, the parser refuses it the same way: a syntax
 * error at the same token, or the same refusal at the same token in the same words. test/support/parse.ts
 * checks it on every test case; test/direct/agreement.test.ts also on corpora and mutants.
 */
import type { IToken } from 'chevrotain';
import { expect } from 'vitest';
import { theParser } from '../../grammar/parser.js';
import type * as Cst from '../../grammar/cst.js';
import { Arrow, Colon, LBrace } from '../../grammar/tokens.js';
import { readClientParamsMap, readClientValue } from '../../src/direct/client.js';
import { GaveUp, type Refusal } from '../../src/direct/reader.js';
import { readStatement, TooDeep } from '../../src/direct/statement.js';
import { nestsTooDeep, withoutVersionPrefix } from '../../src/parse.js';
import { Source } from '../../src/syntax/lines.js';
import { forEachSegment } from '../../src/syntax/split.js';
import { expression, mapLiteral } from '../../src/visitor/expressions.js';
import { one, TooComplexError } from '../../src/visitor/source.js';
import { buildStatement } from '../../src/visitor/statement.js';

/**
 * What a reader made of a statement, as parse.ts reports it: a tree (or the refusal of one too deep),
 * the token of a syntax error (as an index: the tokens' length at the end of input), or a refusal of
 * what Neo4j reads and then refuses (its token's index and words).
 */
type Verdict =
  { readonly tree: unknown } | { readonly syntaxErrorAt: number } | { readonly refused: { readonly at: number; readonly message: string } };

export interface Readings {
  /** The direct reader's tree, or null where it refuses the statement. */
  readonly direct: unknown;
  /** The parser's tree, or null where it refuses the statement (a syntax error or a refusal of its own). */
  readonly parsed: unknown;
  /** Both verdicts in full (absent for a `:param` value, which has no position of its own). */
  readonly verdicts?: { readonly direct: Verdict; readonly parser: Verdict };
}

const treeOf = (verdict: Verdict): unknown => ('tree' in verdict ? verdict.tree : null);

/** The parser's verdict, in parse.ts's order: its checker's refusal, its syntax error, a refused number, the tree. */
function parserVerdict(tokens: readonly IToken[], source: Source): Verdict {
  const parser = theParser();
  parser.input = tokens as IToken[];
  const cst = parser.statement() as Cst.StatementCstNode;
  const error = parser.errors[0];
  const refused = (m: { token: IToken; message: string }) => ({ refused: { at: tokens.indexOf(m.token), message: m.message } });
  if (parser.checkerMismatch) return refused(parser.checkerMismatch);
  if (error) {
    const index = tokens.indexOf(error.token);
    return { syntaxErrorAt: index < 0 ? tokens.length : index };
  }
  if (parser.literalMismatch) return refused(parser.literalMismatch);
  return { tree: tooComplexAsValue(() => buildStatement(cst, source)) };
}

/** The direct reader's verdict, in the same order. */
function directVerdict(tokens: readonly IToken[], source: Source): Verdict {
  const reading = readStatement(tokens, source);
  const refused = (r: Refusal) => ({ refused: { at: tokens.indexOf(r.token), message: r.message } });
  if (reading.refusals.checker) return refused(reading.refusals.checker);
  if (reading instanceof GaveUp) return { syntaxErrorAt: reading.failedAt };
  if (reading.refusals.literal) return refused(reading.refusals.literal);
  if (reading instanceof TooDeep) return { tree: { tooComplex: reading.error.message, span: reading.error.span } };
  return { tree: reading.statement };
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
    const verdicts = { direct: directVerdict(tokens, source), parser: parserVerdict(tokens, source) };
    out.push({ direct: treeOf(verdicts.direct), parsed: treeOf(verdicts.parser), verdicts });
  });
  return out;
}

/** The invariant on each statement of `text`; its readings, for tests that look further. */
export function expectDirectAgreement(text: string): Readings[] {
  const all = readings(text);
  for (const { direct, parsed, verdicts } of all) {
    if (direct === null) {
      expect(parsed, `the direct reader gave up on what the parser reads: ${text}`).toBeNull();
      // The same syntax error token, or the same refusal at the same token.
      if (verdicts) expect(verdicts.direct, `where and how the direct reader refused: ${text}`).toStrictEqual(verdicts.parser);
      continue;
    }
    expect(parsed, `the parser refuses what the direct reader read: ${text}`).not.toBeNull();
    expect(JSON.stringify(direct), text).toBe(JSON.stringify(parsed));
    expect(direct, text).toStrictEqual(parsed);
  }
  return all;
}
