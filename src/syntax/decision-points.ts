/**
 * Neo4j's expected lists where its Cypher 25 grammar (Cypher25Parser.g4) offers more than ours:
 * the top-level command decision points list the commands cypher-sysdb does not model too (ALTER
 * DATABASE, DROP INDEX, SHOW FUNCTIONS, ...). Data, not grammar: at these prefixes the error lists
 * Neo4j's alternatives in Neo4j's order; elsewhere our own grammar walk (next-tokens.ts) decides.
 * Each list is pinned by a row in test/fidelity citing the Neo4j parser test it comes from.
 *
 * A prefix is the statement's tokens before the error: keywords upper-cased, names, strings and
 * parameters as `_`, a comma-separated run of them as one `_`. A list is a `|`-separated set:
 * upper-case words are keywords (shown quoted), the rest rule names ("an identifier"). Neo4j's order
 * is the one syntax-errors.ts sorts every list into (rule names first), so the sets can share parts.
 */
import { tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import { graphKeywordAt, TAIL_STARTS } from '../../grammar/decisions.js';
import { Dot, Keyword, LParen, Name, RParen } from '../../grammar/tokens.js';

const AUTH_RULE = 'AUTH RULE|SERVER|USER';
const DENY =
  'ACCESS|ALIAS|ALL|ALTER|ASSIGN|COMPOSITE|CONSTRAINT|CONSTRAINTS|CREATE|DATABASE|DELETE|DROP|EXECUTE|IMPERSONATE|INDEX|INDEXES|MATCH|' +
  `MERGE|NAME|LOAD ON|PRIVILEGE|READ|REMOVE|RENAME|ROLE|SECRETS|SET|SHOW|START|STOP|TERMINATE|TRANSACTION|TRAVERSE|WRITE|${AUTH_RULE}`;
const GRANT = `${DENY}|IMMUTABLE|ROLES`;
const ROLE_NAME = 'a parameter|an identifier|MANAGEMENT';
const GRANTEE = 'a parameter|an identifier|AUTH|USER|USERS';
/** What CREATE and CREATE OR REPLACE make. */
const CREATED =
  'ALIAS|CONSTRAINT|DATABASE|COMPOSITE DATABASE|REPLICA DATABASE|IMMUTABLE|INDEX|FULLTEXT INDEX|' +
  'LOOKUP INDEX|POINT INDEX|RANGE INDEX|TEXT INDEX|VECTOR INDEX|ROLE|AUTH RULE|USER';
const SHOW_ALL = 'CONSTRAINT|CONSTRAINTS|FUNCTION|FUNCTIONS|INDEX|INDEXES|PRIVILEGE|PRIVILEGES|ROLE|ROLES';

const DECISION_POINTS: Readonly<Record<string, string>> = {
  ALTER: `ALIAS|CURRENT|DATABASE|USERS|${AUTH_RULE}`,
  // SHOW and ALTER CURRENT GRAPH TYPE (Cypher25Parser.g4 of 2026.06) are commands cypher-sysdb does not model.
  'ALTER CURRENT': 'USER SET PASSWORD FROM|GRAPH TYPE',
  CREATE: `a graph pattern|${CREATED}|OR REPLACE`,
  'CREATE OR REPLACE': CREATED,
  'CREATE USER': 'a graph pattern|a parameter|an identifier',
  DROP: `ALIAS|COMPOSITE|CONSTRAINT|DATABASE|INDEX|ROLE|${AUTH_RULE}`,
  RENAME: `ROLE|${AUTH_RULE}`,
  GRANT,
  DENY,
  REVOKE: `${GRANT}|DENY|GRANT`,
  'REVOKE DENY': DENY,
  // Where IMMUTABLE, or REVOKE's GRANT, has been read: the same privileges (Neo4j's front end, FRONT_END_MUTANTS=250).
  'GRANT IMMUTABLE': DENY,
  'DENY IMMUTABLE': DENY,
  'REVOKE GRANT': DENY,
  'REVOKE IMMUTABLE': DENY,
  'REVOKE GRANT IMMUTABLE': DENY,
  'REVOKE DENY IMMUTABLE': DENY,
  'GRANT ROLE': ROLE_NAME,
  'REVOKE ROLE': ROLE_NAME,
  'GRANT ROLE _ TO': GRANTEE,
  // ROLE and ROLES are one roleToken in Neo4j's grantRole (and revokeRole, whose FROM takes AUTH RULE too).
  'GRANT ROLES _ TO': GRANTEE,
  'REVOKE ROLE _ FROM': GRANTEE,
  'REVOKE ROLES _ FROM': GRANTEE,
  SHOW:
    `${SHOW_ALL}|ALIAS|ALIASES|ALL|AUTH|CURRENT|DATABASE|DATABASES|DEFAULT DATABASE|HOME DATABASE|EXIST|EXISTENCE|FULLTEXT|BUILT IN|` +
    'KEY|LOOKUP|NODE|POINT|POPULATED|PROCEDURE|PROCEDURES|PROPERTY|RANGE|REL|RELATIONSHIP|SERVER|SERVERS|SETTING|SETTINGS|SUPPORTED|TEXT|' +
    'TRANSACTION|TRANSACTIONS|UNIQUE|UNIQUENESS|USER|USERS|VECTOR',
  'SHOW ALL': SHOW_ALL,
  'SHOW CURRENT': 'GRAPH TYPE|USER',
  // SHOW AUTH RULE[S]: the list at SHOW names AUTH alone (phraseContinuation reads on through it).
  'SHOW AUTH': 'RULE|RULES',
  // SHOW ALL ROLES WITH AUTH RULES likewise. Without ALL or POPULATED, WITH may be a role's name: the walk decides
  // that list, and addedPhrases offers its AUTH.
  ...Object.fromEntries(
    ['ALL ROLE', 'ALL ROLES', 'POPULATED ROLE', 'POPULATED ROLES'].map((roles) => [`SHOW ${roles} WITH`, 'AUTH|USER|USERS']),
  ),
  ...Object.fromEntries(
    ['ROLE', 'ROLES', 'ALL ROLE', 'ALL ROLES', 'POPULATED ROLE', 'POPULATED ROLES'].map((roles) => [
      `SHOW ${roles} WITH AUTH`,
      'RULE|RULES',
    ]),
  ),
};

/**
 * How many tokens a leading `USE db[.name...]` takes: a command after it has the same alternatives
 * (Cypher25Parser.g4: `command: useClause? (createCommand | ...)`), so the lists key on what follows.
 */
function useClauseLength(prefix: readonly IToken[]): number {
  if (prefix[0]?.tokenType !== Keyword.USE || prefix.length < 2) return 0;
  const is = (at: number, type: TokenType) => prefix[at]?.tokenType === type;
  let end = graphKeywordAt(prefix, 1) ? 2 : 1;
  // `(` ... `)` around it, a dotted name, a graph function's arguments (Cypher25Parser.g4's graphReference).
  let opened = 0;
  for (; is(end, LParen); end += 1) opened += 1;
  end += 1;
  while (is(end, Dot) && end + 1 < prefix.length) end += 2;
  if (is(end, LParen)) {
    let depth = 0;
    for (; end < prefix.length; end += 1) {
      depth += is(end, LParen) ? 1 : is(end, RParen) ? -1 : 0;
      if (depth === 0) break;
    }
    end += 1;
  }
  for (; opened > 0 && is(end, RParen); opened -= 1) end += 1;
  return Math.min(end, prefix.length);
}

/** The prefix as DECISION_POINTS keys it. */
function prefixKey(prefix: readonly IToken[]): string {
  const words: string[] = [];
  for (const token of prefix.slice(useClauseLength(prefix))) {
    const upper = token.image.toUpperCase();
    // A keyword's token type is named after its word, a symbol's has a label; the rest are names or values.
    if (token.tokenType.name === upper) words.push(upper);
    else words.push(token.tokenType.LABEL ? token.image : '_');
  }
  return words.join(' ').replace(/_( , _)+/g, '_');
}

/**
 * A prefix key of a privilege command up to `rest` (a regex source): its verb, REVOKE's GRANT or DENY and
 * IMMUTABLE before it (`REVOKE DENY IMMUTABLE REMOVE`). `rest` is the fourth group.
 */
function privilegeKey(rest: string): RegExp {
  return new RegExp(`^(GRANT|DENY|REVOKE)( GRANT| DENY)?( IMMUTABLE)? ${rest}$`);
}

/** A privilege's verb, where Neo4j's grammar also offers AUTH RULE: `GRANT IMMUTABLE CREATE`, `REVOKE DENY SHOW`. */
const PRIVILEGE_VERB = privilegeKey('(CREATE|DROP|RENAME|ALTER|SHOW)');

/** A privilege's REMOVE: `GRANT REMOVE`, `REVOKE DENY IMMUTABLE REMOVE`. */
const PRIVILEGE_REMOVE = privilegeKey('REMOVE');

/** An EXECUTE privilege up to its USER (of USER DEFINED FUNCTION). */
const EXECUTE_USER = privilegeKey('EXECUTE( BOOSTED)? USER');

/** An ALL privilege up to the HOME (or Cypher 5's DEFAULT) of its target. */
const ALL_ON_HOME = privilegeKey('ALL( DBMS| DATABASE| GRAPH)?( PRIVILEGES)? ON (HOME|DEFAULT)');

/** A privilege's ALTER DATABASE and SET DATABASE. */
const ALTER_DATABASE = privilegeKey('ALTER DATABASE');
const SET_DATABASE = privilegeKey('SET DATABASE');

/**
 * SHOW USERS or SHOW ROLES and a word that may also be the first name of SHOW USERS a, b PRIVILEGES: right after
 * it, Neo4j's list offers the rest of that reading too (NAMES_GO_ON). Where its parser reads on (`WHERE ,`), ours
 * has already decided: a known bug of front-end-agreement.test.ts.
 */
const NAME_OR_WORD = new RegExp(`^SHOW (USERS?|ROLES?) (${[...TAIL_STARTS].map((t) => t.name).join('|')})$`);
const NAMES_GO_ON = [',', 'PRIVILEGE', 'PRIVILEGES'];

/** SHOW ROLE[S] WITH, where WITH may also be a role's name (so the walk decides, no decision point). */
const ROLES_WITH = /^SHOW ROLES? WITH$/;

/**
 * What Neo4j's grammar offers after `key` (`prefixKey` of a prefix) that ours does not, where the walk decides the
 * rest of the list: after a privilege's verb the privilege on auth rules (Cypher25Parser.g4 actionForDBMS), and after
 * ALTER the composite databases'; after SHOW ROLES WITH, the AUTH of AUTH RULES; after SHOW USER, the DEFINED of
 * SHOW USER DEFINED FUNCTIONS. Undefined elsewhere.
 * asNeo4jLists adds them to lists, and phraseContinuation reads on through them.
 */
function addedPhrases(key: string): string[] | undefined {
  if (ROLES_WITH.test(key)) return ['AUTH'];
  // SHOW USER DEFINED FUNCTIONS (out-of-scope.ts), after SHOW USER alone.
  if (key === 'SHOW USER') return ['DEFINED'];
  const verb = PRIVILEGE_VERB.exec(key)?.[4];
  return verb === undefined ? undefined : ['AUTH RULE', ...(verb === 'ALTER' ? ['COMPOSITE'] : [])];
}

/** Prefixes longer than this many tokens are not looked up: no decision point is that deep. */
const LONGEST_KEY = 16;

/**
 * Whether Neo4j's command list after `verb` (CREATE, DROP, ALTER, RENAME) has a command on `object`
 * (`DATABASE`, `COMPOSITE DATABASE`, `RANGE INDEX`): a phrase of the list, or one the list names by its
 * first word. out-of-scope.ts tells a command cypher-sysdb does not model from a broken one by it.
 */
export function neo4jCommandOn(verb: string, object: string): boolean {
  const phrases = DECISION_POINTS[verb]?.split('|') ?? [];
  const [word] = object.split(' ');
  return phrases.some((p) => p === object || p === word || p.startsWith(`${object} `));
}

/** The decision point's list after `prefix` (a leading USE aside), or undefined where `prefix` is none. */
function listAfter(prefix: readonly IToken[]): string[] | undefined {
  const length = prefix.length - useClauseLength(prefix);
  if (length === 0 || length > LONGEST_KEY) return undefined;
  return DECISION_POINTS[prefixKey(prefix)]?.split('|');
}

/**
 * Neo4j's expected list when the error is at `offending` after `prefix`, one of the decision points;
 * else undefined. Not where Neo4j's parser would read on: a word that begins a phrase of the list
 * (`AUTH` of 'AUTH RULE'), or a name where a graph pattern may begin (`CREATE p = ...`); Neo4j then
 * reports a later token, which this model does not know.
 */
export function decisionPoint(prefix: readonly IToken[], offending: IToken | undefined): string[] | undefined {
  const phrases = listAfter(prefix);
  if (!phrases || !offending) return phrases;
  const word = offending.image.toUpperCase();
  if (phrases.some((p) => p.startsWith(`${word} `))) return undefined;
  if (phrases[0] === 'a graph pattern' && tokenMatcher(offending, Name)) return undefined;
  return phrases;
}

/**
 * Where the error is at a word that begins phrases of the decision point's list (`SHOW DEFAULT USER`: DEFAULT
 * of 'DEFAULT DATABASE'), Neo4j reads on through the phrase's words and fails at the first that differs,
 * expecting the rest of the phrase (`Invalid input 'USER': expected 'DATABASE'`; 'SET PASSWORD FROM' after
 * `ALTER CURRENT USER`). `following` are the tokens from the offending one on. Returns how many of them
 * matched and the rest of each phrase that got that far; undefined where no phrase begins so, or one is
 * written whole (then it is a command of Neo4j's that cypher-sysdb does not model, or reads another way).
 */
export function phraseContinuation(
  prefix: readonly IToken[],
  following: readonly IToken[],
): { readonly matched: number; readonly phrases: string[] } | undefined {
  // After a privilege's verb, the phrases asNeo4jLists adds ('AUTH RULE'): Neo4j reads on through AUTH there too.
  const phrases = listAfter(prefix) ?? addedPhrases(prefixKey(prefix));
  const first = following[0];
  if (!phrases || first === undefined) return undefined;
  const word = first.image.toUpperCase();
  // A word the list names alone, with a list of its own after it (`SHOW AUTH`: 'RULE' or 'RULES').
  const after = phrases.includes(word) ? listAfter([...prefix, first]) : undefined;
  if (after !== undefined) return { matched: 1, phrases: after };
  // Each phrase the word begins, with how many of its words the text repeats.
  const started = phrases
    .filter((p) => p.startsWith(`${word} `))
    .map((p) => {
      const words = p.split(' ');
      let matched = 1;
      while (matched < words.length && following[matched]?.image.toUpperCase() === words[matched]) matched += 1;
      return { words, matched };
    });
  if (started.length === 0) return undefined;
  const matched = Math.max(...started.map((s) => s.matched));
  const reached = started.filter((s) => s.matched === matched);
  if (reached.some((s) => matched === s.words.length)) return undefined;
  const rest = reached.map((s) => s.words.slice(matched).join(' '));
  // Where a graph pattern may begin (CREATE), Neo4j still offers one: the words may be a pattern's variables.
  return { matched, phrases: phrases[0] === 'a graph pattern' ? ['a graph pattern', ...rest] : rest };
}

/**
 * Where Neo4j's list differs from our walk's by an alternative (syntax-errors.ts puts a changed list back in Neo4j's order):
 * - after IS, '::' and 'TYPED' of the type predicates cypher-sysdb does not model;
 * - after `SHOW ROLE[S]|USER[S] <names>` it names no ',' (RoleAdministrationCommandParserTest `SHOW ROLE role`; the list
 *   rule ends with its loop, so ANTLR's sync lets it end and the caller's PRIVILEGE[S] is all that is expected);
 * - before the string of `SET AUTH` no optional 'PROVIDER' (AlterUserAdministrationCommandParserTest);
 * - after `ALTER DATABASE` of a privilege, 'ON' alone: Neo4j also grants it on databases, which cypher-sysdb
 *   leaves to out-of-scope.ts (DbmsPrivilegeAdministrationCommandParserTest `GRANT ALTER DATABASE DBMS TO role`);
 * - after `GRANT|REVOKE ROLE MANAGEMENT`, 'ON DBMS' too: Neo4j keeps the privilege reading open where ours has
 *   taken MANAGEMENT for a role's name (`GRANT ROLE MANAGEMENT DBMS TO role`);
 * - after an ALL privilege's ON HOME, 'GRAPH' as well as 'DATABASE' (`GRANT ALL GRAPH PRIVILEGES ON HOME TO r`);
 * - after a privilege's CREATE, DROP, RENAME, ALTER or SHOW, 'AUTH RULE' too, and after ALTER 'COMPOSITE'
 *   (Cypher25Parser.g4 actionForDBMS, dbmsPrivilege, showPrivilege): privileges of Neo4j's that are not modelled here;
 * - after a privilege's REMOVE, 'PRIVILEGE' and 'ROLE' as well as 'LABEL': ours has decided on REMOVE LABEL by then;
 * - after `SHOW ... PRIVILEGES AS` no 'REVOKE', and after `EXECUTE [BOOSTED] USER` no 'DEFINED' (Neo4j's front end,
 *   though it reads both: AS REVOKE COMMANDS, USER DEFINED FUNCTIONS);
 * - after `SHOW ROLES WITH`, 'AUTH' too (SHOW ROLES WITH AUTH RULES, not modelled; with ALL, a decision point);
 * - after SHOW USERS or SHOW ROLES and WITH, YIELD or WHERE, ',', 'PRIVILEGE' and 'PRIVILEGES' too (NAME_OR_WORD).
 */
export function asNeo4jLists(prefix: readonly IToken[], phrases: readonly string[]): readonly string[] {
  if (phrases.length === 2 && phrases[0] === 'a string' && phrases[1] === "'PROVIDER'") return ['a string'];
  // After IS, the type predicates' words too (`IS :: STRING`, `IS TYPED STRING`), which out-of-scope.ts leaves unchecked.
  if (phrases.includes("'NORMALIZED'") && phrases.includes("'NULL'")) return [...phrases, "'::'", "'TYPED'"];
  const key = prefixKey(prefix);
  if (phrases.includes("'PRIVILEGE'") && /^SHOW (ROLES?|USERS?) /.test(key)) {
    return phrases.filter((p) => p !== "','");
  }
  if (ALTER_DATABASE.test(key) && phrases.length === 1 && phrases[0] === "'ON DBMS'") {
    return ["'ON'"];
  }
  // SET DATABASE ACCESS is modelled; SET DATABASE DEFAULT LANGUAGE (out-of-scope.ts) is Neo4j's too.
  if (SET_DATABASE.test(key) && phrases.length === 1 && phrases[0] === "'ACCESS'") {
    return [...phrases, "'DEFAULT LANGUAGE'"];
  }
  // After TO USER or FROM USERS, the word may be a user's name (GRANT ROLE r TO USER grants to a user called USER).
  if (/^(GRANT|REVOKE) ROLES? _ (TO|FROM) USERS?$/.test(key) && phrases.length === 2 && phrases[1] === 'an identifier') {
    return [...phrases, "','", '<EOF>'];
  }
  // After TO (or FROM) AUTH, AUTH may be a user's name, or begin AUTH RULE[S] (GRANT ROLE r TO AUTH RULE x).
  if (/^(GRANT ROLES? _ TO|REVOKE ROLES? _ FROM) AUTH$/.test(key) && phrases.includes('<EOF>')) return [...phrases, "'RULE'", "'RULES'"];
  // ALL's target: HOME DATABASE or HOME GRAPH, where our grammar has decided on the database scope by the word after HOME.
  if (ALL_ON_HOME.test(key) && phrases.length === 1 && phrases[0] === "'DATABASE'") return ["'DATABASE'", "'GRAPH'"];
  if (/^(GRANT|REVOKE) ROLE MANAGEMENT$/.test(key) && phrases.includes("','")) {
    return [...phrases, "'ON DBMS'"];
  }
  if (PRIVILEGE_REMOVE.test(key) && phrases.length === 1 && phrases[0] === "'LABEL'") return [...phrases, "'PRIVILEGE'", "'ROLE'"];
  if (/^SHOW\b.* PRIVILEGES? AS$/.test(key)) return phrases.filter((p) => p !== "'REVOKE'");
  if (EXECUTE_USER.test(key)) return phrases.filter((p) => p !== "'DEFINED'");
  const extra = [...(addedPhrases(key) ?? []), ...(NAME_OR_WORD.test(key) ? NAMES_GO_ON : [])];
  return extra.length === 0 ? phrases : [...phrases, ...extra.map((p) => `'${p}'`)];
}
