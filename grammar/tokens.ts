/**
 * The Cypher tokens cypher-sysdb needs. Keywords are not lexer patterns of their own: the lexer
 * produces identifiers, and `retypeKeywords` turns an identifier whose upper-cased text is a keyword
 * into that keyword. One identifier pattern is much faster than a hundred keyword patterns, and it is
 * how Neo4j behaves: keywords are case-insensitive and almost all of them are also valid names.
 */
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';
import { backtickedEnd, blockCommentEnd, ClosingScanner, stringEnd } from './quoted.js';

/** Every token that Neo4j accepts where a name is expected: identifiers, `quoted` names and keywords. */
export const Name = createToken({ name: 'Name', pattern: Lexer.NA });

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

export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: delimited(stringEnd, ["'", '"']),
  start_chars_hint: ["'", '"'],
  line_breaks: true,
});

export const EscapedName = createToken({
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

const parameterName = stickyUnicode(`${NAME_START}${NAME_PART}*|[0-9]+`);

/** `$name`, `$0` or `` $`quoted name` `` (scanned like a quoted name: see EscapedName). */
export const Parameter = createToken({
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
 * First characters for Chevrotain's first-character dispatch (which keeps the lexer fast). Above
 * U+00FF Chevrotain buckets characters by blocks of 256, so one character per block stands for all.
 */
function startCharsFrom(first: string[], fromCode: number): number[] {
  const codes = first.map((c) => c.charCodeAt(0));
  for (let code = fromCode; code < 0x100; code++) codes.push(code);
  for (let block = 0x100; block < 0x10000; block += 0x100) codes.push(block);
  return codes;
}

export const Identifier = createToken({
  name: 'Identifier',
  pattern: stickyUnicode(`${NAME_START}${NAME_PART}*`),
  start_chars_hint: startCharsFrom([...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_'], 0x80),
  line_breaks: false,
  categories: [Name],
});

export const FloatLiteral = createToken({
  name: 'FloatLiteral',
  pattern: /(?:[0-9]+\.[0-9]+(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?|[0-9]+[eE][+-]?[0-9]+)/,
});
export const HexInteger = createToken({ name: 'HexInteger', pattern: /0x[0-9a-fA-F]+/ });
export const OctalInteger = createToken({ name: 'OctalInteger', pattern: /0o[0-7]+/ });
export const DecimalInteger = createToken({ name: 'DecimalInteger', pattern: /[0-9]+/ });

const punct = (name: string, pattern: string): TokenType =>
  createToken({ name, pattern: new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), label: `'${pattern}'` });

export const Semicolon = punct('Semicolon', ';');
export const Comma = punct('Comma', ',');
export const DotDot = punct('DotDot', '..');
export const Dot = punct('Dot', '.');
export const Arrow = punct('Arrow', '=>');
export const RegexMatch = punct('RegexMatch', '=~');
export const NotEquals = punct('NotEquals', '<>');
export const BangEquals = punct('BangEquals', '!=');
export const LessEquals = punct('LessEquals', '<=');
export const GreaterEquals = punct('GreaterEquals', '>=');
export const Equals = punct('Equals', '=');
export const Less = punct('Less', '<');
export const Greater = punct('Greater', '>');
export const LParen = punct('LParen', '(');
export const RParen = punct('RParen', ')');
export const LBracket = punct('LBracket', '[');
export const RBracket = punct('RBracket', ']');
export const LBrace = punct('LBrace', '{');
export const RBrace = punct('RBrace', '}');
export const Colon = punct('Colon', ':');
export const Star = punct('Star', '*');
export const Plus = punct('Plus', '+');
export const Minus = punct('Minus', '-');
export const Slash = punct('Slash', '/');
export const Percent = punct('Percent', '%');
export const Caret = punct('Caret', '^');
export const Pipe = punct('Pipe', '|');
export const Concat = punct('Concat', '||');

/**
 * Any other character, including a quote that opens a string never closed. The lexer never fails:
 * the parser reports an unknown character as `Invalid input`, like every other unexpected token.
 */
export const Unknown = createToken({
  name: 'Unknown',
  pattern: stickyUnicode('[\\s\\S]'),
  start_chars_hint: startCharsFrom([], 0),
  line_breaks: true,
});

/** The keywords of the commands we parse. Each is also a `Name`, as in Neo4j. */
const KEYWORD_WORDS = [
  'ACCESS',
  'ACTIVE',
  'ADD',
  'ADMIN',
  'ADMINISTRATOR',
  'ALIAS',
  'ALL',
  'ALTER',
  'AND',
  'ANY',
  'AS',
  'ASC',
  'ASCENDING',
  'ASSIGN',
  'AUTH',
  'BOOSTED',
  'BY',
  'CASE',
  'CHANGE',
  'CIDR',
  'COMMAND',
  'COMMANDS',
  'COMPOSITE',
  'CONSTRAINT',
  'CONSTRAINTS',
  'CONTAINS',
  'COPY',
  'CREATE',
  'CURRENT',
  'DATA',
  'DATABASE',
  'DATABASES',
  'DBMS',
  'DEFAULT',
  'DEFINED',
  'DELETE',
  'DENY',
  'DESC',
  'DESCENDING',
  'DISTINCT',
  'DROP',
  'ELEMENT',
  'ELEMENTS',
  'ELSE',
  'ENCRYPTED',
  'END',
  'ENDS',
  'EXECUTE',
  'EXISTS',
  'FALSE',
  'FROM',
  'FUNCTION',
  'FUNCTIONS',
  'GRANT',
  'GRAPH',
  'GRAPHS',
  'HOME',
  'ID',
  'IF',
  'IMMUTABLE',
  'IMPERSONATE',
  'IN',
  'INDEX',
  'INDEXES',
  'IS',
  'LABEL',
  'LABELS',
  'LIMIT',
  'LOAD',
  'MANAGEMENT',
  'MATCH',
  'MERGE',
  'METADATA',
  'NAME',
  'NAMES',
  'NEW',
  'NODE',
  'NODES',
  'NONE',
  'NOT',
  'NULL',
  'OF',
  'OFFSET',
  'ON',
  'OR',
  'ORDER',
  'PASSWORD',
  'PASSWORDS',
  'PLAINTEXT',
  'POPULATED',
  'PRIVILEGE',
  'PRIVILEGES',
  'PROCEDURE',
  'PROCEDURES',
  'PROPERTY',
  'PROVIDER',
  'PROVIDERS',
  'READ',
  'RELATIONSHIP',
  'RELATIONSHIPS',
  'REMOVE',
  'RENAME',
  'REPLACE',
  'REQUIRED',
  'RETURN',
  'REVOKE',
  'ROLE',
  'ROLES',
  'SERVER',
  'SERVERS',
  'SET',
  'SETTING',
  'SETTINGS',
  'SHOW',
  'SINGLE',
  'SKIP',
  'START',
  'STARTS',
  'STATUS',
  'STOP',
  'SUSPENDED',
  'TAG',
  'TAGS',
  'TERMINATE',
  'THEN',
  'TO',
  'TRANSACTION',
  'TRANSACTIONS',
  'TRAVERSE',
  'TRUE',
  'TYPE',
  'TYPES',
  'USE',
  'USER',
  'USERS',
  'WHEN',
  'WHERE',
  'WITH',
  'WRITE',
  'XOR',
  'YIELD',
] as const;

export type KeywordWord = (typeof KEYWORD_WORDS)[number];

export const Keyword: { readonly [W in KeywordWord]: TokenType } = Object.fromEntries(
  KEYWORD_WORDS.map((word) => [word, createToken({ name: word, pattern: Lexer.NA, categories: [Name], label: `'${word}'` })]),
) as { [W in KeywordWord]: TokenType };

const keywordByUpperCase = new Map<string, TokenType>(KEYWORD_WORDS.map((w) => [w, Keyword[w]]));

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
  Unknown,
];

/** Every token type the parser may see. */
export const vocabulary: TokenType[] = [Name, ...lexedTokens, ...Object.values(Keyword)];

export const cypherLexer = new Lexer(lexedTokens, {
  // Lines and columns are computed from offsets when spans are built (src/syntax/lines.ts).
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
  skipValidations: true,
});

/**
 * Finishes freshly lexed tokens, in place: identifiers spelled like keywords become those keywords, and
 * every token gets its end offset (the lexer tracks start offsets only, which is faster).
 */
/**
 * Keywords spelled all upper or all lower case are found without folding the case (the common case
 * in scripts); only mixed-case ASCII words are folded. Neo4j's lexer matches keywords letter by
 * letter over ASCII ([sS][eE][tT]), so a word with any non-ASCII letter is never a keyword.
 */
const keywordBySpelling = new Map(
  [...keywordByUpperCase].flatMap(([upper, type]) => [[upper, type] as const, [upper.toLowerCase(), type] as const]),
);

function hasMixedAsciiCase(image: string): boolean {
  let upper = false;
  let lower = false;
  for (let i = 0; i < image.length; i++) {
    const c = image.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
    else if (c > 127) return false;
  }
  return upper && lower;
}

export function retypeKeywords(tokens: IToken[]): void {
  for (const token of tokens) {
    token.endOffset = token.startOffset + token.image.length - 1;
    if (token.tokenType === Identifier) {
      const image = token.image;
      const keyword = keywordBySpelling.get(image) ?? (hasMixedAsciiCase(image) ? keywordByUpperCase.get(image.toUpperCase()) : undefined);
      if (keyword) {
        token.tokenType = keyword;
        token.tokenTypeIdx = keyword.tokenTypeIdx!;
      }
    }
  }
}
