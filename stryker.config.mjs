// @ts-check
/**
 * Mutation testing of the mock's pure core (issue 10): every mutant of src/mock/domain runs against the
 * property suite alone (vitest.mutation.config.ts), in-process. `npm run mutation`; not part of CI.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: ['src/mock/domain/**/*.ts', '!**/*.test.ts'],
  coverageAnalysis: 'perTest',
  // Later runs re-test only mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'html', 'json', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 2,
  // A property run takes seconds, not milliseconds: a mutant is a timeout at 1.5x its dry-run time plus 20 s.
  timeoutFactor: 1.5,
  timeoutMS: 20_000,
  dryRunTimeoutMinutes: 5,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 85, break: null },
};
