import { describe, expect, it } from 'vitest';
import '../scripts/object-group-by.js';
import { CypherAdminParser } from '../grammar/parser.js';

describe('the grammar', () => {
  it("passes Chevrotain's validations (skipped at start-up, so checked here)", () => {
    expect(() => new CypherAdminParser({ validate: true })).not.toThrow();
  });
});

describe('keywords', () => {
  it('match in any ASCII case, and a word with a non-ASCII letter is never one (regression: non-ASCII keyword folding)', async () => {
    const { parse } = await import('../src/index.js');
    expect(parse("cReAtE uSeR jake sEt PaSsWoRd 'abcd1234'").diagnostics).toEqual([]);
    // 'ſ' (long s) upper-cases to 'S' in JavaScript, but Neo4j's lexer matches keywords over [sS] only.
    const result = parse('DROP USER ſet');
    expect(result.diagnostics).toEqual([]);
    expect(result.statements[0]).toMatchObject({ kind: 'drop-user', name: { kind: 'name', value: 'ſet' } });
  });
});
