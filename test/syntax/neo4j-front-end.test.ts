/**
 * Statements Neo4j's own parser tests do not cover, pinned against Neo4j's front end itself: the Cypher 25
 * parser and semantic analysis that @neo4j-cypher/language-support (2.0.0-next.38, a devDependency) ships
 * compiled to JavaScript (`analyzeQuery(text, 'CYPHER 25')`). Its messages carry no position suffix; the
 * offsets here are the ones it reports. Each row was a disagreement found by fuzzing ours against it.
 *
 * Where its grammar is newer than Neo4j 2026.06 (secrets, SHOW USER CREDENTIALS), or has families that
 * cypher-sysdb does not model (graph types, already in 2026.06's Cypher25Parser.g4), and our expected lists
 * name them as Neo4j's do, cypher-sysdb says it does not check the statement rather than call it a syntax error.
 */
import { describe, expect, it } from 'vitest';
import { format, parse, StatusCode, SystemDatabase } from '../../src/index.js';
import { expectFailure, freshSession } from '../support/db.js';

const reported = (query: string) => parse(query).diagnostics.map((d) => `${d.severity}: ${d.message}`);

/** One test per row: the statement gets exactly this one error, message and position as Neo4j's front end gives them. */
const refusedWith = (title: string, rows: readonly (readonly [query: string, message: string])[]) =>
  it.each(rows)(title, (query, message) => {
    expect(reported(query)).toEqual([`error: ${message}`]);
  });

const GRAPH_QUERY =
  'warning: Graph queries are not supported by cypher-sysdb (it runs user administration commands against the system database): this statement is not checked.';
const GLOB_EXPECTED = "expected an identifier, '*', ',', '.', '?' or 'ON DBMS'";
const MIXED_GLOB = 'Each part of the glob (a block of text up until a dot) must either be fully escaped or not escaped at all.';

describe("ALL and EXECUTE ADMIN privileges take Neo4j's words only", () => {
  refusedWith('regression: %s was accepted or listed a word Neo4j does not', [
    // allPrivilegeType: `(DATABASE | GRAPH | DBMS)? PRIVILEGES`.
    ['GRANT ALL DBMS ON DBMS TO r', "Invalid input 'ON': expected 'PRIVILEGES' (line 1, column 16 (offset: 15))"],
    ['REVOKE GRANT ALL DBMS ON DBMS FROM r', "Invalid input 'ON': expected 'PRIVILEGES' (line 1, column 23 (offset: 22))"],
    ['GRANT ALL DATABASE TO r', "Invalid input 'TO': expected 'PRIVILEGES' (line 1, column 20 (offset: 19))"],
    // `EXECUTE adminToken PROCEDURES`: plural only.
    ['GRANT EXECUTE ADMIN PROCEDURE ON DBMS TO r', "Invalid input 'PROCEDURE': expected 'PROCEDURES' (line 1, column 21 (offset: 20))"],
    ['GRANT EXECUTE ADMINISTRATOR ON DBMS TO r', "Invalid input 'ON': expected 'PROCEDURES' (line 1, column 29 (offset: 28))"],
  ]);

  it.each([
    'GRANT ALL ON DBMS TO r',
    'GRANT ALL PRIVILEGES ON DBMS TO r',
    'GRANT ALL DBMS PRIVILEGES ON DBMS TO r',
    'DENY EXECUTE ADMIN PROCEDURES ON DBMS TO r',
  ])('accepts %s', (query) => {
    expect(reported(query)).toEqual([]);
  });
});

describe("globs are Neo4j's: `?` wildcards, whitespace between parts, keywords as parts", () => {
  it.each([
    'GRANT EXECUTE PROCEDURE a?b ON DBMS TO r',
    'GRANT EXECUTE PROCEDURE db.?abel* ON DBMS TO r',
    'GRANT EXECUTE PROCEDURE a ?.b* ON DBMS TO r',
    'REVOKE EXECUTE FUNCTION apoc .coll.* ON DBMS FROM r',
    'GRANT SHOW SETTINGS a b ON DBMS TO r',
    // The glob ends at ON DBMS TO (or FROM): before that, ON and DBMS are parts of it.
    'GRANT EXECUTE PROCEDURES *ON DBMS TO r',
    'GRANT EXECUTE PROCEDURES * ON ON DBMS TO r',
    'GRANT EXECUTE PROCEDURE a ON DBMS ON DBMS TO r',
    'GRANT EXECUTE PROCEDURE .`a`.`b` ON DBMS TO r',
  ])('regression: %s is accepted (it was a syntax error)', (query) => {
    expect(reported(query)).toEqual([]);
  });

  refusedWith('%s', [
    // TO and r are parts of the glob, which then ends without its ON DBMS.
    ['GRANT EXECUTE PROCEDURE a TO r', `Invalid input '': ${GLOB_EXPECTED} (line 1, column 31 (offset: 30))`],
    ['GRANT SHOW SETTING TO r', `Invalid input '': ${GLOB_EXPECTED} (line 1, column 24 (offset: 23))`],
    ['GRANT EXECUTE PROCEDURE a, ON DBMS TO r', `Invalid input '': ${GLOB_EXPECTED} (line 1, column 40 (offset: 39))`],
    ['GRANT EXECUTE PROCEDURE a.b ON DBMS', `Invalid input '': ${GLOB_EXPECTED} (line 1, column 36 (offset: 35))`],
    ['GRANT EXECUTE PROCEDURE a. ON DBMS', `Invalid input '': ${GLOB_EXPECTED} (line 1, column 35 (offset: 34))`],
    ['GRANT EXECUTE PROCEDURE a..b ON DBMS TO r', `Invalid input '..': ${GLOB_EXPECTED} (line 1, column 26 (offset: 25))`],
    // A quoted name only opens a glob or follows a dot.
    ['GRANT EXECUTE PROCEDURE a`b` ON DBMS TO r', `Invalid input '\`b\`': ${GLOB_EXPECTED} (line 1, column 26 (offset: 25))`],
    // Neo4j's AST builder: a block up to a dot is quoted whole or not at all.
    ['GRANT EXECUTE PROCEDURE `a`b ON DBMS TO r', `${MIXED_GLOB} (line 1, column 28 (offset: 27))`],
    ['GRANT EXECUTE PROCEDURE a.`b`c ON DBMS TO r', `${MIXED_GLOB} (line 1, column 30 (offset: 29))`],
    ['GRANT EXECUTE PROCEDURE x, `a`* ON DBMS TO r', `${MIXED_GLOB} (line 1, column 31 (offset: 30))`],
  ]);
});

