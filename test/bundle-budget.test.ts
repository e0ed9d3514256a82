/**
 * The core's download budget, held here as the CST's freshness is: what a browser page importing
 * cypher-sysdb downloads, minified and gzipped. The regex engine (re2js, linear-time matching for
 * `=~`) is budgeted on its own: it is a dependency we chose over writing an engine.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the build scripts, without types
import { coreSize } from '../scripts/core-size.mjs';

const KB = 1024;

describe('the core bundle', () => {
  it('is under 100 KB gzipped without the regex engine, and under 150 KB with it', async () => {
    const whole = await coreSize();
    const withoutRegex = await coreSize({ external: ['re2js'] });
    expect(withoutRegex.gzipped).toBeLessThan(100 * KB);
    expect(whole.gzipped).toBeLessThan(150 * KB);
    // Nothing from Node or a test tool found its way in.
    const owners = [...whole.byPackage.keys()];
    expect(owners.filter((o: string) => /vitest|fast-check|playwright|esbuild|node:/.test(o))).toEqual([]);
  }, 60_000);
});
