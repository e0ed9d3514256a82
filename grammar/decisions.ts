/**
 * The decisions grammar/parser.ts and the direct reader (src/direct/) share: which words go on a
 * command, which operators chain, what makes a keyword a name, which numbers Neo4j refuses once read.
 * One definition for both, without the parser, so that the core can leave the parser to the tests.
 */
import { EOF, type IToken, type TokenType } from 'chevrotain';
import { isWholeNumber } from './lexer.js';
import {
  BangEquals,
  Caret,
  Comma,
  Concat,
  DecimalInteger,
  Dot,
  Equals,
  EscapedName,
  FloatLiteral,
  Greater,
  GreaterEquals,
  HexInteger,
  Keyword as K,
  LBrace,
  LBracket,
  Less,
  LessEquals,
  LParen,
  Minus,
  Name,
  NotEquals,
  OctalInteger,
  Parameter,
  Percent,
  Pipe,
  Plus,
  RBrace,
  RBracket,
  RegexMatch,
  RParen,
  Slash,
  Star,
} from './tokens.js';

/** The keywords SHOW USERS and SHOW ROLES go on with. */
export const TAIL_STARTS = new Set<TokenType>([K.WITH, K.YIELD, K.WHERE]);

/** The words our commands begin with. */
const COMMAND_WORDS: ReadonlySet<TokenType> = new Set([K.CREATE, K.DROP, K.ALTER, K.RENAME, K.GRANT, K.REVOKE, K.DENY, K.SHOW]);

/**
 * Whether the GRAPH at `tokens[at]`, after USE, is the keyword of `USE GRAPH db` rather than a graph named GRAPH
 * (`USE GRAPH DROP USER x`): Neo4j's parser takes the reading that goes on, so GRAPH is a name where a command follows it
 * (unless another follows that: `USE GRAPH show SHOW USERS`), and where a dot does (`USE graph.byName('system')`).
 */
export function graphKeywordAt(tokens: readonly IToken[], at: number): boolean {
  const next = tokens[at + 1]?.tokenType;
  const after = tokens[at + 2]?.tokenType;
  return (
    tokens[at]?.tokenType === K.GRAPH &&
    next !== undefined &&
    next !== Dot &&
    (!COMMAND_WORDS.has(next) || (after !== undefined && COMMAND_WORDS.has(after)))
  );
}

/** `count(*)`: a name to the lexer, COUNT to the grammar. */
export const COUNT_WORD = /^count$/i;

/** `EXISTS { ... }`, `COUNT { ... }`, `COLLECT { ... }`: subqueries Neo4j parses, then rejects on SHOW commands. */
export const SUBQUERY_WORD = /^(exists|count|collect)$/i;

/** `reduce(acc = init, x IN list | step)`: REDUCE is a keyword to Neo4j, but no reserved word (a variable or a function may be so named). */
export const REDUCE_WORD = /^reduce$/i;

/**
 * Whether the `reduce` at `tokens[at]` starts a reduce expression rather than a call of a function `reduce`. Neo4j's
 * parser reads on until one of the two readings fails: the reduce fails unless `(` is followed by `acc =`, its first
 * comma by `x IN`, and a `|` follows in the same parentheses.
 */
export function isReduceAt(tokens: readonly IToken[], at: number): boolean {
  return calledAt(tokens, at, REDUCE_WORD) && bracketFacts(tokens).reduce.has(at + 1);
}

/** `trim(BOTH 'x' FROM s)`: TRIM is no reserved word either. */
export const TRIM_WORD = /^trim$/i;
const TRIM_SPECIFICATION = /^(both|leading|trailing)$/i;

/**
 * The BOTH, LEADING or TRAILING at `tokens[at]`, inside trim's parentheses, where it is trim's specification: Neo4j's
 * parser takes it so unless what follows makes it a name (`trim(both.x FROM s)`).
 */
export function trimSpecificationAt(tokens: readonly IToken[], at: number): boolean {
  const word = tokens[at];
  const next = tokens[at + 1];
  return (
    word !== undefined &&
    isNameToken(word) &&
    TRIM_SPECIFICATION.test(word.image) &&
    (next === undefined || !CONTINUES_A_NAME.has(next.tokenType))
  );
}