describe('statements Neo4j parses that cypher-sysdb does not model are warned about, not called syntax errors', () => {
  it.each([
    'REMOVE n.p',
    'SET n:A',
    'ORDER BY x RETURN 1',
    'SKIP 1 RETURN 1',
    'OFFSET 1 RETURN 1',
    'LIMIT 1 RETURN 1',
    'WHEN true THEN RETURN 1',
    'FOR x IN [1] RETURN x',
    '{ RETURN 1 }',
    'USE neo4j SET n.x = 1',
    'USE neo4j { RETURN 1 }',
  ])('regression: the graph query %s', (query) => {
    expect(reported(query)).toEqual([GRAPH_QUERY]);
  });

  it.each([
    ['GRANT SECRETS MANAGEMENT ON DBMS TO r', 'Privileges on secrets are'],
    ['GRANT WRITE SECRETS ON DBMS TO r', 'Privileges on secrets are'],
    ["GRANT READ SECRET 'x' ON DBMS TO r", 'Privileges on secrets are'],
    ['DENY SHOW SECRETS ON DBMS TO r', 'Privileges on secrets are'],
    ['GRANT SHOW USER CREDENTIALS ON DBMS TO r', 'GRANT SHOW USER CREDENTIALS ON DBMS is'],
    ['SHOW CURRENT GRAPH TYPE', 'SHOW CURRENT GRAPH TYPE is'],
    ['ALTER CURRENT GRAPH TYPE SET {}', 'ALTER CURRENT GRAPH TYPE is'],
  ])('regression: %s', (query, what) => {
    expect(reported(query)).toEqual([`warning: ${what} not supported by cypher-sysdb: this statement is not checked.`]);
  });
});

describe("RETURN's SKIP and LIMIT are checked before the statement runs", () => {
  const at = (offset: number) => ` (line 1, column ${offset + 1} (offset: ${offset}))`;
  const invalid = (text: string, offset: number) =>
    `error: Invalid input. '${text}' is not a valid value. Must be a non-negative integer.${at(offset)}`;
  const mismatch = (type: string, offset: number) => `error: Type mismatch: expected Integer but was ${type}${at(offset)}`;
  const notStatic = (clause: string, offset: number) =>
    `error: It is not allowed to refer to variables in ${clause}, so that the value for ${clause} can be statically calculated.${at(offset)}`;
  it.each([
    ["SHOW USERS YIELD user RETURN user LIMIT 'x'", [mismatch('String', 40), invalid('x', 40)]],
    ['SHOW USERS YIELD user RETURN user LIMIT 1.5', [mismatch('Float', 40), invalid('1.5', 40)]],
    ['SHOW USERS YIELD user RETURN user LIMIT -1.5', [mismatch('Float', 40), invalid('-1.5', 40)]],
    ['SHOW USERS YIELD user RETURN user SKIP true', [mismatch('Boolean', 39), invalid('true', 39)]],
    ['SHOW USERS YIELD user RETURN user SKIP -1', [invalid('-1', 39)]],
    ['SHOW USERS YIELD user RETURN user LIMIT - 1', [invalid('-1', 40)]],
    ['SHOW USERS YIELD user RETURN user LIMIT null', [invalid('NULL', 40)]],
    ['SHOW USERS YIELD user RETURN user LIMIT [1]', [mismatch('List<Integer>', 40)]],
    ['SHOW USERS YIELD user RETURN user LIMIT {a: 1}', [mismatch('Map', 40)]],
    ['SHOW USERS YIELD user RETURN user SKIP user', [notStatic('SKIP', 39), mismatch('String', 39)]],
    ['SHOW USERS YIELD user RETURN user LIMIT foo', [notStatic('LIMIT', 40), `error: Variable \`foo\` not defined${at(40)}`]],
    ['SHOW USERS YIELD user, roles RETURN user LIMIT size(roles)', [notStatic('LIMIT', 52)]],
  ])('regression: %s (it was accepted, or refused only as it ran)', (query, errors) => {
    expect(reported(query)).toEqual(errors);
  });

  it.each(['SHOW USERS YIELD user RETURN user SKIP 0 LIMIT 1 + 1', 'SHOW USERS YIELD user RETURN user OFFSET $s LIMIT -0'])(
    'accepts %s',
    (query) => {
      expect(reported(query)).toEqual([]);
    },
  );
});

describe('numbers group their digits with underscores, as Cypher 25 writes them (Cypher25Lexer.g4 INTEGER_PART)', () => {
  it('regression: 1_000, 0x1_F, 1_0.5_0 and 1e1_0 are numbers (they were syntax errors at the underscore)', () => {
    const query = 'SHOW USERS YIELD user RETURN 1_000 AS n, 0x1_F AS h, 0o7_7 AS o, 1_0.5_0 AS f, 1e1_0 AS e LIMIT 1_0';
    expect(reported(query)).toEqual([]);
    expect(SystemDatabase.create().execute(query).result.rows).toEqual([[1000, 31, 63, 10.5, 1e10]]);
    expect(reported('SHOW USERS YIELD user SKIP 1_0 LIMIT 2_0')).toEqual([]);
  });

  it('regression: a doubled or trailing underscore makes one bad number, as Neo4j lexes it (it was an error at the underscore)', () => {
    expect(reported('SHOW USERS YIELD user RETURN 1__0 AS n')).toEqual(['error: invalid literal number (line 1, column 30 (offset: 29))']);
    expect(reported('SHOW USERS WHERE 1_ = 1')).toEqual(['error: invalid literal number (line 1, column 18 (offset: 17))']);
  });
});

