/**
 * The direct reader (src/direct/) against the parser it stands in for (grammar/parser.ts + src/visitor/):
 * wherever the direct reader returns a tree, the parser accepts the same tokens and builds the same tree,
 * key for key and span for span; and it gives up exactly where the parser refuses (test/support/direct.ts).
 */
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Keyword } from '../../grammar/tokens.js';
import { format, parse } from '../../src/index.js';
// @ts-expect-error: a plain ES module of the build scripts, without types
import { generatePrivilegeStatements, generateStatements } from '../../scripts/corpus.js';
import { arbitraryStatement } from '../support/arbitraries.js';
import { VALID_STATEMENTS } from '../support/corpus.js';
import { expectDirectAgreement } from '../support/direct.js';
import { SPEC_EXAMPLES } from '../support/spec-examples.js';

const benchCorpus = generateStatements(3000, 11);
const privilegeCorpus: string[] = generatePrivilegeStatements(1000, 3);

const fixtureScripts = readdirSync('fixtures')
  .filter((f) => f.endsWith('.cypher'))
  .map((f) => readFileSync(join('fixtures', f), 'utf8'));

/** Forms the direct reader reads, each with the decisions it shares with the parser. */
const DIRECT_FORMS: readonly string[] = [
  "CREATE USER jake SET PLAINTEXT PASSWORD 'abcd1234' CHANGE NOT REQUIRED SET STATUS ACTIVE",
  "CREATE USER jake SET ENCRYPTED PASSWORD '1,aa,bb' SET PASSWORD CHANGE REQUIRED SET HOME DATABASE `my.db`.x",
  "CREATE OR REPLACE USER $u SET PASSWORD $p SET AUTH PROVIDER 'oidc' {SET ID $id SET PASSWORD CHANGE NOT REQUIRED SET ENCRYPTED PASSWORD 'x'}",
  "CREATE USER jake SET PASSWORD 'abcd1234' SET TAGS 'a', 'b' SET TAG []",
  "CREATE USER jake SET PASSWORD 'abcd1234' SET HOME DATABASE $db",
  "ALTER USER jake REMOVE HOME DATABASE REMOVE ALL AUTH PROVIDERS REMOVE ALL TAG REMOVE AUTH PROVIDER $p REMOVE AUTH 'a', 'b' REMOVE TAGS $t",
  "ALTER USER jake ADD TAG 'x' ADD TAGS ['y', 'z'] SET STATUS SUSPENDED",
  'ALTER USER jake',
  "ALTER USERS a, $b, `c d` IF EXISTS REMOVE ALL TAGS REMOVE TAG 'x' ADD TAGS ['y'] SET TAGS $t",
  "ALTER CURRENT USER SET PASSWORD FROM $old TO 'new-password'",
  'DROP ROLE reader IF EXISTS',
  'RENAME ROLE a IF EXISTS TO b',
  'CREATE OR REPLACE IMMUTABLE ROLE r IF NOT EXISTS AS COPY OF $other',
  'GRANT ROLE management TO user',
  'GRANT ROLES a, b TO USERS c, d',
  'REVOKE ROLE a FROM USER',
  'REVOKE ROLE r FROM USER user',
  'USE system CREATE ROLE x',
  'USE a.b.c DROP USER x',
  'SHOW USERS',
  'SHOW USER',
  'SHOW USERS WITH AUTH YIELD *',
  'SHOW ROLES WITH USERS',
  'SHOW ALL ROLES WITH USER YIELD role, member AS m WHERE m IS NOT NULL',
  'SHOW POPULATED ROLE',
  'SHOW CURRENT USER YIELD user ORDER BY user ASC, roles DESCENDING OFFSET 0 LIMIT 1 WHERE user <> $me RETURN DISTINCT user',
  'SHOW USERS YIELD user, roles RETURN *, size(roles) + 1 AS n, toLower(user), (user), user.x.y ORDER BY n SKIP 1 + 1 LIMIT $l',
  'SHOW USERS YIELD * RETURN * ORDER BY user',
  "SHOW USERS WHERE NOT NOT suspended XOR user =~ 'a.*' OR 1 < 2 <= 3 AND 'a' IN [user, 'b'] AND home IS NULL",
  "SHOW USERS WHERE user STARTS WITH 'a' AND user ENDS WITH 'z' AND user CONTAINS 'm' AND 2 ^ 3 * 4 / 5 % 6 - 7 || 'x' = 'y'",
  'SHOW USERS WHERE db.f.g(1, [], [[]], true, false, null) = apoc.x()',
  'SHOW USERS WHERE (a IN b) IN c',
  'SHOW USERS WHERE a IN b = c IN d',
  'GRANT ROLE MANAGEMENT ON DBMS TO r',
  'GRANT CREATE USER ON DBMS TO r',
  'DENY ALL ON DBMS TO r',
  'GRANT IMMUTABLE ALL DBMS PRIVILEGES ON DBMS TO a, $b',
  'GRANT ALL DATABASE PRIVILEGES ON DATABASES * TO r',
  'GRANT ALL PRIVILEGES ON HOME GRAPH TO r',
  'GRANT ALL ON DEFAULT DATABASE TO r',
  'GRANT ALL GRAPH PRIVILEGES ON GRAPH a.b, $g, `c` TO r',
  'REVOKE GRANT CREATE COMPOSITE DATABASE ON DBMS FROM r',
  'REVOKE DENY DROP DATABASE ON DBMS FROM r',
  'REVOKE ROLE MANAGEMENT ON DBMS FROM r',
  'REVOKE IMMUTABLE RENAME ROLE ON DBMS FROM r',
  'GRANT CREATE ROLE ON DBMS TO r',
  'GRANT CREATE INDEXES ON DATABASE neo4j TO r',
  'GRANT CREATE CONSTRAINT ON DATABASE * TO r',
  'GRANT CREATE NEW NODE LABELS ON DATABASE * TO r',
  'GRANT CREATE NEW TYPE ON DATABASE * TO r',
  'GRANT CREATE NEW PROPERTY NAMES ON DATABASE * TO r',
  'GRANT CREATE ALIAS ON DBMS TO r',
  'GRANT CREATE ON GRAPH * NODES A, B TO r',
  'GRANT DROP USER ON DBMS TO r',
  'GRANT DROP COMPOSITE DATABASE ON DBMS TO r',
  'GRANT DROP CONSTRAINTS ON HOME DATABASE TO r',
  'GRANT DROP ALIAS ON DBMS TO r',
  'GRANT RENAME USER ON DBMS TO r',
  'GRANT TERMINATE TRANSACTIONS (a, $b) ON DATABASE * TO r',
  'GRANT TRANSACTION MANAGEMENT (*) ON DATABASE * TO r',
  'GRANT TRANSACTION ON DATABASE * TO r',
  'GRANT ACCESS ON DATABASES a, b TO r',
  'GRANT START ON DATABASE * TO r',
  'GRANT STOP ON DATABASE * TO r',
  'GRANT LOAD ON ALL DATA TO r',
  "GRANT LOAD ON CIDR '10.0.0.0/8' TO r",
  'GRANT LOAD ON CIDR $range TO r',
  'GRANT WRITE ON GRAPH * TO r',
  'GRANT TRAVERSE ON GRAPH * RELATIONSHIPS * TO r',
  'GRANT DELETE ON GRAPHS g ELEMENTS x TO r',
  'GRANT READ {*} ON GRAPH * TO r',
  'GRANT MATCH {a, `b c`} ON GRAPH * NODE A TO r',
  'GRANT MERGE {a} ON GRAPH * TO r',
  'GRANT EXECUTE ADMINISTRATOR PROCEDURES ON DBMS TO r',
  'GRANT EXECUTE BOOSTED PROCEDURE db.*, apoc.?x ON DBMS TO r',
  'GRANT EXECUTE USER DEFINED FUNCTIONS * ON DBMS TO r',
  'GRANT EXECUTE BOOSTED USER FUNCTION a.b ON DBMS TO r',
  'GRANT EXECUTE FUNCTION `a b`.c ON DBMS TO r',
  'GRANT EXECUTE PROCEDURES *ON ON DBMS TO r',
  'GRANT EXECUTE PROCEDURE db .labels ON DBMS TO r',
  'GRANT IMPERSONATE (a, b) ON DBMS TO r',
  'GRANT IMPERSONATE ON DBMS TO r',
  'GRANT REMOVE LABEL * ON GRAPH * TO r',
  'GRANT REMOVE ROLE ON DBMS TO r',
  'GRANT REMOVE PRIVILEGE ON DBMS TO r',
  'GRANT ASSIGN ROLE ON DBMS TO r',
  'GRANT ASSIGN PRIVILEGE ON DBMS TO r',
  'GRANT ALTER USER ON DBMS TO r',
  'GRANT ALTER ALIAS ON DBMS TO r',
  'GRANT ALTER DATABASE ON DBMS TO r',
  'GRANT SHOW USER METADATA ON DBMS TO r',
  'GRANT SHOW USER ON DBMS TO r',
  'GRANT SHOW ROLE ON DBMS TO r',
  'GRANT SHOW PRIVILEGE ON DBMS TO r',
  'GRANT SHOW ALIAS ON DBMS TO r',
  'GRANT SHOW SERVERS ON DBMS TO r',
  'GRANT SHOW SETTINGS db.*, `x` ON DBMS TO r',
  'GRANT SHOW INDEX ON DATABASE * TO r',
  'GRANT SHOW CONSTRAINTS ON DATABASE * TO r',
  'GRANT SHOW TRANSACTIONS (u) ON DATABASE * TO r',
  'GRANT SET PASSWORDS ON DBMS TO r',
  'GRANT SET AUTH ON DBMS TO r',
  'GRANT SET USER STATUS ON DBMS TO r',
  'GRANT SET USER METADATA ON DBMS TO r',
  'GRANT SET USER HOME DATABASE ON DBMS TO r',
  'GRANT SET DATABASE ACCESS ON DBMS TO r',
  'GRANT SET LABEL A, B ON GRAPH * TO r',
  'GRANT SET PROPERTY {p} ON GRAPH * RELATIONSHIP R TO r',
  'GRANT USER MANAGEMENT ON DBMS TO r',
  'GRANT USER METADATA MANAGEMENT ON DBMS TO r',
  'GRANT PRIVILEGE MANAGEMENT ON DBMS TO r',
  'GRANT COMPOSITE DATABASE MANAGEMENT ON DBMS TO r',
  'GRANT DATABASE MANAGEMENT ON DBMS TO r',
  'GRANT ALIAS MANAGEMENT ON DBMS TO r',
  'GRANT SERVER MANAGEMENT ON DBMS TO r',
  'GRANT INDEX MANAGEMENT ON DATABASE * TO r',
  'GRANT CONSTRAINTS ON DATABASE * TO r',
  'GRANT NAME MANAGEMENT ON DATABASE * TO r',
  'SHOW PRIVILEGES',
  'SHOW ALL PRIVILEGE AS REVOKE COMMANDS',
  "SHOW PRIVILEGES AS COMMAND YIELD command WHERE command STARTS WITH 'GRANT' RETURN command",
  'SHOW PRIVILEGES WHERE role = $r',
  'SHOW USER jake PRIVILEGES',
  'SHOW USERS privileges',
  'SHOW USER PRIVILEGES',
  'SHOW USERS PRIVILEGES PRIVILEGES',
  'SHOW USER with PRIVILEGES',
  'SHOW USERS a, $b PRIVILEGE AS REVOKE COMMANDS YIELD command',
  'SHOW USERS YIELD privileges',
  'SHOW USERS WITH AUTH YIELD privileges WHERE privileges = 1',
  'SHOW ROLE r PRIVILEGES',
  'SHOW ROLES a, $b PRIVILEGES AS COMMAND WHERE command IS NOT NULL',
  'SHOW ROLE PRIVILEGES PRIVILEGES',
  'SHOW ROLES YIELD privileges',
  'SHOW ROLES WITH USERS YIELD privileges',
  'SHOW ROLES with PRIVILEGES',
  'SHOW USERS YIELD user RETURN all',
  'SHOW USERS YIELD user RETURN all AS a, all.x',
  'SHOW USERS YIELD user RETURN ALL user',
  'SHOW USERS YIELD user RETURN ALL *',
  'SHOW USERS WHERE count(*) > 1 AND COUNT(*) = 2',
  'SHOW USERS WHERE all(x IN roles WHERE x = 1) OR any(y IN [] WHERE y) OR none(z IN $l WHERE z IS NULL) OR single(w IN roles WHERE true)',
  'SHOW USERS WHERE [x IN roles | x] = [x IN roles WHERE x <> 1] AND [x IN roles WHERE x = 2 | x + 1] = [x IN roles]',
  'SHOW USERS WHERE roles[0] = roles[1..] AND roles[..2] = roles[1..2][0].x',
  'SHOW USERS WHERE CASE WHEN true THEN 1 END = 1',
  "SHOW USERS WHERE reduce(s = '', r IN roles | s + r) = 'a' AND REDUCE(`null` = 0, true IN [x IN l | x] | reduce(t = 1, y IN [1] | t)) > 0",
  'SHOW USERS WHERE reduce(s = 0, r IN roles) = reduce(s = 0, r, t IN l) OR reduce() OR reduce(1, [a IN b | c])',
  "SHOW USERS WHERE trim(BOTH 'x' FROM user) = trim(LEADING FROM user) + trim(FROM FROM x) + trim(trailing - 'a' FROM y)",
  'SHOW USERS WHERE trim(BOTH) = trim(BOTH + 1) AND trim(both.x FROM y) = trim(a, b, c) AND trim(BOTH, x) = trim(LEADING)',
  'SHOW USERS WHERE a {.b, .*, c, d: 1} = true {} AND count {x} = CASE {a: 1} WHEN 1 THEN 2 END',
  "SHOW USERS WHERE CASE user WHEN 'a' THEN 1 WHEN 'b' THEN CASE WHEN false THEN 2 ELSE 3 END ELSE 4 END = 1",
  'SHOW USERS WHERE -1 = +-1 AND - user = 2 AND NOT -1 = 1',
  'SHOW USERS WHERE a = 0x1F OR a = 0o17 OR a = 1_000 OR a = 1e3 OR a = 1.5 OR a = 0',
  'SHOW USERS WHERE a = inf OR a = INFINITY OR a = NaN OR a = `inf`',
  "SHOW USERS WHERE {a: 1, all: {b: [1]}, `c d`: 'x'} = {} ",
  'SHOW USERS WHERE a IS NORMALIZED AND b IS NOT NFKD NORMALIZED AND c IS NFC NORMALIZED',
  'SHOW USERS WHERE f(DISTINCT a) = f(ALL a) AND f(all) = f(all.x) AND f(all, 1) = f(all(x IN l WHERE x))',
  'SHOW USERS YIELD privileges WHERE CASE WHEN true THEN 1 END = 1',
  'SHOW USERS YIELD user RETURN user[0] AS c, {k: user} ORDER BY CASE WHEN user = 1 THEN 0 ELSE 1 END DESC',
  'SHOW USERS WHERE any(x IN NOT y WHERE x)',
  'SHOW USERS WHERE a = NOT',
  'SHOW USERS WHERE a IN NOT',
  'SHOW USERS WHERE EXISTS { MATCH (n) } AND COUNT { { } } = 1 AND collect {x}',
  'SHOW USERS YIELD user SKIP -1 LIMIT -0',
  // Regression (completeness): the SHOW USERS tail's trial read fails here, so PRIVILEGES ends a list of users.
  'SHOW USER yield, where PRIVILEGES',
];

