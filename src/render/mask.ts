/**
 * Hides secrets (passwords, ENCRYPTED values, `:param` values) in source text before it is shown:
 * code frames, echoed queries, messages and share links land in CI logs and chat. The decision is
 * made per statement from its tokens, with the statement boundaries the parser uses (so a `:param`
 * after `;` on the same line is masked as the client command it is), and it errs towards masking:
 * the token after a misspelled `PASWORD`, an unquoted password, the rest of a statement after a
 * quote that never closes. Offsets into the original text can be mapped onto the masked text, so
 * carets still point at the right place.
 */
import type { IToken } from 'chevrotain';
import {
  Arrow,
  Colon,
  Comma,
  DecimalInteger,
  EscapedName,
  FloatLiteral,
  HexInteger,
  Identifier,
  LBrace,
  LBracket,
  LParen,
  Name,
  OctalInteger,
  Parameter,
  RBrace,
  RBracket,
  RParen,
  Semicolon,
  StringLiteral,
  Unknown,
} from '../../grammar/tokens.js';
import { forEachSegment, type RawSegment } from '../syntax/split.js';
import { editDistance } from '../diagnostics/spelling.js';
import { tokenEnd } from '../diagnostics/token-offsets.js';

export const MASKED_PASSWORD = "'******'";
/** What an unquoted secret (or several tokens of one) is shown as. */
export const MASKED_WORD = '******';

/** A stretch of the source, `[start, end)`, that is shown masked. */
export interface SecretRun {
  readonly start: number;
  readonly end: number;
  /** The run is one string literal, shown as `'******'`. */
  readonly quoted: boolean;
}

export interface MaskedText {
  readonly text: string;
  /** Maps an offset in the original text to the corresponding offset in the masked text. */
  readonly mapOffset: (offset: number) => number;
}

/** Every secret of a script, in source order. Linear in the script's length. */
export function secretRunsOf(source: string): SecretRun[] {
  const runs: SecretRun[] = [];
  forEachSegment(source, (segment) => {
    for (const run of secretRuns(segment)) runs.push(run);
  });
  return runs;
}

export function maskPasswords(source: string): MaskedText {
  return maskRuns(source, secretRunsOf(source));
}

/**
 * The secrets of one statement or client command.
 * @internal for mask-messages.ts: it is not part of the published types.
 */
export function secretRuns(segment: RawSegment): SecretRun[] {
  const marked = segment.kind === 'client' ? clientSecrets(segment.tokens) : statementSecrets(segment.tokens);
  return toRuns(segment.tokens, marked);
}

/** Replaces each run by its mask: `'******'` for one string literal, `******` for anything else. */
export function maskRuns(source: string, runs: readonly SecretRun[]): MaskedText {
  if (runs.length === 0) return { text: source, mapOffset: (o) => o };
  const parts: string[] = [];
  // For each run: where its mask starts in the masked text, and the mask's length.
  const placed: { readonly run: SecretRun; readonly maskedStart: number; readonly maskLength: number }[] = [];
  let cursor = 0;
  let length = 0;
  for (const run of runs) {
    const before = source.slice(cursor, run.start);
    const mask = run.quoted ? MASKED_PASSWORD : MASKED_WORD;
    parts.push(before, mask);
    length += before.length;
    placed.push({ run, maskedStart: length, maskLength: mask.length });
    length += mask.length;
    cursor = run.end;
  }
  parts.push(source.slice(cursor));
  const mapOffset = (offset: number): number => {
    // The last run that starts before `offset`, by binary search: codeFrame maps every diagnostic.
    let low = 0;
    let high = placed.length - 1;
    let found: (typeof placed)[number] | undefined;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const candidate = placed[mid];
      if (candidate === undefined) throw new Error(`mapOffset: ${mid} is outside the ${placed.length} runs`);
      if (candidate.run.start < offset) {
        found = candidate;
        low = mid + 1;
      } else high = mid - 1;
    }
    if (found === undefined) return offset;
    const { run, maskedStart, maskLength } = found;
    if (offset < run.end) return maskedStart + Math.min(offset - run.start, maskLength);
    return maskedStart + maskLength + (offset - run.end);
  };
  return { text: parts.join(''), mapOffset };
}

// --- Cypher statements ---------------------------------------------------------------------------

