/**
 * The types Neo4j's semantic analysis gives expressions on SHOW commands, and its "Type mismatch"
 * messages where an operator, a function, an index or a condition gets a value it does not take
 * (src/check/types.ts, over ./type-signatures.ts). Each row is what Neo4j's front end reports for the
 * statement (@neo4j-cypher/language-support's analyzeQuery, Cypher 25): the offset and the message, or
 * nothing where it accepts it. The last test asks the front end again, so a row cannot drift from it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, StatusCode } from '../../src/index.js';
import { FrontEnd } from '../support/neo4j-front-end.js';

type Row = readonly [statement: string, ...errors: string[]];

/** `@offset message`, as the front end reports each error. */
const ROWS: readonly Row[] = [
  ["SHOW USERS YIELD user WHERE user * 'a'", '@28 Type mismatch: expected Float, Integer or Duration but was String'],
  ["SHOW USERS YIELD * RETURN 'a' * 1 AS x", '@26 Type mismatch: expected Float, Integer or Duration but was String'],
  ["SHOW USERS YIELD * RETURN 1 * 'a' AS x", '@30 Type mismatch: expected Float, Integer or Duration but was String'],
  ["SHOW USERS YIELD * RETURN 'a' * 'b' AS x", '@26 Type mismatch: expected Float, Integer or Duration but was String'],
  [
    "SHOW USERS YIELD * RETURN 'a' - 1 AS x",
    '@26 Type mismatch: expected Float, Integer, Duration, Date, Time, LocalTime, LocalDateTime or DateTime but was String',
  ],
  ["SHOW USERS YIELD * RETURN 1 - 'a' AS x", '@30 Type mismatch: expected Float or Integer but was String'],
  [
    'SHOW USERS YIELD * RETURN roles - 1 AS x',
    '@26 Type mismatch: expected Float, Integer, Duration, Date, Time, LocalTime, LocalDateTime or DateTime but was List<String>',
  ],
  ["SHOW USERS YIELD * RETURN 'a' / 1 AS x", '@26 Type mismatch: expected Float, Integer or Duration but was String'],
  ["SHOW USERS YIELD * RETURN 1 / 'a' AS x", '@30 Type mismatch: expected Float or Integer but was String'],
  ["SHOW USERS YIELD * RETURN 'a' % 1 AS x", '@26 Type mismatch: expected Float or Integer but was String'],
  ["SHOW USERS YIELD * RETURN 1.5 % 'a' AS x", '@32 Type mismatch: expected Float or Integer but was String'],
  ["SHOW USERS YIELD * RETURN 'a' ^ 1 AS x", '@26 Type mismatch: expected Float but was String'],
  ["SHOW USERS YIELD * RETURN 1 ^ 'a' AS x", '@30 Type mismatch: expected Float but was String'],
  ['SHOW USERS YIELD * RETURN true + 1 AS x', '@33 Type mismatch: expected String or List<T> but was Integer'],
  ['SHOW USERS YIELD * RETURN 1 + true AS x', '@30 Type mismatch: expected Float, Integer, String or List<T> but was Boolean'],
  ["SHOW USERS YIELD * RETURN 'a' + true AS x"],
  ['SHOW USERS YIELD * RETURN roles + 1 AS x'],
  ['SHOW USERS YIELD * RETURN roles + {b:2} AS x'],
  ['SHOW USERS YIELD * RETURN {a:1} + 1 AS x', '@34 Type mismatch: expected List<T> but was Integer'],
  ['SHOW USERS YIELD * RETURN 1 + {a:1} AS x', '@30 Type mismatch: expected Float, Integer, String or List<T> but was Map'],
  [
    'SHOW USERS YIELD * RETURN user + {b:2} AS x',
    '@33 Type mismatch: expected Boolean, Float, Integer, Point, String, Duration, Date, Time, LocalTime, LocalDateTime, DateTime, Vector or List<T> but was Map',
  ],
  ['SHOW USERS YIELD * RETURN {a:1} + {b:2} AS x', '@34 Type mismatch: expected List<T> but was Map'],
  ["SHOW USERS YIELD * RETURN -'a' AS x", '@27 Type mismatch: expected Float or Integer but was String'],
  ["SHOW USERS YIELD * RETURN +'a' AS x", '@27 Type mismatch: expected Float or Integer but was String'],
  ['SHOW USERS YIELD * RETURN -roles AS x', '@27 Type mismatch: expected Float or Integer but was List<String>'],
  ['SHOW USERS YIELD * RETURN -true AS x', '@27 Type mismatch: expected Float or Integer but was Boolean'],
  ['SHOW USERS YIELD * RETURN suspended * 2 AS x', '@26 Type mismatch: expected Float, Integer or Duration but was Boolean'],
  [
    'SHOW USERS YIELD * RETURN suspended - suspended AS x',
    '@26 Type mismatch: expected Float, Integer, Duration, Date, Time, LocalTime, LocalDateTime or DateTime but was Boolean',
  ],
  ['SHOW USERS YIELD * RETURN roles * roles AS x', '@26 Type mismatch: expected Float, Integer or Duration but was List<String>'],
  ["SHOW USERS YIELD * RETURN null * 'a' AS x", '@33 Type mismatch: expected Float, Integer or Duration but was String'],
  ['SHOW USERS YIELD * RETURN user + null AS x'],
  ['SHOW USERS YIELD * RETURN $p + {a:1} AS x'],
  ['SHOW USERS WHERE 1 + 1', '@19 Type mismatch: expected Boolean but was Integer'],
  ["SHOW USERS WHERE 'a' + 1", '@21 Type mismatch: expected Boolean but was String'],
  ['SHOW USERS WHERE 1.0 * 2', '@21 Type mismatch: expected Boolean but was Float'],
  ["SHOW USERS WHERE roles + 'x'", '@23 Coercion of list to boolean is not allowed. Please use `NOT isEmpty(...)` instead.'],
  ['SHOW USERS WHERE 2 ^ 2', '@19 Type mismatch: expected Boolean but was Float'],
  ['SHOW USERS WHERE 5 % 2', '@19 Type mismatch: expected Boolean but was Integer'],
  ['SHOW USERS WHERE 5 / 2.0', '@19 Type mismatch: expected Boolean but was Float'],
  ['SHOW USERS WHERE 1 % 1.5', '@19 Type mismatch: expected Boolean but was Float'],
  ['SHOW USERS WHERE null + 1'],
  ['SHOW USERS WHERE -user', '@18 Type mismatch: expected Float or Integer but was String'],
  ["SHOW USERS WHERE 'a' + 'b' + 1", '@27 Type mismatch: expected Boolean but was String'],
  ["SHOW USERS WHERE 1 + 'a' + true", '@25 Type mismatch: expected Boolean but was String'],
  ['SHOW USERS WHERE roles + roles', '@23 Coercion of list to boolean is not allowed. Please use `NOT isEmpty(...)` instead.'],
  ["SHOW USERS WHERE 'a' + roles", '@21 Coercion of list to boolean is not allowed. Please use `NOT isEmpty(...)` instead.'],
  ['SHOW USERS WHERE roles + [1]', '@23 Coercion of list to boolean is not allowed. Please use `NOT isEmpty(...)` instead.'],
  ['SHOW USERS WHERE $p * 1', '@20 Type mismatch: expected Boolean but was Float, Integer or Duration'],
  ['SHOW USERS WHERE $p - 1', '@20 Type mismatch: expected Boolean but was Float or Integer'],
  ['SHOW USERS WHERE 1 - $p', '@19 Type mismatch: expected Boolean but was Float or Integer'],
  ['SHOW USERS WHERE $p ^ 1', '@20 Type mismatch: expected Boolean but was Float'],
  ['SHOW USERS WHERE -$p', '@17 Type mismatch: expected Boolean but was Float or Integer'],
  [
    'SHOW USERS WHERE null - null',
    '@22 Type mismatch: expected Boolean but was Float, Integer, Duration, Date, Time, LocalTime, LocalDateTime or DateTime',
  ],
  [
    'SHOW USERS WHERE (user * 2) * 3',
    '@18 Type mismatch: expected Float, Integer or Duration but was String',
    '@28 Type mismatch: expected Boolean but was Float, Integer or Duration',
  ],
  ["SHOW USERS WHERE 1 + 2 * 'a'", '@25 Type mismatch: expected Float, Integer or Duration but was String'],
  ['SHOW USERS WHERE 1 + 1 AND true', '@19 Type mismatch: expected Boolean but was Integer'],
  ['SHOW USERS WHERE 1 IN 1 + 2', '@24 Type mismatch: expected List<T> but was Integer'],
  ['SHOW USERS WHERE 1 IN 1 + [2]'],
  ['SHOW USERS WHERE size(user) + 1', '@28 Type mismatch: expected Boolean but was Integer'],
  ['SHOW USERS WHERE 9223372036854775807 + 1', '@37 Type mismatch: expected Boolean but was Integer'],
  [
    'SHOW USERS WHERE user.x + 1',
    '@17 Type mismatch: expected Map, Node, Relationship, Point, Duration, Date, Time, LocalTime, LocalDateTime or DateTime but was String',
  ],
  ['SHOW USERS WHERE roles[0] + 1', '@26 Type mismatch: expected Boolean but was String'],
  ['SHOW USERS WHERE [x IN roles | x + 1]', '@17 Coercion of list to boolean is not allowed. Please use `NOT isEmpty(...)` instead.'],
  ['SHOW USERS WHERE [1, 1.5]', '@17 Coercion of list to boolean is not allowed. Please use `NOT isEmpty(...)` instead.'],
  ['SHOW USERS WHERE roles AND true', '@17 Coercion of list to boolean is not allowed. Please use `NOT isEmpty(...)` instead.'],
  ['SHOW USERS WHERE true XOR roles', '@26 Coercion of list to boolean is not allowed. Please use `NOT isEmpty(...)` instead.'],
  ['SHOW USERS WHERE NOT roles', '@21 Coercion of list to boolean is not allowed. Please use `NOT isEmpty(...)` instead.'],
  ["SHOW USERS WHERE 1 AND 'a'", '@17 Type mismatch: expected Boolean but was Integer'],
  [
    "SHOW USERS WHERE NOT 1 AND NOT 'a'",
    '@21 Type mismatch: expected Boolean but was Integer',
    '@31 Type mismatch: expected Boolean but was String',
  ],
  [
    'SHOW USERS YIELD * RETURN CASE WHEN roles THEN 1 END AS x',
    '@36 Coercion of list to boolean is not allowed. Please use `NOT isEmpty(...)` instead.',
  ],
  ["SHOW USERS YIELD * RETURN CASE WHEN true THEN 1 ELSE 'a' END * 2 AS x"],
  [
    "SHOW USERS YIELD * RETURN CASE WHEN true THEN 'b' ELSE 'a' END * 2 AS x",
    '@26 Type mismatch: expected Float, Integer or Duration but was String',
  ],
  [
    "SHOW USERS YIELD * RETURN CASE WHEN true THEN 'b' END * 2 AS x",
    '@26 Type mismatch: expected Float, Integer or Duration but was String',
  ],
  [
    "SHOW USERS YIELD * RETURN CASE user WHEN 'a' THEN roles END * 2 AS x",
    '@26 Type mismatch: expected Float, Integer or Duration but was List<String>',
  ],
  ['SHOW USERS YIELD * RETURN roles[0] * 2 AS x', '@31 Type mismatch: expected Float, Integer or Duration but was String'],
  ['SHOW USERS YIELD * RETURN roles [0] * 2 AS x', '@32 Type mismatch: expected Float, Integer or Duration but was String'],
  ['SHOW USERS YIELD * RETURN roles[$p] * 2 AS x', '@31 Type mismatch: expected Float, Integer or Duration but was String'],
  ['SHOW USERS YIELD * RETURN roles[0..1] * 2 AS x', '@31 Type mismatch: expected Float, Integer or Duration but was List<String>'],
  ["SHOW USERS YIELD * RETURN roles['a'] AS x", '@32 Type mismatch: list index must be given as Integer, but was String'],
  ['SHOW USERS YIELD * RETURN user[0] AS x', '@26 Type mismatch: expected List<T> but was String'],
  ["SHOW USERS YIELD * RETURN roles[0..'a'] AS x", '@35 Type mismatch: expected Integer but was String'],
  ['SHOW USERS YIELD * RETURN user[0..1] AS x', '@26 Type mismatch: expected List<T> but was String'],
  ["SHOW USERS YIELD * RETURN {a: 1}['a'] * 'x' AS x", '@40 Type mismatch: expected Float, Integer or Duration but was String'],
  ["SHOW USERS YIELD * RETURN {a: 1}.a * 'x' AS x", '@37 Type mismatch: expected Float, Integer or Duration but was String'],
  [
    'SHOW USERS YIELD * RETURN suspended.x AS x',
    '@26 Type mismatch: expected Map, Node, Relationship, Point, Duration, Date, Time, LocalTime, LocalDateTime or DateTime but was Boolean',
  ],
  [
    'SHOW USERS YIELD * RETURN roles.x AS x',
    '@26 Type mismatch: expected Map, Node, Relationship, Point, Duration, Date, Time, LocalTime, LocalDateTime or DateTime but was List<String>',
  ],
  ["SHOW USERS YIELD * RETURN [1, 'a'] * 2 AS x", '@26 Type mismatch: expected Float, Integer or Duration but was List<T>'],
  ['SHOW USERS YIELD * RETURN [1, 2] * 2 AS x', '@26 Type mismatch: expected Float, Integer or Duration but was List<Integer>'],
  ['SHOW USERS YIELD * RETURN [] * 2 AS x', '@26 Type mismatch: expected Float, Integer or Duration but was List<T>'],
  ['SHOW USERS YIELD * RETURN [1, 1.5][0] * 2 AS x'],
  ['SHOW USERS YIELD * RETURN [x IN roles | 1] * 2 AS x', '@26 Type mismatch: expected Float, Integer or Duration but was List<Integer>'],
  ['SHOW USERS YIELD * RETURN [x IN roles | x * 2] AS x', '@40 Type mismatch: expected Float, Integer or Duration but was String'],
  ["SHOW USERS YIELD * RETURN abs(1) * 'a' AS x", '@35 Type mismatch: expected Float, Integer or Duration but was String'],
  ["SHOW USERS YIELD * RETURN abs('a') AS x", '@30 Type mismatch: expected Float or Integer but was String'],
  ['SHOW USERS YIELD * RETURN toLower(abs(1)) AS x', '@34 Type mismatch: expected String but was Float or Integer'],
  ['SHOW USERS YIELD * RETURN toLower(abs(1.5)) AS x', '@34 Type mismatch: expected String but was Float or Integer'],
  ['SHOW USERS YIELD * RETURN toLower(sign(1.5)) AS x', '@34 Type mismatch: expected String but was Integer'],
  ['SHOW USERS YIELD * RETURN toLower(round(1)) AS x', '@34 Type mismatch: expected String but was Float'],
  ['SHOW USERS YIELD * RETURN toLower(sum(1)) AS x', '@34 Type mismatch: expected String but was Float, Integer or Duration'],
  ['SHOW USERS YIELD * RETURN toLower(avg(1)) AS x', '@34 Type mismatch: expected String but was Float, Integer or Duration'],
  ['SHOW USERS YIELD * RETURN toLower(size(roles)) AS x', '@34 Type mismatch: expected String but was Integer'],
  ['SHOW USERS YIELD * RETURN toLower(1 + 1) AS x', '@36 Type mismatch: expected String but was Integer'],
  ['SHOW USERS YIELD * RETURN coalesce(user, 1) * 2 AS x'],
  ['SHOW USERS YIELD * RETURN head(roles) * 2 AS x', '@26 Type mismatch: expected Float, Integer or Duration but was String'],
  ['SHOW USERS YIELD * RETURN head(user) AS x', '@31 Type mismatch: expected List<T> but was String'],
  ['SHOW USERS YIELD * RETURN tail(user) AS x', '@31 Type mismatch: expected List<T> but was String'],
  ["SHOW USERS YIELD * RETURN toInteger(user) * 'a' AS x", '@44 Type mismatch: expected Float, Integer or Duration but was String'],
  ["SHOW USERS YIELD * RETURN count(*) * 'a' AS x", '@37 Type mismatch: expected Float, Integer or Duration but was String'],
  ['SHOW USERS YIELD * RETURN collect(user) * 2 AS x', '@26 Type mismatch: expected Float, Integer or Duration but was List<String>'],
  ['SHOW USERS YIELD * RETURN min(user) * 2 AS x', '@26 Type mismatch: expected Float, Integer or Duration but was String'],
  ['SHOW USERS YIELD * RETURN sum(user) AS x', '@30 Type mismatch: expected Float, Integer or Duration but was String'],
  ['SHOW USERS YIELD * RETURN avg(user) AS x', '@30 Type mismatch: expected Float, Integer or Duration but was String'],
  ["SHOW USERS YIELD * RETURN sqrt('a') AS x", '@31 Type mismatch: expected Float but was String'],
  ["SHOW USERS YIELD * RETURN ceil('a') AS x", '@31 Type mismatch: expected Float but was String'],
  ['SHOW USERS YIELD * RETURN floor(user) AS x', '@32 Type mismatch: expected Float but was String'],
  ["SHOW USERS YIELD * RETURN round('a') AS x", '@32 Type mismatch: expected Float but was String'],
  ["SHOW USERS YIELD * RETURN sign('a') AS x", '@31 Type mismatch: expected Float or Integer but was String'],
  ["SHOW USERS YIELD * RETURN isNaN('a') AS x", '@32 Type mismatch: expected Float or Integer but was String'],
  ['SHOW USERS YIELD * RETURN toInteger(roles) AS x'],
  ['SHOW USERS YIELD * RETURN toInteger(true) AS x'],
  ['SHOW USERS YIELD * RETURN size(1) AS x', '@31 Type mismatch: expected String, Vector or List<T> but was Integer'],
  ["SHOW USERS YIELD * RETURN range('a', 1) AS x", '@32 Type mismatch: expected Integer but was String'],
  ['SHOW USERS YIELD * RETURN reverse(1) AS x'],
  ['SHOW USERS YIELD * RETURN keys(1) AS x', '@31 Type mismatch: expected Map, Node or Relationship but was Integer'],
  ['SHOW USERS YIELD * RETURN isEmpty(1) AS x', '@34 Type mismatch: expected Map, Node, Relationship, String or List<T> but was Integer'],
  ["SHOW USERS YIELD * RETURN split(1, 'a') AS x", '@32 Type mismatch: expected String but was Integer'],
  ["SHOW USERS YIELD * RETURN left(user, 'a') AS x", '@37 Type mismatch: expected Integer but was String'],
  ["SHOW USERS YIELD * RETURN substring(user, 'a') AS x", '@42 Type mismatch: expected Integer but was String'],
  [
    'SHOW USERS YIELD * RETURN toString(roles) AS x',
    '@35 Type mismatch: expected Boolean, Float, Integer, Point, String, Duration, Date, Time, LocalTime, LocalDateTime or DateTime but was List<String>',
  ],
  ['SHOW USERS YIELD * RETURN toBoolean(1.5) AS x', '@36 Type mismatch: expected Boolean, Integer or String but was Float'],
  ['SHOW USERS YIELD * RETURN toBoolean(roles) AS x', '@36 Type mismatch: expected Boolean, Integer or String but was List<String>'],
  ['SHOW USERS YIELD * RETURN toFloat(true) AS x', '@34 Type mismatch: expected Float, Integer or String but was Boolean'],
  ['SHOW USERS YIELD * RETURN user + 1 + 2 AS x ORDER BY x * 2', '@53 Type mismatch: expected Float, Integer or Duration but was String'],
  ['SHOW USERS YIELD user AS u WHERE u * 2', '@33 Type mismatch: expected Float, Integer or Duration but was String'],
  ['SHOW USERS YIELD * RETURN user AS u ORDER BY u * 2', '@45 Type mismatch: expected Float, Integer or Duration but was String'],
  ['SHOW USERS YIELD * RETURN 1 AS x SKIP 1 + 1'],
  ["SHOW USERS YIELD * RETURN 1 AS x SKIP 'a' + 1", '@42 Type mismatch: expected Integer but was String'],
  ['SHOW USERS YIELD * RETURN 1 AS x LIMIT 1.5 * 2', '@43 Type mismatch: expected Integer but was Float'],
];

