/**
 * The Cypher tokens cypher-sysdb needs, as the parser sees them; grammar/lexer.ts produces them.
 * Keywords are not lexer rules of their own: the lexer scans identifiers, and an identifier whose
 * upper-cased text is a keyword becomes that keyword (`keywordOf`). One identifier rule is much faster
 * than a hundred keyword rules, and it is how Neo4j behaves: keywords are case-insensitive and almost
 * all of them are also valid names.
 */
import { createToken, type TokenType } from 'chevrotain';

/** Every token that Neo4j accepts where a name is expected: identifiers, `quoted` names and keywords. */
export const Name = createToken({ name: 'Name' });

/** `'...'` or `"..."`, backslash escapes inside (quoted.ts finds the end). */
export const StringLiteral = createToken({ name: 'StringLiteral' });
/** `` `quoted name` `` (a backtick is doubled inside). */
export const EscapedName = createToken({ name: 'EscapedName', categories: [Name] });
/** `$name`, `$0` or `` $`quoted name` ``. */
export const Parameter = createToken({ name: 'Parameter' });
/** Letters of any script, digits, `_` (not first: a digit). */
/** A name written without backticks: identifiers and keywords (Neo4j's unescapedSymbolicNameString, a part of a glob). */
export const UnescapedName = createToken({ name: 'UnescapedName' });
export const Identifier = createToken({ name: 'Identifier', categories: [Name, UnescapedName] });

export const FloatLiteral = createToken({ name: 'FloatLiteral' });
export const HexInteger = createToken({ name: 'HexInteger' });
export const OctalInteger = createToken({ name: 'OctalInteger' });
export const DecimalInteger = createToken({ name: 'DecimalInteger' });

const punct = (name: string, text: string): TokenType => createToken({ name, label: `'${text}'` });

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
/** Only a glob's one-character wildcard (`db.?abel*`). */
export const Question = punct('Question', '?');
export const Pipe = punct('Pipe', '|');
export const Concat = punct('Concat', '||');

/**
 * Any other character, including a quote that opens a string never closed. The lexer never fails:
 * the parser reports an unknown character as `Invalid input`, like every other unexpected token.
 */
export const Unknown = createToken({ name: 'Unknown' });

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
  'NFC',
  'NFD',
  'NFKC',
  'NFKD',
  'NODE',
  'NODES',
  'NONE',
  'NORMALIZED',
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
  'URL',
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
  KEYWORD_WORDS.map((word) => [word, createToken({ name: word, categories: [Name, UnescapedName], label: `'${word}'` })]),
) as { [W in KeywordWord]: TokenType };

const keywordByUpperCase = new Map<string, TokenType>(KEYWORD_WORDS.map((w) => [w, Keyword[w]]));

/** Every token type the parser may see. */
export const vocabulary: TokenType[] = [
  Name,
  UnescapedName,
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
  ...Object.values(Keyword),
];

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

/** The keyword an identifier spelled `image` is, if any. */
export function keywordOf(image: string): TokenType | undefined {
  return keywordBySpelling.get(image) ?? (hasMixedAsciiCase(image) ? keywordByUpperCase.get(image.toUpperCase()) : undefined);
}
