/**
 * The front end: text -> tokens -> statements -> AST (src/direct/) -> semantic checks. Never throws.
 * Where the direct reader gives up or refuses, the error is worded as Neo4j words it (src/syntax/syntax-errors.ts).
 */
import type { IToken } from 'chevrotain';
import { LBrace, LBracket, LParen, RBrace, RBracket, RParen, Keyword } from '../grammar/tokens.js';
import type { Statement } from './ast/index.js';
import type { Position, Span } from './ast/span.js';
import { checkClientCommand } from './check/client.js';
import { checkStatement } from './check/index.js';
import { parseClientCommand } from './syntax/client-commands.js';
import { StatusCode, type Diagnostic } from './diagnostics/codes.js';
import { tokenEnd } from './diagnostics/token-offsets.js';
import { Source } from './syntax/lines.js';
import { firstToken, lastToken } from './syntax/indexed.js';
import { maskMessages } from './render/mask-messages.js';
import { outOfScope } from './syntax/out-of-scope.js';
import { forEachSegment, type RawSegment } from './syntax/split.js';
import { checkerError, ContentAssist, syntaxError, unterminatedDelimiter } from './syntax/syntax-errors.js';
import { unbracketedTags } from './syntax/unbracketed-tags.js';
import { readStatement, TooDeep } from './direct/statement.js';
import { GaveUp, type Refusal } from './direct/reader.js';
import { spanBetween, tokenSpan, type TooComplexError } from './visitor/source.js';

export interface ParseOptions {
  /** `dbms.security.auth_minimum_password_length`: literal passwords shorter than this are reported. Default 8. */
  readonly minimumPasswordLength?: number;
}

/** One statement of a script (text between `;`s, or one client command line) and what parsing made of it. */
export interface ScriptSegment {
  /** The statement's text, from its first token to its last (comments before it and the `;` excluded). */
  readonly text: string;
  readonly span: Span;
  /** Null when the statement has a syntax error. */
  readonly statement: Statement | null;
  readonly diagnostics: readonly Diagnostic[];
}

export interface ParseResult {
  /** Every statement that parsed (statements with semantic errors included), in script order. */
  readonly statements: readonly Statement[];
  /** Every diagnostic of the script: statements in source order, each statement's in the order Neo4j checks them. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Brackets nested deeper than this are refused before parsing: recursive descent over them would
 * otherwise risk the call stack. Neo4j's own admin commands never come close.
 */
export const MAX_NESTING = 64;

export function parseScript(text: string, options: ParseOptions = {}): ScriptSegment[] {
  const segments: ScriptSegment[] = [];
  forEachParsedSegment(text, options, (segment) => segments.push(segment));
  return segments;
}

/** Only the diagnostics of a script: ASTs are dropped as soon as they are checked (for `sysdb lint`). */
export function diagnose(text: string, options: ParseOptions = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // One at a time: a statement may have more diagnostics than a call has room for arguments.
  forEachParsedSegment(text, options, (segment) => {
    for (const d of segment.diagnostics) diagnostics.push(d);
  });
  return diagnostics;
}

function forEachParsedSegment(text: string, options: ParseOptions, onMasked: (segment: ScriptSegment) => void): void {
  const checkOptions = { minimumPasswordLength: options.minimumPasswordLength ?? 8 };
  // Every span of the script is computed against this one index of its lines.
  const source = new Source(text);
  const assist = new ContentAssist();
  forEachSegment(text, (raw) => {
    const first = firstToken(raw.tokens);
    const last = lastToken(raw.tokens);
    const span = spanBetween(first, last, source);
    const segmentText = text.slice(first.startOffset, tokenEnd(last));
    const onSegment = (segment: ScriptSegment) => onMasked(withSecretsMasked(segment, raw, text));
    try {
      if (raw.kind === 'client') {
        // A `:param` value is an expression too, parsed by the same recursive descent.
        const tooDeep = excessiveNesting(raw.tokens, source);
        if (tooDeep) {
          onSegment({ text: segmentText, span, statement: null, diagnostics: [tooDeep] });
          return;
        }
        const { command, diagnostics } = parseClientCommand(raw.tokens, source);
        const checked = command
          ? [...diagnostics, ...checkClientCommand(command, { options: checkOptions, statementStart: span.start })]
          : diagnostics;
        onSegment({ text: segmentText, span, statement: command, diagnostics: checked });
        return;
      }
      const parsed = parseStatement(raw.tokens, source, source.position(raw.end), assist);
      const diagnostics = parsed.statement
        ? withChecks(parsed.diagnostics, checkStatement(parsed.statement, { options: checkOptions, statementStart: span.start }))
        : parsed.diagnostics;
      onSegment({ text: segmentText, span, statement: parsed.statement, diagnostics });
    } catch (error) {
      // A bug of ours must not take the whole script down with it: report it where it happened.
      const message = `Internal error in cypher-sysdb (please report): ${error instanceof Error ? error.message : String(error)}`;
      onSegment({
        text: segmentText,
        span,
        statement: null,
        diagnostics: [{ severity: 'error', code: StatusCode.InternalError, message, span }],
      });
    }
  });
}

const NO_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([]);

/** Parse diagnostics then the checks': most statements have neither, and share one empty list. */
function withChecks(parsed: readonly Diagnostic[], checked: readonly Diagnostic[]): readonly Diagnostic[] {
  if (checked.length === 0) return parsed;
  if (parsed.length === 0) return checked;
  return [...parsed, ...checked];
}

/** Only statements with diagnostics pay for masking their messages. */
function withSecretsMasked(segment: ScriptSegment, raw: RawSegment, source: string): ScriptSegment {
  if (segment.diagnostics.length === 0) return segment;
  return { ...segment, diagnostics: maskMessages(segment.diagnostics, raw, source) };
}

/**
 * Why a segment is a statement of a family cypher-sysdb does not model (`GRANT ACCESS ON DATABASE`,
 * `MATCH`, ...), or undefined: such a segment has no statement and only this warning.
 */
export function unsupportedReason(segment: ScriptSegment): string | undefined {
  if (segment.statement !== null) return undefined;
  return segment.diagnostics.find((d) => d.code === StatusCode.NotSupported && d.severity === 'warning')?.message;
}

/** Parses a script of admin commands. Never throws: every problem becomes a diagnostic. */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  // Straight into the two lists: segments are dropped as they come, so none outlives its statement.
  const statements: Statement[] = [];
  const diagnostics: Diagnostic[] = [];
  forEachParsedSegment(text, options, (segment) => {
    if (segment.statement) statements.push(segment.statement);
    for (const d of segment.diagnostics) diagnostics.push(d);
  });
  return { statements, diagnostics };
}

