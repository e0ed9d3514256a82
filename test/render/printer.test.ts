/** The printer: canonical text for every clause, escaping, masking and parentheses. */
import { describe, expect, it } from 'vitest';
import { SystemDatabase } from '../../src/index.js';
import { format } from '../../src/render/printer.js';
import { parseOne, parseSyntax } from '../support/parse.js';
import { withoutSpans } from '../support/spans.js';
import { SPEC_EXAMPLES } from '../support/spec-examples.js';

/** The printer prints whatever parses: semantic errors (undefined variables, say) do not matter here. */
const canonical = (query: string, reveal = false) => format(parseSyntax(query), { revealPasswords: reveal });

describe('result columns', () => {
  it('regression: formatting renamed an unaliased RETURN column, and broke an ORDER BY that used its name', () => {
    const query = 'SHOW USERS YIELD user RETURN toUpper( user ) ORDER BY `toUpper( user )`';
    const formatted = canonical(query);
    expect(formatted).toBe('SHOW USERS YIELD user RETURN toUpper(user) AS `toUpper( user )` ORDER BY `toUpper( user )`');
    const db = SystemDatabase.create();
    expect(db.execute(formatted).result).toEqual(db.execute(query).result);
    expect(db.execute(formatted).result.columns).toEqual(['toUpper( user )']);
  });

  it('adds no alias where the column name is the expression as printed', () => {
    expect(canonical('SHOW USERS YIELD user, roles RETURN user, size(roles)')).toBe(
      'SHOW USERS YIELD user, roles RETURN user, size(roles)',
    );
  });
});

describe('canonical form', () => {
  it.each([
    [
      "create user jake set password 'abcd1234' change required set status suspended set home database anotherDb",
      "CREATE USER jake SET PASSWORD '******' CHANGE REQUIRED SET STATUS SUSPENDED SET HOME DATABASE anotherDb",
    ],
    [
      'CREATE OR REPLACE USER `jake smith` IF NOT EXISTS SET PLAINTEXT PASSWORD $pw',
      'CREATE OR REPLACE USER `jake smith` IF NOT EXISTS SET PLAINTEXT PASSWORD $pw',
    ],
    [
      "CREATE USER jake SET AUTH PROVIDER 'native' { SET ENCRYPTED PASSWORD '1,ab,cd' SET PASSWORD CHANGE NOT REQUIRED }",
      "CREATE USER jake SET AUTH 'native' {SET ENCRYPTED PASSWORD '******' SET PASSWORD CHANGE NOT REQUIRED}",
    ],
    [
      "CREATE USER jake SET PASSWORD $pw SET TAGS 'finance', 'auditor'",
      "CREATE USER jake SET PASSWORD $pw SET TAGS ['finance', 'auditor']",
    ],
    ["ALTER USER bob REMOVE TAG 'auditor' ADD TAG 'on-call'", "ALTER USER bob REMOVE TAGS 'auditor' ADD TAGS 'on-call'"],
    [
      "ALTER USER bob REMOVE AUTH PROVIDERS ['a','b'] REMOVE ALL AUTH PROVIDER REMOVE HOME DATABASE REMOVE ALL TAG SET TAGS []",
      "ALTER USER bob REMOVE AUTH ['a', 'b'] REMOVE ALL AUTH REMOVE HOME DATABASE REMOVE ALL TAGS SET TAGS []",
    ],
    ['ALTER USERS a, $b IF EXISTS SET TAGS $t', 'ALTER USERS a, $b IF EXISTS SET TAGS $t'],
    ["ALTER CURRENT USER SET PASSWORD FROM 'old' TO $new", "ALTER CURRENT USER SET PASSWORD FROM '******' TO $new"],
    ['rename user jake if exists to `bob``s`', 'RENAME USER jake IF EXISTS TO `bob``s`'],
    ['DROP USER $u IF EXISTS', 'DROP USER $u IF EXISTS'],
    ['SHOW USERS jake PRIVILEGE AS REVOKE COMMAND', 'SHOW USERS jake PRIVILEGES AS REVOKE COMMANDS'],
    ['show user privileges', 'SHOW USER PRIVILEGES'],
    ['CREATE ROLE r IF NOT EXISTS AS COPY OF reader', 'CREATE ROLE r IF NOT EXISTS AS COPY OF reader'],
    ['create or replace immutable role r', 'CREATE OR REPLACE IMMUTABLE ROLE r'],
    ['GRANT ROLES a, b TO USER jake', 'GRANT ROLES a, b TO jake'],
    ['REVOKE ROLE a FROM USERS jake, bob', 'REVOKE ROLE a FROM jake, bob'],
    ['SHOW ALL ROLES WITH USER', 'SHOW ROLES WITH USERS'],
    ['use system show current user yield *', 'USE system SHOW CURRENT USER YIELD *'],
    [
      "SHOW USERS YIELD user AS u, roles ORDER BY u DESC SKIP 1 LIMIT 2 WHERE u <> 'x' RETURN DISTINCT u, size(roles) AS n ORDER BY n ASC SKIP 0 LIMIT 1",
      "SHOW USERS YIELD user AS u, roles ORDER BY u DESC SKIP 1 LIMIT 2 WHERE u <> 'x' RETURN DISTINCT u, size(roles) AS n ORDER BY n SKIP 0 LIMIT 1",
    ],
  ])('%s', (query, expected) => {
    expect(canonical(query)).toBe(expected);
  });

  it('reveals passwords only when asked', () => {
    expect(canonical("CREATE USER jake SET PASSWORD 'abcd1234'", true)).toBe("CREATE USER jake SET PASSWORD 'abcd1234'");
  });

  it('prints client commands', () => {
    expect(canonical(':param pw => "secret1234"', true)).toBe(":param pw => 'secret1234'");
    expect(canonical(':param {a: 1, `b c`: [true, null]}')).toBe(':param {a: 1, `b c`: [true, null]}');
  });
});