/** Forms the direct reader refuses (each has a branch it does not take, or Neo4j refuses once read), as the parser does. */
const REFUSED_FORMS: readonly string[] = [
  'SHOW USERS WHERE x = NOT y',
  'SHOW USERS WHERE roles[..] = 1',
  'SHOW USERS WHERE a = 01',
  'SHOW USERS WHERE a = 1x',
  'SHOW USERS WHERE {a: 1,} = b',
  'SHOW USERS WHERE CASE END = 1',
  'SHOW USERS WHERE a != b',
  'SHOW USERS WHERE a = 007',
  'SHOW USERS WHERE a IN b IN c',
  'SHOW ROLES r',
  'GRANT ALL DBMS PRIVILEGES ON DATABASE * TO r',
  'GRANT ALL DATABASE PRIVILEGES ON GRAPH * TO r',
  'GRANT ALL GRAPH PRIVILEGES ON DBMS TO r',
  'GRANT EXECUTE PROCEDURE `db`* ON DBMS TO r',
  'GRANT ROLES MANAGEMENT ON DBMS TO r',
  'GRANT CREATE USER ON DATABASE * TO r',
  'SHOW USERS YIELD privileges PRIVILEGES',
  'SHOW ROLE PRIVILEGES',
  'SHOW ALL ROLE r PRIVILEGES',
  'CREATE USER x',
  'CREATE USER x SET PASSWORD',
  'ALTER USER x SET STATUS ACTIVE REMOVE HOME DATABASE',
  'SHOW USERS WHERE',
  "CREATE USER x SET PASSWORD 'abcd1234' SET TAGS 'a',",
  'SHOW USERS WHERE reduce(s = 0, r IN (roles | 1)',
  'SHOW USERS WHERE trim(BOTH user) = 1',
  'SHOW USERS WHERE a {.b, } = 1',
  'SHOW USERS WHERE a {b: } = 1',
  "SHOW USERS WHERE trim(BOTH 'x' FROM user, 1) = 1",
  'SHOW USERS WHERE reduce(s = 0, r IN roles | s',
  'SHOW USERS WHERE reduce(s = [x IN l | x], r IN roles WHERE true | 1)',
];

