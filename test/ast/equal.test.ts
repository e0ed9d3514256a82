/** Structural equality of expressions: spans aside, every operator, literal and name counts. */
import { describe, expect, it } from 'vitest';
import { sameExpression } from '../../src/ast/equal.js';
import type { Expression, Span } from '../../src/ast/index.js';
import { formatExpression } from '../../src/render/printer.js';
import { parseSyntax } from '../support/parse.js';

/** The expression of `SHOW USERS WHERE <text>`, written after `before` (which moves its spans). */
function expressionOf(text: string, before = ''): Expression {
  const statement = parseSyntax(`${before}SHOW USERS WHERE ${text}`);
  if (!('pipeline' in statement) || statement.pipeline.kind !== 'where') throw new Error(`no WHERE in ${text}`);
  return statement.pipeline.where;
}

/** Every kind of expression, nested. */
const EVERY_KIND =
  "[x IN [1, 2.5, 'a', true, null, $p] WHERE x IS NOT NULL | {k: x, n: -x}] = " +
  // NOT binds looser than <: a NOT operand of it is written in brackets, as Neo4j requires.
  'CASE u.name WHEN 1 THEN any(y IN list[0..2] WHERE y STARTS WITH u[0]) ELSE count(*) + count(DISTINCT u) END < (NOT a)';

describe('sameExpression', () => {
  it('leaves spans aside', () => {
    const here = expressionOf(EVERY_KIND);
    const elsewhere = expressionOf(EVERY_KIND, '// moved down and right\n\n   ');
    expect(elsewhere.span).not.toEqual(here.span);
    expect(elsewhere).not.toEqual(here);
    expect(sameExpression(here, elsewhere)).toBe(true);
    expect(sameExpression(elsewhere, here)).toBe(true);
  });

  it.each([
    ["'a'", '"a"'],
    ['16', '0x10'],
    ['(a + b) * c', '(a+b)*c'],
    ['a.b', '`a`.`b`'],
    ['CASE WHEN a THEN 1 END', 'case when a then 1 end'],
    // Neo4j's function names ignore case; their namespaces do not.
    ['toLower(a)', 'TOLOWER(a)'],
    ['apoc.text.join(a)', 'apoc.text.JOIN(a)'],
  ])('finds %s and %s the same expression', (a, b) => {
    expect(sameExpression(expressionOf(a), expressionOf(b))).toBe(true);
  });

  it.each([
    // operators
    ['a + b', 'a - b'],
    ['a + b', 'b + a'],
    ['a AND b', 'a OR b'],
    ['-a', '+a'],
    ['NOT a', '-a'],
    ['a < b', 'a <= b'],
    ['a < b < c', 'a < b'],
    ['a IS NULL', 'a IS NOT NULL'],
    ['a STARTS WITH b', 'a ENDS WITH b'],
    ['(a + b) * c', 'a + b * c'],
    // literals
    ['1', '2'],
    ['1', '1.0'],
    ['1.5', '2.5'],
    ["'a'", "'b'"],
    ['true', 'false'],
    ['null', 'false'],
    ['[1, 2]', '[1]'],
    ['[1, 2]', '[2, 1]'],
    ['{k: 1}', '{j: 1}'],
    ['{k: 1}', '{k: 2}'],
    ['{k: 1}', '{k: 1, j: 2}'],
    // names
    ['a', 'b'],
    ['a', '$a'],
    ['$a', '$b'],
    ['a.x', 'a.y'],
    ['a.x', 'b.x'],
    ['f(a)', 'g(a)'],
    ['f(a)', 'f(b)'],
    ['f(a)', 'f(a, a)'],
    ['count(a)', 'count(DISTINCT a)'],
    ['count(*)', 'count(a)'],
    ['apoc.text.join(a)', 'APOC.text.join(a)'],
    ['apoc.join(a)', 'apoc.text.join(a)'],
    ['a.join(a)', 'join(a)'],
    // postfix and compound forms
    ['a[0]', 'a[1]'],
    ['a[0..]', 'a[..0]'],
    ['a[0..1]', 'a[0]'],
    ['CASE WHEN a THEN 1 END', 'CASE WHEN a THEN 1 ELSE 2 END'],
    ['CASE WHEN a THEN 1 END', 'CASE a WHEN a THEN 1 END'],
    ['CASE WHEN a THEN 1 END', 'CASE WHEN a THEN 1 WHEN b THEN 1 END'],
    ['any(x IN l WHERE x)', 'all(x IN l WHERE x)'],
    ['any(x IN l WHERE x)', 'any(y IN l WHERE x)'],
    ['[x IN l | x]', '[x IN l WHERE x]'],
    ['[x IN l | x]', '[y IN l | x]'],
  ])('tells %s from %s', (a, b) => {
    expect(sameExpression(expressionOf(a), expressionOf(b))).toBe(false);
    expect(sameExpression(expressionOf(b), expressionOf(a))).toBe(false);
  });

  it('tells apart expressions that print alike', () => {
    const span: Span = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 2, line: 1, column: 3 } };
    const literal: Expression = { kind: 'integer', value: '-1', span };
    const negated: Expression = { kind: 'unary', operator: '-', operand: { kind: 'integer', value: '1', span }, span };
    expect(formatExpression(literal)).toBe(formatExpression(negated));
    expect(sameExpression(literal, negated)).toBe(false);
  });
});