describe('privilege targets name databases and aliases as Neo4j does, dots included (symbolicAliasNameList)', () => {
  it('regression: ON DATABASE sales.eu and ON GRAPH sales.eu were syntax errors at the dot', () => {
    const script = 'CREATE ROLE r; GRANT ACCESS ON DATABASE sales.eu TO r; GRANT MATCH {*} ON GRAPHS $g, eu.sales NODES * TO r';
    expect(parse(script).diagnostics).toEqual([]);
    const db = SystemDatabase.create().runScript(script, { params: { g: 'hr' } }).db;
    expect(db.execute('SHOW ROLE r PRIVILEGES YIELD action, graph').result.rows).toEqual([
      ['access', 'sales.eu'],
      ['match', 'hr'],
      ['match', 'eu.sales'],
    ]);
  });

  refusedWith('%s', [
    ['GRANT ACCESS ON DATABASE a b TO r', "Invalid input 'b': expected a database name, ',' or 'TO' (line 1, column 28 (offset: 27))"],
    // TO is a name after the dot, so the error is at r.
    ['GRANT ACCESS ON DATABASE a. TO r', "Invalid input 'r': expected a database name, ',' or 'TO' (line 1, column 32 (offset: 31))"],
    ['GRANT ACCESS ON DATABASE $a.b TO r', "Invalid input '.': expected ',' or 'TO' (line 1, column 28 (offset: 27))"],
  ]);
});

describe('NOT binds looser than comparisons and arithmetic (Cypher25Parser.g4 expression8: `NOT* expression7`)', () => {
  refusedWith('regression: %s was accepted', [
    // After `=`, NOT is a name: the variable NOT, and then the input Neo4j fails at.
    ['SHOW USERS WHERE user = NOT false', "Invalid input 'false': expected an expression or <EOF> (line 1, column 29 (offset: 28))"],
    ['SHOW USERS WHERE [] = NOT NULL', "Invalid input 'NULL': expected an expression or <EOF> (line 1, column 27 (offset: 26))"],
    ["SHOW USERS WHERE user STARTS WITH NOT 'x'", "Invalid input ''x'': expected an expression or <EOF> (line 1, column 39 (offset: 38))"],
    [
      'SHOW USERS YIELD user RETURN -NOT true AS x',
      "Invalid input 'true': expected an expression, ',', 'AS', 'GROUP BY', 'ORDER BY', 'LIMIT', 'OFFSET', 'SKIP' or <EOF> (line 1, column 35 (offset: 34))",
    ],
  ]);

  it('keeps NOT a prefix after the IN of a list predicate or comprehension, whose list is a whole expression', () => {
    expect(reported('SHOW USERS WHERE any(x IN NOT true WHERE x)')).toEqual([
      'error: Type mismatch: expected List<T> but was Boolean (line 1, column 27 (offset: 26))',
    ]);
    expect(reported('SHOW USERS WHERE user IN NOT true')).toEqual([
      "error: Invalid input 'true': expected an expression or <EOF> (line 1, column 30 (offset: 29))",
    ]);
  });

  it('reads NOT after `=` as the variable it is', () => {
    expect(reported('SHOW USERS WHERE user = NOT')).toEqual(['error: Variable `NOT` not defined (line 1, column 25 (offset: 24))']);
  });

  it.each([
    "SHOW USERS WHERE user = 'a' AND NOT suspended",
    'SHOW USERS WHERE NOT NOT suspended',
    "SHOW USERS WHERE NOT user IN ['a'] OR NOT suspended",
    'SHOW USERS YIELD user RETURN NOT -1 = 2 AS x',
  ])('accepts %s', (query) => {
    expect(reported(query)).toEqual([]);
  });
});

describe("a function call takes DISTINCT or ALL (Neo4j's functionInvocation)", () => {
  it('regression: count(ALL user) was a syntax error', () => {
    const query = 'SHOW USERS YIELD user RETURN count(ALL user) AS n';
    expect(reported(query)).toEqual([]);
    expect(SystemDatabase.create().execute(query).result.rows).toEqual([[1]]);
  });

  refusedWith('%s', [
    // ALL is the keyword here, and the call has no argument.
    ['SHOW USERS YIELD user RETURN toUpper(all) AS n', "Insufficient parameters for function 'toUpper' (line 1, column 30 (offset: 29))"],
    ['SHOW USERS YIELD user RETURN count(ALL) AS n', "Insufficient parameters for function 'count' (line 1, column 30 (offset: 29))"],
  ]);

  it('still reads all( as the list predicate', () => {
    expect(reported("SHOW USERS YIELD roles RETURN size([r IN roles WHERE all(x IN [r] WHERE x = 'a')]) AS n")).toEqual([]);
  });
});

describe('literals and slices Neo4j refuses once it has read them', () => {
  refusedWith('regression: %s was accepted', [
    ['SHOW USERS YIELD user RETURN 1e400 AS x', 'floating point number is too large (line 1, column 30 (offset: 29))'],
    ['SHOW USERS YIELD user RETURN -1e400 AS x', 'floating point number is too large (line 1, column 30 (offset: 29))'],
    [
      'SHOW USERS YIELD user RETURN [1, 2, 3][..] AS x',
      'The start or end (or both) is required for a collection slice (line 1, column 39 (offset: 38))',
    ],
  ]);

  it('accepts the largest floats and half-open slices', () => {
    expect(reported('SHOW USERS YIELD user RETURN 1e308 AS x, [1, 2][1..] AS y, [1][..1] AS z')).toEqual([]);
  });
});

describe("RETURN *, then items (Neo4j's returnItems: `(TIMES | returnItem) (COMMA returnItem)*`)", () => {
  it('regression: RETURN *, size(roles) AS n was a syntax error; * comes first, in alphabetical order', () => {
    const query = 'SHOW USERS YIELD user, roles RETURN *, size(roles) AS n';
    expect(reported(query)).toEqual([]);
    const result = SystemDatabase.create().execute(query).result;
    expect([result.columns, result.rows]).toEqual([['roles', 'user', 'n'], [[['admin', 'PUBLIC'], 'neo4j', 2]]]);
  });

  it('takes a name that * returns as well (it is that item), and aggregates over the names * returns', () => {
    const db = SystemDatabase.create();
    expect(reported('SHOW USERS YIELD user RETURN *, user')).toEqual([]);
    expect(db.execute('SHOW USERS YIELD user RETURN *, user').result.columns).toEqual(['user']);
    expect(db.execute('SHOW USERS YIELD user RETURN *, count(*) AS n').result.rows).toEqual([['neo4j', 1]]);
  });

  refusedWith('%s', [
    [
      'SHOW USERS YIELD user RETURN *, 1 AS a, 2 AS a',
      'Multiple result columns with the same name are not supported (line 1, column 41 (offset: 40))',
    ],
    ['SHOW USERS YIELD user RETURN 1 AS one, *', "Invalid input '*': expected an expression (line 1, column 40 (offset: 39))"],
  ]);
});