/** How a token is masked: not at all, as a secret, or as the continuation of the secret before it. */
const enum Mark {
  Shown,
  Secret,
  /** Joins the previous secret into one run, whatever lies between (the rest after an open quote). */
  Continues,
}

const NEAR_PASSWORD = ['PASSWORD', 'PASSWORDS'];
const PASSWORD_FORMATS = new Set(['ENCRYPTED', 'PLAINTEXT']);
/** After a password word, `FROM old TO new` (ALTER CURRENT USER) each introduce one. */
const NEAR_FROM_TO = ['FROM', 'TO'];
/** Words that legitimately end a password clause: they are shown, and stop masking. */
const STOPS = new Set(['CHANGE', 'SET', 'REMOVE']);
/** Words whose string values are not secrets: providers, ids, tags, and names Neo4j expects there. */
const SAFE_BEFORE = new Set(['AUTH', 'PROVIDER', 'PROVIDERS', 'ID', 'TAG', 'TAGS', 'USER', 'USERS', 'ROLE', 'ROLES', 'DATABASE']);

const isWord = (token: IToken): boolean => token.tokenType === Name || token.tokenType.CATEGORIES?.includes(Name) === true;
const isKeyword = (token: IToken): boolean => isWord(token) && token.tokenType !== Identifier && token.tokenType !== EscapedName;
const isQuoteChar = (token: IToken): boolean => token.tokenType === Unknown && /^['"`]$/.test(token.image);
/** Tokens that carry part of a value; the rest is punctuation. */
const isValueLike = (token: IToken): boolean => isWord(token) || token.tokenType === Unknown || LITERALS.has(token.tokenType);
const LITERALS = new Set([StringLiteral, DecimalInteger, FloatLiteral, HexInteger, OctalInteger]);
const BRACKETS = new Set([LParen, RParen, LBracket, RBracket, Comma]);

/** `tokens[i]` for an index the caller's loop keeps below `tokens.length`. */
function tokenAt(tokens: readonly IToken[], i: number): IToken {
  const token = tokens[i];
  if (token === undefined) throw new Error(`No token ${i}: the statement has ${tokens.length}`);
  return token;
}

/** `PASSWORD`, misspelled by up to two letters (`PASWORD`, `PASSWORDS`, `PASSWROD`), or a password format. */
function isPasswordWord(word: string): boolean {
  if (word.length < 6 || word.length > 11) return false;
  const upper = word.toUpperCase();
  return PASSWORD_FORMATS.has(upper) || NEAR_PASSWORD.some((w) => nearMiss(upper, w, 2));
}

function isFromOrTo(upper: string): boolean {
  return upper.length <= 5 && NEAR_FROM_TO.some((w) => nearMiss(upper, w, w.length <= 2 ? 1 : 2));
}

/** Levenshtein distance up to `allowed`, counting a swap of two neighbours (`FORM`) as one typo. */
function nearMiss(word: string, target: string, allowed: number): boolean {
  if (Math.abs(word.length - target.length) > allowed) return false;
  if (editDistance(word, target) <= allowed) return true;
  for (let i = 0; i + 1 < word.length; i++) {
    const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    if (editDistance(swapped, target) <= allowed - 1) return true;
  }
  return false;
}

const WORDS_IN_STRING = /[A-Za-z]{6,11}/g;

/** A string literal that swallowed a password keyword (`'jake SET PASSWORD '` when a quote is missing). */
function mentionsPassword(image: string): boolean {
  // Checked word by word only for strings of a sensible size: a long one is masked when it might hold one.
  if (image.length > 4096) return /pas|enc|pla/i.test(image);
  return (image.match(WORDS_IN_STRING) ?? []).some(isPasswordWord);
}

/**
 * The tokens of a Cypher statement that are (or may be) secret. A statement that mentions a password
 * word is sensitive: every string in it is masked unless it stands after AUTH, ID or TAGS. After a
 * password word (or FROM/TO after one), the tokens up to the next clause keyword are the password,
 * whatever they are; after a quote that never closes, everything is.
 */
function statementSecrets(tokens: readonly IToken[]): Mark[] {
  const marks = new Array<Mark>(tokens.length).fill(Mark.Shown);
  const privilege = passwordPrivilegeAt(tokens);
  const sensitive = tokens.some(
    (t, i) => (isWord(t) && isPasswordWord(t.image) && i !== privilege) || (t.tokenType === StringLiteral && mentionsPassword(t.image)),
  );
  if (!sensitive) return marks;
  let afterPassword = false;
  /** In a password clause: the password runs to the next clause keyword. */
  let masking = false;
  /** The clause's password was a complete string: a keyword after it starts the next clause. */
  let quotedDone = false;
  /** After AUTH, ID or TAGS: strings here are names of things, not secrets. */
  let safe = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokenAt(tokens, i);
    if (isQuoteChar(token)) {
      maskToEnd(marks, i);
      break;
    }
    if (isWord(token)) {
      const upper = token.image.toUpperCase();
      if ((isPasswordWord(upper) && i !== privilege) || (afterPassword && isFromOrTo(upper))) {
        afterPassword = true;
        masking = true;
        quotedDone = false;
        safe = false;
        continue;
      }
      if (STOPS.has(upper) || (quotedDone && isKeyword(token))) {
        masking = false;
        quotedDone = false;
      }
      if (!masking) {
        safe = SAFE_BEFORE.has(upper);
        continue;
      }
    }
    if (token.tokenType === RBrace || token.tokenType === Semicolon || token.tokenType === Parameter) {
      masking = false;
      safe = false;
      continue;
    }
    if (masking) {
      // Punctuation shows (`SET PASSWORD = '******'`) unless it is glued to a part of the password.
      if (isValueLike(token) || (!BRACKETS.has(token.tokenType) && gluedToNeighbour(tokens, i))) marks[i] = Mark.Secret;
      if (token.tokenType === StringLiteral) quotedDone = true;
      continue;
    }
    if (token.tokenType === StringLiteral) {
      if (!safe) marks[i] = Mark.Secret;
      if (mentionsPassword(token.image)) masking = true;
      continue;
    }
    if (!BRACKETS.has(token.tokenType)) safe = false;
  }
  return marks;
}

