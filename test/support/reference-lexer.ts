/**
 * The Chevrotain Lexer that grammar/lexer.ts replaced, kept as the oracle of its differential test:
 * the same token rules as Chevrotain patterns (custom functions for names, strings and comments),
 * tried in priority order by Chevrotain. Its token types are its own; tests compare names, images and
 * offsets. Keywords are not retyped here: the test compares `Identifier` against the keyword or
 * identifier the new lexer produced by the spelling rule of grammar/tokens.ts.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { backtickedEnd, blockCommentEnd, ClosingScanner, stringEnd } from '../../grammar/quoted.js';

/** Every token that Neo4j accepts where a name is expected: identifiers, `quoted` names and keywords. */
const Name = createToken({ name: 'Name', pattern: Lexer.NA });

const WHITESPACE = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+/;

const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: WHITESPACE, group: Lexer.SKIPPED, line_breaks: true });
const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\n\r]*/, group: Lexer.SKIPPED });
/**
 * Strings, quoted names and block comments are matched by the scanners of quoted.ts, which neither
 * recurse (a regex overflows the stack on a long string) nor rescan (see ClosingScanner). The lexer
 * calls a pattern with the same text for a whole tokenize call, so the scanner lives as long as it.
 */
let closing = new ClosingScanner('');

/** A pattern for what `scan` ends, opening with one of `openers` (a delimiter of one kind per first character). */
function delimited(
  scan: (text: string, start: number) => number,
  openers: readonly string[],
): (text: string, offset: number) => [string] | null {
  return (text, offset) => {
    if (!openers.some((opener) => text.startsWith(opener, offset))) return null;
    if (closing.text !== text) closing = new ClosingScanner(text);
    const end = closing.end(offset, scan);
    return end === -1 ? null : [text.slice(offset, end)];
  };
}

const BlockComment = createToken({
  name: 'BlockComment',
  pattern: delimited(blockCommentEnd, ['/*']),
  start_chars_hint: ['/'],
  group: Lexer.SKIPPED,
  line_breaks: true,
});

const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: delimited(stringEnd, ["'", '"']),
  start_chars_hint: ["'", '"'],
  line_breaks: true,
});

const EscapedName = createToken({
  name: 'EscapedName',
  pattern: delimited(backtickedEnd, ['`']),
  start_chars_hint: ['`'],
  categories: [Name],
  line_breaks: true,
});

/**
 * Chevrotain's regex analysis does not understand the `u` flag, so names (which may use letters of any
 * script) are matched by a sticky Unicode regex behind a custom pattern.
 */
function stickyUnicode(source: string): (text: string, offset: number) => RegExpExecArray | null {
  const regex = new RegExp(source, 'uy');
  return (text, offset) => {
    regex.lastIndex = offset;
    return regex.exec(text);
  };
}

const NAME_START = '[\\p{L}_]';
const NAME_PART = '[\\p{L}\\p{N}\\p{Mn}\\p{Mc}\\p{Pc}]';

const parameterName = stickyUnicode(`${NAME_START}${NAME_PART}*|[0-9]${NAME_PART}*`);

/** `$name`, `$0` or `` $`quoted name` `` (scanned like a quoted name: see EscapedName). */
const Parameter = createToken({
  name: 'Parameter',
  pattern: (text: string, offset: number) => {
    if (text.charCodeAt(offset) !== 36) return null;
    if (text.charCodeAt(offset + 1) === 96) {
      const end = backtickedEnd(text, offset + 1);
      return end === -1 ? null : [text.slice(offset, end)];
    }
    const name = parameterName(text, offset + 1);
    return name ? [`$${name[0]}`] : null;
  },
  start_chars_hint: ['$'],
  line_breaks: true,
});

/**
 * First characters for Chevrotain's first-character dispatch. Above U+00FF Chevrotain buckets
 * characters by blocks of 255 (lexer.js: `255 + ~~(i / 255)`), not 256 as the old lexer assumed: its
 * one hint per 256 missed the bucket of U+FE01-U+FEFF (Arabic presentation forms, variation
 * selectors, small forms) and U+FFFF, which Chevrotain then dropped as lexing errors, silently. Here
 * every character is a hint, so the oracle states the rules and not that bug.
 */
function startCharsFrom(first: string[], fromCode: number): number[] {
  const codes = first.map((c) => c.charCodeAt(0));
  for (let code = fromCode; code < 0x100; code++) codes.push(code);
  for (let code = 0x100; code < 0x10000; code++) codes.push(code);
  return codes;
}

