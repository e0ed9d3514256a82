/** Expressions in RETURN, with Cypher's semantics: null propagation, three-valued logic, exact integers. */
import { describe, expect, it } from 'vitest';
import { SystemDatabase } from '../../src/index.js';
import { neo4jFailure } from '../support/db.js';

const db = SystemDatabase.create();

/** Evaluates one expression in a RETURN over the single neo4j row (`user` is 'neo4j'). */
function value(expression: string, params: Record<string, unknown> = {}): unknown {
  return db.execute(`SHOW USERS YIELD * RETURN ${expression} AS v`, params).result.rows[0]![0];
}

/** Runs with `$n = 1`, for values whose type only shows at run time. */
function failure(expression: string): { code: string; message: string } {
  return neo4jFailure(() => value(expression, { n: 1 }), expression);
}

describe('operators', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['7 / 2', 3],
    ['-7 / 2', -3],
    ['7 % 3', 1],
    ['7.0 / 2', 3.5],
    ['2 ^ 3', 8],
    ['9223372036854775806 + 1', 9223372036854775807n],
    ["'a' + 'b'", 'ab'],
    ["'n' + 1", 'n1'],
    ["'n' + 1.5", 'n1.5'],
    ['[1] + 2', [1, 2]],
    ['[1] + [2, 3]', [1, 2, 3]],
    ['null + 1', null],
    ['1 < 2 < 3', true],
    ['3 > 2 > 2', false],
    ["1 < 'a'", null],
    ["1 = 'a'", false],
    ['1 = 1.0', true],
    ['null = null', null],
    ['[1, null] = [1, null]', null],
    ['[1, 2] = [1, 3]', false],
    ['NOT null', null],
    ['true AND null', null],
    ['false AND null', false],
    ['true OR null', true],
    ['false OR null', null],
    ['true XOR false', true],
    ['2 IN [1, 2]', true],
    ['3 IN [1, null]', null],
    ['3 IN [1, 2]', false],
    ["'neo4j' STARTS WITH 'neo'", true],
    ["'neo4j' ENDS WITH 'j'", true],
    ["'neo4j' CONTAINS 'o4'", true],
    ["1 CONTAINS 'o4'", null],
    ["'neo4j' =~ 'neo.*'", true],
    ["'neo4j' =~ 'neo'", false],
    ['null IS NULL', true],
    ['user IS NOT NULL', true],
    ['[1, 2, 3][1]', 2],
    ['[1, 2, 3][-1]', 3],
    ['[1, 2, 3][5]', null],
    ['[1, 2, 3][1..]', [2, 3]],
    ['[1, 2, 3][..-1]', [1, 2]],
    ["{a: 1}['a']", 1],
    ['{a: {b: 2}}.a.b', 2],
    ['{a: 1}.missing', null],
    ['$p.x', 5],
  ])('%s', (expression, expected) => {
    expect(value(expression, { p: { x: 5 } })).toEqual(expected);
  });

  it.each([
    ['1 / 0', 'Neo.ClientError.Statement.ArithmeticError', '/ by zero'],
    ['9223372036854775807 + 1', 'Neo.ClientError.Statement.ArithmeticError', 'long overflow'],
  ])('%s fails', (expression, code, message) => {
    expect(failure(expression)).toEqual({ code, message });
  });
});

describe('CASE and list predicates', () => {
  it.each([
    ["CASE user WHEN 'neo4j' THEN 1 ELSE 2 END", 1],
    ['CASE WHEN suspended THEN 1 WHEN NOT suspended THEN 2 END', 2],
    ['CASE WHEN false THEN 1 END', null],
    ["any(r IN roles WHERE r = 'admin')", true],
    ["all(r IN roles WHERE r <> 'x')", true],
    ["none(r IN roles WHERE r = 'admin')", false],
    ["single(r IN roles WHERE r STARTS WITH 'a')", true],
    ['any(x IN [null] WHERE x = 1)', null],
    ['[x IN [1, 2, 3] WHERE x > 1 | x * 10]', [20, 30]],
    ['[x IN [1, 2, 3]]', [1, 2, 3]],
    ['reduce(s = 0, x IN [1, 2, 3] | s + x)', 6],
    ["reduce(s = '', r IN roles | s + r + ',')", 'admin,PUBLIC,'],
    ['reduce(s = 7, x IN [] | s + x)', 7],
    ['reduce(s = 0, x IN null | s + 1)', null],
    ['reduce(s = 0, s IN [1, 2] | s * 10)', 20],
    ['reduce(s = [], r IN roles | [r] + s)', ['PUBLIC', 'admin']],
    ['reduce(acc = 1, x IN [1, 2] | reduce(t = acc, y IN [x] | t * 10 + y))', 112],
    ['[m IN [{a: 1, b: 2}] | m {.b, .x, c: m.a + 2}][0]', { b: 2, x: null, c: 3 }],
    ['[m IN [{a: 1, b: 2}] | m {.*, user}][0]', { a: 1, b: 2, user: 'neo4j' }],
    ['[m IN [null] | m {.a}][0]', null],
    ["trim(BOTH 'x' FROM 'xxaxx')", 'a'],
    ["trim(LEADING 'x' FROM 'xxaxx')", 'axx'],
    ["trim(TRAILING 'x' FROM 'xxaxx')", 'xxa'],
    ["trim(FROM '  a  ')", 'a'],
    ["trim(LEADING FROM '  a  ')", 'a  '],
    ["trim('😀' FROM '😀a😀')", 'a'],
    ["trim(BOTH null FROM 'xax')", null],
    ["trim(BOTH 'x' FROM null)", null],
    // The plain call with a specification, as Neo4j reads the FROM form; its specification is matched as written.
    ["trim('LEADING', 'x', 'xxaxx')", 'axx'],
    ["trim('leading', 'x', 'xxaxx')", 'a'],
    ["trim('TRAILING', '  a  ')", '  a'],
  ])('%s', (expression, expected) => {
    expect(value(expression)).toEqual(expected);
  });

  // Neo4j's ListSupport.makeTraversable: a value that is no list is walked as a list of itself (only a parameter gets it
  // past the check), and null is null.
  it.each([
    ['reduce(s = 0, x IN $p | s + x)', 5, 5],
    ['[x IN $p | x * 2]', 5, [10]],
    ['any(x IN $p WHERE x = 5)', 5, true],
    ['[x IN $p | x]', { a: 1 }, [{ a: 1 }]],
    ['[x IN $p | x]', null, null],
  ])('%s with $p = %j', (expression, p, expected) => {
    expect(value(expression, { p })).toEqual(expected);
  });
});