describe("Neo4j's semantic errors for !=, DENY MERGE and names that need quoting (Cypher 5 and 25 alike)", () => {
  refusedWith('regression: %s was accepted', [
    [
      "SHOW USERS WHERE user != 'a'",
      "Unknown operation '!=' (you probably meant to use '<>', which is the operator for inequality testing) (line 1, column 23 (offset: 22))",
    ],
    [
      'DENY MERGE {x} ON GRAPH * TO r',
      '`DENY MERGE` is not supported. Use `DENY SET PROPERTY` and `DENY CREATE` instead. (line 1, column 1 (offset: 0))',
    ],
    [
      'REVOKE DENY MERGE {x} ON GRAPH * FROM r',
      '`DENY MERGE` is not supported. Use `DENY SET PROPERTY` and `DENY CREATE` instead. (line 1, column 1 (offset: 0))',
    ],
  ]);

  it('accepts GRANT MERGE and REVOKE MERGE', () => {
    expect(reported('GRANT MERGE {x} ON GRAPH * TO r')).toEqual([]);
    expect(reported('REVOKE MERGE {x} ON GRAPH * FROM r')).toEqual([]);
  });

  it('regression: quotes a name that needs quoting in the OR REPLACE with IF NOT EXISTS error, as Neo4j prints it', () => {
    expect(reported('CREATE OR REPLACE ROLE `my r` IF NOT EXISTS')).toEqual([
      "error: Failed to create the specified role '`my r`': cannot have both `OR REPLACE` and `IF NOT EXISTS`. (line 1, column 1 (offset: 0))",
    ]);
  });
});

describe('expected lists of the privileges, as Neo4j words them', () => {
  it('regression: after SET USER, HOME is listed as the phrase HOME DATABASE', () => {
    expect(reported('GRANT SET USER ON DBMS TO r')).toEqual([
      "error: Invalid input 'ON': expected 'HOME DATABASE', 'METADATA' or 'STATUS' (line 1, column 16 (offset: 15))",
    ]);
    expect(reported('GRANT SET USER HOME TO r')).toEqual([
      "error: Invalid input 'TO': expected 'DATABASE' (line 1, column 21 (offset: 20))",
    ]);
  });
});

describe('ON DEFAULT DATABASE and ON DEFAULT GRAPH: parsed, then refused as Neo4j 5 refuses them', () => {
  // Cypher 5's front end at DEFAULT (analyzeQuery(text, 'CYPHER 5')); Neo4j's parser tests: `withOldSyntax(...)`.
  const DATABASE = '`ON DEFAULT DATABASE` is not supported. Use `ON HOME DATABASE` instead.';
  const GRAPH = '`ON DEFAULT GRAPH` is not supported. Use `ON HOME GRAPH` instead.';
  refusedWith('regression: %s was accepted and stored', [
    ['GRANT ACCESS ON DEFAULT DATABASE TO r', `${DATABASE} (line 1, column 17 (offset: 16))`],
    ['REVOKE ACCESS ON DEFAULT DATABASE FROM r', `${DATABASE} (line 1, column 18 (offset: 17))`],
    ['GRANT ALL ON DEFAULT GRAPH TO r', `${GRAPH} (line 1, column 14 (offset: 13))`],
    ['DENY TRAVERSE ON DEFAULT GRAPH NODES * TO r', `${GRAPH} (line 1, column 18 (offset: 17))`],
    // Refused as Neo4j builds the statement: before its semantic analysis would refuse DENY MERGE.
    ['DENY MERGE {*} ON DEFAULT GRAPH TO r', `${GRAPH} (line 1, column 19 (offset: 18))`],
    ['REVOKE DENY MERGE {*} ON DEFAULT GRAPH FROM r', `${GRAPH} (line 1, column 26 (offset: 25))`],
  ]);

  it('covers DEFAULT and its noun', () => {
    const [diagnostic] = parse('GRANT ACCESS ON DEFAULT DATABASE TO r').diagnostics;
    expect([diagnostic?.span.start.offset, diagnostic?.span.end.offset]).toEqual([16, 32]);
  });

  it('still lists DEFAULT where Cypher 5 does', () => {
    expect(reported('GRANT ACCESS ON DBMS TO r')).toEqual([
      "error: Invalid input 'DBMS': expected 'DATABASE', 'DEFAULT DATABASE', 'HOME DATABASE' or 'DATABASES' (line 1, column 17 (offset: 16))",
    ]);
  });

  it('is refused when run, and changes nothing', () => {
    const session = freshSession();
    session.run('CREATE ROLE r');
    expectFailure(session, 'GRANT TRAVERSE ON DEFAULT GRAPH TO r', StatusCode.SyntaxError, `${GRAPH} (line 1, column 19 (offset: 18))`);
  });
});

describe('numbers as Neo4j lexes them: a number runs on through the letters after it (Cypher 5 and 25 alike)', () => {
  const INVALID = 'invalid literal number';
  refusedWith('regression: %s was read as a number and a name', [
    ['SHOW USERS WHERE 1LIMIT = 1', `${INVALID} (line 1, column 18 (offset: 17))`],
    ['SHOW USERS WHERE 0x1Fg = 1', `${INVALID} (line 1, column 18 (offset: 17))`],
    ['SHOW USERS WHERE 0o78 = 1', `${INVALID} (line 1, column 18 (offset: 17))`],
    ['SHOW USERS WHERE .5x = 1', `${INVALID} (line 1, column 18 (offset: 17))`],
    ['SHOW USERS WHERE 1é = 1', `${INVALID} (line 1, column 18 (offset: 17))`],
    ['SHOW USERS WHERE 0x = 1', `${INVALID} (line 1, column 18 (offset: 17))`],
    // A signed literal is placed at its sign.
    ['SHOW USERS WHERE -1x = 1', `${INVALID} (line 1, column 18 (offset: 17))`],
    // A syntax error comes first: Neo4j's AST builder never sees the number.
    [
      'SHOW USERS YIELD user SKIP 1LIMIT 2',
      "Invalid input '2': expected 'LIMIT', 'RETURN', 'WHERE' or <EOF> (line 1, column 35 (offset: 34))",
    ],
  ]);

  it('regression: a run-on number in a :param value is not a valid expression', () => {
    expect(reported(':param x => 1x')).toEqual(["error: Incorrect usage of :param: the value of parameter 'x' is not a valid expression."]);
  });

  it('regression: a parameter named by a number runs on too ($1a), as Neo4j names it', () => {
    expect(reported('SHOW USERS WHERE $1_a = 1 AND $1é = 2 AND $0 = 3')).toEqual([]);
    expect(freshSession().run('SHOW USERS YIELD user WHERE user = $1a', { '1a': 'neo4j' }).rows).toEqual([['neo4j']]);
  });

  it.each(['SHOW USERS WHERE 0o17 + 0x1F + 0 + 10 + 0.5 + 00.5 + 1e3 + 1_000 = 1', 'SHOW USERS YIELD user SKIP 0 LIMIT 10'])(
    'accepts %s',
    (query) => expect(reported(query)).toEqual([]),
  );
});

