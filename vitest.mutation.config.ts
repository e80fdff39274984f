import { defineConfig } from 'vitest/config';

// StrykerJS's suite (stryker.config.mjs): the property suite alone, nothing else that tests the mock.
export default defineConfig({
  test: {
    include: ['test/mutation/properties.mutation.ts', 'test/mutation/seed-worlds.mutation.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Stryker switches mutants in place: no need to re-import (and re-compile the contract) per mutant.
    isolate: false,
  },
});
