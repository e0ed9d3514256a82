/**
 * The Cypher lexer: one pass over the text, dispatching on each token's first character, producing
 * Chevrotain tokens (grammar/tokens.ts) for the parser. It replaces Chevrotain's Lexer, whose regex
 * analysis and the regex parser it ships were a tenth of the core's download, and it is about twice
 * as fast.
 *
 * The rules are the Chevrotain patterns it replaced (test/support/reference-lexer.ts keeps them),
 * in their priority order where two match at one character: whitespace and comments are skipped;
 * strings, quoted names and block comments end where quoted.ts says; an identifier spelled like a
 * keyword is that keyword; anything else is one `Unknown` character (the lexer never fails: the
 * parser reports it as `Invalid input`).
 * test/syntax/lexer.test.ts holds it to the token stream of the Chevrotain Lexer it replaced.
 */
import type { IToken, TokenType } from 'chevrotain';
import { backtickedEnd, blockCommentEnd, ClosingScanner, stringEnd } from './quoted.js';
import * as T from './tokens.js';

/** Punctuation that is one character whatever follows it, by character code. */
const SINGLE = new Map<number, TokenType>(
  (
    [
      [';', T.Semicolon],
      [',', T.Comma],
      ['(', T.LParen],
      [')', T.RParen],
      ['[', T.LBracket],
      [']', T.RBracket],
      ['{', T.LBrace],
      ['}', T.RBrace],
      [':', T.Colon],
      ['*', T.Star],
      ['+', T.Plus],
      ['-', T.Minus],
      ['%', T.Percent],
      ['^', T.Caret],
      ['?', T.Question],
    ] as const
  ).map(([c, type]) => [c.charCodeAt(0), type]),
);

/** Two-character punctuation: the first character, then the second one and its token. */
const PAIRS = new Map<number, { readonly second: number; readonly type: TokenType }[]>(
  (
    [
      ['.', [['.', T.DotDot]]],
      [
        '=',
        [
          ['>', T.Arrow],
          ['~', T.RegexMatch],
        ],
      ],
      [
        '<',
        [
          ['>', T.NotEquals],
          ['=', T.LessEquals],
        ],
      ],
      ['!', [['=', T.BangEquals]]],
      ['>', [['=', T.GreaterEquals]]],
      ['|', [['|', T.Concat]]],
    ] as const
  ).map(([c, seconds]) => [c.charCodeAt(0), seconds.map(([s, type]) => ({ second: s.charCodeAt(0), type }))]),
);

/** What a first character of PAIRS is alone (`!` alone is no token of ours). */
const PAIR_ALONE = new Map<number, TokenType>(
  (
    [
      ['.', T.Dot],
      ['=', T.Equals],
      ['<', T.Less],
      ['>', T.Greater],
      ['|', T.Pipe],
    ] as const
  ).map(([c, type]) => [c.charCodeAt(0), type]),
);

/** JavaScript's `\s`: the lexer's whitespace, ASCII and not. */
function isWhitespace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isAsciiNamePart = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || isDigit(code) || code === 95;

/** Names may use letters of any script: a sticky Unicode regex matches them (by code point). */
const NAME_START = '[\\p{L}_]';
const NAME_PART = '[\\p{L}\\p{N}\\p{Mn}\\p{Mc}\\p{Pc}]';
const NAME = new RegExp(`${NAME_START}${NAME_PART}*`, 'uy');
// After `$`, a name or a number, which runs on through the name characters after it as any number does (`$1a`).
const PARAMETER_NAME = new RegExp(`${NAME_START}${NAME_PART}*|[0-9]${NAME_PART}*`, 'uy');

/** The end of the match of a sticky `regex` at `offset`, or -1. */
function stickyEnd(regex: RegExp, text: string, offset: number): number {
  regex.lastIndex = offset;
  return regex.test(text) ? regex.lastIndex : -1;
}

const UNDERSCORE = 95;

/**
 * The end of a run of digits at `offset` (`isDigitAt` says which), each of which may follow one `_`:
 * Cypher 25 writes `1_000_000` (Cypher25Lexer.g4 INTEGER_PART, `'_'? [0-9]`). The run's first digit
 * may follow a `_` only where `leadingUnderscore` (an exponent's digits are all INTEGER_PARTs).
 */
function digitRunEnd(text: string, offset: number, isDigitAt: (code: number) => boolean, leadingUnderscore = false): number {
  let i = offset;
  for (;;) {
    const skip = text.charCodeAt(i) === UNDERSCORE && (i > offset || leadingUnderscore) ? 1 : 0;
    if (!isDigitAt(text.charCodeAt(i + skip))) return i;
    i += skip + 1;
  }
}

const digitsEnd = (text: string, offset: number): number => digitRunEnd(text, offset, isDigit);

/** `[eE][+-]?` then digits at `offset`: its end, or `offset` when there is no exponent. */
function exponentEnd(text: string, offset: number): number {
  const e = text.charCodeAt(offset);
  if (e !== 101 && e !== 69) return offset;
  const sign = text.charCodeAt(offset + 1);
  const digits = sign === 43 || sign === 45 ? offset + 2 : offset + 1;
  const end = digitRunEnd(text, digits, isDigit, true);
  return end === digits ? offset : end;
}

const isHexDigit = (code: number): boolean => isDigit(code) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);
const isOctalDigit = (code: number): boolean => code >= 48 && code <= 55;

/**
 * A number at `offset` (a digit, or `.` and a digit): its end, and whether it is a float, hex, octal or
 * decimal. Cypher 5 still lexes the old octal form (`0777`: a `0` and more digits) as an octal token,
 * which its AST builder then refuses; the parser says so (grammar/parser.ts checkNumber).
 */