const AFTER_YIELD_ITEM = "',', 'AS', 'ORDER BY', 'LIMIT', 'OFFSET', 'RETURN', 'SKIP', 'WHERE' or <EOF>";

describe("Cypher 5's old octal literals (0777): refused as Cypher 5 refuses them, sign and all", () => {
  const octal = (written: string, instead: string, offset: number) =>
    `The octal integer literal syntax \`${written}\` is no longer supported, please use \`${instead}\` instead (line 1, column ${offset + 1} (offset: ${offset}))`;
  refusedWith('regression: %s was read as a decimal number', [
    ['SHOW USERS WHERE 0777 = 1', octal('0777', '0o777', 17)],
    ['SHOW USERS WHERE 00 = 1', octal('00', '0o0', 17)],
    ['SHOW USERS WHERE -0777 = 1', octal('-0777', '-0o777', 17)],
    ['SHOW USERS WHERE - 0777 = 1', octal('-0777', '-0o777', 17)],
    ['SHOW USERS WHERE --0777 = 1', octal('-0777', '-0o777', 18)],
    // Here the - is an infix operator: the literal has no sign.
    ['SHOW USERS WHERE 1 -0777 = 1', octal('0777', '0o777', 20)],
    ['SHOW USERS WHERE 0777 = 1 AND 1x = 2', octal('0777', '0o777', 17)],
    // Not octal digits, or grouped: no number at all.
    ['SHOW USERS WHERE 0789 = 1', 'invalid literal number (line 1, column 18 (offset: 17))'],
    ['SHOW USERS WHERE 0_7 = 1', 'invalid literal number (line 1, column 18 (offset: 17))'],
    // YIELD's SKIP and LIMIT take a decimal integer only, which 0777 is not: the parser passes the SKIP by, and fails at it.
    ['SHOW USERS YIELD user SKIP -0777', `Invalid input 'SKIP': expected ${AFTER_YIELD_ITEM} (line 1, column 23 (offset: 22))`],
    ['SHOW USERS YIELD user LIMIT 0777', `Invalid input 'LIMIT': expected ${AFTER_YIELD_ITEM} (line 1, column 23 (offset: 22))`],
  ]);

  it('is refused when run, and changes nothing', () => {
    const session = freshSession();
    expectFailure(session, 'SHOW USERS WHERE 0777 = 511', StatusCode.SyntaxError, octal('0777', '0o777', 17));
  });
});

describe("SHOW USERS and SHOW ROLES names: Neo4j's list after them names no ','", () => {
  refusedWith('regression: %s listed a comma', [
    ['SHOW USERS a b', "Invalid input 'b': expected 'PRIVILEGE' or 'PRIVILEGES' (line 1, column 14 (offset: 13))"],
    ['SHOW USERS a, b c', "Invalid input 'c': expected 'PRIVILEGE' or 'PRIVILEGES' (line 1, column 17 (offset: 16))"],
    ['SHOW ROLES a b', "Invalid input 'b': expected 'PRIVILEGE' or 'PRIVILEGES' (line 1, column 14 (offset: 13))"],
    ['SHOW USERS $a b', "Invalid input 'b': expected 'PRIVILEGE' or 'PRIVILEGES' (line 1, column 15 (offset: 14))"],
    ['SHOW USERS LIMIT 1', "Invalid input '1': expected 'PRIVILEGE' or 'PRIVILEGES' (line 1, column 18 (offset: 17))"],
  ]);
});

describe("auth errors where Neo4j's semantic analysis places them", () => {
  const COMBINE = 'Cannot combine old and new auth syntax for the same auth provider.';
  refusedWith('regression: %s placed the error at SET AUTH', [
    // At the old syntax's first clause: its PASSWORD (after any ENCRYPTED or PLAINTEXT), or its CHANGE.
    [
      "CREATE USER a SET PLAINTEXT PASSWORD 'abcdefgh' SET AUTH 'native' { SET PASSWORD 'abcdefgh' }",
      `${COMBINE} (line 1, column 19 (offset: 18))`,
    ],
    [
      "ALTER USER a SET PASSWORD CHANGE REQUIRED SET AUTH 'native' { SET PASSWORD 'abcdefgh' }",
      `${COMBINE} (line 1, column 27 (offset: 26))`,
    ],
    [
      "ALTER USER a SET AUTH 'native' { SET PASSWORD 'abcdefgh' } SET PASSWORD 'abcdefgh' CHANGE REQUIRED",
      `${COMBINE} (line 1, column 64 (offset: 63))`,
    ],
  ]);

  it("regression: ALTER USER with SET AUTH '' said nothing of its missing SET ID", () => {
    expect(reported("ALTER USER a SET AUTH '' { SET PASSWORD CHANGE REQUIRED }")).toEqual([
      'error: Auth provider `` does not allow `SET PASSWORD CHANGE [NOT] REQUIRED` clause. (line 1, column 41 (offset: 40))',
      'error: Invalid input. Auth provider is not allowed to be an empty string. (line 1, column 18 (offset: 17))',
      'error: Clause `SET ID` is mandatory for auth provider ``. (line 1, column 18 (offset: 17))',
    ]);
  });
});