const PRIVILEGE_LEAD = new Set(['GRANT', 'DENY', 'REVOKE', 'IMMUTABLE']);

/**
 * The index of `PASSWORD`/`PASSWORDS` where it names the DBMS privilege (`GRANT SET PASSWORDS ON DBMS`,
 * `REVOKE DENY IMMUTABLE SET PASSWORD ON ...`), not a password clause; -1 if there is none. Only exactly
 * there: the statement opens (after `CYPHER 25` or `USE name`) with GRANT, DENY or REVOKE (then GRANT,
 * DENY or IMMUTABLE), then `SET`, the word, and `ON`. Anything else stays a password position.
 */
function passwordPrivilegeAt(tokens: readonly IToken[]): number {
  let i = 0;
  const word = (at: number): string | undefined => {
    const token = tokens[at];
    return token !== undefined && isWord(token) ? token.image.toUpperCase() : undefined;
  };
  if (word(0) === 'CYPHER' && tokens[1]?.image === '25') i = 2;
  if (word(i) === 'USE' && tokens[i + 1] !== undefined && isWord(tokenAt(tokens, i + 1))) i += 2;
  const lead = word(i);
  if (lead !== 'GRANT' && lead !== 'DENY' && lead !== 'REVOKE') return -1;
  for (i += 1; PRIVILEGE_LEAD.has(word(i) ?? ''); i++);
  const name = word(i + 1);
  return word(i) === 'SET' && (name === 'PASSWORD' || name === 'PASSWORDS') && word(i + 2) === 'ON' ? i + 1 : -1;
}

/** A quote that never closes: everything from it to the end of the statement may be the password. */
function maskToEnd(marks: Mark[], from: number): void {
  marks[from] = Mark.Secret;
  for (let j = from + 1; j < marks.length; j++) marks[j] = Mark.Continues;
}

function gluedToNeighbour(tokens: readonly IToken[], i: number): boolean {
  const token = tokenAt(tokens, i);
  const previous = tokens[i - 1];
  const next = tokens[i + 1];
  return (
    (previous !== undefined && tokenEnd(previous) === token.startOffset) || (next !== undefined && tokenEnd(token) === next.startOffset)
  );
}

// --- cypher-shell client commands ----------------------------------------------------------------

const isParamCommand = (word: string) => word === 'PARAM' || word === 'PARAMS' || nearMiss(word, 'PARAM', 1) || nearMiss(word, 'PARAMS', 1);

/**
 * `:param name => value` and `:params {name: value}` hold values, often passwords: every value is
 * masked (names stay). Other commands: strings, what follows `=>`, and `-p`/`--password` arguments.
 */
