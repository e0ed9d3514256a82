import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cstTypesSource } from '../scripts/cst-types.js';

describe('grammar/cst.ts', () => {
  it('matches the grammar (run `npm run gen:cst` after changing grammar/parser.ts)', () => {
    const committed = readFileSync(new URL('../grammar/cst.ts', import.meta.url), 'utf8');
    expect(committed).toBe(cstTypesSource());
  });
});