/**
 * Whether the `trim` at `tokens[at]` starts the FROM form rather than a call `trim(s)`: a FROM in its parentheses, or
 * else a specification that no call's argument may go on from (`trim(BOTH s)` fails at its `)`, as Neo4j's parser fails;
 * `trim(BOTH + 1)` is a call).
 */
export function isTrimFromAt(tokens: readonly IToken[], at: number): boolean {
  if (!calledAt(tokens, at, TRIM_WORD)) return false;
  if (bracketFacts(tokens).from.has(at + 1)) return true;
  const after = tokens[at + 3]?.tokenType;
  return trimSpecificationAt(tokens, at + 2) && after !== undefined && !ENDS_OR_GOES_ON.has(after);
}

/** After a call's argument that is a name: its end, or what makes it part of a longer argument. */
const ENDS_OR_GOES_ON: ReadonlySet<TokenType> = new Set([RParen, Comma, Plus, Minus]);

/** Whether trim's characters come before its FROM: not where FROM comes next, unless it is itself a name (`trim(FROM FROM s)`). */
export function trimCharactersAt(tokens: readonly IToken[], at: number): boolean {
  return tokens[at]?.tokenType !== K.FROM || tokens[at + 1]?.tokenType === K.FROM;
}

/** A name `word` followed by `(`. */
function calledAt(tokens: readonly IToken[], at: number, word: RegExp): boolean {
  const name = tokens[at];
  return name !== undefined && isNameToken(name) && word.test(name.image) && tokens[at + 1]?.tokenType === LParen;
}

/** What one pass over a statement's brackets finds, by the index of each `(`: reduce's shape inside, a FROM inside. */
interface BracketFacts {
  readonly reduce: ReadonlySet<number>;
  readonly from: ReadonlySet<number>;
}

const BRACKET_FACTS = new WeakMap<readonly IToken[], BracketFacts>();
const OPENERS: ReadonlySet<TokenType> = new Set([LParen, LBracket, LBrace]);
const CLOSERS: ReadonlySet<TokenType> = new Set([RParen, RBracket, RBrace]);

/** Kept for the statement, so that nested reduces and trims cost no more than one pass. */
function bracketFacts(tokens: readonly IToken[]): BracketFacts {
  let facts = BRACKET_FACTS.get(tokens);
  if (facts === undefined) BRACKET_FACTS.set(tokens, (facts = findBracketFacts(tokens)));
  return facts;
}

/** One pass, with a stack as deep as the brackets. */
function findBracketFacts(tokens: readonly IToken[]): BracketFacts {
  const reduce = new Set<number>();
  const from = new Set<number>();
  const open: { at: number; comma: number; pipe: boolean }[] = [];
  // Any name, even NULL or TRUE (`reduce(null = 0, ...)`), which are never variables elsewhere.
  const nameAt = (i: number) => {
    const token = tokens[i];
    return token !== undefined && isNameToken(token);
  };
  const settle = ({ at, comma, pipe }: { at: number; comma: number; pipe: boolean }) => {
    const shaped = nameAt(at + 1) && tokens[at + 2]?.tokenType === Equals && comma > 0 && nameAt(comma + 1);
    if (pipe && shaped && tokens[comma + 2]?.tokenType === K.IN && tokens[at]?.tokenType === LParen) reduce.add(at);
  };
  for (const [i, token] of tokens.entries()) {
    const type = token.tokenType;
    const top = open[open.length - 1];
    if (OPENERS.has(type)) open.push({ at: i, comma: -1, pipe: false });
    else if (CLOSERS.has(type)) {
      if (top) settle(top);
      open.pop();
    } else if (top && type === Comma && top.comma < 0) top.comma = i;
    else if (top && type === Pipe && top.comma >= 0) top.pipe = true;
    else if (top && type === K.FROM) from.add(top.at);
  }
  // Parentheses left open at the end of the input: a reduce broken off there is still one.
  for (const group of open) settle(group);
  return { reduce, from };
}

export const LIST_PREDICATES = new Set<TokenType>([K.ANY, K.ALL, K.NONE, K.SINGLE]);

const LITERAL_WORDS = new Set<TokenType>([K.TRUE, K.FALSE, K.NULL]);
/** Infix operators that are never a prefix: comparisons, `=~`, `*`, `/`, `%`, `^` and `||`. */
const INFIX_ONLY_SYMBOLS: readonly TokenType[] = [
  Equals,
  NotEquals,
  BangEquals,
  Less,
  Greater,
  LessEquals,
  GreaterEquals,
  RegexMatch,
  Star,
  Slash,
  Percent,
  Caret,
  Concat,
];