describe("INF, INFINITY and NAN are Neo4j's float literals, in any case", () => {
  it.each(['SHOW USERS WHERE 1.0 < INFINITY', 'SHOW USERS WHERE NaN <> 1', 'SHOW USERS WHERE -inf < 1'])(
    'regression: %s said the variable was not defined',
    (query) => expect(reported(query)).toEqual([]),
  );

  it('evaluates to the infinities and NaN, which equals nothing', () => {
    const { rows } = freshSession().run(
      'SHOW USERS YIELD user RETURN INF AS a, -Infinity AS b, NAN AS c, NaN = NaN AS d, INF > 1e308 AS e',
    );
    expect(rows).toEqual([[Infinity, -Infinity, NaN, false, true]]);
  });

  it('are no variables written quoted, and a variable so named is printed quoted', () => {
    expect(reported('SHOW USERS WHERE 1.0 < `INFINITY`')).toEqual([
      'error: Variable `INFINITY` not defined (line 1, column 24 (offset: 23))',
    ]);
    const [statement] = parse('SHOW USERS YIELD user AS nan RETURN `nan` AS x, NaN AS y').statements;
    expect(statement && format(statement)).toBe('SHOW USERS YIELD user AS nan RETURN `nan` AS x, NAN AS y');
  });

  it('leave 1e400 too large, as it was', () => {
    expect(reported('SHOW USERS WHERE 1e400 > 1')).toEqual(['error: floating point number is too large (line 1, column 18 (offset: 17))']);
  });
});

describe('predicates do not chain (Cypher25Parser.g4 expression7: `expression6 comparisonExpression6?`)', () => {
  const after = (token: string, offset: number) =>
    `Invalid input '${token}': expected an expression or <EOF> (line 1, column ${offset + 1} (offset: ${offset}))`;
  refusedWith('regression: %s was accepted', [
    ["SHOW USERS WHERE user CONTAINS 'a' CONTAINS 'b'", after('CONTAINS', 35)],
    ['SHOW USERS WHERE user IN [] IS NULL', after('IS', 28)],
    ['SHOW USERS WHERE user IS NULL IS NOT NULL AND true', after('IS', 30)],
    // Arithmetic keeps a predicate open (`a IN (b + c)`), and may not follow IS NULL at all.
    ['SHOW USERS WHERE user IN [1] + [2] CONTAINS 1', after('CONTAINS', 35)],
    ['SHOW USERS WHERE user IS NULL + 1 = 2', after('+', 30)],
    ["SHOW USERS WHERE user IS NULL || 'a' = 1", after('||', 30)],
    ["SHOW USERS WHERE user IS NULL = true AND user CONTAINS 'a' =~ 'b'", after('=~', 59)],
  ]);

  it.each([
    "SHOW USERS YIELD user WHERE user STARTS WITH 'a' = user ENDS WITH 'b' OR user IS NULL",
    "SHOW USERS WHERE (user CONTAINS 'a') CONTAINS 'b'",
    'SHOW USERS WHERE user IS NULL = true',
  ])('accepts %s: a comparison, a boolean operator or brackets end the predicate', (query) => {
    expect(reported(query)).toEqual([]);
  });

  it('are printed with the brackets that keep them apart', () => {
    const [statement] = parse("SHOW USERS WHERE (user CONTAINS 'a') CONTAINS 'b' OR (user IS NULL) IS NULL").statements;
    expect(statement && format(statement)).toBe("SHOW USERS WHERE (user CONTAINS 'a') CONTAINS 'b' OR (user IS NULL) IS NULL");
  });
});

describe('IS [NOT] [NFC|NFD|NFKC|NFKD] NORMALIZED (Cypher 5 and 25 alike)', () => {
  it.each(['SHOW USERS WHERE user IS NORMALIZED', 'SHOW USERS WHERE user IS NOT NFKD NORMALIZED', 'SHOW USERS WHERE 1 IS NORMALIZED'])(
    'regression: %s was a syntax error',
    (query) => expect(reported(query)).toEqual([]),
  );

  it('tells whether a string is in the form (NFC when none is written); null for null and for what is no string', () => {
    const query =
      "SHOW USERS YIELD user RETURN 'Å' IS NORMALIZED AS a, '\u212B' IS NORMALIZED AS b, 'A\u030A' IS NFD NORMALIZED AS c, " +
      "1 IS NORMALIZED AS d, null IS NOT NORMALIZED AS e, '\u212B' IS NOT NFC NORMALIZED AS f";
    expect(freshSession().run(query).rows).toEqual([[true, false, true, null, null, true]]);
  });

  it('is printed back, the default form left out', () => {
    const [statement] = parse('show users where user is not nfkd normalized or user is nfc normalized').statements;
    expect(statement && format(statement)).toBe('SHOW USERS WHERE user IS NOT NFKD NORMALIZED OR user IS NORMALIZED');
  });

  refusedWith("lists IS's words as Neo4j does: %s", [
    ['SHOW USERS WHERE user IS NFC', "Invalid input '': expected 'NORMALIZED' (line 1, column 29 (offset: 28))"],
    [
      'SHOW USERS WHERE user IS',
      "Invalid input '': expected '::', 'NFC', 'NFD', 'NFKC', 'NFKD', 'NORMALIZED', 'NOT', 'NULL' or 'TYPED' (line 1, column 25 (offset: 24))",
    ],
    [
      'SHOW USERS WHERE user IS NOT x',
      "Invalid input 'x': expected '::', 'NFC', 'NFD', 'NFKC', 'NFKD', 'NORMALIZED', 'NULL' or 'TYPED' (line 1, column 30 (offset: 29))",
    ],
    ['SHOW USERS WHERE user IS NORMALIZED IS NULL', "Invalid input 'IS': expected an expression or <EOF> (line 1, column 37 (offset: 36))"],
  ]);
});

describe('type predicates (IS :: STRING, IS TYPED, ::) are not modelled: a warning, not a false syntax error', () => {
  it.each(['SHOW USERS WHERE user IS :: STRING', 'SHOW USERS WHERE user IS NOT TYPED INTEGER', 'SHOW USERS WHERE user :: STRING'])(
    'regression: %s was a syntax error',
    (query) => {
      expect(reported(query)).toEqual([
        'warning: Type predicates (IS :: <type>) are not supported by cypher-sysdb: this statement is not checked.',
      ]);
    },
  );
});

