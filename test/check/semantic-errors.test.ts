/**
 * The semantic pass: Neo4j's message, code and position for every check, and the order in which
 * Neo4j reports them when several apply.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse.js';
import { reported } from '../support/parse.js';

const SYNTAX = 'Neo.ClientError.Statement.SyntaxError';
const ARGUMENT = 'Neo.ClientError.Statement.ArgumentError';

const IMPLICIT_GROUPING = (expressions: string) =>
  'Aggregation column contains implicit grouping expressions. ' +
  "For example, in 'RETURN n.a, n.a + n.b + count(*)' the aggregation expression 'n.a + n.b + count(*)' includes the implicit grouping key 'n.b'. " +
  'It may be possible to rewrite the query by extracting these grouping/aggregation expressions into a preceding WITH clause. ' +
  `Illegal expression(s): ${expressions}`;

/** [query, [message, line, column, code][]] */
const CASES: [string, [string, number, number, string][]][] = [
  // Duplicate clauses (found by Neo4j while parsing; positioned after the second SET/ADD/REMOVE).
  [
    'ALTER USER foo SET STATUS ACTIVE SET STATUS SUSPENDED',
    [['Duplicate SET STATUS {SUSPENDED|ACTIVE} clause (line 1, column 38 (offset: 37))', 1, 38, SYNTAX]],
  ],
  [
    "CREATE USER foo SET PASSWORD 'abcd1234' SET HOME DATABASE a SET HOME DATABASE b",
    [['Duplicate SET HOME DATABASE clause (line 1, column 65 (offset: 64))', 1, 65, SYNTAX]],
  ],
  [
    "CREATE USER foo SET PASSWORD 'abcd1234' SET TAGS 'a' SET TAG 'b'",
    [['Duplicate SET TAGS clause (line 1, column 58 (offset: 57))', 1, 58, SYNTAX]],
  ],
  ["ALTER USER foo ADD TAGS 'a' ADD TAGS 'b'", [['Duplicate ADD TAGS clause (line 1, column 33 (offset: 32))', 1, 33, SYNTAX]]],
  ["ALTER USERS a, b REMOVE ALL TAGS REMOVE TAGS 'x'", [['Duplicate REMOVE TAGS clause (line 1, column 41 (offset: 40))', 1, 41, SYNTAX]]],
  // CREATE USER
  [
    "CREATE OR REPLACE USER foo IF NOT EXISTS SET PASSWORD 'abcd1234'",
    [
      [
        "Failed to create the specified user 'foo': cannot have both `OR REPLACE` and `IF NOT EXISTS`. (line 1, column 1 (offset: 0))",
        1,
        1,
        SYNTAX,
      ],
    ],
  ],
  [
    'CREATE OR REPLACE USER $u IF NOT EXISTS SET PASSWORD $p',
    [
      [
        "Failed to create the specified user '$u': cannot have both `OR REPLACE` and `IF NOT EXISTS`. (line 1, column 1 (offset: 0))",
        1,
        1,
        SYNTAX,
      ],
    ],
  ],
  ['CREATE USER foo SET STATUS ACTIVE', [['No auth given for user. (line 1, column 1 (offset: 0))', 1, 1, SYNTAX]]],
  // A SET PASSWORD CHANGE [NOT] REQUIRED clause is placed at its CHANGE, as Neo4j's front end places it (it was at PASSWORD).
  [
    'CREATE USER foo SET PASSWORD CHANGE REQUIRED',
    [['Clause `SET PASSWORD` is mandatory for auth provider `native`. (line 1, column 30 (offset: 29))', 1, 30, SYNTAX]],
  ],
  [
    "CREATE USER foo SET AUTH 'oidc' {SET PASSWORD CHANGE REQUIRED}",
    [
      ['Clause `SET ID` is mandatory for auth provider `oidc`. (line 1, column 21 (offset: 20))', 1, 21, SYNTAX],
      ['Auth provider `oidc` does not allow `SET PASSWORD CHANGE [NOT] REQUIRED` clause. (line 1, column 47 (offset: 46))', 1, 47, SYNTAX],
    ],
  ],
  [
    "CREATE USER foo SET AUTH 'native' {SET PASSWORD 'abcd1234' SET ID 'x'}",
    [['Auth provider `native` does not allow `SET ID` clause. (line 1, column 64 (offset: 63))', 1, 64, SYNTAX]],
  ],
  [
    "CREATE USER foo SET AUTH 'ldap' {SET ID 'x' SET PASSWORD 'abcd1234'}",
    [['Auth provider `ldap` does not allow `SET PASSWORD` clause. (line 1, column 49 (offset: 48))', 1, 49, SYNTAX]],
  ],
  [
    "CREATE USER foo SET AUTH 'ldap' {SET ID 'x' SET ID 'y'}",
    [['Duplicate `SET ID` clause. (line 1, column 49 (offset: 48))', 1, 49, SYNTAX]],
  ],
  [
    "CREATE USER foo SET AUTH 'oidc' {SET ID 'x'} SET AUTH PROVIDER 'oidc' {SET ID 'y'}",
    [["Duplicate `SET AUTH 'oidc'` clause. (line 1, column 50 (offset: 49))", 1, 50, SYNTAX]],
  ],
  [
    "CREATE USER foo SET PASSWORD 'abcd1234' SET AUTH 'native' {SET PASSWORD 'abcd5678'}",
    // At the old syntax's first clause, its PASSWORD, as Neo4j places it (checkOldAndNewStyleCombination).
    [['Cannot combine old and new auth syntax for the same auth provider. (line 1, column 21 (offset: 20))', 1, 21, SYNTAX]],
  ],
  [
    "CREATE USER foo SET PASSWORD 'abcd1234' SET PASSWORD 'abcd5678'",
    [['Duplicate `SET PASSWORD` clause. (line 1, column 45 (offset: 44))', 1, 45, SYNTAX]],
  ],
  [
    "CREATE USER foo SET PASSWORD 'abcd1234' CHANGE REQUIRED SET PASSWORD CHANGE NOT REQUIRED",
    [['Duplicate `SET PASSWORD CHANGE [NOT] REQUIRED` clause. (line 1, column 70 (offset: 69))', 1, 70, SYNTAX]],
  ],
  [
    "CREATE USER foo SET AUTH '' {SET ID 'x'}",
    [['Invalid input. Auth provider is not allowed to be an empty string. (line 1, column 21 (offset: 20))', 1, 21, SYNTAX]],
  ],
  [
    "CREATE USER foo SET PASSWORD 'abcd1234' SET TAGS ['a', '']",
    [['Expected a non-empty String, List of non-empty Strings, or Parameter. (line 1, column 50 (offset: 49))', 1, 50, SYNTAX]],
  ],
  ["CREATE USER foo SET PASSWORD 'abc'", [['A password must be at least 8 characters.', 1, 30, ARGUMENT]]],
  ["CREATE USER foo SET PASSWORD ''", [['A password cannot be empty.', 1, 30, ARGUMENT]]],
  ["CREATE USER foo SET AUTH 'native' {SET PASSWORD 'short'}", [['A password must be at least 8 characters.', 1, 49, ARGUMENT]]],
  [
    "CREATE USER foo SET ENCRYPTED PASSWORD 'abcd1234'",
    [["Incorrect format of encrypted password. Correct format is '<encryption-version>,<hash>,<salt>'.", 1, 40, ARGUMENT]],
  ],
  ["CREATE USER foo SET ENCRYPTED PASSWORD '7,ab12,cd34'", [['The encryption version specified is not available.', 1, 40, ARGUMENT]]],
  [
    "CREATE USER `foo bar` SET PASSWORD 'abcd1234'",
    [["Username 'foo bar' contains illegal characters.\nUse ascii characters that are not ',', ':' or whitespaces.", 1, 13, ARGUMENT]],
  ],
  ["CREATE USER `` SET PASSWORD 'abcd1234'", [['The provided username is empty.', 1, 13, ARGUMENT]]],
  // ALTER USER
  ['ALTER USER foo', [['`ALTER USER` requires at least one clause. (line 1, column 1 (offset: 0))', 1, 1, SYNTAX]]],
  [
    "ALTER USER foo ADD TAGS 'a' SET TAGS 'b'",
    [['SET TAGS cannot be combined with ADD TAGS or REMOVE TAGS. (line 1, column 33 (offset: 32))', 1, 33, SYNTAX]],
  ],
  [
    "ALTER USER foo SET AUTH 'oidc' {SET PASSWORD CHANGE REQUIRED}",
    [
      ['Auth provider `oidc` does not allow `SET PASSWORD CHANGE [NOT] REQUIRED` clause. (line 1, column 46 (offset: 45))', 1, 46, SYNTAX],
      ['Clause `SET ID` is mandatory for auth provider `oidc`. (line 1, column 20 (offset: 19))', 1, 20, SYNTAX],
    ],
  ],
  [
    'ALTER USER foo REMOVE AUTH []',
    [['Expected a non-empty String, non-empty List of non-empty Strings, or Parameter. (line 1, column 28 (offset: 27))', 1, 28, SYNTAX]],
  ],
  [
    "ALTER USER foo REMOVE AUTH ''",
    [['Expected a non-empty String, non-empty List of non-empty Strings, or Parameter. (line 1, column 28 (offset: 27))', 1, 28, SYNTAX]],
  ],
  [
    'ALTER USER foo REMOVE ALL AUTH',
    [['User has no auth provider. Add at least one auth provider for the user or consider suspending them.', 1, 23, ARGUMENT]],
  ],
  ["ALTER USER foo SET PASSWORD 'short'", [['A password must be at least 8 characters.', 1, 29, ARGUMENT]]],
  // ALTER USERS
  [
    "ALTER USERS a, b REMOVE TAGS 'x' SET TAGS 'y'",
    [['SET TAGS cannot be combined with ADD TAGS or REMOVE TAGS. (line 1, column 38 (offset: 37))', 1, 38, SYNTAX]],
  ],
  ['ALTER USERS a, b', [['`ALTER USERS` requires at least one tag clause. (line 1, column 1 (offset: 0))', 1, 1, SYNTAX]]],
  // Other commands
  ["ALTER CURRENT USER SET PASSWORD FROM 'whatever' TO 'short'", [['A password must be at least 8 characters.', 1, 52, ARGUMENT]]],
  [
    'RENAME USER jake TO `bob:smith`',
    [["Username 'bob:smith' contains illegal characters.\nUse ascii characters that are not ',', ':' or whitespaces.", 1, 21, ARGUMENT]],
  ],
  [
    'CREATE ROLE `data-team`',
    [["Role name 'data-team' contains illegal characters.\nUse simple ascii characters, numbers and underscores.", 1, 13, ARGUMENT]],
  ],
  [
    'CREATE OR REPLACE ROLE r IF NOT EXISTS',
    [
      [
        "Failed to create the specified role 'r': cannot have both `OR REPLACE` and `IF NOT EXISTS`. (line 1, column 1 (offset: 0))",
        1,
        1,
        SYNTAX,
      ],
    ],
  ],
  [
    'USE neo4j DROP USER jake',
    [
      [
        'This is an administration command and it should be executed against the system database: DROP USER',
        1,
        1,
        'Neo.ClientError.Statement.NotSystemDatabaseError',
      ],
    ],
  ],
  // GRAPH and parentheses name the same graph (Cypher25Parser.g4's graphReference).
  ['USE GRAPH system DROP USER jake', []],
  ['USE ((system)) DROP USER jake', []],
  [
    'USE GRAPH (neo4j) DROP USER jake',
    [
      [
        'This is an administration command and it should be executed against the system database: DROP USER',
        1,
        1,
        'Neo.ClientError.Statement.NotSystemDatabaseError',
      ],
    ],
  ],
  // A graph function is resolved as Neo4j runs the query: not modelled, and said so at the call.
  [
    "USE graph.byName('system') DROP USER jake",
    [
      [
        "A graph function in USE (graph.byName) is not supported by cypher-sysdb: write the database's name.",
        1,
        5,
        'CypherSysdb.NotSupported',
      ],
    ],
  ],
  // SHOW
  ['SHOW USERS YIELD foo', [['Variable `foo` not defined (line 1, column 18 (offset: 17))', 1, 18, SYNTAX]]],
  ['SHOW USERS WHERE tags = []', [['Variable `tags` not defined (line 1, column 18 (offset: 17))', 1, 18, SYNTAX]]],
  ['SHOW USERS YIELD user WHERE home IS NULL', [['Variable `home` not defined (line 1, column 29 (offset: 28))', 1, 29, SYNTAX]]],
  ['SHOW USERS YIELD user AS name ORDER BY user', [['Variable `user` not defined (line 1, column 40 (offset: 39))', 1, 40, SYNTAX]]],
  ['SHOW USERS YIELD user RETURN roles', [['Variable `roles` not defined (line 1, column 30 (offset: 29))', 1, 30, SYNTAX]]],
  [
    'SHOW USERS YIELD user SKIP -1',
    [["Invalid input. '-1' is not a valid value. Must be a non-negative integer. (line 1, column 28 (offset: 27))", 1, 28, SYNTAX]],
  ],
  [
    'SHOW USERS YIELD user, roles AS user',
    [['Multiple result columns with the same name are not supported (line 1, column 24 (offset: 23))', 1, 24, SYNTAX]],
  ],
  ['SHOW ROLES WHERE member IS NULL', [['Variable `member` not defined (line 1, column 18 (offset: 17))', 1, 18, SYNTAX]]],
  ['SHOW CURRENT USER WHERE provider IS NULL', [['Variable `provider` not defined (line 1, column 25 (offset: 24))', 1, 25, SYNTAX]]],
  // Functions (Neo4j's FunctionInvocation checks: the position is the call's; arity messages use Neo4j's spelling of the name).
  ['SHOW USERS YIELD user RETURN sizee(user)', [["Unknown function 'sizee' (line 1, column 30 (offset: 29))", 1, 30, SYNTAX]]],
  [
    'SHOW USERS WHERE isEmpty(user, roles)',
    [["Too many parameters for function 'isEmpty' (line 1, column 18 (offset: 17))", 1, 18, SYNTAX]],
  ],
  [
    'SHOW USERS YIELD user RETURN TOLOWER()',
    [["Insufficient parameters for function 'toLower' (line 1, column 30 (offset: 29))", 1, 30, SYNTAX]],
  ],
  [
    'SHOW USERS YIELD user RETURN size(DISTINCT user)',
    [["Invalid use of DISTINCT with function 'size' (line 1, column 30 (offset: 29))", 1, 30, SYNTAX]],
  ],
  [
    'SHOW USERS YIELD * RETURN coalesce()',
    [["Insufficient parameters for function 'coalesce' (line 1, column 27 (offset: 26))", 1, 27, SYNTAX]],
  ],
  [
    'SHOW USERS YIELD user RETURN count(user, user)',
    [["Too many parameters for function 'count' (line 1, column 30 (offset: 29))", 1, 30, SYNTAX]],
  ],
  // Aggregation only where Neo4j's "results" context allows it (RETURN items and their ORDER BY).
  [
    'SHOW USERS WHERE count(*) > 1',
    [['Invalid use of aggregating function count(...) in this context (line 1, column 18 (offset: 17))', 1, 18, SYNTAX]],
  ],
  [
    'SHOW USERS YIELD user WHERE size(COLLECT(user)) > 1',
    [['Invalid use of aggregating function collect(...) in this context (line 1, column 34 (offset: 33))', 1, 34, SYNTAX]],
  ],
  [
    'SHOW USERS YIELD user RETURN user LIMIT max(1)',
    [['Invalid use of aggregating function max(...) in this context (line 1, column 41 (offset: 40))', 1, 41, SYNTAX]],
  ],
  [
    'SHOW USERS YIELD roles RETURN [r IN roles WHERE count(*) > 0] AS x',
    [
      ['Invalid use of aggregating function count(...) in this context (line 1, column 49 (offset: 48))', 1, 49, SYNTAX],
      // Neo4j chains its checks, so the grouping analysis still runs on an item that contains an aggregate.
      [`${IMPLICIT_GROUPING('roles')} (line 1, column 37 (offset: 36))`, 1, 37, SYNTAX],
    ],
  ],
  [
    'SHOW USERS YIELD user RETURN sum(max(size(user)))',
    [["Can't use aggregate functions inside of aggregate functions. (line 1, column 34 (offset: 33))", 1, 34, SYNTAX]],
  ],
  [
    'SHOW USERS YIELD user RETURN min(count(*)) AS m',
    [["Can't use aggregate functions inside of aggregate functions. (line 1, column 34 (offset: 33))", 1, 34, SYNTAX]],
  ],
  // Found while Neo4j rewrites the query, before any other check: reported alone, at the clause (YIELD is a WITH to Neo4j).
  [
    'SHOW USERS YIELD user ORDER BY count(*) WHERE nope RETURN user',
    [
      [
        'Cannot use aggregation in ORDER BY if there are no aggregate expressions in the preceding WITH (line 1, column 12 (offset: 11))',
        1,
        12,
        SYNTAX,
      ],
    ],
  ],
  // Types: SHOW columns are typed (roles: List<String>, suspended: Boolean, others String), as Neo4j's ShowColumn declares them.
  ['SHOW USERS WHERE user', [['Type mismatch: expected Boolean but was String (line 1, column 18 (offset: 17))', 1, 18, SYNTAX]]],
  ['SHOW USERS WHERE size(roles)', [['Type mismatch: expected Boolean but was Integer (line 1, column 18 (offset: 17))', 1, 18, SYNTAX]]],
  [
    "SHOW USERS WHERE 'admin' IN user",
    [['Type mismatch: expected List<T> but was String (line 1, column 29 (offset: 28))', 1, 29, SYNTAX]],
  ],
  [
    'SHOW USERS WHERE suspended AND home',
    [['Type mismatch: expected Boolean but was String (line 1, column 32 (offset: 31))', 1, 32, SYNTAX]],
  ],
  // A list where a boolean must be: Neo4j's coercion check words it (checked against its front end).
  [
    'SHOW USERS WHERE NOT roles',
    [
      [
        'Coercion of list to boolean is not allowed. Please use `NOT isEmpty(...)` instead. (line 1, column 22 (offset: 21))',
        1,
        22,
        SYNTAX,
      ],
    ],
  ],
  [
    'SHOW USERS YIELD * WHERE true OR [1]',
    [
      [
        'Coercion of list to boolean is not allowed. Please use `NOT isEmpty(...)` instead. (line 1, column 34 (offset: 33))',
        1,
        34,
        SYNTAX,
      ],
    ],
  ],
  [
    "SHOW USERS WHERE roles =~ 'adm.*'",
    [['Type mismatch: expected String but was List<String> (line 1, column 18 (offset: 17))', 1, 18, SYNTAX]],
  ],
  [
    "SHOW USERS YIELD * WHERE toLower(tags) = 'x'",
    [['Type mismatch: expected String but was List<String> (line 1, column 34 (offset: 33))', 1, 34, SYNTAX]],
  ],
  [
    'SHOW USERS YIELD roles AS r, user AS u RETURN head(u) AS h',
    [['Type mismatch: expected List<T> but was String (line 1, column 52 (offset: 51))', 1, 52, SYNTAX]],
  ],
  [
    "SHOW ROLES YIELD * WHERE any(x IN role WHERE x = 'a')",
    [['Type mismatch: expected List<T> but was String (line 1, column 35 (offset: 34))', 1, 35, SYNTAX]],
  ],
  [
    'SHOW USERS WHERE any(r IN roles WHERE r)',
    [['Type mismatch: expected Boolean but was String (line 1, column 39 (offset: 38))', 1, 39, SYNTAX]],
  ],
  // Neo4j's own test (ShowPrivilegeCommandsAcceptanceTest): ORDER BY after an aggregating RETURN sees only what it returns.
  [
    'SHOW USER neo4j PRIVILEGES YIELD user, access, graph RETURN user, count(access) AS count ORDER BY graph',
    [
      [
        'In a WITH/RETURN with DISTINCT or an aggregation, it is not possible to access variables declared before the WITH/RETURN: graph (line 1, column 99 (offset: 98))',
        1,
        99,
        SYNTAX,
      ],
    ],
  ],
  [
    'SHOW USERS YIELD user RETURN DISTINCT toLower(user) AS u ORDER BY user, nope',
    [
      [
        'In a WITH/RETURN with DISTINCT or an aggregation, it is not possible to access variables declared before the WITH/RETURN: user (line 1, column 67 (offset: 66))',
        1,
        67,
        SYNTAX,
      ],
      ['Variable `nope` not defined (line 1, column 73 (offset: 72))', 1, 73, SYNTAX],
    ],
  ],
  [
    'SHOW USERS YIELD user, roles RETURN user, count(*) + size(roles) + size(tags) AS n',
    [
      ['Variable `tags` not defined (line 1, column 73 (offset: 72))', 1, 73, SYNTAX],
      [`${IMPLICIT_GROUPING('roles, tags')} (line 1, column 59 (offset: 58))`, 1, 59, SYNTAX],
    ],
  ],
  [
    'SHOW USERS YIELD * RETURN count(*) + size([r IN roles WHERE r <> home]) AS n',
    [[`${IMPLICIT_GROUPING('roles, home')} (line 1, column 49 (offset: 48))`, 1, 49, SYNTAX]],
  ],
  [
    'SHOW USERS YIELD user RETURN user ORDER BY count(*)',
    [
      [
        'Cannot use aggregation in ORDER BY if there are no aggregate expressions in the preceding RETURN (line 1, column 23 (offset: 22))',
        1,
        23,
        SYNTAX,
      ],
    ],
  ],
];

