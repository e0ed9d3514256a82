import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // Stored records are frozen under test, so that changing one in place fails loudly (src/store/sharded.ts).
    setupFiles: ['test/support/setup.ts'],
    // The fidelity reporter prints how many of Neo4j's test expectations (test/fidelity/) we meet.
    reporters: ['default', './test/fidelity/reporter.ts'],
  },
});