function clientSecrets(tokens: readonly IToken[]): Mark[] {
  const marks = new Array<Mark>(tokens.length).fill(Mark.Shown);
  const word = (tokens[1]?.image ?? '').toUpperCase();
  if (isParamCommand(word)) {
    if (tokens[2]?.tokenType === LBrace) markMapValues(tokens, 2, marks);
    else {
      // The whole value, from its first token to the end of the line, is one secret.
      const first = tokens[3]?.tokenType === Arrow || tokens[3]?.tokenType === Colon ? 4 : 3;
      for (let i = first; i < tokens.length; i++) marks[i] = i === first ? Mark.Secret : Mark.Continues;
    }
    return marks;
  }
  let afterArrow = false;
  for (let i = 2; i < tokens.length; i++) {
    const token = tokenAt(tokens, i);
    if (isQuoteChar(token)) {
      maskToEnd(marks, i);
      break;
    }
    if (token.tokenType === Arrow) afterArrow = true;
    else if (afterArrow || token.tokenType === StringLiteral) marks[i] = Mark.Secret;
  }
  for (const [start, end] of passwordArguments(tokens)) for (let i = start; i < end; i++) marks[i] = Mark.Secret;
  return marks;
}

/** In `{a: 1, b: {c: 'x'}}`, everything but the top-level keys, colons, commas and braces. */
function markMapValues(tokens: readonly IToken[], open: number, marks: Mark[]): void {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const token = tokenAt(tokens, i);
    if (isQuoteChar(token)) {
      maskToEnd(marks, i);
      return;
    }
    const type = token.tokenType;
    if (type === RBrace || type === RBracket || type === RParen) depth -= 1;
    const structure = depth <= 1 && (type === LBrace || type === RBrace || type === Comma || type === Colon);
    const key = depth === 1 && tokens[i + 1]?.tokenType === Colon && (isWord(token) || type === StringLiteral);
    if (!structure && !key) marks[i] = Mark.Secret;
    if (type === LBrace || type === LBracket || type === LParen) depth += 1;
  }
}

/** `-p`, `--password` (then the next word is the password), `-psecret` and `--password=secret`. */
const PASSWORD_FLAG = /^--?p(?:ass(?:word)?)?$/i;
const PASSWORD_GLUED = /^(?:-p[^-]|--?pass(?:word)?=)/i;

/** Token ranges of password arguments, as `:connect -u neo4j -p secret` has them. */
function passwordArguments(tokens: readonly IToken[]): [number, number][] {
  // cypher-shell splits arguments at whitespace; rebuild its words from the glued tokens.
  const words: { start: number; end: number; text: string }[] = [];
  for (let i = 2; i < tokens.length; i++) {
    const token = tokenAt(tokens, i);
    const last = words[words.length - 1];
    if (last && tokenEnd(tokenAt(tokens, i - 1)) === token.startOffset) {
      last.end = i + 1;
      if (last.text.length < 16) last.text += token.image;
    } else words.push({ start: i, end: i + 1, text: token.image });
  }
  const ranges: [number, number][] = [];
  /** After `-p`: the words up to the next option are the password (a stray word before it included). */
  let afterFlag = false;
  for (const w of words) {
    const isOption = w.text.startsWith('-');
    if (isOption) afterFlag = PASSWORD_FLAG.test(w.text);
    if (PASSWORD_GLUED.test(w.text) || (afterFlag && !isOption)) ranges.push([w.start, w.end]);
  }
  return ranges;
}

/** Turns marked tokens into runs; secrets with nothing between them (`abc-def!`) become one run. */
function toRuns(tokens: readonly IToken[], marks: readonly Mark[]): SecretRun[] {
  const runs: { start: number; end: number; quoted: boolean }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const mark = marks[i];
    if (mark === undefined) throw new Error(`toRuns: ${marks.length} marks for ${tokens.length} tokens`);
    if (mark === Mark.Shown) continue;
    const token = tokenAt(tokens, i);
    const start = token.startOffset;
    const end = tokenEnd(token);
    const last = runs[runs.length - 1];
    if (last && (mark === Mark.Continues || last.end === start)) {
      last.end = end;
      last.quoted = false;
    } else runs.push({ start, end, quoted: token.tokenType === StringLiteral });
  }
  return runs;
}