/** An error as a user sees it: Neo4j's message with its position, at that offset, with Neo4j's code. */
const seen = (error: string) => {
  const [, offset, message] = /^@(\d+) (.*)$/s.exec(error)!;
  const at = Number(offset);
  return { message: `${message} (line 1, column ${at + 1} (offset: ${at}))`, offset: at, code: StatusCode.SyntaxError };
};

describe('expression types, as Neo4j checks them', () => {
  it.each(ROWS)('%s', (statement, ...errors) => {
    const reported = parse(statement).diagnostics.map((d) => ({ message: d.message, offset: d.span.start.offset, code: d.code }));
    expect(reported).toEqual(errors.map(seen));
  });

  describe("and as Neo4j's front end reports them", () => {
    let frontEnd: FrontEnd;
    beforeAll(async () => {
      frontEnd = await FrontEnd.start();
    });
    afterAll(() => frontEnd.close());

    it('gives every row its errors (in any order: its order varies from run to run)', async () => {
      const results = await frontEnd.analyze(
        ROWS.map(([statement]) => statement),
        'CYPHER 25',
      );
      const given = results.map((r, i) => [ROWS[i]![0], ...r.errors.map((e) => `@${e.offset} ${e.message}`).sort()]);
      expect(given).toEqual(ROWS.map(([statement, ...errors]) => [statement, ...[...errors].sort()]));
    }, 120_000);
  });
});