describe('functions', () => {
  it.each([
    ['size(roles)', 2],
    ["size('héllo')", 5],
    ['toLower(user)', 'neo4j'],
    ['toUpper(user)', 'NEO4J'],
    ['coalesce(home, user)', 'neo4j'],
    ['head(roles)', 'admin'],
    ['last(roles)', 'PUBLIC'],
    ['tail(roles)', ['PUBLIC']],
    ['keys({b: 1, a: 2})', ['b', 'a']],
    ['toString(1)', '1'],
    ['toString(1.0)', '1.0'],
    ['toString(true)', 'true'],
    ["toInteger('42')", 42],
    ["toFloat('1.5')", 1.5],
    ["toBoolean('TRUE')", true],
    ["trim('  a ')", 'a'],
    ["replace('a-b-c', '-', '+')", 'a+b+c'],
    ["substring('neo4j', 1, 3)", 'eo4'],
    ["left('neo4j', 3)", 'neo'],
    ["right('neo4j', 2)", '4j'],
    ["split('a,b', ',')", ['a', 'b']],
    ["reverse('abc')", 'cba'],
    ['abs(-3)', 3],
    ['range(1, 3)', [1, 2, 3]],
    ['size(null)', null],
    ['toUpper(null)', null],
    ['isEmpty([])', true],
    ['TOLOWER(user)', 'neo4j'],
    ['upper(user)', 'NEO4J'],
    ['char_length(user)', 5],
    ["btrim('xxaxx', 'x')", 'a'],
    ["ltrim('  a ')", 'a '],
    ["rtrim('xxaxx', 'x')", 'xxa'],
    ['round(2.5)', 3],
    ['round(-2.5)', -2],
    // Neo4j rounds the decimal text half away from zero (BigDecimal HALF_UP): 2.675 is not 2.67 here.
    ['round(2.675, 2)', 2.68],
    ['round(-2.55, 1)', -2.6],
    ['round(1234.5, -2)', 1200],
    ['round(-0.004, 2)', 0],
  ])('%s', (expression, expected) => {
    expect(value(expression)).toEqual(expected);
  });

  it.each([
    // Refused by the semantic check, before anything runs: positioned as Neo4j positions them.
    ['nope(1)', 'Neo.ClientError.Statement.SyntaxError', "Unknown function 'nope' (line 1, column 27 (offset: 26))"],
    ['date()', 'CypherSysdb.NotSupported', "The function 'date' is not supported by cypher-sysdb."],
    ['apoc.text.join(roles, ",")', 'CypherSysdb.NotSupported', "The function 'apoc.text.join' is not supported by cypher-sysdb."],
    ['size()', 'Neo.ClientError.Statement.SyntaxError', "Insufficient parameters for function 'size' (line 1, column 27 (offset: 26))"],
    ['round(1.5, 1, "UP")', 'CypherSysdb.NotSupported', 'round() with a rounding mode is not supported by cypher-sysdb.'],
    [
      'toLower(1)',
      'Neo.ClientError.Statement.SyntaxError',
      'Type mismatch: expected String but was Integer (line 1, column 35 (offset: 34))',
    ],
    ['toLower($n)', 'Neo.ClientError.Statement.TypeError', "Expected a String value for 'toLower', but got: Long(1)"],
    // CypherFunctions.trim: one character to trim, else InvalidArgumentException; then ltrim, rtrim or btrim's own checks.
    [
      "trim(BOTH 'xy' FROM 'xyaxy')",
      'Neo.ClientError.Statement.ArgumentError',
      'The argument `trimCharacterString` in the `trim()` function must be of length 1.',
    ],
    [
      "trim(LEADING '' FROM 'a')",
      'Neo.ClientError.Statement.ArgumentError',
      'The argument `trimCharacterString` in the `trim()` function must be of length 1.',
    ],
    ["trim(BOTH 'x' FROM $n)", 'Neo.ClientError.Statement.TypeError', "Expected a String value for 'trim', but got: Long(1)"],
    ["trim(LEADING $n FROM 'a')", 'Neo.ClientError.Statement.TypeError', "Expected a String value for 'ltrim', but got: Long(1)"],
  ])('%s fails', (expression, code, message) => {
    expect(failure(expression)).toEqual({ code, message });
  });
});