describe('semantic errors', () => {
  it.each(CASES)('%s', (query, expected) => {
    const diagnostics = parse(query).diagnostics;
    expect(diagnostics.map((d) => [d.message, d.span.start.line, d.span.start.column, d.code])).toEqual(expected);
  });
});

describe('statements Neo4j accepts get no diagnostics', () => {
  it.each([
    // STARTS WITH, ENDS WITH and CONTAINS accept any values in Neo4j (they give null for non-strings).
    "SHOW USERS WHERE roles CONTAINS 'admin' OR suspended STARTS WITH 'x'",
    "SHOW USERS WHERE $flag AND $p IN $list AND home IN ['a', null]",
    "SHOW USERS YIELD user, roles AS r, suspended WHERE any(x IN r WHERE x STARTS WITH 'a') AND 'admin' IN r AND NOT suspended",
    'SHOW USERS WITH AUTH YIELD * WHERE size(tags) > 0 AND auth IS NULL',
    'SHOW USERS YIELD user RETURN count(*) AS n ORDER BY count(*)',
    'SHOW USERS YIELD user, roles RETURN user, count(DISTINCT roles) AS n ORDER BY n',
    'SHOW USERS YIELD user RETURN date() AS today, apoc.text.join([user], ",") AS joined',
    "SHOW USERS WHERE any(r IN roles WHERE toLower(r) = 'admin') AND size(user) >= 0",
    'SHOW USERS YIELD user RETURN round(1.5, 1) AS r, ltrim(user, "n") AS l, lower(user) AS u',
    "CREATE USER foo SET PASSWORD 'abcd1234' SET TAGS []",
    "ALTER USER foo REMOVE ALL TAGS ADD TAGS 'x'",
    "ALTER USER foo REMOVE ALL AUTH SET AUTH 'oidc' {SET ID 'x'}",
    "ALTER USER foo REMOVE ALL AUTH SET PASSWORD 'abcd1234'",
    'ALTER USER foo SET PASSWORD CHANGE REQUIRED',
    "CREATE USER foo SET ENCRYPTED PASSWORD '1,6d57a5e0b3317055454e455f96c98c750c77fb371f3f0634a1b8ff2a55c5b825,190ae47c661e0668a0c8be8a21ff78a4a34cdf918cae3c407e907b73932bd16c'",
    'CREATE USER $name SET PASSWORD $password SET TAGS $tags',
    'SHOW USERS YIELD * WHERE size(tags) > 0 RETURN user, tags ORDER BY user',
    'SHOW USERS WITH AUTH YIELD user, provider WHERE provider = "oidc" RETURN user',
    'SHOW USERS WITH AUTH YIELD user, auth WHERE auth.id IS NOT NULL',
    'SHOW USERS YIELD user AS name RETURN name ORDER BY name',
    "SHOW USERS YIELD roles WHERE any(r IN roles WHERE r = 'admin')",
    'SHOW USERS YIELD user, roles RETURN user, size(roles) AS n ORDER BY n DESC',
    // A returned variable is a grouping key for its properties, whether or not its name needs quoting.
    'SHOW USERS WITH AUTH YIELD auth AS `a a` RETURN `a a`, count(*) + size(`a a`.id) AS n',
    'SHOW USERS WITH AUTH YIELD auth AS count RETURN count, count(*) + size(count.id) AS n',
    // ORDER BY may repeat a returned expression in another case: Neo4j's function names ignore case.
    'SHOW USERS YIELD user RETURN DISTINCT toLower(user) AS u ORDER BY TOLOWER(user)',
    'SHOW ROLES WITH USERS WHERE member = "jake"',
    'SHOW USER PRIVILEGES AS COMMANDS WHERE command CONTAINS "MATCH"',
    'USE system SHOW USERS',
    'USE SYSTEM SHOW USERS',
    "CREATE USER 'weird' SET PASSWORD 'abcd1234'".replace("'weird'", '`jake.smith@example.com`'),
  ])('%s', (query) => {
    expect(reported(query)).toEqual([]);
  });

  it('uses the configured minimum password length', () => {
    expect(reported("CREATE USER foo SET PASSWORD 'abcd'", { minimumPasswordLength: 4 })).toEqual([]);
    expect(reported("CREATE USER foo SET PASSWORD 'abcd1234'", { minimumPasswordLength: 12 })[0]?.message).toBe(
      'A password must be at least 12 characters.',
    );
  });

  it('counts Unicode code points, not UTF-16 units, in password length', () => {
    expect(reported("CREATE USER foo SET PASSWORD '😀😀😀😀😀😀😀'")[0]?.message).toBe('A password must be at least 8 characters.');
    expect(reported("CREATE USER foo SET PASSWORD '😀😀😀😀😀😀😀😀'")).toEqual([]);
  });

  it('never puts a password in a message', () => {
    const secrets = ['tiny', '7,zz,qq', 'abc'];
    for (const secret of secrets) {
      const text = JSON.stringify(
        parse(`CREATE USER foo SET ENCRYPTED PASSWORD '${secret}'; ALTER USER x SET PASSWORD '${secret}'`).diagnostics.map(
          (d) => d.message,
        ),
      );
      expect(text).not.toContain(secret);
    }
  });
});

describe('a spelling hint for unknown functions (ours: Neo4j prints only the message)', () => {
  it.each([
    ['toLowerCase(user)', "Did you mean 'toLower'?"],
    ['toInt(user)', "Did you mean 'toInteger'?"],
    ['lenght(user)', "Did you mean 'length'?"],
    ['colect(user)', "Did you mean 'collect'?"],
    ['foo(user)', undefined],
  ])('%s', (call, hint) => {
    const [diagnostic] = parse(`SHOW USERS YIELD user RETURN ${call} AS x`).diagnostics;
    expect(diagnostic?.message).toBe(`Unknown function '${call.slice(0, call.indexOf('('))}' (line 1, column 30 (offset: 29))`);
    expect(diagnostic?.hint).toBe(hint);
  });
});
