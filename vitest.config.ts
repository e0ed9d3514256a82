import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // The fidelity reporter prints how many of Neo4j's test expectations (test/fidelity/) we meet.
    reporters: ['default', './test/fidelity/reporter.ts'],
  },
});