describe('the direct reader', () => {
  it('reads every statement of the bench corpus, as the parser does', () => {
    const all = expectDirectAgreement(benchCorpus.join(';\n'));
    expect(all).toHaveLength(benchCorpus.length);
    expect(all.filter((v) => v.direct === null)).toEqual([]);
  });

  it('reads every statement of the privilege corpus, as the parser does', () => {
    const all = expectDirectAgreement(privilegeCorpus.join(';\n'));
    expect(all).toHaveLength(privilegeCorpus.length);
    expect(all.filter((v) => v.direct === null)).toEqual([]);
  });

  it.each(DIRECT_FORMS)('reads %s as the parser does', (text) => {
    const [verdict] = expectDirectAgreement(text);
    expect(verdict?.direct).not.toBeNull();
  });

  it.each(REFUSED_FORMS)('refuses %s as the parser does', (text) => {
    const [verdict] = expectDirectAgreement(text);
    expect(verdict?.direct).toBeNull();
  });

  it('agrees with the parser on the fixtures, the spec examples and the mutation seeds', () => {
    for (const script of fixtureScripts) expectDirectAgreement(script);
    for (const [query] of SPEC_EXAMPLES) expectDirectAgreement(query);
    for (const text of VALID_STATEMENTS) expectDirectAgreement(text);
  });

  it('agrees with the parser on printed random statements', () => {
    fc.assert(
      fc.property(arbitraryStatement, (statement) => {
        expectDirectAgreement(format(statement));
      }),
      { numRuns: 600, seed: 25 },
    );
  });

  // A mutant of a valid statement is mostly invalid: the direct reader must give up wherever the parser refuses.
  const WORDS = [
    'SET',
    'REMOVE',
    'ADD',
    'TO',
    'FROM',
    'IF',
    'NOT',
    'EXISTS',
    'USER',
    'ROLE',
    'YIELD',
    'WHERE',
    'RETURN',
    'AS',
    'ALL',
    ',',
    "'s'",
    '$p',
    '(',
    ')',
    '[',
    ']',
    '{',
    '}',
    '.',
    '=',
    'IN',
    'IS',
    'NULL',
    '-',
    '*',
    '1',
    'PRIVILEGES',
    'CASE',
    'WHEN',
    'THEN',
    'END',
    '..',
    '|',
    ':',
    'NORMALIZED',
    'count',
    'reduce',
    'trim',
    'FROM',
    'BOTH',
    'ON',
    'DBMS',
    'DATABASE',
    'GRAPH',
    'GRANT',
    'DENY',
    'MANAGEMENT',
    'NODES',
    'LABEL',
    '?',
    '`e`',
  ];
  // Words as the edits move them: quoted text, names and numbers, two-character operators, single characters.
  const WORD_PATTERN = /'[^']*'|`[^`]*`|\$?\w+|!=|\.\.|<>|<=|>=|=~|[^\s\w]/g;
  const seeds = [...DIRECT_FORMS, ...benchCorpus.slice(0, 60), ...privilegeCorpus.slice(0, 40)];
  const tokenised = seeds.map((s) => s.match(WORD_PATTERN) ?? []);

  type Edit = { at: number; how: 'delete' | 'duplicate' | 'swap' | 'replace' | 'insert'; word: string };
  const edit = (words: string[], { at, how, word }: Edit): string[] => {
    const out = [...words];
    const i = at % Math.max(1, out.length);
    if (how === 'delete') out.splice(i, 1);
    else if (how === 'duplicate') out.splice(i, 0, out[i] ?? word);
    else if (how === 'swap') out.splice(i, 2, out[i + 1] ?? word, out[i] ?? word);
    else if (how === 'replace') out.splice(i, 1, word);
    else out.splice(i, 0, word);
    return out;
  };
  const anEdit = (words: readonly string[]) =>
    fc.record({ at: fc.nat(), how: fc.constantFrom('delete', 'duplicate', 'swap', 'replace', 'insert'), word: fc.constantFrom(...words) });
  const seedWords = fc.nat({ max: tokenised.length - 1 }).map((seed) => [...(tokenised[seed] ?? [])]);

  it('gives up wherever the parser refuses a mutant of a statement it reads', () => {
    const mutant = fc.tuple(seedWords, anEdit(WORDS)).map(([words, e]) => edit(words, e).join(' '));
    fc.assert(
      fc.property(mutant, (text) => {
        expectDirectAgreement(text);
      }),
      { numRuns: 4000, seed: 2025 },
    );
  });

  // Statements with what Neo4j refuses once read (`!=`, malformed numbers, `[..]`, a glob block partly
  // escaped, ALL on another type's target), and one edit anywhere: before the refusal, in it or after it.
  const REFUSING = [
    'SHOW USERS WHERE a != b AND user = $p',
    'SHOW USERS YIELD user, roles WHERE 01 = 1 RETURN user ORDER BY user',
    'SHOW USERS YIELD user SKIP 01 LIMIT 2 WHERE user = 1',
    'SHOW ROLES YIELD role WHERE [1, 2][..] = [] RETURN role',
    'SHOW USERS WHERE -007 = a OR 1x = 2',
    "SHOW USERS WHERE a != b AND 0777 = c AND [1][..] = 'x'",
    'GRANT EXECUTE PROCEDURE `a`b.c, d.* ON DBMS TO r',
    'DENY EXECUTE FUNCTION `db`* ON DBMS TO r',
    'GRANT ALL DATABASE PRIVILEGES ON DBMS TO r',
    'REVOKE GRANT ALL DBMS PRIVILEGES ON HOME DATABASE FROM r',
    'DENY ALL GRAPH PRIVILEGES ON DEFAULT DATABASE TO r, s',
    'GRANT ALL DATABASE PRIVILEGES ON GRAPHS * TO r',
  ].map((s) => s.match(WORD_PATTERN) ?? []);

  it('refuses as the parser does where a mutant holds what Neo4j refuses once read', () => {
    const mutant = fc.tuple(fc.constantFrom(...REFUSING), anEdit(WORDS)).map(([words, e]) => edit(words, e).join(' '));
    const kinds = { tree: 0, syntaxErrorAt: 0, refused: 0 };
    fc.assert(
      fc.property(mutant, (text) => {
        for (const { verdicts } of expectDirectAgreement(text))
          if (verdicts) kinds[Object.keys(verdicts.parser)[0] as keyof typeof kinds] += 1;
      }),
      { numRuns: 3000, seed: 2026 },
    );
    // The seed is fixed: 1,075 refusals, 1,862 syntax errors and 62 trees; the floors fail only for edits that no longer reach them.
    expect(kinds.refused).toBeGreaterThan(800);
    expect(kinds.syntaxErrorAt).toBeGreaterThan(1200);
  });

  it('regression: a failed trial read (SHOW USERS YIELD names PRIVILEGES?) moved where the direct reader gave up', () => {
    for (const text of ['SHOW USERS YIELD privileges , WHERE CASE WHEN true THEN 1 END = 1']) {
      const [reading] = expectDirectAgreement(text);
      // A syntax error, so the helper compared the two positions.
      expect(reading?.verdicts?.parser, text).toHaveProperty('syntaxErrorAt');
    }
  });

  it('leaves keywords that are names where the grammar takes a name (regression: keywords as names)', () => {
    for (const word of Object.keys(Keyword)) {
      expectDirectAgreement(`CREATE USER ${word} SET PASSWORD 'abcd1234'`);
      expectDirectAgreement(`GRANT ROLE ${word} TO ${word}`);
      expectDirectAgreement(`SHOW USERS YIELD ${word} WHERE ${word} = 1 RETURN ${word}`);
      expectDirectAgreement(`SHOW USERS WHERE ${word}.${word} = ${word}(${word})`);
    }
  });
});

