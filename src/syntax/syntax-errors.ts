/**
 * Syntax errors worded as Neo4j words them: `Invalid input 'USR': expected 'IMMUTABLE', 'ROLE' or 'USER' (line 1,
 * column 8 (offset: 7))`. The expected alternatives come from the grammar itself (what it accepts
 * after the tokens before the error: next-tokens.ts), grouped into Neo4j's phrases: "an identifier",
 * "a string", "an expression", keyword sequences such as 'IF NOT EXISTS'.
 */
import { createTokenInstance, EOF, tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import { GRAMMAR } from '../../grammar/grammar-data.js';
import { COUNT_WORD, escapeBreaks, MAX_LOOKAHEAD, REDUCE_WORD, SUBQUERY_WORD, TRIM_WORD } from '../../grammar/decisions.js';
import {
  DecimalInteger,
  EscapedName,
  FloatLiteral,
  HexInteger,
  Keyword,
  LBrace,
  LBracket,
  LParen,
  Name,
  OctalInteger,
  Parameter,
  RBrace,
  RBracket,
  RParen,
  Slash,
  Star,
  StringLiteral,
  UnescapedName,
  Unknown,
  vocabulary,
} from '../../grammar/tokens.js';
import type { Position, Span } from '../ast/span.js';
import type { Source } from './lines.js';
import { neo4jPositionSuffix, relativeTo, StatusCode, type Diagnostic } from '../diagnostics/codes.js';
import { editDistance } from '../diagnostics/spelling.js';
import { tokenEnd } from '../diagnostics/token-offsets.js';
import { itemAt, tokenAt } from './indexed.js';
import { grammarOf, type GrammarRule } from './grammar.js';
import { nextTokens, type NextToken } from './next-tokens.js';
import { asNeo4jLists, decisionPoint, phraseContinuation } from './decision-points.js';

/** Rules that are fixed keyword sequences: an expected token inside one is shown with the rest of it. */
const KEYWORD_PHRASES: Record<string, readonly TokenType[]> = {
  ifNotExists: [Keyword.IF, Keyword.NOT, Keyword.EXISTS],
  ifExists: [Keyword.IF, Keyword.EXISTS],
  setPasswordFrom: [Keyword.SET, Keyword.PASSWORD, Keyword.FROM],
  orderBy: [Keyword.ORDER, Keyword.BY],
  showUsersTail: [Keyword.WITH, Keyword.AUTH],
  homeDatabase: [Keyword.HOME, Keyword.DATABASE],
  // REMOVE HOME DATABASE (AlterUserAdministrationCommandParserTest `ALTER USER foo REMOVE DEFAULT DATABASE`).
  removeUserClause: [Keyword.HOME, Keyword.DATABASE],
  onDbms: [Keyword.ON, Keyword.DBMS],
  loadPrivilege: [Keyword.LOAD, Keyword.ON],
  writePrivilege: [Keyword.WRITE, Keyword.ON],
  // Only its AS COPY OF is a fixed sequence; ROLE and IMMUTABLE are not in it.
  createRole: [Keyword.AS, Keyword.COPY, Keyword.OF],
};

/**
 * Rules with several fixed sequences, one per alternative: Neo4j lists `'GRAPH', 'DEFAULT GRAPH', 'HOME GRAPH' or
 * 'GRAPHS'` (WritePrivilegeAdministrationCommandParserTest, `WRITE ON DATABASES *`).
 */
const ALTERNATIVE_PHRASES: Record<string, readonly (readonly TokenType[])[]> = {
  databaseScope: [
    [Keyword.HOME, Keyword.DATABASE],
    [Keyword.DEFAULT, Keyword.DATABASE],
  ],
  graphScope: [
    [Keyword.HOME, Keyword.GRAPH],
    [Keyword.DEFAULT, Keyword.GRAPH],
  ],
  // LOAD ON ALL DATA (its LOAD ON is KEYWORD_PHRASES').
  loadPrivilege: [[Keyword.ALL, Keyword.DATA]],
  // SET USER HOME DATABASE, the one HOME of the privileges' own words (Neo4j lists 'HOME DATABASE' after SET USER).
  dbmsPrivilege: [[Keyword.HOME, Keyword.DATABASE]],
};

/**
 * Where the parser's gates look past its one token of lookahead (grammar/parser.ts, atom): a name is a
 * function call (`db.labels(`), list predicate or subquery only by what follows it, and `[x IN` a list
 * comprehension only at its third token. So an atom's readings stay open four tokens longer, and
 * Neo4j's list after `RETURN user` or `RETURN user.name` names what may follow a variable too, not
 * only "an expression" (everything inside an expression is named so, whichever reading it comes from).
 * Not for ever: each open reading multiplies the walk's work, and nested expressions would make it grow
 * without bound (a regex test took a minute so).
 */
const GATED_LOOKAHEAD: Readonly<Record<string, number>> = {
  atom: MAX_LOOKAHEAD + 4,
  postfixExpression: MAX_LOOKAHEAD + 4,
  // After `=` a NOT is a name, not a prefix (grammar/parser.ts, operand): both readings stay open one token longer.
  operand: MAX_LOOKAHEAD + 1,
};

/** grammar/parser.ts's gates on words that are names to the lexer: `count(*)`, and a subquery's EXISTS, COUNT or COLLECT. */
const RULE_GATES: Readonly<Record<string, (first: IToken) => boolean>> = {
  countStar: (first) => COUNT_WORD.test(first.image),
  subqueryExpression: (first) => SUBQUERY_WORD.test(first.image),
  reduceExpression: (first) => REDUCE_WORD.test(first.image),
  trimExpression: (first) => TRIM_WORD.test(first.image),
};

/**
 * The optional tails of YIELD and RETURN. ANTLR cannot choose to enter one by its first token (Cypher 25's
 * ORDER BY, OFFSET, SKIP and LIMIT are also clauses of their own), so it reads on, and where the tail
 * breaks before it ends, the parser passes it by: the error is at its first word, with the list of what
 * may stand there (`YIELD user SKIP 'a'`: "Invalid input 'SKIP': expected ',', 'AS', ..."). WHERE has no
 * such double, and is entered at once.
 */
const BACKED_OUT: ReadonlySet<string> = new Set(['orderBy', 'yieldSkip', 'yieldLimit', 'skip', 'limit']);

/** Beyond this many tokens before the error, content assist is skipped to keep hostile input cheap. */
const MAX_ASSISTED_PREFIX = 400;

/** How Neo4j names what it expected: rule names (a string, an identifier, ...) or token display names. */
interface Expected {
  readonly text: string;
  /** Named after a grammar rule: Neo4j lists these first, sorted by name. */
  readonly rule: boolean;
  /** Tokens sort by their display names, a keyword sequence by its words from the last one back. */
  readonly key: readonly string[];
}

const ruleNamed = (text: string): Expected => ({ text, rule: true, key: [text] });
const tokenNamed = (words: readonly string[]): Expected => ({
  text: words.length === 1 ? itemAt(words, 0) : `'${words.map((w) => w.slice(1, -1)).join(' ')}'`,
  rule: false,
  key: [...words].reverse(),
});

/** Rules where Neo4j expects a variable name rather than any identifier. */
const VARIABLE_RULES = new Set(['yieldItem', 'returnItem', 'listPredicate', 'listComprehension', 'reduceExpression']);

/**
 * Our rules that are Neo4j's expression rules (Cypher25Parser.g4 `expression`, `expression1` to `expression11`,
 * which its error strategy names "an expression"): not the constructs inside them (a call's parentheses, a
 * list's brackets), nor an operator's own later words (WITH of STARTS WITH, those after IS), whose rules
 * (`comparisonExpression6`) are not among them.
 */
const EXPRESSION_RULES: ReadonlySet<string> = new Set(['expression', 'operand', 'postfixExpression', 'atom']);

/**
 * How Neo4j names a terminal that may come next, whose rules are `ruleStack` from the error's context on
 * (NextToken.context): Neo4j's error strategy walks the grammar from the rule the parser failed in, and
 * names a terminal "an expression" where an expression rule holds it below that rule.
 */
function expectedOf(tokenType: TokenType, ruleStack: readonly string[], context: number): Expected {
  // Inside a subquery's braces our grammar takes any tokens: what may come is more of the expression.
  if (ruleStack.slice(context).some((rule) => EXPRESSION_RULES.has(rule)) || ruleStack.includes('subqueryBody')) {
    return ruleNamed('an expression');
  }
  if (tokenType === EOF) return tokenNamed(['<EOF>']);
  if (tokenType === Parameter) return ruleNamed('a parameter');
  if (tokenType === StringLiteral) return ruleNamed('a string');
  if (tokenType === FloatLiteral) return tokenNamed(['a float value']);
  if (tokenType === DecimalInteger) return tokenNamed(['an integer value']);
  if (tokenType === HexInteger) return tokenNamed(['a hexadecimal integer value']);
  if (tokenType === OctalInteger) return tokenNamed(['an octal integer value']);
  // Neo4j's symbolicAliasName holds the dots too: after `db1`, a '.' is more of "a database name". After a dot, the
  // name that must follow is its symbolicNameString's, the rule Neo4j's parser fails in: "an identifier".
  if (ruleStack.includes('databaseName')) return ruleNamed(ruleStack[context] === 'databaseName' ? 'an identifier' : 'a database name');
  // A glob's parts are unescaped names, and a quoted one may follow its dots: Neo4j names both an identifier.
  if (tokenType === Name || tokenType === UnescapedName || tokenType === EscapedName) {
    const rule = ruleStack[ruleStack.length - 2] ?? '';
    return ruleNamed(VARIABLE_RULES.has(rule) ? 'a variable name' : 'an identifier');
  }
  const rule = ruleStack[ruleStack.length - 1] ?? '';
  const keywords = KEYWORD_PHRASES[rule];
  const phrase = keywords?.includes(tokenType) ? keywords : ALTERNATIVE_PHRASES[rule]?.find((p) => p[0] === tokenType);
  const at = phrase?.indexOf(tokenType) ?? -1;
  if (phrase && at >= 0) return tokenNamed(phrase.slice(at).map((t) => `'${t.name}'`));
  return tokenNamed([tokenType.LABEL ?? `'${tokenType.name}'`]);
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (const [i, x] of a.entries()) {
    const y = b[i];
    if (y === undefined) break;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * Content assist walks the grammar along the prefix. Ours (next-tokens.ts) shares its rule stacks and
 * continuations, so it costs about the prefix's length (0.1 ms for one error at 64 brackets;
 * Chevrotain's copied them at each step and grew with length times depth: 80 ms). The budget still
 * counts length times depth, a bound for either. Each script gets a budget of that work; past it,
 * syntax errors still say what and where, without the expected list.
 * Results are shared between errors after the same token types (generated scripts repeat them).
 */
const ASSIST_BUDGET = 50_000;
const MAX_REMEMBERED = 1000;

/** What may come after a prefix, as Neo4j lists it, and where its parser backs out to instead (next-tokens.ts, `backTo`). */
export interface Assisted {
  readonly phrases: readonly string[];
  readonly backTo: number | undefined;
}

const UNASSISTED: Assisted = { phrases: [], backTo: undefined };

export class ContentAssist {
  private remaining = ASSIST_BUDGET;
  private readonly known = new Map<string, Assisted>();

  /** What the grammar accepts after `prefix`, worded and ordered as Neo4j's error strategy does; none past the budget. */
  expectedAfter(prefix: readonly IToken[]): Assisted {
    if (prefix.length > MAX_ASSISTED_PREFIX) return UNASSISTED;
    const key = prefix.map(assistKey).join(',');
    const known = this.known.get(key);
    if (known) return known;
    const cost = (prefix.length + 1) * (1 + nestingDepth(prefix));
    if (cost > this.remaining) return UNASSISTED;
    this.remaining -= cost;
    const assisted = assistedAfter(prefix);
    if (this.known.size < MAX_REMEMBERED) this.known.set(key, assisted);
    return assisted;
  }
}

/** A token as the walk sees it: its type, and for a name the gates it passes (`count(` is not `size(`). */
function assistKey(token: IToken): string {
  if (!tokenMatcher(token, Name)) return String(token.tokenTypeIdx);
  return `${token.tokenTypeIdx}${Object.values(RULE_GATES)
    .map((gate) => (gate(token) ? '+' : '-'))
    .join('')}`;
}

/** The deepest bracket nesting in `tokens`. */
function nestingDepth(tokens: readonly IToken[]): number {
  let depth = 0;
  let deepest = 0;
  for (const token of tokens) {
    if (OPENING.has(token.tokenType)) deepest = Math.max(deepest, ++depth);
    else if (CLOSING.has(token.tokenType)) depth = Math.max(0, depth - 1);
  }
  return deepest;
}

const OPENING = new Set<TokenType>([LParen, LBracket, LBrace, Keyword.CASE]);
const CLOSING = new Set<TokenType>([RParen, RBracket, RBrace, Keyword.END]);

function assistedAfter(prefix: readonly IToken[]): Assisted {
  const { phrases: walked, backTo } = walkedPhrases(prefix);
  const adjusted = asNeo4jLists(prefix, walked);
  return { phrases: adjusted === walked ? walked : inNeo4jOrder(adjusted.map(textNamed)), backTo };
}

/** A phrase as syntax errors show it (`'ON DBMS'`, `an identifier`), back to what it names. */
const textNamed = (text: string): Expected =>
  text === '<EOF>'
    ? tokenNamed([text])
    : text.startsWith("'") && text.length > 2
      ? tokenNamed(
          text
            .slice(1, -1)
            .split(' ')
            .map((w) => `'${w}'`),
        )
      : ruleNamed(text);

/** The grammar's start rule, built from its data on the first syntax error that needs it. */
let statement: GrammarRule | undefined;

function statementRule(): GrammarRule {
  statement ??= grammarOf(GRAMMAR, [...vocabulary, EOF]).get('statement');
  if (!statement) throw new Error('the grammar has no statement rule');
  return statement;
}

/** What our own grammar accepts after `prefix`, worded and ordered as Neo4j's error strategy does. */
function walkedPhrases(prefix: readonly IToken[]): { phrases: string[]; backTo: number | undefined } {
  const suggestions = nextTokens(statementRule(), prefix, {
    maxLookahead: MAX_LOOKAHEAD,
    gatedLookahead: GATED_LOOKAHEAD,
    gates: RULE_GATES,
    backOutOf: BACKED_OUT,
  });
  const context = neo4jContext(suggestions, prefix);
  // A keyword starts a phrase only where the grammar goes on one way after it: `ON HOME` of an ALL
  // privilege (HOME DATABASE or HOME GRAPH) is Neo4j's 'HOME'.
  const byToken = new Map<TokenType, Expected[]>();
  const segmentOpen = suggestions.some(startsSegment);
  for (const s of suggestions) {
    if (segmentOpen && afterPrivilege(s)) continue;
    const expected = expectedOf(s.nextTokenType, s.ruleStack, context);
    const seen = byToken.get(s.nextTokenType) ?? [];
    if (!seen.some((e) => e.text === expected.text)) byToken.set(s.nextTokenType, [...seen, expected]);
  }
  const byText = new Map<string, Expected>();
  for (const [tokenType, expected] of byToken) {
    const phrases = expected.filter((e) => !e.rule && e.key.length > 1);
    const single = phrases.length > 1 ? [tokenNamed([`'${tokenType.name}'`]), ...expected.filter((e) => !phrases.includes(e))] : expected;
    for (const e of single) byText.set(e.text, e);
  }
  if (suggestions.some(offersGroupBy)) byText.set("'GROUP BY'", GROUP_BY);
  if (segmentOpen) byText.set("'FOR'", FOR);
  return { phrases: inNeo4jOrder([...byText.values()]), backTo: suggestions[0]?.backTo };
}

/**
 * Where a graph privilege's segment (NODES, RELATIONSHIPS, ELEMENTS) may begin, Neo4j's parser fails in the privilege's
 * own rule: its list names the segment's words and FOR (property-based rules, `FOR (n) WHERE ...`, out-of-scope.ts),
 * and not the command's TO or FROM after the privilege.
 */
const FOR = tokenNamed(["'FOR'"]);
const startsSegment = (s: NextToken) => s.ruleStack[s.ruleStack.length - 1] === 'graphSegment';
const afterPrivilege = (s: NextToken) => s.nextTokenType === Keyword.TO || s.nextTokenType === Keyword.FROM;

/**
 * RETURN's GROUP BY (Cypher25Parser.g4 of 2026.06), which cypher-sysdb does not parse (out-of-scope.ts): Neo4j offers it
 * wherever RETURN's own ORDER BY may come.
 */
const GROUP_BY = tokenNamed(["'GROUP'", "'BY'"]);
const offersGroupBy = (s: NextToken) => s.nextTokenType === Keyword.ORDER && s.ruleStack[s.ruleStack.length - 2] === 'returnClause';

/**
 * The rule Neo4j's parser fails in, where it differs from ours (one rule up, in the atom): where Neo4j's
 * grammar still has two readings of an atom that ours has told apart, its prediction between them fails
 * in the atom, and all is "an expression".
 * - `any(x IN list` before its WHERE: a call of a function `any` too, to Neo4j (WHERE is optional there).
 * - `reduce(` before its `|`: a call of a function `reduce` too.
 * - `(x`, `($p` and `[(x)`: a node pattern too (`(x)-->()`, a pattern expression or comprehension), which
 *   ours does not model.
 */
function neo4jContext(suggestions: readonly NextToken[], prefix: readonly IToken[]): number {
  const [first] = suggestions;
  if (first === undefined) return 0;
  const { context } = first;
  const rule = first.ruleStack[context];
  const predicateOpen =
    rule === 'listPredicate' && suggestions.some((s) => s.nextTokenType === Keyword.WHERE && s.ruleStack.length === context + 1);
  const nodePatternOpen =
    (rule === 'parenthesizedExpression' && endsWith(prefix, [is(LParen), nodeVariable])) ||
    (rule === 'listLiteral' && endsWith(prefix, [is(LBracket), is(LParen), nodeVariable, is(RParen)]));
  const reduceOpen =
    rule === 'reduceExpression' && !suggestions.some((s) => s.nextTokenType === RParen && s.ruleStack.length === context + 1);
  return predicateOpen || nodePatternOpen || reduceOpen ? context - 1 : context;
}

type TokenTest = (token: IToken) => boolean;
const is =
  (type: TokenType): TokenTest =>
  (token) =>
    token.tokenType === type;
/** What may stand in a node pattern's parentheses alone: its variable, or its properties as a parameter. */
const nodeVariable: TokenTest = (token) => tokenMatcher(token, Name) || token.tokenType === Parameter;

/** Whether the last tokens of `prefix` pass `tail`, one test each. */
function endsWith(prefix: readonly IToken[], tail: readonly TokenTest[]): boolean {
  const tokens = prefix.slice(-tail.length);
  return tokens.length === tail.length && tail.every((test, i) => test(itemAt(tokens, i)));
}

/** Neo4j's order: rule names first, then tokens, each sorted by its key. */
function inNeo4jOrder(all: readonly Expected[]): string[] {
  const rules = all.filter((e) => e.rule).sort((a, b) => compareKeys(a.key, b.key));
  const tokens = all.filter((e) => !e.rule).sort((a, b) => compareKeys(a.key, b.key));
  return [...rules, ...tokens].map((e) => e.text);
}

/** A decision point's phrase: upper-case words are keywords, the rest a rule's name. */
const phraseNamed = (phrase: string): Expected =>
  /^[A-Z]/.test(phrase) ? tokenNamed(phrase.split(' ').map((w) => `'${w}'`)) : ruleNamed(phrase);

function joinAlternatives(phrases: readonly string[]): string {
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(', ')} or ${phrases[phrases.length - 1]}`;
}

/** `Did you mean 'USER'?` when the offending word is a near-miss of an expected keyword. */
function spellingHint(offending: IToken, phrases: readonly string[]): string | undefined {
  if (offending.tokenType === EOF || !/^[\p{L}_]+$/u.test(offending.image)) return undefined;
  const word = offending.image.toUpperCase();
  let best: { keyword: string; distance: number } | undefined;
  for (const phrase of phrases) {
    if (!phrase.startsWith("'")) continue;
    const keyword = phrase.slice(1, -1);
    const [first = ''] = keyword.split(' ');
    const distance = editDistance(word, first);
    const allowed = first.length <= 3 ? 1 : 2;
    if (distance > 0 && distance <= allowed && (!best || distance < best.distance)) best = { keyword, distance };
  }
  return best && `Did you mean '${best.keyword}'?`;
}

/** An unclosed string or comment: the token where it opens, and the error Neo4j gives there. */
export interface Unterminated {
  readonly token: IToken;
  readonly diagnostic: Diagnostic;
}

/**
 * The first string or comment that is never closed. Neo4j's error strategy (CypherErrorStrategy.scala,
 * `isUnclosedQuote`/`isUnclosedComment`) words the error so only when the parser fails at the lone
 * `'`, `"` or `/*`; a lone backtick is an ordinary invalid input there. parse.ts decides which applies.
 */
export function unterminatedDelimiter(tokens: readonly IToken[], source: Source): Unterminated | null {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokenAt(tokens, i);
    const next = tokens[i + 1];
    let message: string | null = null;
    if (token.tokenType === Unknown && /^['"]$/.test(token.image)) {
      message = 'Failed to parse string literal. The query must contain an even number of non-escaped quotes.';
    } else if (token.tokenType === Slash && next?.tokenType === Star && next.startOffset === tokenEnd(token)) {
      message = 'Failed to parse comment. A comment starting on `/*` must have a closing `*/`.';
    }
    // Only a statement that has one pays for positions.
    const statementStart = message && tokens[0] ? positionOf(tokens[0], source) : null;
    if (message && statementStart) {
      const start = positionOf(token, source);
      const span: Span = { start, end: source.position(tokenEnd(token)) };
      return {
        token,
        diagnostic: {
          severity: 'error',
          code: StatusCode.SyntaxError,
          message: `${message}${neo4jPositionSuffix(relativeTo(statementStart, start))}`,
          span,
        },
      };
    }
  }
  return null;
}

function positionOf(token: IToken, source: Source): Position {
  return source.position(token.startOffset);
}

/** TRUE, FALSE and NULL, which are also names to Neo4j's grammar (a variable called `true`). */
const LITERAL_WORDS: ReadonlySet<TokenType> = new Set([Keyword.TRUE, Keyword.FALSE, Keyword.NULL]);

/**
 * The list where the input ends after TRUE, FALSE or NULL inside an expression (`size(true`): there
 * Neo4j's prediction between the literal and a variable of that name meets the end of input and fails,
 * in the atom, and all is "an expression" (an offending token after the word has it read as the literal).
 * After IS and IS NOT, NULL is the null check's own word.
 */
function atEndOf(prefix: readonly IToken[], atEnd: boolean, phrases: readonly string[]): readonly string[] {
  const [first, before, last] = prefix.slice(-3);
  const nullCheck = before?.tokenType === Keyword.IS || (before?.tokenType === Keyword.NOT && first?.tokenType === Keyword.IS);
  const literal = last !== undefined && LITERAL_WORDS.has(last.tokenType) && !nullCheck;
  return atEnd && literal && phrases.includes('an expression') ? ['an expression'] : phrases;
}

/** The end of input, as Chevrotain's parser reports it (no offsets), where a phrase runs to the end. */
const EOF_TOKEN = createTokenInstance(EOF, '', NaN, NaN, NaN, NaN, NaN, NaN);

/**
 * Builds the diagnostic for a parse failure at `failedAt`, an index of `tokens` (the statement's
 * tokens), or their length at the end of input; `end` is where the statement's text ends (its `;`
 * or the end of the script, after trailing spaces and comments), where Neo4j reports an unexpected end of input.
 * `statementStart`: where the text Neo4j receives begins (before a `CYPHER 25` prefix), if not at `tokens[0]`.
 */
export function syntaxError(
  failedAt: number,
  tokens: readonly IToken[],
  end: Position,
  assist: ContentAssist,
  source: Source,
  statementStart?: Position,
): Diagnostic {
  // Neo4j may read on through a phrase of its list that the offending word begins (decision-points.ts).
  const reported = tokens[failedAt];
  const continuation = reported === undefined ? undefined : phraseContinuation(tokens.slice(0, failedAt), tokens.slice(failedAt));
  let offending = (continuation ? tokens[failedAt + continuation.matched] : reported) ?? EOF_TOKEN;
  let atEnd = offending.tokenType === EOF || Number.isNaN(offending.startOffset);
  const index = atEnd ? -1 : tokens.indexOf(offending);
  const listed = listAt(tokens.slice(0, index < 0 ? tokens.length : index), offending, atEnd, assist, continuation?.phrases);
  const { backTo } = listed;
  let { phrases } = listed;
  // Where Neo4j's parser backs out of an optional tail (BACKED_OUT), it fails at the tail's first token, which is no tail there.
  const backed = backTo === undefined ? undefined : tokens[backTo];
  if (backed) {
    offending = backed;
    atEnd = false;
    ({ phrases } = listAt(tokens.slice(0, backTo), backed, false, assist));
  }
  const start = atEnd ? end : positionOf(offending, source);
  const span: Span = atEnd ? { start: end, end } : { start, end: source.position(tokenEnd(offending)) };
  const from = statementStart ?? (tokens[0] ? positionOf(tokens[0], source) : end);
  const suffix = neo4jPositionSuffix(relativeTo(from, start));
  // Neo4j shows line breaks and tabs in the offending text as escapes.
  const image = atEnd ? '' : escapeBreaks(asNeo4jLexes(offending));
  const expected = phrases.length > 0 ? `: expected ${joinAlternatives(phrases)}` : '';
  const hint = atEnd ? undefined : spellingHint(offending, phrases);
  return {
    severity: 'error',
    code: StatusCode.SyntaxError,
    message: `Invalid input '${image}'${expected}${suffix}`,
    span,
    ...(hint ? { hint } : {}),
  };
}

/** The list at `offending` after `prefix`: a decision point's, or the walked one, and where the walk backs out to. */
function listAt(
  prefix: readonly IToken[],
  offending: IToken,
  atEnd: boolean,
  assist: ContentAssist,
  continued?: readonly string[],
): Assisted {
  const point = continued ?? decisionPoint(prefix, atEnd ? undefined : offending);
  if (point) return { phrases: inNeo4jOrder(point.map(phraseNamed)), backTo: undefined };
  const { phrases, backTo } = assist.expectedAfter(prefix);
  return { phrases: atEndOf(prefix, atEnd, phrases), backTo };
}

/** An error of Neo4j's SyntaxChecker (rules checked on the parse tree): a syntax error at `token` with its own words. */
export function checkerError(token: IToken, message: string, source: Source, statementStart: Position): Diagnostic {
  const start = positionOf(token, source);
  return {
    severity: 'error',
    code: StatusCode.SyntaxError,
    message: `${message}${neo4jPositionSuffix(relativeTo(statementStart, start))}`,
    span: { start, end: source.position(tokenEnd(token)) },
  };
}

/**
 * The offending token's text as Cypher25Lexer.g4 cuts it: a parameter is `$` and a name (DOLLAR is a
 * token of its own). A number running on into a name (`4neo4j`) is one token already, as in Neo4j's lexer.
 */
function asNeo4jLexes(token: IToken): string {
  return token.tokenType === Parameter ? '$' : token.image;
}
