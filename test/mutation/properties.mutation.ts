/**
 * The property suite alone, in-process, as the test StrykerJS runs against each mutant of src/mock/domain
 * (vitest.mutation.config.ts; `npm run mutation`). Not picked up by the default `vitest run` (*.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { coreFromFiles } from '../../src/mock/server.js';
import { runProperties, type Progress } from '../../src/properties/runner.js';

// Fixed seeds, so a mutant's verdict is the same on every run (and incremental runs can reuse it).
const SEEDS = [3];
// Enough sequences per seed to kill what the suite can kill; measured in bench/MUTATION.md.
const RUNS = 40;
// Short sequences: most rule breaks need a few steps, and a mutant costs the whole suite's time when it survives.
const MAX_COMMANDS = 60;

describe('property suite against a mutant of the mock core', () => {
  for (const seed of SEEDS) {
    it(`passes at seed ${seed}, strict (an [A] drift fails too)`, async () => {
      // A fresh core per test: a mutant that corrupts state cannot leak into the next seed.
      // Shrinking a counterexample costs many more runs; a killed mutant needs only the first failure.
      const stop = new AbortController();
      const onProgress = (p: Progress): void => void (p.shrinking && stop.abort());
      const r = await runProperties({ target: { core: coreFromFiles() }, runs: RUNS, seed, runId: `mut${seed}`, strict: true, maxCommands: MAX_COMMANDS, signal: stop.signal, onProgress });
      expect(r.failure?.message).toBeUndefined();
      expect(r.outcome).toBe('pass');
      expect(r.drifts).toEqual([]);
    });
  }
});