describe('expressions', () => {
  const where = (expression: string) => canonical(`SHOW USERS WHERE ${expression}`).replace('SHOW USERS WHERE ', '');
  it.each([
    ['(a OR b) AND c', '(a OR b) AND c'],
    ['a OR (b AND c)', 'a OR b AND c'],
    ['NOT (a = b)', 'NOT a = b'],
    ['(NOT a) = b', '(NOT a) = b'],
    ['a - (b - c)', 'a - (b - c)'],
    ['(a - b) - c', 'a - b - c'],
    ['-(a + b)', '-(a + b)'],
    ['(a + b).c', '(a + b).c'],
    ['a < b <= c', 'a < b <= c'],
    ['(a < b) = c', '(a < b) = c'],
    ["user STARTS WITH 'a' AND NOT user ENDS WITH 'b'", "user STARTS WITH 'a' AND NOT user ENDS WITH 'b'"],
    ['home IS NOT NULL', 'home IS NOT NULL'],
    ["CASE WHEN suspended THEN 'off' ELSE 'on' END = 'on'", "CASE WHEN suspended THEN 'off' ELSE 'on' END = 'on'"],
    ['size([r IN roles WHERE r <> "PUBLIC" | toLower(r)]) > 0x10', "size([r IN roles WHERE r <> 'PUBLIC' | toLower(r)]) > 16"],
    ['all(x IN roles WHERE x =~ ".*")', "all(x IN roles WHERE x =~ '.*')"],
    ['`true` = true AND `weird name` IS NULL', '`true` = true AND `weird name` IS NULL'],
    ['roles[1..] = roles[..2]', 'roles[1..] = roles[..2]'],
    ["REDUCE( `s`=''  ,r IN roles|s+r ) = 'a'", "reduce(s = '', r IN roles | s + r) = 'a'"],
    ['reduce(s = a = b, `x y` IN [1] | s).p', 'reduce(s = a = b, `x y` IN [1] | s).p'],
    ["TRIM(both 'x'  from user) = 'a'", "trim(BOTH 'x' FROM user) = 'a'"],
    ['auth{ .id ,.*,user,`a b` :1 , .`c d`} IS NULL', 'auth {.id, .*, user, `a b`: 1, .`c d`} IS NULL'],
    ['trim( FROM  user) + trim(LEADING FROM user) + trim(`x` FROM user)', 'trim(FROM user) + trim(LEADING FROM user) + trim(x FROM user)'],
    // A call of a function `reduce` stays one: without a `|` it is no reduce expression.
    ['reduce(s = 0, r IN roles) IS NULL', 'reduce(s = 0, r IN roles) IS NULL'],
    // Regression (found by the round-trip property): a list holding `a IN b` is not a comprehension.
    ['[(a IN b AND c), x IN y] = [x IN y]', '[(a IN b AND c), x IN y] = [x IN y]'],
    ['1.5e3 > 2.0 AND 3 % 2 = 1 AND 2 ^ 3 = 8', '1500.0 > 2.0 AND 3 % 2 = 1 AND 2 ^ 3 = 8'],
    // A minus right before a number is the number's: `-1[0]` indexes -1, and `-(1[0])` keeps its parentheses.
    ['-1[0] = 1', '(-1)[0] = 1'],
    ['-(1[0]) = 1', '-(1[0]) = 1'],
    ['-(1.5).x = 1', '-(1.5.x) = 1'],
    ['-x[0] = 1', '-x[0] = 1'],
    // Regression (Neo4j takes one sign, then a number's own minus): a sign before a sign keeps its parentheses.
    ['-(-user) = 1', '-(-user) = 1'],
    ['+(-1) = 1', '+(-1) = 1'],
    ['- -1 = 1', '-(-1) = 1'],
    ['NOT -1 = 1', 'NOT -1 = 1'],
  ])('%s', (expression, expected) => {
    expect(where(expression)).toBe(expected);
  });
});

describe('every spec example prints back to an equivalent statement', () => {
  it.each(SPEC_EXAMPLES)('%s', (query) => {
    const statement = parseOne(query);
    const printed = format(statement, { revealPasswords: true });
    expect(withoutSpans(parseOne(printed))).toEqual(withoutSpans(statement));
  });
});
