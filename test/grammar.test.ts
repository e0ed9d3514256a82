import { describe, expect, it } from 'vitest';
import { CypherAdminParser } from '../grammar/parser.js';

describe('the grammar', () => {
  it("passes Chevrotain's validations (skipped at start-up, so checked here)", () => {
    expect(() => new CypherAdminParser({ validate: true })).not.toThrow();
  });
});
