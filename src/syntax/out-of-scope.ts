/**
 * Neo4j commands outside cypher-sysdb's model. Real admin scripts mix user administration with
 * database and graph privileges, database commands and the odd query; Neo4j accepts all of them, so
 * reporting them as syntax errors would be false. When a statement does not parse, this recognises
 * those families by their leading words and says plainly that the statement is not checked.
 *
 * It only runs on statements our grammar rejects, so it can never hide a command we do model; a typo
 * inside a statement of these families is reported as "not supported" rather than as a syntax error.
 */
import type { IToken } from 'chevrotain';
import { Colon, Dot, Equals, Keyword, LBrace, LParen } from '../../grammar/tokens.js';
import { neo4jCommandOn } from './decision-points.js';

/** Clauses that start a graph query (Cypher25Parser.g4 `clause` and `WHEN` of a conditional query; GQL spellings included). */
const QUERY_WORDS = new Set([
  'MATCH',
  'SET',
  'REMOVE',
  'ORDER',
  'SKIP',
  'OFFSET',
  'LIMIT',
  'FOR',
  'WHEN',
  'OPTIONAL',
  'MERGE',
  'CALL',
  'UNWIND',
  'RETURN',
  'WITH',
  'LOAD',
  'FOREACH',
  'FINISH',
  'INSERT',
  'DETACH',
  'NODETACH',
  'DELETE',
  'FILTER',
  'LET',
]);

/** Commands that only exist for databases, servers and transactions. */
const INFRASTRUCTURE_VERBS = new Set(['START', 'STOP', 'ENABLE', 'DEALLOCATE', 'REALLOCATE', 'DRYRUN', 'TERMINATE']);

/** What follows CREATE / DROP / ALTER / SHOW / RENAME in the commands we do not model. */
const OBJECT_WORDS = new Set([
  'DATABASE',
  'DATABASES',
  'ALIAS',
  'ALIASES',
  'SERVER',
  'SERVERS',
  'INDEX',
  'INDEXES',
  'CONSTRAINT',
  'CONSTRAINTS',
  'PROCEDURE',
  'PROCEDURES',
  'FUNCTION',
  'FUNCTIONS',
  'TRANSACTION',
  'TRANSACTIONS',
  'SETTING',
  'SETTINGS',
]);

/** Words that name such a command only together with the next word: `RANGE INDEX`, `AUTH RULES`. */
const QUALIFIED: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    COMPOSITE: ['DATABASE', 'DATABASES'],
    REPLICA: ['DATABASE'],
    HOME: ['DATABASE'],
    DEFAULT: ['DATABASE'],
    SUPPORTED: ['PRIVILEGE', 'PRIVILEGES'],
    AUTH: ['RULE', 'RULES'],
    ...Object.fromEntries(['RANGE', 'TEXT', 'POINT', 'LOOKUP', 'FULLTEXT', 'VECTOR', 'BTREE'].map((kind) => [kind, ['INDEX', 'INDEXES']])),
  }).map(([word, next]) => [word, new Set(next)]),
);

/**
 * Privileges of Neo4j 2026.06's grammar (Cypher25Parser.g4, dbmsPrivilege, databasePrivilege, setPrivilege) that
 * cypher-sysdb does not model: their words, and whether only on databases (`ALTER DATABASE ON DBMS` is modelled).
 */
const UNMODELLED_PRIVILEGES: readonly { readonly words: readonly string[]; readonly onDatabasesOnly: boolean }[] = [
  { words: ['ALTER', 'COMPOSITE', 'DATABASE'], onDatabasesOnly: false },
  { words: ['SET', 'DATABASE', 'DEFAULT', 'LANGUAGE'], onDatabasesOnly: false },
  { words: ['ALTER', 'DATABASE'], onDatabasesOnly: true },
  { words: ['SET', 'DATABASE', 'ACCESS'], onDatabasesOnly: true },
  { words: ['SHOW', 'USER', 'CREDENTIALS'], onDatabasesOnly: false },
];

/** Words of the privileges on secrets (`SECRETS MANAGEMENT`, `WRITE SECRETS`, `READ SECRET 'x'`, `SHOW SECRETS`). */
const SECRET_WORDS = new Set(['SECRET', 'SECRETS']);