/**
 * `CYPHER 25` in front of a statement selects the Cypher version cypher-sysdb implements: Neo4j's
 * pre-parser removes it (keeping offsets), and so do we. Other pre-parser options are not modelled.
 * @internal for the tests: it is not part of the published types.
 */
export function withoutVersionPrefix(tokens: readonly IToken[]): readonly IToken[] {
  const [first, second] = tokens;
  return second?.image === '25' && first?.image.toUpperCase() === 'CYPHER' && tokens.length > 2 ? tokens.slice(2) : tokens;
}

function parseStatement(
  allTokens: readonly IToken[],
  source: Source,
  end: Position,
  assist: ContentAssist,
): { statement: Statement | null; diagnostics: readonly Diagnostic[] } {
  const tokens = withoutVersionPrefix(allTokens);
  const tooDeep = excessiveNesting(tokens, source);
  if (tooDeep) return { statement: null, diagnostics: [tooDeep] };
  const unterminated = unterminatedDelimiter(tokens, source);
  const from = tokenSpan(firstToken(allTokens), source).start;
  const reading = readStatement(tokens, source);
  const gaveUp = reading instanceof GaveUp;
  // Neo4j words an unclosed string or comment so where its parser fails at it. Where ours does not
  // fail at all (a subquery's skipped body) or cannot judge the statement (a family we do not model), it is reported still.
  if (unterminated && (!gaveUp || tokens[reading.failedAt] === unterminated.token || outOfScope(tokens) !== null)) {
    return { statement: null, diagnostics: [unterminated.diagnostic] };
  }
  const refused = (refusal: Refusal) => ({
    statement: null,
    diagnostics: [checkerError(refusal.token, refusal.message, source, from)],
  });
  // What Neo4j refuses once read comes before any syntax error after it.
  if (reading.refusals.checker) return refused(reading.refusals.checker);
  if (gaveUp) {
    const unsupported = outOfScope(tokens);
    // Neo4j would accept it; we cannot check it. Say so, as a warning: the script is not wrong.
    if (unsupported !== null) {
      return {
        statement: null,
        diagnostics: [
          { severity: 'warning', code: StatusCode.NotSupported, message: unsupported, span: tokenSpan(firstToken(tokens), source) },
        ],
      };
    }
    return {
      statement: null,
      diagnostics: [syntaxError(reading.failedAt, tokens, end, assist, source, from)],
    };
  }
  if (reading.refusals.literal) return refused(reading.refusals.literal);
  // Too deep to build: the syntax errors that may follow it are not known, so not reported.
  if (reading instanceof TooDeep) return tooComplex(reading.error);
  return accepted(reading.statement, tokens, source, from);
}

/** A statement that parsed, and the warnings about how it was written. */
function accepted(
  statement: Statement,
  tokens: readonly IToken[],
  source: Source,
  from: Position,
): { statement: Statement | null; diagnostics: readonly Diagnostic[] } {
  const warnings = unbracketedTags(tokens, source, from);
  return { statement, diagnostics: warnings.length === 0 ? NO_DIAGNOSTICS : warnings };
}

/** A statement whose tree would be too deep for the recursive passes after parsing: refused, as not supported. */
function tooComplex(error: TooComplexError): { statement: null; diagnostics: readonly Diagnostic[] } {
  return { statement: null, diagnostics: [{ severity: 'error', code: StatusCode.NotSupported, message: error.message, span: error.span }] };
}

const OPENERS = new Set([LParen, LBracket, LBrace, Keyword.CASE]);
const CLOSERS = new Set([RParen, RBracket, RBrace, Keyword.END]);

function excessiveNesting(tokens: readonly IToken[], source: Source): Diagnostic | undefined {
  const tooDeep = findExcessiveNesting(tokens);
  if (!tooDeep) return undefined;
  const message = `Brackets nested more than ${MAX_NESTING} levels deep are not supported by cypher-sysdb.`;
  return { severity: 'error', code: StatusCode.NotSupported, message, span: spanBetween(tooDeep, tooDeep, source) };
}

/**
 * Whether parsing refuses `tokens` for brackets nested deeper than MAX_NESTING (the readers' recursion follows brackets).
 * @internal for the tests: it is not part of the published types.
 */
export function nestsTooDeep(tokens: readonly IToken[]): boolean {
  return findExcessiveNesting(tokens) !== undefined;
}

function findExcessiveNesting(tokens: readonly IToken[]): IToken | undefined {
  // Nesting deeper than MAX_NESTING takes more openers than that: most statements are shorter.
  if (tokens.length <= MAX_NESTING) return undefined;
  let depth = 0;
  for (const token of tokens) {
    if (OPENERS.has(token.tokenType)) {
      depth += 1;
      if (depth > MAX_NESTING) return token;
    } else if (CLOSERS.has(token.tokenType)) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}