describe('SHOW USERS names WITH AUTH whole, and SHOW USER the DEFINED of SHOW USER DEFINED FUNCTIONS', () => {
  // Neo4j 2026.09's front end also names 'AS' (its SHOW USERS AS COMMANDS), which 2026.06 does not have.
  refusedWith('regression: %s named WITH alone, and no DEFINED', [
    [
      'SHOW USER , bob PRIVILEGES',
      "Invalid input ',': expected a parameter, an identifier, 'WITH AUTH', 'DEFINED', 'PRIVILEGE', 'PRIVILEGES', 'WHERE', 'YIELD' or <EOF> (line 1, column 11 (offset: 10))",
    ],
    [
      'SHOW USERS , bob PRIVILEGES',
      "Invalid input ',': expected a parameter, an identifier, 'WITH AUTH', 'PRIVILEGE', 'PRIVILEGES', 'WHERE', 'YIELD' or <EOF> (line 1, column 12 (offset: 11))",
    ],
  ]);
});

describe('an error about a whole command is at the command, after its USE', () => {
  // Neo4j's front end places these at the command too, beside its notice that USE is not needed (front-end-agreement's rule).
  refusedWith('regression: %s placed it at the USE', [
    ['USE system ALTER USER x', '`ALTER USER` requires at least one clause. (line 1, column 12 (offset: 11))'],
    ['USE system ALTER USERS x, y', '`ALTER USERS` requires at least one tag clause. (line 1, column 12 (offset: 11))'],
    ['USE system CREATE USER x SET STATUS ACTIVE', 'No auth given for user. (line 1, column 12 (offset: 11))'],
    ['USE  system\n  ALTER USER x', '`ALTER USER` requires at least one clause. (line 2, column 3 (offset: 14))'],
  ]);
});

describe('a list predicate without its WHERE: a syntax error after it comes first', () => {
  // Neo4j's front end reports both, the syntax error first; a server stops at the syntax error.
  refusedWith('%s', [
    ['SHOW USERS WHERE all(r IN roles) x', "Invalid input 'x': expected an expression or <EOF> (line 1, column 34 (offset: 33))"],
  ]);
});

describe("RETURN's GROUP BY (Cypher 25 of 2026.06) is not modelled: a warning, not a false syntax error", () => {
  it.each(['SHOW USERS YIELD * RETURN user, count(*) AS n GROUP BY user', 'SHOW USERS YIELD * RETURN user AS u GROUP BY u ORDER BY u'])(
    'regression: %s was a syntax error',
    (query) => {
      expect(reported(query)).toEqual(['warning: GROUP BY is not supported by cypher-sysdb: this statement is not checked.']);
    },
  );

  it('is refused when run, and changes nothing', () => {
    expectFailure(
      freshSession(),
      'SHOW USERS YIELD * RETURN user GROUP BY user',
      StatusCode.NotSupported,
      'GROUP BY is not supported by cypher-sysdb: this statement is not checked.',
    );
  });
});

describe('Neo4j reads on through a phrase of its list that the offending word begins, and fails at the first word that differs', () => {
  refusedWith('regression: %s failed at the phrase’s first word, listing our commands', [
    ['SHOW DEFAULT USER', "Invalid input 'USER': expected 'DATABASE' (line 1, column 14 (offset: 13))"],
    ['SHOW DEFAULT', "Invalid input '': expected 'DATABASE' (line 1, column 13 (offset: 12))"],
    ['SHOW HOME x', "Invalid input 'x': expected 'DATABASE' (line 1, column 11 (offset: 10))"],
    ['SHOW BUILT x', "Invalid input 'x': expected 'IN' (line 1, column 12 (offset: 11))"],
    ['DROP AUTH x', "Invalid input 'x': expected 'RULE' (line 1, column 11 (offset: 10))"],
    // A word the list names alone, with its own list after it.
    ['SHOW AUTH', "Invalid input '': expected 'RULE' or 'RULES' (line 1, column 10 (offset: 9))"],
    // Where a graph pattern may begin, Neo4j offers one too.
    ['CREATE FULLTEXT x', "Invalid input 'x': expected a graph pattern or 'INDEX' (line 1, column 17 (offset: 16))"],
    ['CREATE COMPOSITE x', "Invalid input 'x': expected a graph pattern or 'DATABASE' (line 1, column 18 (offset: 17))"],
    // After a privilege's verb, through the AUTH of 'AUTH RULE' (found by FRONT_END_MUTANTS=40).
    ['GRANT CREATE AUTH LABEL ON DATABASE neo4j TO analyst', "Invalid input 'LABEL': expected 'RULE' (line 1, column 19 (offset: 18))"],
    ['REVOKE GRANT IMMUTABLE DROP AUTH x', "Invalid input 'x': expected 'RULE' (line 1, column 34 (offset: 33))"],
    ['DENY SHOW AUTH', "Invalid input '': expected 'RULE' (line 1, column 15 (offset: 14))"],
  ]);

  it('leaves a phrase written whole to the families cypher-sysdb does not model', () => {
    expect(reported('SHOW DEFAULT DATABASE')).toEqual([
      'warning: SHOW DEFAULT DATABASE is not supported by cypher-sysdb: this statement is not checked.',
    ]);
  });
});

describe('commands Neo4j does not have are its syntax errors, not families cypher-sysdb does not model', () => {
  refusedWith('regression: %s was not checked, as if Neo4j had the command (found by FRONT_END_MUTANTS=100)', [
    [
      'ALTER DATABASES jake SET ACCESS READ ONLY',
      "Invalid input 'DATABASES': expected 'ALIAS', 'CURRENT', 'DATABASE', 'AUTH RULE', 'SERVER', 'USER' or 'USERS' (line 1, column 7 (offset: 6))",
    ],
    [
      'RENAME DATABASE jake TO bob',
      "Invalid input 'DATABASE': expected 'ROLE', 'AUTH RULE', 'SERVER' or 'USER' (line 1, column 8 (offset: 7))",
    ],
    [
      'DROP ALIASES a',
      "Invalid input 'ALIASES': expected 'ALIAS', 'COMPOSITE', 'CONSTRAINT', 'DATABASE', 'INDEX', 'ROLE', 'AUTH RULE', 'SERVER' or 'USER' (line 1, column 6 (offset: 5))",
    ],
  ]);

  it.each([
    ['CREATE REPLICA DATABASE x', 'CREATE REPLICA DATABASE'],
    ['DROP COMPOSITE DATABASE x', 'DROP COMPOSITE DATABASE'],
    ['CREATE OR REPLACE DATABASE x', 'CREATE DATABASE'],
    ['ALTER ALIAS a SET DATABASE TARGET b', 'ALTER ALIAS'],
    ['RENAME SERVER a TO b', 'RENAME SERVER'],
    ['SHOW SERVERS', 'SHOW SERVERS'],
  ])('still leaves %s unchecked: Neo4j has it', (query, what) => {
    expect(reported(query)).toEqual([`warning: ${what} is not supported by cypher-sysdb: this statement is not checked.`]);
  });
});