function numberAt(text: string, offset: number): { end: number; type: TokenType } {
  if (text.charCodeAt(offset) === 46) return { end: exponentEnd(text, digitsEnd(text, offset + 1)), type: T.FloatLiteral };
  const integerEnd = digitsEnd(text, offset);
  // FloatLiteral first: digits '.' digits [exponent], or digits exponent.
  if (text.charCodeAt(integerEnd) === 46 && isDigit(text.charCodeAt(integerEnd + 1))) {
    return { end: exponentEnd(text, digitsEnd(text, integerEnd + 1)), type: T.FloatLiteral };
  }
  const exponent = exponentEnd(text, integerEnd);
  if (exponent !== integerEnd) return { end: exponent, type: T.FloatLiteral };
  if (text.charCodeAt(offset) === 48) {
    const radix = text.charCodeAt(offset + 1);
    if (radix === 120 || radix === 111) {
      const end = digitRunEnd(text, offset + 2, radix === 120 ? isHexDigit : isOctalDigit, true);
      if (end > offset + 2) return { end, type: radix === 120 ? T.HexInteger : T.OctalInteger };
    }
    if (integerEnd > offset + 1) return { end: integerEnd, type: T.OctalInteger };
  }
  return { end: integerEnd, type: T.DecimalInteger };
}

const NAME_PART_RUN = new RegExp(`${NAME_PART}*`, 'uy');

/**
 * Where a number token ends: Neo4j's number rules run on through the letters and digits right after
 * them (Cypher25Lexer.g4 `UNSIGNED_DECIMAL_INTEGER: [1-9] INTEGER_PART* PART_LETTER*`, and so on), so
 * `1LIMIT` and `0x1Fg` are one token each, which its AST builder calls an "invalid literal number".
 */
function runOnEnd(text: string, end: number): number {
  let i = end;
  while (isAsciiNamePart(text.charCodeAt(i))) i += 1;
  return text.charCodeAt(i) >= 128 ? stickyEnd(NAME_PART_RUN, text, i) : i;
}

/** Whether `image` is one number as Cypher writes it, with nothing run on after it (see runOnEnd). */
export function isWholeNumber(image: string): boolean {
  return numberAt(image, 0).end === image.length;
}

/** One `Unknown` character: a whole code point (both halves of a surrogate pair). */
function unknownEnd(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  const next = text.charCodeAt(offset + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? offset + 2 : offset + 1;
}

/** The tokens of `text`, offsets counted from its start: keywords typed, end offsets set. */
export function lex(text: string): IToken[] {
  const tokens: IToken[] = [];
  // An unclosed quote is found once per kind, not once per later quote (see ClosingScanner).
  const closing = new ClosingScanner(text);
  const push = (type: TokenType, start: number, end: number) => {
    const image = text.slice(start, end);
    const finalType = type === T.Identifier ? (T.keywordOf(image) ?? type) : type;
    tokens.push({ image, startOffset: start, endOffset: end - 1, tokenTypeIdx: finalType.tokenTypeIdx!, tokenType: finalType });
  };
  let offset = 0;
  while (offset < text.length) {
    const code = text.charCodeAt(offset);
    const start = offset;
    if (isWhitespace(code)) {
      do offset += 1;
      while (isWhitespace(text.charCodeAt(offset)));
      continue;
    }
    if (code === 47) {
      const next = text.charCodeAt(offset + 1);
      if (next === 47) {
        offset += 2;
        for (let c = text.charCodeAt(offset); offset < text.length && c !== 10 && c !== 13; c = text.charCodeAt(offset)) offset += 1;
        continue;
      }
      const end = next === 42 ? closing.end(offset, blockCommentEnd) : -1;
      if (end !== -1) offset = end;
      else push(T.Slash, start, (offset += 1));
      continue;
    }
    if (code === 39 || code === 34 || code === 96) {
      const end = closing.end(offset, code === 96 ? backtickedEnd : stringEnd);
      if (end === -1) push(T.Unknown, start, (offset += 1));
      else push(code === 96 ? T.EscapedName : T.StringLiteral, start, (offset = end));
      continue;
    }
    if (code === 36) {
      const end = text.charCodeAt(offset + 1) === 96 ? backtickedEnd(text, offset + 1) : stickyEnd(PARAMETER_NAME, text, offset + 1);
      if (end === -1) push(T.Unknown, start, (offset += 1));
      else push(T.Parameter, start, (offset = end));
      continue;
    }
    if (isDigit(code) || (code === 46 && isDigit(text.charCodeAt(offset + 1)))) {
      const { end, type } = numberAt(text, offset);
      push(type, start, (offset = runOnEnd(text, end)));
      continue;
    }
    if (isAsciiNamePart(code) || code >= 128) {
      // ASCII names in one loop; a name reaching a non-ASCII character is matched by the regex.
      let end = offset + 1;
      if (code < 128) while (isAsciiNamePart(text.charCodeAt(end))) end += 1;
      if (code >= 128 || text.charCodeAt(end) >= 128) end = stickyEnd(NAME, text, offset);
      if (end === -1) push(T.Unknown, start, (offset = unknownEnd(text, offset)));
      else push(T.Identifier, start, (offset = end));
      continue;
    }
    const single = SINGLE.get(code);
    if (single) {
      push(single, start, (offset += 1));
      continue;
    }
    const second = text.charCodeAt(offset + 1);
    const pair = PAIRS.get(code)?.find((p) => p.second === second);
    if (pair) push(pair.type, start, (offset += 2));
    else push(PAIR_ALONE.get(code) ?? T.Unknown, start, (offset += 1));
  }
  return tokens;
}