/** What never begins an operand, only follows one: the infix-only symbols and the infix keywords. */
const INFIX_WORDS: readonly TokenType[] = [...INFIX_ONLY_SYMBOLS, K.AND, K.OR, K.XOR, K.IN, K.IS, K.STARTS, K.ENDS, K.CONTAINS];

/**
 * After `f(ALL`, tokens that make ALL the argument `all` (`f(all(x IN l WHERE x))`, `f(all.x = 1)`) rather than the
 * keyword. `f(all)` is the keyword and no argument, as Neo4j reads it ("Insufficient parameters for function 'f'").
 */
export const AFTER_ALL_ARGUMENT = new Set<TokenType>([LParen, Comma, Dot, LBracket, ...INFIX_WORDS]);

/**
 * What only continues an operand after a name (`a.b`, an operator that is never a prefix): then the name is the
 * operand's. Not `(` or `[`, which may begin one too: where both readings work, Neo4j's parser takes the first.
 */
const CONTINUES_A_NAME: ReadonlySet<TokenType> = new Set([Dot, ...INFIX_WORDS]);

/** Operators of a higher precedence than NOT (signs included): an operand after one of them takes no NOT prefix. */
export const BINDS_TIGHTER_THAN_NOT = new Set<TokenType>([...INFIX_ONLY_SYMBOLS, Plus, Minus, K.IN, K.CONTAINS, K.WITH]);

/**
 * Neo4j's predicates do not chain: `expression7: expression6 comparisonExpression6?` (Cypher25Parser.g4), so
 * after `a CONTAINS b` no other predicate comes before a comparison or a boolean operator resets it, and after
 * `a IS NULL` not even arithmetic: `a IN b IS NULL` and `a IS NULL + 1` are syntax errors at the second operator.
 */
const PREDICATE_STARTS = new Set<TokenType>([K.IN, K.CONTAINS, K.STARTS, K.ENDS, RegexMatch, K.IS]);
const BELOW_PREDICATES = new Set<TokenType>([K.OR, K.XOR, K.AND, Equals, NotEquals, BangEquals, LessEquals, GreaterEquals, Less, Greater]);

/** Where an expression stands in its run of operators: free, after a predicate (`a IN b`), or after an IS one. */
export type PredicateState = 'free' | 'after-predicate' | 'after-is';

/** The state after the operator `next` (an infix operator's first token, or IS); arithmetic keeps it (`a IN b + c`). */
export function stateAfter(state: PredicateState, next: TokenType): PredicateState {
  if (BELOW_PREDICATES.has(next)) return 'free';
  if (next === K.IS) return 'after-is';
  return PREDICATE_STARTS.has(next) ? 'after-predicate' : state;
}

/** Whether `next` may follow in `state`, as Neo4j's grammar allows it. */
export function mayFollow(state: PredicateState, next: TokenType): boolean {
  if (state === 'free' || BELOW_PREDICATES.has(next)) return true;
  return state === 'after-predicate' && !PREDICATE_STARTS.has(next);
}

/** After `RETURN ALL`, tokens that make ALL a name (`all(...)`, `RETURN all AS a`) rather than the keyword. */
export const AFTER_ALL_AS_NAME = new Set<TokenType>([LParen, EOF, Comma, K.AS, Dot]);

/**
 * Why Neo4j refuses a number token once read, or null: its lexer runs a number on through the letters
 * after it (`1LIMIT` is one token), and Cypher 5's still lexes the old octal form `0777`; its AST
 * builder refuses both. `negative`: a prefix `-` makes it one signed literal, as Neo4j reads it.
 */
export function numberRefusal(token: IToken, negative: boolean): string | null {
  const minus = negative ? '-' : '';
  if (/^0[0-7]+$/.test(token.image)) {
    return `The octal integer literal syntax \`${minus}${token.image}\` is no longer supported, please use \`${minus}0o${token.image.slice(1)}\` instead`;
  }
  if (!isWholeNumber(token.image) || (token.tokenType !== FloatLiteral && /^0[0-9_]/.test(token.image))) return 'invalid literal number';
  return null;
}

export function isVariableToken(token: IToken): boolean {
  return isNameToken(token) && !LITERAL_WORDS.has(token.tokenType);
}

