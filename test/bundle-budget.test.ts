/**
 * The core's download budget, held here as the CST's freshness is: what a browser page importing
 * cypher-sysdb downloads, minified and gzipped, regex engine included (our own, src/exec/regex/, in
 * place of a dependency). The budget is what the core weighs (90.0 KB, 92,114 bytes, when it was set, with
 * the graph and database privilege grammar and Neo4j's expected lists at its decision points) plus
 * about 2 KB; issue 16's target is 60 KB.
 */
import { Lexer } from 'chevrotain';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the build scripts, without types
import { Lexer as BundledLexer } from '../scripts/chevrotain-lexer-stub.js';
// @ts-expect-error: a plain ES module of the build scripts, without types
import { CORE_BUDGET_KB, coreSize } from '../scripts/core-size.mjs';

const KB = 1024;

describe('the core bundle', () => {
  it(`is under ${CORE_BUDGET_KB} KB gzipped`, async () => {
    const whole = await coreSize();
    expect(whole.gzipped).toBeLessThan(CORE_BUDGET_KB * KB);
    // Nothing from Node or a test tool found its way in.
    const owners = [...whole.byPackage.keys()];
    expect(owners.filter((o: string) => /vitest|fast-check|playwright|esbuild|node:/.test(o))).toEqual([]);
    // Chevrotain's Lexer (and the regex parser only it uses) is stubbed out: grammar/lexer.ts lexes.
    expect(owners).not.toContain('@chevrotain/regexp-to-ast');
  }, 60_000);

  it("keeps Chevrotain's Lexer constants, which its parser reads, where the bundles stub the Lexer out", () => {
    expect(BundledLexer.NA).toEqual(Lexer.NA);
    expect(BundledLexer.SKIPPED).toBe(Lexer.SKIPPED);
    expect(() => new BundledLexer()).toThrow("cypher-sysdb's bundles leave out Chevrotain's Lexer: grammar/lexer.ts lexes");
  });
});