/** How a privilege's ON names databases. */
const DATABASE_TARGETS = new Set(['DATABASE', 'DATABASES', 'HOME', 'DEFAULT']);

/**
 * The message for a statement of a family we do not model, or null when it is simply broken.
 */
export function outOfScope(tokens: readonly IToken[]): string | null {
  const words = statementWords(tokens);
  const [first, second] = words;
  if (first === undefined) return null;
  // Cypher 25's auth rules (`CREATE AUTH RULE`, `GRANT ROLE r TO AUTH RULE x`, `SHOW ROLES WITH AUTH RULES`).
  if (words.some((word, i) => word === 'AUTH' && (words[i + 1] === 'RULE' || words[i + 1] === 'RULES')))
    return notChecked('Auth rules', 'are', null);
  // Type predicates (`x IS :: STRING`, `x IS NOT TYPED INTEGER`, `x :: STRING`): Neo4j's type grammar is not modelled.
  if (hasTypePredicate(tokens, words)) return notChecked('Type predicates (IS :: <type>)', 'are', null);
  // RETURN's GROUP BY (Cypher25Parser.g4 of 2026.06): Neo4j accepts `RETURN user, count(*) AS n GROUP BY user`.
  const returns = words.indexOf('RETURN');
  if (returns !== -1 && words.some((word, i) => i > returns && word === 'GROUP' && words[i + 1] === 'BY'))
    return notChecked('GROUP BY', 'is', null);
  // `CYPHER 25` is removed before parsing; other versions and options (`CYPHER 5`, `CYPHER runtime=slotted`, EXPLAIN) are not modelled.
  if (first === 'CYPHER' || first === 'EXPLAIN' || first === 'PROFILE')
    return notChecked('Query options other than CYPHER 25', 'are', null);
  if (INFRASTRUCTURE_VERBS.has(first)) return notChecked(`${first} ${second ?? ''}`.trim(), 'is', null);
  if (['CREATE', 'DROP', 'ALTER', 'SHOW', 'RENAME'].includes(first)) {
    const object = objectWord(words.slice(1));
    // Only commands Neo4j has: `ALTER DATABASES`, `RENAME DATABASE` and `SHOW ALL DATABASES` are its syntax errors
    // (SHOW has every object, SHOW ALL only some).
    const verb = first === 'SHOW' && second === 'ALL' ? 'SHOW ALL' : first;
    if (object !== null && (verb === 'SHOW' || neo4jCommandOn(verb, object))) return notChecked(`${first} ${object}`, 'is', null);
  }
  // Graph types (`SHOW CURRENT GRAPH TYPE`, `ALTER CURRENT GRAPH TYPE SET {...}`).
  if ((first === 'SHOW' || first === 'ALTER') && second === 'CURRENT' && words[2] === 'GRAPH' && words[3] === 'TYPE')
    return notChecked(`${first} CURRENT GRAPH TYPE`, 'is', null);
  const query = QUERY_WORDS.has(first) || firstAfterUse(tokens)?.tokenType === LBrace;
  if (query || (first === 'CREATE' && createsPattern(tokens.slice(startAfterUse(tokens) + 1)))) {
    return notChecked('Graph queries', 'are', 'it runs user administration commands against the system database');
  }
  if (first === 'GRANT' || first === 'DENY' || first === 'REVOKE') return privilegeOutOfScope(first, words);
  return null;
}

/** `::` (two colons, adjacent), or TYPED after IS or IS NOT. */
function hasTypePredicate(tokens: readonly IToken[], words: readonly string[]): boolean {
  const typed = words.some((word, i) => word === 'TYPED' && (words[i - 1] === 'IS' || (words[i - 1] === 'NOT' && words[i - 2] === 'IS')));
  return (
    typed ||
    tokens.some((t, i) => t.tokenType === Colon && tokens[i + 1]?.tokenType === Colon && tokens[i + 1]?.startOffset === t.startOffset + 1)
  );
}

