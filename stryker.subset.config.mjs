// @ts-check
/**
 * A run over some files of src/mock/domain with reports of its own (bench/MUTATION.md joins such runs):
 *   RUN=body MUTATE="src/mock/domain/body.ts" npx stryker run stryker.subset.config.mjs
 * writes reports/mutation/body.json and keeps reports/mutation/body-incremental.json; CONC sets the concurrency.
 */
import base from './stryker.config.mjs';

const name = process.env.RUN ?? 'subset';
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  ...(process.env.MUTATE ? { mutate: process.env.MUTATE.split(' ') } : {}),
  incremental: true,
  incrementalFile: `reports/mutation/${name}-incremental.json`,
  concurrency: Number(process.env.CONC ?? 2),
  tempDirName: `.stryker-tmp-${name}`,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
};
