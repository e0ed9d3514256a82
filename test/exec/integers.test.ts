/** INTEGER is 64-bit, as Neo4j's `long`: literals, SKIP/LIMIT, arithmetic, functions, parameters and results. */
import { describe, expect, it } from 'vitest';
import { diagnose, SystemDatabase } from '../../src/index.js';
import { neo4jFailure } from '../support/db.js';

const db = SystemDatabase.create();
const value = (expression: string, params: Record<string, unknown> = {}) =>
  db.execute(`SHOW USERS YIELD * RETURN ${expression} AS v`, params).result.rows[0]![0];

describe('integer literals', () => {
  // Neo4j's literal checks (e.g. SignedDecimalIntegerLiteral's semantic check, its tests in
  // LiteralsTest: "throws error for too large ... numbers" -> "integer is too large").
  const tooLarge = (column: number) => ({
    code: 'Neo.ClientError.Statement.SyntaxError',
    message: `integer is too large (line 1, column ${column} (offset: ${column - 1}))`,
  });

  it('beyond int64 are a semantic error at the literal, when run and when linted', () => {
    const query = 'SHOW USERS YIELD * RETURN 9223372036854775808 AS v';
    expect(neo4jFailure(() => db.execute(query))).toEqual(tooLarge(27));
    expect(diagnose(query).map((d) => ({ code: d.code, message: d.message }))).toEqual([tooLarge(27)]);
    expect(neo4jFailure(() => db.execute('SHOW USERS YIELD * RETURN -9223372036854775809 AS v'))).toEqual(tooLarge(27));
    expect(neo4jFailure(() => db.execute('SHOW USERS YIELD * RETURN 0x8000000000000000 AS v'))).toEqual(tooLarge(27));
  });

  it('the ends of the range are exact', () => {
    expect(value('9223372036854775807')).toBe(9223372036854775807n);
    expect(value('-9223372036854775808')).toBe(-9223372036854775808n);
    expect(value('9007199254740993')).toBe(9007199254740993n);
    expect(value('9007199254740991')).toBe(9007199254740991);
  });

  it('SKIP and LIMIT of YIELD take the whole range, and refuse beyond it', () => {
    expect(db.execute('SHOW USERS YIELD user SKIP 9223372036854775807').result.rows).toEqual([]);
    expect(db.execute('SHOW USERS YIELD user LIMIT 9223372036854775807').result.rows).toEqual([['neo4j']]);
    expect(neo4jFailure(() => db.execute('SHOW USERS YIELD user SKIP 9223372036854775808'))).toEqual(tooLarge(28));
  });

  it('SKIP and LIMIT of RETURN take values beyond 2^53', () => {
    expect(db.execute('SHOW USERS YIELD user RETURN user SKIP 9007199254740993').result.rows).toEqual([]);
    expect(db.execute('SHOW USERS YIELD user RETURN user LIMIT 9007199254740993').result.rows).toEqual([['neo4j']]);
  });
});

describe('arithmetic at the ends of the range', () => {
  it('unary minus of INT64_MIN overflows', () => {
    expect(neo4jFailure(() => value('-(-9223372036854775808)'))).toEqual({
      code: 'Neo.ClientError.Statement.ArithmeticError',
      message: 'long overflow',
    });
  });

  it("abs(INT64_MIN) is INT64_MIN, as Java's Math.abs(long) that Neo4j calls", () => {
    // neo4j/neo4j CypherFunctions.abs: `longValue(Math.abs(number.longValue()))`, which wraps around.
    expect(value('abs(-9223372036854775808)')).toBe(-9223372036854775808n);
    expect(value('abs(-9223372036854775807)')).toBe(9223372036854775807n);
  });
});

describe('toInteger beyond the range', () => {
  it("of a string is a type error, as Neo4j's stringToLongValue", () => {
    // neo4j/neo4j CypherFunctions.stringToLongValue: CypherTypeException("integer, %s, is too large").
    expect(neo4jFailure(() => value("toInteger('9223372036854775808')"))).toEqual({
      code: 'Neo.ClientError.Statement.TypeError',
      message: 'integer, 9223372036854775808, is too large',
    });
    expect(neo4jFailure(() => value("toInteger('1e30')")).message).toBe('integer, 1e30, is too large');
    expect(value("toIntegerOrNull('9223372036854775808')")).toBe(null);
    expect(value("toInteger('-9223372036854775808')")).toBe(-9223372036854775808n);
  });

  it("of a float saturates, as Java's (long) cast", () => {
    expect(value('toInteger(1.0e30)')).toBe(9223372036854775807n);
    expect(value('toInteger(-1.0e30)')).toBe(-9223372036854775808n);
  });
});

describe('parameters from JavaScript', () => {
  it('refuse an integral number beyond 2^53 - 1: it may already be rounded', () => {
    expect(neo4jFailure(() => value('$n', { n: 2 ** 53 + 2 }))).toEqual({
      code: 'Neo.ClientError.Statement.ArgumentError',
      message:
        'The parameter value 9007199254740994 is an integer beyond 2^53 - 1, which a JavaScript number may not hold exactly; pass it as a bigint.',
    });
    expect(() => value('$n', { n: [1, 2 ** 60] })).toThrow('pass it as a bigint');
  });

  it('accept a bigint within 64 bits, and give it back exactly', () => {
    expect(value('$n + 1', { n: 2n ** 60n })).toBe(2n ** 60n + 1n);
    expect(value('$n', { n: 2 ** 53 - 1 })).toBe(2 ** 53 - 1);
    expect(neo4jFailure(() => value('$n', { n: 2n ** 63n })).message).toBe(
      'The parameter value 9223372036854775808 is outside the range of INTEGER (64-bit).',
    );
  });
});
