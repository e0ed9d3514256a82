/**
 * Prints, at the end of a vitest run, how many fidelity rows (test/fidelity/) there are and how many
 * pass: a row passes when it runs as a plain test and passes; known deviations (`it.fails`) count as not passing.
 */
import type { Reporter, TestModule } from 'vitest/node';
import { ROW_PREFIX } from './harness.js';

export default class FidelityReporter implements Reporter {
  onTestRunEnd(modules: readonly TestModule[]): void {
    let rows = 0;
    let passing = 0;
    for (const module of modules) {
      if (!module.moduleId.includes('/test/fidelity/')) continue;
      for (const test of module.children.allTests()) {
        if (!test.name.startsWith(ROW_PREFIX)) continue;
        rows += 1;
        if (!test.options.fails && test.result().state === 'passed') passing += 1;
      }
    }
    if (rows > 0) console.log(`\nFidelity with Neo4j's tests: ${passing} of ${rows} rows identical (message and position)\n`);
  }
}
