/** Result tables as cypher-shell draws them. */
import { describe, expect, it } from 'vitest';
import { table } from '../../src/cli/table.js';

describe('result tables', () => {
  it('regression: a result of 200,000 rows passed too many arguments to Math.max', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`user${i}`]);
    const text = table(['user'], rows);
    expect(text.split('\n').slice(0, 4)).toEqual(['+--------------+', '| user         |', '+--------------+', '| "user0"      |']);
    expect(text.endsWith('\n\n200000 rows\n')).toBe(true);
  });
});
