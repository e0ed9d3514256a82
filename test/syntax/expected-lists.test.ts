/**
 * Syntax errors as Neo4j's front end words and places them, where ours once differed: where the end of
 * input is, what an expression left open may go on with, and lists at decision points. Each row is what
 * the front end reports; the shared helper asks it again on every run.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { oracleRows, type OracleRow } from '../support/oracle-rows.js';

const ROWS: readonly OracleRow[] = [
  // The end of input is the end of the text, after trailing spaces and comments (fixed: it was after the last token).
  ['CREATE USER   ', "@14 Invalid input '': expected a graph pattern, a parameter or an identifier"],
  ['CREATE USER // x', "@16 Invalid input '': expected a graph pattern, a parameter or an identifier"],
  ['CREATE USER /* x */', "@19 Invalid input '': expected a graph pattern, a parameter or an identifier"],
  ['DROP ROLE\n', "@10 Invalid input '': expected a parameter or an identifier"],
  ['SHOW USERS YIELD * RETURN user AS n, ', "@37 Invalid input '': expected an expression"],

  // An expression left open: the parser fails in the innermost construct that cannot end there, and its own
  // closers and separators are listed beside "an expression" (fixed: everything inside an expression was that).
  ['SHOW USERS YIELD * RETURN size(roles AS n', "@37 Invalid input 'AS': expected an expression, ')' or ','"],
  ['SHOW USERS YIELD * RETURN [1, 2 AS n', "@32 Invalid input 'AS': expected an expression, ',' or ']'"],
  ['SHOW USERS YIELD * RETURN {a: 1 AS n', "@32 Invalid input 'AS': expected an expression, ',' or '}'"],
  ['SHOW USERS YIELD * RETURN (1 + 2 AS n', "@33 Invalid input 'AS': expected an expression or ')'"],
  ['SHOW USERS YIELD * RETURN roles[0 AS n', "@34 Invalid input 'AS': expected an expression, '..' or ']'"],
  ['SHOW USERS YIELD * RETURN [r IN roles WHERE r = 1 AS n', "@50 Invalid input 'AS': expected an expression, ']' or '|'"],
  ["SHOW USERS WHERE any(r IN roles WHERE r = 'a' x", "@46 Invalid input 'x': expected an expression or ')'"],
  ["SHOW USERS WHERE user = 'a' x", "@28 Invalid input 'x': expected an expression or <EOF>"],
  // An operator's later words are its own: WITH of STARTS WITH.
  ['SHOW USERS YIELD user WHERE user STARTS', "@39 Invalid input '': expected 'WITH'"],
  ['SHOW USERS YIELD user WHERE user ENDS x', "@38 Invalid input 'x': expected 'WITH'"],
  // Where an operand must begin, "an expression" alone.
  // A name other than COUNT before `(` is a call, not count(*).
  ['SHOW USERS YIELD * RETURN rand(,', "@31 Invalid input ',': expected an expression, ')', 'ALL' or 'DISTINCT'"],
  ['SHOW USERS WHERE count(,', "@23 Invalid input ',': expected an expression"],
  // Where Neo4j still has two readings of an atom, its prediction fails in the atom: "an expression" alone.
  ['SHOW USERS YIELD * RETURN [r IN roles AS n', "@38 Invalid input 'AS': expected an expression"],
  ['SHOW USERS YIELD * RETURN [roles AS n', "@33 Invalid input 'AS': expected an expression"],
  ['SHOW USERS WHERE any(r IN roles x', "@32 Invalid input 'x': expected an expression"],
  ['SHOW USERS WHERE (x x', "@20 Invalid input 'x': expected an expression"],
  ['SHOW USERS WHERE ($p x', "@21 Invalid input 'x': expected an expression"],
  ['SHOW USERS WHERE [(a) x', "@22 Invalid input 'x': expected an expression"],
  ['SHOW USERS WHERE ((x x', "@21 Invalid input 'x': expected an expression"],
  // So where the input ends after TRUE, FALSE or NULL (a variable of that name too); a token after it has it read as the literal.
  ['SHOW USERS WHERE foo(null', "@25 Invalid input '': expected an expression"],
  ['SHOW USERS YIELD * RETURN [1, true', "@34 Invalid input '': expected an expression"],
  ['SHOW USERS WHERE foo(true x', "@26 Invalid input 'x': expected an expression, ')' or ','"],

  // Decision points, where Neo4j's grammar offers other words than ours.
  ['SHOW PRIVILEGES AS x', "@19 Invalid input 'x': expected 'COMMAND' or 'COMMANDS'"],
  ['SHOW USER bob PRIVILEGES AS', "@27 Invalid input '': expected 'COMMAND' or 'COMMANDS'"],
  ['GRANT EXECUTE BOOSTED USER x', "@27 Invalid input 'x': expected 'FUNCTION' or 'FUNCTIONS'"],
  ['DENY EXECUTE USER DEFINED x', "@26 Invalid input 'x': expected 'FUNCTION' or 'FUNCTIONS'"],
  ['REVOKE ROLE r FROM', "@18 Invalid input '': expected a parameter, an identifier, 'AUTH', 'USER' or 'USERS'"],
  ['REVOKE ROLES r FROM AUTH x', "@25 Invalid input 'x': expected ',', 'RULE', 'RULES' or <EOF>"],
  ['GRANT REMOVE $r', "@13 Invalid input '$': expected 'LABEL', 'PRIVILEGE' or 'ROLE'"],
  ['REVOKE DENY REMOVE x', "@19 Invalid input 'x': expected 'LABEL', 'PRIVILEGE' or 'ROLE'"],
  ['SHOW CURRENT', "@12 Invalid input '': expected 'GRAPH TYPE' or 'USER'"],
  ['SHOW CURRENT GRAPH x', "@19 Invalid input 'x': expected 'TYPE'"],
  ['ALTER CURRENT x', "@14 Invalid input 'x': expected 'USER SET PASSWORD FROM' or 'GRAPH TYPE'"],
  ['SHOW ALL ROLES WITH x', "@20 Invalid input 'x': expected 'AUTH', 'USER' or 'USERS'"],
  ['SHOW POPULATED ROLE WITH AUTH x', "@30 Invalid input 'x': expected 'RULE' or 'RULES'"],
  ['SHOW ROLES WITH AUTH', "@20 Invalid input '': expected 'RULE' or 'RULES'"],
  // A word after SHOW USERS or SHOW ROLES may be the first name of SHOW USERS a, b PRIVILEGES.
  ['SHOW ROLES WITH x', "@16 Invalid input 'x': expected ',', 'AUTH', 'PRIVILEGE', 'PRIVILEGES', 'USER' or 'USERS'"],
  ['SHOW USER WITH x', "@15 Invalid input 'x': expected ',', 'AUTH', 'PRIVILEGE' or 'PRIVILEGES'"],
  ['SHOW USERS WHERE', "@16 Invalid input '': expected an expression, ',', 'PRIVILEGE' or 'PRIVILEGES'"],
  ['SHOW ROLE YIELD', "@15 Invalid input '': expected a variable name, '*', ',', 'PRIVILEGE' or 'PRIVILEGES'"],
  ['SHOW ALL ROLES YIELD', "@20 Invalid input '': expected a variable name or '*'"],

  // After a database name's dot, the name that must follow is "an identifier" (fixed: it was "a database name").
  ['ALTER USER jake SET HOME DATABASE db.', "@37 Invalid input '': expected an identifier"],
  ["CREATE USER jake SET PASSWORD 'abcd1234' SET HOME DATABASE db.x.", "@64 Invalid input '': expected an identifier"],
  ['ALTER USER jake SET HOME DATABASE db.$x', "@37 Invalid input '$': expected an identifier"],
  // Before it, and after a whole name, the name is the database's.
  ['ALTER USER jake SET HOME DATABASE db x', "@37 Invalid input 'x': expected a database name, 'SET' or <EOF>"],
  ['GRANT ACCESS ON DATABASE db.. TO r', "@27 Invalid input '..': expected a database name, ',' or 'TO'"],

  // Where a graph privilege's segment may begin, Neo4j lists it and FOR, and not the command's TO or FROM (fixed: TO, no FOR).
  [
    'GRANT TRAVERSE ON GRAPH neo4j Person TO analyst',
    "@30 Invalid input 'Person': expected a database name, ',', 'ELEMENT', 'ELEMENTS', 'FOR', 'NODE', 'NODES', 'RELATIONSHIP' or 'RELATIONSHIPS'",
  ],
  [
    'REVOKE TRAVERSE ON GRAPH neo4j Person FROM analyst',
    "@31 Invalid input 'Person': expected a database name, ',', 'ELEMENT', 'ELEMENTS', 'FOR', 'NODE', 'NODES', 'RELATIONSHIP' or 'RELATIONSHIPS'",
  ],
  [
    'GRANT TRAVERSE ON HOME GRAPH x',
    "@29 Invalid input 'x': expected 'ELEMENT', 'ELEMENTS', 'FOR', 'NODE', 'NODES', 'RELATIONSHIP' or 'RELATIONSHIPS'",
  ],
  [
    'DENY MATCH {*} ON GRAPH * x',
    "@26 Invalid input 'x': expected 'ELEMENT', 'ELEMENTS', 'FOR', 'NODE', 'NODES', 'RELATIONSHIP' or 'RELATIONSHIPS'",
  ],
  [
    'GRANT SET PROPERTY {p} ON GRAPH * x',
    "@34 Invalid input 'x': expected 'ELEMENT', 'ELEMENTS', 'FOR', 'NODE', 'NODES', 'RELATIONSHIP' or 'RELATIONSHIPS'",
  ],
  // After the segment, or where the privilege has none, the command goes on with TO.
  ['GRANT TRAVERSE ON GRAPH neo4j NODE A x', "@37 Invalid input 'x': expected ',' or 'TO'"],
  ['GRANT WRITE ON GRAPH * x', "@23 Invalid input 'x': expected 'TO'"],
  ['GRANT SET LABEL x ON GRAPH * y', "@29 Invalid input 'y': expected 'TO'"],

  // LOAD ON's sources: 'ALL DATA' is one phrase, and URL is Neo4j 2026.06's too (fixed: 'ALL' or 'CIDR').
  ['GRANT LOAD ON ON ALL DATA TO analyst', "@14 Invalid input 'ON': expected 'CIDR', 'ALL DATA' or 'URL'"],
  ['DENY LOAD ON x', "@13 Invalid input 'x': expected 'CIDR', 'ALL DATA' or 'URL'"],
  ['GRANT LOAD ON URL x TO r', "@18 Invalid input 'x': expected a parameter or a string"],
  ["REVOKE LOAD ON URL 'x'", "@22 Invalid input '': expected 'FROM'"],
  // URL patterns parse, and Neo4j's semantic analysis refuses them at the command.
  ["GRANT IMMUTABLE LOAD ON URL 'x' TO r, s", '@0 LOAD privileges with a URL pattern are not currently supported'],
  ['DENY LOAD ON URL $u TO r', '@0 LOAD privileges with a URL pattern are not currently supported'],

  // An error about a whole command is at the command, after its USE (fixed: it was at the USE).
  ['USE system DENY MERGE {*} ON GRAPH * TO r', '@11 `DENY MERGE` is not supported. Use `DENY SET PROPERTY` and `DENY CREATE` instead.'],
  ["USE system GRANT LOAD ON URL 'x' TO r", '@11 LOAD privileges with a URL pattern are not currently supported'],
  [
    'USE system CREATE OR REPLACE ROLE r IF NOT EXISTS',
    "@11 Failed to create the specified role 'r': cannot have both `OR REPLACE` and `IF NOT EXISTS`.",
  ],

  // One sign before an operand, and a number's own minus (Cypher25Parser.g4 expression3, numberLiteral): fixed, these were read.
  ['SHOW USERS WHERE -+1 = 1', "@18 Invalid input '+': expected an expression"],
  ['SHOW USERS YIELD * RETURN - + 1 AS x', "@28 Invalid input '+': expected an expression"],
  ['SHOW USERS WHERE - - - 1 = 1', "@21 Invalid input '-': expected a number"],
  ['SHOW USERS WHERE - -user = 1', "@20 Invalid input 'user': expected a number"],
  ['SHOW USERS WHERE - -$p = 1', "@20 Invalid input '$': expected a number"],
  // A sign, then a number's minus; an infix minus, a sign and a number's minus; a sign before parentheses.
  ['SHOW USERS WHERE - -1 = 1'],
  ['SHOW USERS WHERE 1 - - - 1 = 1'],
  ['SHOW USERS WHERE +-1.5 = 1'],
  ['SHOW USERS WHERE -(-1) = 1'],

  // A list predicate without its WHERE parses, and Neo4j's semantic analysis refuses it at its word (fixed: a syntax error at ')').
  ['SHOW USERS WHERE any(r IN roles)', '@17 any(...) requires a WHERE predicate'],
  ['SHOW USERS WHERE Single(r IN roles )', '@17 single(...) requires a WHERE predicate'],
  ["SHOW USERS WHERE any(r IN roles) AND 1 = 'a'", '@17 any(...) requires a WHERE predicate'],
  // A syntax error comes first; an open predicate is "an expression" still.
  ['SHOW USERS WHERE any(r IN roles x', "@32 Invalid input 'x': expected an expression"],

  // YIELD's and RETURN's ORDER BY, SKIP and LIMIT: where one breaks before its end, Neo4j's parser passes it by and
  // fails at its first word, listing what may stand there (fixed: the error was where the tail broke).
  [
    'SHOW USERS YIELD user SKIP',
    "@22 Invalid input 'SKIP': expected ',', 'AS', 'ORDER BY', 'LIMIT', 'OFFSET', 'RETURN', 'SKIP', 'WHERE' or <EOF>",
  ],
  [
    "SHOW USERS YIELD user SKIP 'a'",
    "@22 Invalid input 'SKIP': expected ',', 'AS', 'ORDER BY', 'LIMIT', 'OFFSET', 'RETURN', 'SKIP', 'WHERE' or <EOF>",
  ],
  [
    'SHOW USERS YIELD user SKIP 01',
    "@22 Invalid input 'SKIP': expected ',', 'AS', 'ORDER BY', 'LIMIT', 'OFFSET', 'RETURN', 'SKIP', 'WHERE' or <EOF>",
  ],
  [
    'SHOW ROLES YIELD role LIMIT -',
    "@22 Invalid input 'LIMIT': expected ',', 'AS', 'ORDER BY', 'LIMIT', 'OFFSET', 'RETURN', 'SKIP', 'WHERE' or <EOF>",
  ],
  [
    'SHOW USERS YIELD user AS u OFFSET',
    "@27 Invalid input 'OFFSET': expected ',', 'ORDER BY', 'LIMIT', 'OFFSET', 'RETURN', 'SKIP', 'WHERE' or <EOF>",
  ],
  ['SHOW USERS YIELD * ORDER BY', "@19 Invalid input 'ORDER': expected 'ORDER BY', 'LIMIT', 'OFFSET', 'RETURN', 'SKIP', 'WHERE' or <EOF>"],
  [
    'SHOW PRIVILEGES YIELD * ORDER x',
    "@24 Invalid input 'ORDER': expected 'ORDER BY', 'LIMIT', 'OFFSET', 'RETURN', 'SKIP', 'WHERE' or <EOF>",
  ],
  [
    'SHOW USERS YIELD user ORDER BY user,',
    "@22 Invalid input 'ORDER': expected ',', 'AS', 'ORDER BY', 'LIMIT', 'OFFSET', 'RETURN', 'SKIP', 'WHERE' or <EOF>",
  ],
  // A tail that got to its end stays read: the next one is passed by.
  [
    'SHOW USERS YIELD user ORDER BY user SKIP',
    "@36 Invalid input 'SKIP': expected an expression, ',', 'ASC', 'ASCENDING', 'DESC', 'DESCENDING', 'LIMIT', 'OFFSET', 'RETURN', 'SKIP', 'WHERE' or <EOF>",
  ],
  ['SHOW USERS YIELD user ORDER BY user SKIP 1 LIMIT x', "@43 Invalid input 'LIMIT': expected 'LIMIT', 'RETURN', 'WHERE' or <EOF>"],
  ['SHOW USERS YIELD * RETURN user SKIP 1 LIMIT', "@38 Invalid input 'LIMIT': expected an expression, 'LIMIT' or <EOF>"],
  ['SHOW USERS YIELD * RETURN user ORDER BY user ASC LIMIT', "@49 Invalid input 'LIMIT': expected ',', 'LIMIT', 'OFFSET', 'SKIP' or <EOF>"],
  [
    'SHOW USERS YIELD * RETURN user ORDER BY user SKIP $',
    "@45 Invalid input 'SKIP': expected an expression, ',', 'ASC', 'ASCENDING', 'DESC', 'DESCENDING', 'LIMIT', 'OFFSET', 'SKIP' or <EOF>",
  ],
  // RETURN's own list names its GROUP BY (Cypher 25 of 2026.06) wherever its ORDER BY may come (fixed: it was left out).
  [
    'SHOW USERS YIELD * RETURN user ORDER BY user DESC,',
    "@31 Invalid input 'ORDER': expected an expression, ',', 'AS', 'GROUP BY', 'ORDER BY', 'LIMIT', 'OFFSET', 'SKIP' or <EOF>",
  ],
  [
    'SHOW USERS YIELD * RETURN * SKIP',
    "@28 Invalid input 'SKIP': expected ',', 'GROUP BY', 'ORDER BY', 'LIMIT', 'OFFSET', 'SKIP' or <EOF>",
  ],
  [
    'SHOW USERS YIELD * RETURN user AS u LIMIT size(',
    "@36 Invalid input 'LIMIT': expected ',', 'GROUP BY', 'ORDER BY', 'LIMIT', 'OFFSET', 'SKIP' or <EOF>",
  ],
  [
    'SHOW USERS YIELD * RETURN user AS x y',
    "@36 Invalid input 'y': expected ',', 'GROUP BY', 'ORDER BY', 'LIMIT', 'OFFSET', 'SKIP' or <EOF>",
  ],
  // Where the tail ends, or breaks after its end, the error stays where it is; WHERE is entered at once.
  [
    'SHOW USERS YIELD user ORDER BY user ASC x',
    "@40 Invalid input 'x': expected ',', 'LIMIT', 'OFFSET', 'RETURN', 'SKIP', 'WHERE' or <EOF>",
  ],
  ['SHOW USERS YIELD user SKIP 1 LIMIT 2 x', "@37 Invalid input 'x': expected 'RETURN', 'WHERE' or <EOF>"],
  ['SHOW USERS YIELD * RETURN user SKIP 1 x', "@38 Invalid input 'x': expected an expression, 'LIMIT' or <EOF>"],
  ['SHOW USERS YIELD user SKIP 1 WHERE', "@34 Invalid input '': expected an expression"],
  ['SHOW USERS YIELD user ORDER BY user RETURN', "@42 Invalid input '': expected an expression, '*', 'ALL' or 'DISTINCT'"],
  // reduce: before its `|` a call of a function `reduce` too, so all is "an expression" (syntax-errors.ts, neo4jContext).
  ['SHOW USERS YIELD roles RETURN reduce(', "@37 Invalid input '': expected an expression"],
  ['SHOW USERS YIELD roles RETURN reduce(s', "@38 Invalid input '': expected an expression"],
  ['SHOW USERS YIELD roles RETURN reduce(s =', "@40 Invalid input '': expected an expression"],
  ['SHOW USERS YIELD roles RETURN reduce(s = 0,', "@43 Invalid input '': expected an expression"],
  ['SHOW USERS YIELD roles RETURN reduce(s = 0, r', "@45 Invalid input '': expected an expression"],
  ['SHOW USERS YIELD roles RETURN reduce(s = 0, r IN', "@48 Invalid input '': expected an expression"],
  ['SHOW USERS YIELD roles RETURN reduce(s = 0, r IN roles', "@54 Invalid input '': expected an expression"],
  ['SHOW USERS YIELD roles RETURN reduce(s = 0 r IN roles | s)', "@43 Invalid input 'r': expected an expression"],
  ['SHOW USERS YIELD roles RETURN reduce(s = 0, r roles | s)', "@46 Invalid input 'roles': expected an expression"],
  ['SHOW USERS YIELD roles RETURN reduce(s = 0, r IN roles WHERE true | 1) AS x', "@55 Invalid input 'WHERE': expected an expression"],
  // After it, the reduce's own rule.
  ['SHOW USERS YIELD roles RETURN reduce(s = 0, r IN roles |', "@56 Invalid input '': expected an expression"],
  ['SHOW USERS YIELD roles RETURN reduce(s = 0, r IN roles | s', "@58 Invalid input '': expected an expression or ')'"],
  ['SHOW USERS YIELD roles RETURN reduce(s = 0, r IN roles | s |', "@59 Invalid input '|': expected an expression or ')'"],
  // trim: where a call trim(s) may still be read, all is "an expression"; once only the FROM form is left, its own words.
  ['SHOW USERS YIELD user RETURN trim(', "@34 Invalid input '': expected an expression"],
  ['SHOW USERS YIELD user RETURN trim(BOTH', "@38 Invalid input '': expected an expression"],
  ["SHOW USERS YIELD user RETURN trim('x'", "@37 Invalid input '': expected an expression"],
  ["SHOW USERS YIELD user RETURN trim(BOTH 'x'", "@42 Invalid input '': expected an expression or 'FROM'"],
  ['SHOW USERS YIELD user RETURN trim(BOTH FROM', "@43 Invalid input '': expected an expression or 'FROM'"],
  ["SHOW USERS YIELD user RETURN trim(BOTH 'x' FROM", "@47 Invalid input '': expected an expression"],
  ["SHOW USERS YIELD user RETURN trim(BOTH 'x' FROM user", "@52 Invalid input '': expected an expression or ')'"],
  ['SHOW USERS YIELD user RETURN trim(BOTH user)', "@43 Invalid input ')': expected an expression or 'FROM'"],
  ["SHOW USERS YIELD user RETURN trim(BOTH 'x' FROM user, 1)", "@52 Invalid input ',': expected an expression or ')'"],
  // USE's graph function: a name, then a call's arguments.
  ['USE graph.byName(', "@17 Invalid input '': expected an expression, ')', 'ALL' or 'DISTINCT'"],
  ["USE graph.byName('x'", "@20 Invalid input '': expected an expression, ')' or ','"],
  ['USE system(1', "@12 Invalid input '': expected an expression, ')' or ','"],
  [
    'USE (system) DROP',
    "@17 Invalid input '': expected 'ALIAS', 'COMPOSITE', 'CONSTRAINT', 'DATABASE', 'INDEX', 'ROLE', 'AUTH RULE', 'SERVER' or 'USER'",
  ],
  // Map projections.
  ['SHOW USERS WITH AUTH YIELD auth RETURN auth {.', "@46 Invalid input '': expected an identifier or '*'"],
  ['SHOW USERS WITH AUTH YIELD auth RETURN auth {.id', "@48 Invalid input '': expected ',' or '}'"],
  ['SHOW USERS WITH AUTH YIELD auth RETURN auth {a:', "@47 Invalid input '': expected an expression"],
  ['SHOW USERS WITH AUTH YIELD auth RETURN auth {.id,', "@49 Invalid input '': expected an identifier or '.'"],
  ['SHOW USERS WITH AUTH YIELD auth RETURN auth {. id} AS x'],
];