function privilegeOutOfScope(command: string, words: readonly string[]): string | null {
  let verb = command;
  let rest = words.slice(1);
  if (verb === 'REVOKE' && (rest[0] === 'GRANT' || rest[0] === 'DENY')) {
    verb = `REVOKE ${rest[0]}`;
    rest = rest.slice(1);
  }
  if (rest[0] === 'IMMUTABLE') rest = rest.slice(1);
  const on = rest.indexOf('ON');
  if (rest.slice(0, on === -1 ? rest.length : on).some((word) => SECRET_WORDS.has(word)))
    return notChecked('Privileges on secrets', 'are', null);
  const target = on === -1 ? undefined : rest[on + 1];
  const graph = target === 'GRAPH' || target === 'GRAPHS' || ((target === 'HOME' || target === 'DEFAULT') && rest[on + 2] === 'GRAPH');
  // Graph privileges are modelled, so a broken one is a syntax error; only their property-based rules are not.
  if (graph)
    return rest.includes('FOR') ? notChecked('Property-based access control (FOR ... WHERE) in graph privileges', 'is', null) : null;
  // Every other privilege is modelled but these: the rest of a broken one is Neo4j's syntax error.
  const onDatabases = target !== undefined && DATABASE_TARGETS.has(target);
  const unmodelled = UNMODELLED_PRIVILEGES.find(
    (p) => p.words.every((word, i) => rest[i] === word) && rest[p.words.length] === 'ON' && (onDatabases || !p.onDatabasesOnly),
  );
  if (unmodelled === undefined) return null;
  const targetText = target === 'HOME' || target === 'DEFAULT' ? `${target} ${rest[on + 2] ?? ''}`.trim() : target;
  return notChecked(
    `${verb} ${unmodelled.words.join(' ')} ON ${targetText}`,
    'is',
    unmodelled.onDatabasesOnly ? 'it models this privilege ON DBMS only' : null,
  );
}

/** The object of CREATE/DROP/ALTER/SHOW/RENAME, skipping OR REPLACE, ALL, BUILT IN, USER DEFINED and index kinds. */
function objectWord(words: readonly string[]): string | null {
  let i = 0;
  if (words[i] === 'OR' && words[i + 1] === 'REPLACE') i += 2;
  if (words[i] === 'ALL' || words[i] === 'BUILT' || (words[i] === 'USER' && words[i + 1] === 'DEFINED')) {
    i += words[i] === 'ALL' ? 1 : 2;
  }
  const word = words[i];
  const next = words[i + 1];
  if (word === undefined) return null;
  if (OBJECT_WORDS.has(word)) return word;
  return next !== undefined && QUALIFIED.get(word)?.has(next) ? `${word} ${next}` : null;
}

/**
 * After CREATE, a graph pattern: `(`, or a path variable and `=` (`CREATE p = (...)`). Not a `(` further on:
 * `CREATE USER jake SET (` is a broken CREATE USER, which Neo4j reports at the `(`.
 */
function createsPattern(afterCreate: readonly IToken[]): boolean {
  return afterCreate[0]?.tokenType === LParen || afterCreate[1]?.tokenType === Equals;
}

/** Where the statement starts after a leading `USE <database>`. */
function startAfterUse(tokens: readonly IToken[]): number {
  let start = 0;
  if (tokens[0]?.tokenType === Keyword.USE) {
    start = 2;
    while (tokens[start]?.tokenType === Dot) start += 2;
  }
  return start;
}

const firstAfterUse = (tokens: readonly IToken[]): IToken | undefined => tokens[startAfterUse(tokens)];

/** The statement's words in upper case, after a leading `USE <database>`. */
function statementWords(tokens: readonly IToken[]): string[] {
  const words: string[] = [];
  for (const { image } of tokens.slice(startAfterUse(tokens))) {
    // Other tokens (`db.*`, `(jake)`, `{*}`) become '' so that a privilege's own words stay together.
    words.push(/^[A-Za-z_]\w*$/.test(image) ? image.toUpperCase() : '');
  }
  return words;
}

function notChecked(what: string, verb: 'is' | 'are', why: string | null): string {
  return `${what} ${verb} not supported by cypher-sysdb${why ? ` (${why})` : ''}: this statement is not checked.`;
}
