import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { grammarDataSource } from '../scripts/grammar-data.js';

describe('grammar/grammar-data.ts', () => {
  it('matches the grammar (run `npm run gen:cst` after changing grammar/parser.ts)', () => {
    const committed = readFileSync(new URL('../grammar/grammar-data.ts', import.meta.url), 'utf8');
    expect(committed).toBe(grammarDataSource());
  });
});