/**
 * What Neo4j refuses once it has read a construct, in the order it reports it: a refusal of its checker or
 * parser before any syntax error after it, and a syntax error before a refused number. The direct reader records each and reads on; these are the diagnostics a user sees.
 */
describe('refusals once read, as Neo4j orders them', () => {
  const BANG = "Unknown operation '!=' (you probably meant to use '<>', which is the operator for inequality testing)";
  it.each([
    // The checker's refusal wins over the syntax error at the end.
    ['SHOW USERS WHERE a != b AND', `${BANG} (line 1, column 20 (offset: 19))`],
    // ... and over a refused number before it.
    ['SHOW USERS WHERE 01 = 1 AND a != b', `${BANG} (line 1, column 31 (offset: 30))`],
    // A syntax error wins over a refused number.
    ['SHOW USERS WHERE 01 = 1 AND', "Invalid input '': expected an expression (line 1, column 28 (offset: 27))"],
    ['GRANT ALL DATABASE PRIVILEGES ON DBMS TO', `Invalid input 'DBMS': expected "DATABASE" (line 1, column 34 (offset: 33))`],
    ['GRANT ALL DBMS PRIVILEGES ON HOME GRAPH TO r', `Invalid input 'HOME': expected "DBMS" (line 1, column 30 (offset: 29))`],
    ['GRANT ALL GRAPH PRIVILEGES ON DEFAULT DATABASE TO r', `Invalid input 'DATABASE': expected "GRAPH" (line 1, column 39 (offset: 38))`],
    [
      'GRANT EXECUTE PROCEDURE `a`b.c ON DBMS TO',
      'Each part of the glob (a block of text up until a dot) must either be fully escaped or not escaped at all. (line 1, column 28 (offset: 27))',
    ],
    [
      'SHOW USERS YIELD user WHERE [1][..] = 1 RETURN',
      'The start or end (or both) is required for a collection slice (line 1, column 32 (offset: 31))',
    ],
    // Read twice: in the trial of the privileges command's names (`YIELD privileges` could be one), then for real.
    ['SHOW USERS YIELD privileges WHERE 01 = a != b', `${BANG} (line 1, column 42 (offset: 41))`],
    // An unclosed string the reader fails at is worded so, whatever was refused before it.
    [
      "SHOW USERS WHERE a != b AND 'x",
      'Failed to parse string literal. The query must contain an even number of non-escaped quotes. (line 1, column 29 (offset: 28))',
    ],
  ])('%s', (text, message) => {
    expectDirectAgreement(text);
    expect(parse(text).diagnostics.map((d) => d.message)).toEqual([message]);
  });
});