describe("Neo4j's SyntaxChecker judges an ALL privilege's target once it has read the target's word", () => {
  refusedWith('regression: %s reported the syntax error after the word instead (found by FRONT_END_MUTANTS=100)', [
    ['GRANT ALL DBMS PRIVILEGES ON HOME TO analyst', `Invalid input 'HOME': expected "DBMS" (line 1, column 30 (offset: 29))`],
    ['GRANT ALL GRAPH PRIVILEGES ON DATABASE', `Invalid input 'DATABASE': expected "GRAPH" (line 1, column 31 (offset: 30))`],
    ['GRANT ALL DATABASE PRIVILEGES ON GRAPHS', `Invalid input 'GRAPHS': expected "DATABASE" (line 1, column 34 (offset: 33))`],
  ]);

  refusedWith('%s: no word read, so the syntax error, which lists both scopes after HOME', [
    ['GRANT ALL GRAPH PRIVILEGES ON HOME TO r', "Invalid input 'TO': expected 'DATABASE' or 'GRAPH' (line 1, column 36 (offset: 35))"],
    ['GRANT ALL PRIVILEGES ON HOME TO r', "Invalid input 'TO': expected 'DATABASE' or 'GRAPH' (line 1, column 30 (offset: 29))"],
  ]);
});

describe('lists the larger sweeps against Neo4j found (FRONT_END_MUTANTS=250 to 2000)', () => {
  refusedWith('regression: %s listed less than Neo4j', [
    // USER after TO may be a user's name, so a comma or the end may follow it.
    ['GRANT ROLE r TO USER {', "Invalid input '{': expected a parameter, an identifier, ',' or <EOF> (line 1, column 22 (offset: 21))"],
    ['REVOKE ROLE r FROM USERS {', "Invalid input '{': expected a parameter, an identifier, ',' or <EOF> (line 1, column 26 (offset: 25))"],
    // After IMMUTABLE, or REVOKE's GRANT, Neo4j lists the privileges of GRANT and DENY, and reads on through AUTH.
    [
      'REVOKE IMMUTABLE AUTH MANAGEMENT ON DBMS FROM analyst',
      "Invalid input 'MANAGEMENT': expected 'RULE' (line 1, column 23 (offset: 22))",
    ],
    // After CREATE OR REPLACE, all that CREATE makes (FRONT_END_MUTANTS=500); reading on through AUTH and COMPOSITE.
    [
      'CREATE OR REPLACE x',
      "Invalid input 'x': expected 'ALIAS', 'CONSTRAINT', 'DATABASE', 'COMPOSITE DATABASE', 'REPLICA DATABASE', 'IMMUTABLE', 'INDEX', 'FULLTEXT INDEX', 'LOOKUP INDEX', 'POINT INDEX', 'RANGE INDEX', 'TEXT INDEX', 'VECTOR INDEX', 'ROLE', 'AUTH RULE' or 'USER' (line 1, column 19 (offset: 18))",
    ],
    ["CREATE OR REPLACE AUTH jake SET PASSWORD 'abcd1234'", "Invalid input 'jake': expected 'RULE' (line 1, column 24 (offset: 23))"],
    ['CREATE OR REPLACE COMPOSITE x', "Invalid input 'x': expected 'DATABASE' (line 1, column 29 (offset: 28))"],
    // FRONT_END_MUTANTS=1000: SET DATABASE DEFAULT LANGUAGE is Neo4j's privilege too, not modelled (out-of-scope.ts).
    [
      'GRANT SET DATABASE ON DBMS TO analyst',
      "Invalid input 'ON': expected 'ACCESS' or 'DEFAULT LANGUAGE' (line 1, column 20 (offset: 19))",
    ],
    // FRONT_END_MUTANTS=2000: AUTH after TO may be a user's name or begin AUTH RULE; ROLE MANAGEMENT is the privilege,
    // ROLES MANAGEMENT grants a role called MANAGEMENT.
    ['GRANT ROLE analyst TO AUTH jake', "Invalid input 'jake': expected ',', 'RULE', 'RULES' or <EOF> (line 1, column 28 (offset: 27))"],
    ['GRANT ROLES MANAGEMENT ON DBMS TO analyst', "Invalid input 'ON': expected ',' or 'TO' (line 1, column 24 (offset: 23))"],
    ['REVOKE ROLES MANAGEMENT ON DBMS FROM analyst', "Invalid input 'ON': expected ',' or 'FROM' (line 1, column 25 (offset: 24))"],
    // SHOW ALL takes only some objects: SHOW ALL DATABASES is Neo4j's syntax error, not a family left unchecked.
    [
      'SHOW ALL DATABASES',
      "Invalid input 'DATABASES': expected 'CONSTRAINT', 'CONSTRAINTS', 'FUNCTION', 'FUNCTIONS', 'INDEX', 'INDEXES', 'PRIVILEGE', 'PRIVILEGES', 'ROLE' or 'ROLES' (line 1, column 10 (offset: 9))",
    ],
    [
      'REVOKE GRANT',
      "Invalid input '': expected 'ACCESS', 'ALIAS', 'ALL', 'ALTER', 'ASSIGN', 'COMPOSITE', 'CONSTRAINT', 'CONSTRAINTS', 'CREATE', 'DATABASE', 'DELETE', 'DROP', 'EXECUTE', 'IMPERSONATE', 'INDEX', 'INDEXES', 'MATCH', 'MERGE', 'NAME', 'LOAD ON', 'PRIVILEGE', 'READ', 'REMOVE', 'RENAME', 'ROLE', 'AUTH RULE', 'SECRETS', 'SERVER', 'SET', 'SHOW', 'START', 'STOP', 'TERMINATE', 'TRANSACTION', 'TRAVERSE', 'USER' or 'WRITE' (line 1, column 13 (offset: 12))",
    ],
  ]);
});
