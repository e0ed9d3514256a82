/**
 * Grouping keys and ORDER BY after DISTINCT or aggregation are decided on the AST, not on printed
 * text: how the printer writes an expression (quoting a name, or anything else) cannot change them.
 */
import { describe, expect, it, vi } from 'vitest';
import { formatExpression } from '../../src/render/printer.js';
import { reported } from '../support/parse.js';

// A printer that prints every expression alike: only the wording of messages may follow it.
vi.mock('../../src/render/printer.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/render/printer.js')>();
  return { ...original, formatExpression: () => 'printed' };
});

const IMPLICIT_GROUPING = 'Aggregation column contains implicit grouping expressions.';

describe('grouping checks with a printer that prints every expression alike', () => {
  it('is the printer these checks see', () => {
    expect(
      formatExpression({ kind: 'null', span: { start: { offset: 0, line: 1, column: 1 }, end: { offset: 4, line: 1, column: 5 } } }),
    ).toBe('printed');
  });

  it('still finds the implicit grouping key', () => {
    const [diagnostic, ...more] = reported('SHOW USERS YIELD user, roles RETURN user, count(*) + size(roles)');
    expect(more).toEqual([]);
    expect(diagnostic!.message.startsWith(IMPLICIT_GROUPING)).toBe(true);
    expect([diagnostic!.line, diagnostic!.column]).toEqual([1, 59]);
  });

  it('still refuses ORDER BY on a variable that is not returned', () => {
    expect(reported('SHOW USERS YIELD user, roles RETURN DISTINCT user ORDER BY roles')).toEqual([
      {
        message:
          'In a WITH/RETURN with DISTINCT or an aggregation, it is not possible to access variables declared before the WITH/RETURN: roles (line 1, column 60 (offset: 59))',
        line: 1,
        column: 60,
      },
    ]);
  });

  it('still lets ORDER BY repeat a returned expression', () => {
    expect(reported('SHOW USERS YIELD user, roles RETURN DISTINCT toLower(user) AS u ORDER BY toLower(user)')).toEqual([]);
  });
});