oracleRows('syntax errors worded as Neo4j words them', ROWS);

describe('the lists a script remembers', () => {
  // Regression (remembered by token types alone, `size(` got the list of `count(` before it).
  it('are told apart by the words the grammar gates on: count( is not size(', () => {
    expect(parse('SHOW USERS WHERE count(,;\nSHOW USERS WHERE size(,').diagnostics.map((d) => d.message)).toEqual([
      "Invalid input ',': expected an expression (line 1, column 24 (offset: 23))",
      "Invalid input ',': expected an expression, ')', 'ALL' or 'DISTINCT' (line 1, column 23 (offset: 22))",
    ]);
  });
});

describe('the end of input in a script', () => {
  it("is where cypher-shell's statement ends: at its `;`, after its trailing spaces and comments", () => {
    const [first, second] = parse('DROP ROLE  /* r */ ;\nDROP ROLE\n').diagnostics;
    expect(first).toMatchObject({
      message: "Invalid input '': expected a parameter or an identifier (line 1, column 20 (offset: 19))",
      span: { start: { offset: 19, line: 1, column: 20 }, end: { offset: 19 } },
    });
    // The last statement runs to the end of the script, its line break included.
    expect(second).toMatchObject({
      message: "Invalid input '': expected a parameter or an identifier (line 2, column 1 (offset: 10))",
      span: { start: { offset: 31, line: 3, column: 1 } },
    });
  });
});
