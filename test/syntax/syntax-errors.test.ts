/**
 * Syntax errors as Neo4j words them. The expected texts come from Neo4j's own parser tests
 * (neo4j/neo4j, community/cypher/front-end/parser/parser-test/src/test/scala/org/neo4j/cypher/internal/
 * ast/factory/ddl/{Create,Alter,Drop,Rename,Show}User*ParserTest.scala): same token, same expected list,
 * same position suffix.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse.js';
import { reported } from '../support/parse.js';

const NEO4J_SYNTAX_ERRORS: [query: string, message: string][] = [
  ['CREATE USER foo', "Invalid input '': expected 'IF NOT EXISTS' or 'SET' (line 1, column 16 (offset: 15))"],
  // Neo4j's Cypher 25 list (CreateUserAdministrationCommandParserTest, also a row in
  // test/fidelity/users.test.ts) names 'a graph pattern' first: CREATE also opens a graph pattern clause.
  [
    `CREATE USER "foo" SET PASSwORD 'password'`,
    `Invalid input '"foo"': expected a graph pattern, a parameter or an identifier (line 1, column 13 (offset: 12))`,
  ],
  ["CREATE USER fo,o SET PASSWORD 'password'", "Invalid input ',': expected 'IF NOT EXISTS' or 'SET' (line 1, column 15 (offset: 14))"],
  ['CREATE USER foo SET PASSWORD', "Invalid input '': expected a parameter, a string or 'CHANGE' (line 1, column 29 (offset: 28))"],
  // Neo4j quotes the token ('123', 'null'); it stands where a password does, so cypher-sysdb masks it.
  [
    'CREATE USER foo SET ENCRYPTED PASSWORD 123',
    "Invalid input '******': expected a parameter or a string (line 1, column 40 (offset: 39))",
  ],
  [
    "CREATE USER foo SET PASSWORD 'password' ENCRYPTED",
    "Invalid input 'ENCRYPTED': expected 'CHANGE', 'SET' or <EOF> (line 1, column 41 (offset: 40))",
  ],
  [
    "CREATE USER foo SET PASSWORD 'password' SET STATUS IMAGINARY",
    "Invalid input 'IMAGINARY': expected 'ACTIVE' or 'SUSPENDED' (line 1, column 52 (offset: 51))",
  ],
  ["CREATE USER foo IF EXISTS SET PASSWORD 'password'", "Invalid input 'EXISTS': expected 'NOT EXISTS' (line 1, column 20 (offset: 19))"],
  ["ALTER USER foo IF NOT EXISTS SET PASSWORD 'password'", "Invalid input 'NOT': expected 'EXISTS' (line 1, column 19 (offset: 18))"],
  [
    'ALTER USER foo RENAME TO bar',
    "Invalid input 'RENAME': expected 'ADD', 'IF EXISTS', 'REMOVE', 'SET' or <EOF> (line 1, column 16 (offset: 15))",
  ],
  [
    'ALTER USER foo SET STATUS SUSPENDED REMOVE HOME DATABASE',
    "Invalid input 'REMOVE': expected 'SET' or <EOF> (line 1, column 37 (offset: 36))",
  ],
  [
    "ALTER USER foo SET PASSWORD 'password' REMOVE ALL AUTH",
    "Invalid input 'REMOVE': expected 'CHANGE', 'SET' or <EOF> (line 1, column 40 (offset: 39))",
  ],
  [
    'ALTER USER foo REMOVE AUTH 42',
    "Invalid input '42': expected a parameter, a string, 'PROVIDER', 'PROVIDERS' or '[' (line 1, column 28 (offset: 27))",
  ],
  ["ALTER USER foo SET AUTH PROVIDER 'foo' { }", "Invalid input '}': expected 'SET' (line 1, column 42 (offset: 41))"],
  [
    "ALTER USER foo SET AUTH PROVIDER 'foo' { SET PASSWORD 'password' CHANGE REQUIRED }",
    "Invalid input 'CHANGE': expected 'SET' or '}' (line 1, column 66 (offset: 65))",
  ],
  [
    "ALTER USER foo SET AUTH PROVIDER $param { SET ID 'bar' }",
    // Cypher 25's lexer makes `$` a token of its own (Cypher25Lexer.g4: DOLLAR).
    "Invalid input '$': expected a string (line 1, column 34 (offset: 33))",
  ],
  ["ALTER USER foo SET AUTH PROVIDER foo { SET ID 'bar' }", "Invalid input 'foo': expected a string (line 1, column 34 (offset: 33))"],
  ["ALTER USER foo SET AUTH PROVIDER 42 { SET ID 'bar' }", "Invalid input '42': expected a string (line 1, column 34 (offset: 33))"],
  [
    "ALTER USER foo SET AUTH 'foo' { SET UNKNOWN 'bar' }",
    "Invalid input 'UNKNOWN': expected 'ENCRYPTED', 'ID', 'PASSWORD' or 'PLAINTEXT' (line 1, column 37 (offset: 36))",
  ],
  ['DROP USER', "Invalid input '': expected a parameter or an identifier (line 1, column 10 (offset: 9))"],
  ['RENAME USER foo TO bar IF EXISTS', "Invalid input 'IF': expected <EOF> (line 1, column 24 (offset: 23))"],
  // Neo4j's parser test predates SHOW CURRENT GRAPH TYPE, which Neo4j's front end lists too (expected-lists.test.ts).
  ['SHOW CURRENT USERS', "Invalid input 'USERS': expected 'GRAPH TYPE' or 'USER' (line 1, column 14 (offset: 13))"],
  ['SHOW CURRENT USER WITH AUTH', "Invalid input 'WITH': expected 'WHERE', 'YIELD' or <EOF> (line 1, column 19 (offset: 18))"],
  ["SHOW USERS WHERE user = 'GRANTED' WITH AUTH", "Invalid input 'WITH': expected an expression or <EOF> (line 1, column 35 (offset: 34))"],
  [
    "ALTER CURRENT USER SET PASSWORD FROM 'current' TO null",
    "Invalid input '******': expected a parameter or a string (line 1, column 51 (offset: 50))",
  ],
  [
    "ALTER CURRENT USER PASSWORD FROM 'current' TO 'new'",
    "Invalid input 'PASSWORD': expected 'SET PASSWORD FROM' (line 1, column 20 (offset: 19))",
  ],
  // A decision point (src/syntax/decision-points.ts) holds for any list of names: Neo4j's `GRANT ROLE foo TO`
  // list (RoleAdministrationCommandParserTest) after several roles, a parameter among them.
  [
    'GRANT ROLES a, $b, `c` TO',
    "Invalid input '': expected a parameter, an identifier, 'AUTH', 'USER' or 'USERS' (line 1, column 26 (offset: 25))",
  ],
  // 'HOME DATABASE' is one phrase after REMOVE too (AlterUserAdministrationCommandParserTest
  // `ALTER USER foo REMOVE DEFAULT DATABASE`, a test older than REMOVE [ALL] TAG[S], which add 'ALL', 'TAG', 'TAGS').
  [
    'ALTER USER foo REMOVE DEFAULT DATABASE',
    "Invalid input 'DEFAULT': expected 'ALL', 'AUTH', 'HOME DATABASE', 'TAG' or 'TAGS' (line 1, column 23 (offset: 22))",
  ],
  // Regression: after an expression ending in a name, only "an expression" was listed (the walk took the name
  // for a function call's, as the parser's gate would not); Neo4j lists what may follow the expression too.
  [
    'SHOW USERS YIELD user ORDER BY user x',
    "Invalid input 'x': expected an expression, ',', 'ASC', 'ASCENDING', 'DESC', 'DESCENDING', 'LIMIT', 'OFFSET', 'RETURN', 'SKIP', 'WHERE' or <EOF> (line 1, column 37 (offset: 36))",
  ],
  [
    'SHOW USERS YIELD user RETURN user.name x',
    "Invalid input 'x': expected an expression, ',', 'AS', 'GROUP BY', 'ORDER BY', 'LIMIT', 'OFFSET', 'SKIP' or <EOF> (line 1, column 40 (offset: 39))",
  ],
  // Regression: after a USE clause the decision points did not apply (Cypher25Parser.g4 `command: useClause? (...)`).
  [
    'USE system ALTER PASSWORD',
    "Invalid input 'PASSWORD': expected 'ALIAS', 'CURRENT', 'DATABASE', 'AUTH RULE', 'SERVER', 'USER' or 'USERS' (line 1, column 18 (offset: 17))",
  ],
  [
    'USE a.b DENY CREATE USR ON DBMS TO r',
    "Invalid input 'USR': expected 'ALIAS', 'COMPOSITE', 'CONSTRAINT', 'CONSTRAINTS', 'DATABASE', 'INDEX', 'INDEXES', 'NEW', 'ON', 'ROLE', 'AUTH RULE' or 'USER' (line 1, column 21 (offset: 20))",
  ],
];

describe("syntax errors use Neo4j's wording, expected list and position", () => {
  it.each(NEO4J_SYNTAX_ERRORS)('%s', (query, message) => {
    const [first, ...rest] = reported(query);
    expect(first?.message).toBe(message);
    expect(rest).toEqual([]);
  });
});

describe('syntax error classes', () => {
  it('reports an unterminated string as Neo4j does', () => {
    expect(reported("CREATE USER jake SET PASSWORD 'abcd1234")).toEqual([
      {
        message:
          'Failed to parse string literal. The query must contain an even number of non-escaped quotes. (line 1, column 31 (offset: 30))',
        line: 1,
        column: 31,
      },
    ]);
  });

  // Neo4j's error strategy (CypherErrorStrategy.scala, isUnclosedQuote) words the quote error only when
  // the parser fails at the lone quote itself; an earlier error is reported as any other.
  it('reports the first error before an unclosed string as Neo4j does, not the quote count', () => {
    expect(reported('CREATE USR jake SET PASSWORD "abcd1234')[0]?.message).toBe(
      "Invalid input 'USR': expected 'IMMUTABLE', 'OR', 'ROLE' or 'USER' (line 1, column 8 (offset: 7))",
    );
  });

  it('reports an unclosed quoted name as an invalid backtick, as isUnclosedQuote looks at quotes only', () => {
    expect(reported('DROP USER `jake')[0]?.message).toBe(
      "Invalid input '`': expected a parameter or an identifier (line 1, column 11 (offset: 10))",
    );
  });

  it('still reports an unclosed string that the parser reads past (inside a skipped subquery)', () => {
    expect(reported("SHOW USERS WHERE EXISTS { MATCH (n) WHERE n.x = 'abc }")[0]?.message).toBe(
      'Failed to parse string literal. The query must contain an even number of non-escaped quotes. (line 1, column 49 (offset: 48))',
    );
  });

  it('reports an unclosed comment', () => {
    expect(reported('DROP USER jake /* gone')[0]?.message).toBe(
      'Failed to parse comment. A comment starting on `/*` must have a closing `*/`. (line 1, column 16 (offset: 15))',
    );
  });

  it("names what YIELD expects as Neo4j's error strategy does", () => {
    // YIELD may also be the first user's name of SHOW USERS YIELD, b PRIVILEGES (Neo4j's front end).
    expect(reported('SHOW USERS YIELD')[0]?.message).toBe(
      "Invalid input '': expected a variable name, '*', ',', 'PRIVILEGE' or 'PRIVILEGES' (line 1, column 17 (offset: 16))",
    );
    // A SKIP without its decimal integer is passed by: the parser fails at it (test/syntax/expected-lists.test.ts).
    expect(reported('SHOW USERS YIELD user SKIP 0x1')[0]?.message).toBe(
      "Invalid input 'SKIP': expected ',', 'AS', 'ORDER BY', 'LIMIT', 'OFFSET', 'RETURN', 'SKIP', 'WHERE' or <EOF> (line 1, column 23 (offset: 22))",
    );
  });

  it('shows a line break in the offending token as an escape, as Neo4j does', () => {
    expect(reported('DROP USER jake SET\nSTATUS')[0]?.message).toBe(
      "Invalid input 'SET': expected 'IF EXISTS' or <EOF> (line 1, column 16 (offset: 15))",
    );
  });

  it('reports a character that is not Cypher', () => {
    expect(reported('DROP USER jake #')[0]?.message).toBe(
      "Invalid input '#': expected 'IF EXISTS' or <EOF> (line 1, column 16 (offset: 15))",
    );
  });

  it('suggests the keyword a misspelled word was meant to be', () => {
    const [diagnostic] = parse("CREATE USR jake SET PASSWORD 'abcd1234'").diagnostics;
    expect(diagnostic?.message).toBe("Invalid input 'USR': expected 'IMMUTABLE', 'OR', 'ROLE' or 'USER' (line 1, column 8 (offset: 7))");
    expect(diagnostic?.hint).toBe("Did you mean 'USER'?");
  });

  it('suggests nothing for a word that is far from every keyword', () => {
    const [diagnostic] = parse("CREATE ELEPHANT jake SET PASSWORD 'abcd1234'").diagnostics;
    expect(diagnostic?.hint).toBeUndefined();
  });

  it('never echoes a password in the error message', () => {
    const [diagnostic] = parse("ALTER CURRENT USER SET PASSWORD FROM 'oldSecret1' 'newSecret2'").diagnostics;
    expect(diagnostic?.message).toBe("Invalid input ''******'': expected 'TO' (line 1, column 51 (offset: 50))");
    expect(JSON.stringify(diagnostic)).not.toContain('newSecret2');
  });

  it('requires the SET PASSWORD prefix on CHANGE REQUIRED when it does not follow a password', () => {
    expect(reported("CREATE USER jake SET STATUS ACTIVE CHANGE REQUIRED SET PASSWORD 'abcd1234'")[0]?.message).toBe(
      "Invalid input 'CHANGE': expected 'SET' or <EOF> (line 1, column 36 (offset: 35))",
    );
  });
});

describe('recovery and positions in scripts', () => {
  it('recovers at the next semicolon, so later errors are still reported', () => {
    const script = ['CREATE USR jake SET PASSWORD $pw;', 'DROP USER;', "CREATE USER bob SET PASSWORD 'abcd1234';"].join('\n');
    const result = parse(script);
    expect(result.diagnostics.map((d) => [d.span.start.line, d.span.start.column])).toEqual([
      [1, 8],
      [2, 10],
    ]);
    expect(result.statements.map((s) => s.kind)).toEqual(['create-user']);
  });

  it("numbers Neo4j's position suffix from the start of the statement, as Neo4j receives it", () => {
    const script = "// a comment\nDROP USER a;\n  CREATE USER b\n  SET PASSWORD 'abcd1234' SET STATUS NONE;";
    const [diagnostic] = parse(script).diagnostics;
    expect(diagnostic?.message).toBe("Invalid input 'NONE': expected 'ACTIVE' or 'SUSPENDED' (line 2, column 38 (offset: 51))");
    expect(diagnostic?.span.start).toEqual({ offset: 79, line: 4, column: 38 });
  });

  it('splits only on semicolons outside strings and comments', () => {
    const script = "CREATE USER a SET PASSWORD 'abc;defgh'; /* ; */ DROP USER b // ;\n;";
    expect(parse(script).statements.map((s) => s.kind)).toEqual(['create-user', 'drop-user']);
  });

  it('ignores empty statements', () => {
    expect(parse(';;  ;\n').statements).toEqual([]);
    expect(parse(';;  ;\n').diagnostics).toEqual([]);
  });
});