describe('a refusal before an expression too deep to build', () => {
  const deep = `${'-'.repeat(501)}1 = 1`;
  const reported = (text: string) => parse(text).diagnostics.map((d) => [d.code, d.message, d.span.start.offset]);
  const TOO_DEEP = ['CypherSysdb.NotSupported', 'Expressions nested more than 500 levels deep are not supported by cypher-sysdb.', 17];

  it('is what Neo4j reports, for it comes first; the depth is refused only where nothing came before it', () => {
    expect(reported(`SHOW USERS WHERE a != b AND ${deep}`)).toEqual([
      [
        'Neo.ClientError.Statement.SyntaxError',
        "Unknown operation '!=' (you probably meant to use '<>', which is the operator for inequality testing) (line 1, column 20 (offset: 19))",
        19,
      ],
    ]);
    expect(reported(`SHOW USERS WHERE 01 = 1 AND ${deep}`)).toEqual([
      [
        'Neo.ClientError.Statement.SyntaxError',
        'The octal integer literal syntax `01` is no longer supported, please use `0o1` instead (line 1, column 18 (offset: 17))',
        17,
      ],
    ]);
    expect(reported(`SHOW USERS WHERE ${deep}`)).toEqual([TOO_DEEP]);
    // A refusal after the deep expression is never reached: the reading stopped there.
    expect(reported(`SHOW USERS WHERE ${deep} AND a != b`)).toEqual([TOO_DEEP]);
  });
});