export function isNameToken(token: IToken): boolean {
  return token.tokenType === EscapedName || token.tokenType.CATEGORIES?.includes(Name) === true;
}

const NUMBER_TOKENS: ReadonlySet<TokenType> = new Set([FloatLiteral, DecimalInteger, HexInteger, OctalInteger]);

/**
 * Neo4j's expression3 takes one sign (`(PLUS | MINUS) expression2`), and a number literal its own minus
 * (`numberLiteral: MINUS? ...`): so `- -1` is read, and `-+1`, `+ +1`, `- - - 1` and `- -x` are not. Given an operand's
 * prefixes (NOT, `+`, `-`) and the token after them, the token Neo4j's parser fails at and its error, if any.
 */
export function extraSign(prefixes: readonly IToken[], next: IToken | undefined): { token: IToken; message: string } | undefined {
  for (const [i, prefix] of prefixes.entries()) {
    const before = prefixes[i - 1];
    if (before === undefined || before.tokenType === K.NOT || prefix.tokenType === K.NOT) continue;
    if (prefix.tokenType === Plus) return { token: prefix, message: "Invalid input '+': expected an expression" };
    const following = prefixes[i + 1] ?? next;
    if (following === undefined || following.tokenType === EOF || NUMBER_TOKENS.has(following.tokenType)) return undefined;
    const image = following.tokenType === Parameter ? '$' : escapeBreaks(following.image);
    return { token: following, message: `Invalid input '${image}': expected a number` };
  }
  return undefined;
}

/** Neo4j's grammar reads `any(x IN list)` without its WHERE, and its semantic analysis refuses it at the word. */
export function predicateWithoutWhere(word: IToken): string {
  return `${word.image.toLowerCase()}(...) requires a WHERE predicate`;
}

/** Neo4j shows line breaks and tabs in the offending text of a message as escapes. */
export function escapeBreaks(text: string): string {
  return text.replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
}

/** Neo4j's words for what it refuses once a construct has been read (its SyntaxChecker, parser and semantic analysis). */
export const REFUSED = {
  bangEquals: "Unknown operation '!=' (you probably meant to use '<>', which is the operator for inequality testing)",
  emptySlice: 'The start or end (or both) is required for a collection slice',
  mixedGlobBlock: 'Each part of the glob (a block of text up until a dot) must either be fully escaped or not escaped at all.',
} as const;

const TARGET_WORDS: ReadonlySet<TokenType> = new Set([K.DBMS, K.DATABASE, K.DATABASES, K.GRAPH, K.GRAPHS]);
const DEFAULT_TARGETS: ReadonlySet<TokenType> = new Set([K.HOME, K.DEFAULT]);

/**
 * Neo4j's SyntaxChecker (checkAllPrivilege): an ALL privilege's type must begin the word of its target
 * (so ALL DATABASE PRIVILEGES ON DATABASES is one). `first` and `second` are the tokens after ON; the
 * word is DBMS, DATABASE(S) or GRAPH(S), or for ALL DBMS PRIVILEGES a HOME or DEFAULT. The checker
 * judges the word once it is read, though the rest of the target may fail to parse
 * (`ALL DBMS PRIVILEGES ON HOME TO`: Invalid input 'HOME': expected "DBMS"). Null where it reads no
 * word or the word fits; else the word and Neo4j's words for it.
 */
export function allTargetRefusal(
  type: TokenType,
  first: IToken | undefined,
  second: IToken | undefined,
): { token: IToken; message: string } | null {
  const dbms = type === K.DBMS;
  const word =
    first !== undefined && DEFAULT_TARGETS.has(first.tokenType) && !dbms
      ? second !== undefined && (second.tokenType === K.DATABASE || second.tokenType === K.GRAPH)
        ? second
        : undefined
      : first !== undefined && (TARGET_WORDS.has(first.tokenType) || (dbms && DEFAULT_TARGETS.has(first.tokenType)))
        ? first
        : undefined;
  if (word === undefined || word.tokenType.name.startsWith(type.name)) return null;
  return { token: word, message: `Invalid input '${word.tokenType.name}': expected "${type.name}"` };
}

/** Tokens of lookahead per decision; content assist (src/syntax/next-tokens.ts) relies on it too. */
export const MAX_LOOKAHEAD = 1;