const Identifier = createToken({
  name: 'Identifier',
  pattern: stickyUnicode(`${NAME_START}${NAME_PART}*`),
  start_chars_hint: startCharsFrom([...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_'], 0x80),
  line_breaks: false,
  categories: [Name],
});

/** A number runs on through the name characters right after it (`1LIMIT` is one token), as Neo4j lexes it. */
const number = (source: string) => stickyUnicode(`(?:${source})${NAME_PART}*`);

const FloatLiteral = createToken({
  name: 'FloatLiteral',
  // Digits may each follow one `_` (Cypher 25's INTEGER_PART), but for a number's first digit.
  pattern: number(
    '[0-9](?:_?[0-9])*\\.[0-9](?:_?[0-9])*(?:[eE][+-]?(?:_?[0-9])+)?|\\.[0-9](?:_?[0-9])*(?:[eE][+-]?(?:_?[0-9])+)?|[0-9](?:_?[0-9])*[eE][+-]?(?:_?[0-9])+',
  ),
  start_chars_hint: [...'.0123456789'],
  line_breaks: false,
});
const HexInteger = createToken({
  name: 'HexInteger',
  pattern: number('0x(?:_?[0-9a-fA-F])+'),
  start_chars_hint: ['0'],
  line_breaks: false,
});
// Cypher 5's old octal form (`0777`: a 0 and more digits) is an octal token too.
const OctalInteger = createToken({
  name: 'OctalInteger',
  pattern: number('0o(?:_?[0-7])+|0(?:_?[0-9])+'),
  start_chars_hint: ['0'],
  line_breaks: false,
});
const DecimalInteger = createToken({
  name: 'DecimalInteger',
  pattern: number('[0-9](?:_?[0-9])*'),
  start_chars_hint: [...'0123456789'],
  line_breaks: false,
});

const punct = (name: string, pattern: string): TokenType =>
  createToken({ name, pattern: new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), label: `'${pattern}'` });

const Semicolon = punct('Semicolon', ';');
const Comma = punct('Comma', ',');
const DotDot = punct('DotDot', '..');
const Dot = punct('Dot', '.');
const Arrow = punct('Arrow', '=>');
const RegexMatch = punct('RegexMatch', '=~');
const NotEquals = punct('NotEquals', '<>');
const BangEquals = punct('BangEquals', '!=');
const LessEquals = punct('LessEquals', '<=');
const GreaterEquals = punct('GreaterEquals', '>=');
const Equals = punct('Equals', '=');
const Less = punct('Less', '<');
const Greater = punct('Greater', '>');
const LParen = punct('LParen', '(');
const RParen = punct('RParen', ')');
const LBracket = punct('LBracket', '[');
const RBracket = punct('RBracket', ']');
const LBrace = punct('LBrace', '{');
const RBrace = punct('RBrace', '}');
const Colon = punct('Colon', ':');
const Star = punct('Star', '*');
const Plus = punct('Plus', '+');
const Minus = punct('Minus', '-');
const Slash = punct('Slash', '/');
const Percent = punct('Percent', '%');
const Caret = punct('Caret', '^');
const Question = punct('Question', '?');
const Pipe = punct('Pipe', '|');
const Concat = punct('Concat', '||');

/**
 * Any other character, including a quote that opens a string never closed. The lexer never fails:
 * the parser reports an unknown character as `Invalid input`, like every other unexpected token.
 */
const Unknown = createToken({
  name: 'Unknown',
  pattern: stickyUnicode('[\\s\\S]'),
  start_chars_hint: startCharsFrom([], 0),
  line_breaks: true,
});

/** Tokens the lexer matches, in priority order. */
const lexedTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  StringLiteral,
  EscapedName,
  Parameter,
  FloatLiteral,
  HexInteger,
  OctalInteger,
  DecimalInteger,
  Identifier,
  Semicolon,
  Comma,
  DotDot,
  Dot,
  Arrow,
  RegexMatch,
  NotEquals,
  BangEquals,
  LessEquals,
  GreaterEquals,
  Equals,
  Less,
  Greater,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Colon,
  Star,
  Plus,
  Concat,
  Pipe,
  Minus,
  Slash,
  Percent,
  Caret,
  Question,
  Unknown,
];

const referenceLexer = new Lexer(lexedTokens, {
  // Lines and columns are computed from offsets when spans are built (src/syntax/lines.ts).
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
  skipValidations: true,
});

/** `name:image@start` for each token the old lexer produced (skipped groups dropped). */
export function referenceTokens(text: string): string[] {
  return referenceLexer.tokenize(text).tokens.map((t) => `${t.tokenType.name}:${t.image}@${t.startOffset}`);
}
