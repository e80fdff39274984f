/**
 * The property suite alone, in-process, as the test StrykerJS runs against each mutant of src/mock/domain
 * (vitest.mutation.config.ts; `npm run mutation`). Not picked up by the default `vitest run` (*.test.ts).
 * Two configurations users run: the plain mock, and a `--deterministic` mock started from a state export
 * (what `--state-file` and `PUT /__mock/state` load), so the clock, id and import paths face the suite too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { MockCore, MockCoreOptions } from '../../src/mock/domain/index.js';
import { coreFromFiles } from '../../src/mock/fixture-core.js';
import { openStateFile } from '../../src/mock/persistence.js';
import { startMock } from '../../src/mock/server.js';
import { fixtureTargetConfig } from '../../src/properties/targets.js';
import { runProperties, type Progress } from '../../src/properties/runner.js';

/** A user's seed in format v2 (see README "Seed files"). */
const SEED_V2 = fileURLToPath(new URL('./seed-v2.json', import.meta.url));

// Sequences per seed (MUTATION_RUNS to try another strength); bench/MUTATION.md says what each measured.
const RUNS = Number(process.env['MUTATION_RUNS'] ?? 30);
// Short sequences: most rule breaks need a few steps, and a mutant costs the whole suite's time when it survives.
const MAX_COMMANDS = 60;

/** One strict property run; a killed mutant needs only the first failure, so shrinking is cut short. */
async function suite(core: MockCore, seed: number, runs = RUNS): Promise<Awaited<ReturnType<typeof runProperties>>> {
  const stop = new AbortController();
  const onProgress = (p: Progress): void => void (p.shrinking && stop.abort());
  return runProperties({ target: { core }, runs, seed, runId: `mut${seed}`, strict: true, maxCommands: MAX_COMMANDS, signal: stop.signal, onProgress });
}

function expectPass(r: Awaited<ReturnType<typeof runProperties>>): void {
  expect(r.failure?.message).toBeUndefined();
  expect(r.outcome).toBe('pass');
  expect(r.drifts).toEqual([]);
}

describe('property suite against a mutant of the mock core', () => {
  // Fixed seeds, so a mutant's verdict is the same on every run (and incremental runs can reuse it).
  it('passes at seed 3 on the plain mock, strict (an [A] drift fails too)', async () => {
    // A fresh core per test: a mutant that corrupts state cannot leak into the next test.
    expectPass(await suite(coreFromFiles(), 3));
  });

  it('passes at seed 4 on a deterministic mock started from the state another run left', async () => {
    const first = coreFromFiles();
    expectPass(await suite(first, 5));
    const state = JSON.parse(JSON.stringify(first.exportState())) as MockCoreOptions['state'];
    expectPass(await suite(coreFromFiles(undefined, undefined, { deterministic: { seed: 7 }, state }), 4));
  });

  it('passes at seed 6 on a mock started from a v2 seed file, then at seed 2 on the state file that run left', async () => {
    // What `--seed my-seed.json --state-file state.json` users run: explicit ids, deploys, drafts, managers,
    // pending transfers and tombstones in the seed (seed.ts, seed-check.ts); the file read back (compact.ts).
    const dir = mkdtempSync(join(tmpdir(), 'modus-mutation-'));
    const build = (state?: MockCoreOptions['state']): MockCore => coreFromFiles(undefined, SEED_V2, state ? { state } : {});
    try {
      const first = openStateFile(join(dir, 'state.json'), build);
      expectPass(await suite(first.core, 6, Math.ceil(RUNS / 2)));
      first.release();
      const again = openStateFile(join(dir, 'state.json'), build);
      expectPass(await suite(again.core, 2, Math.ceil(RUNS / 2)));
      again.release();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('passes at seed 8 over HTTP, through the answer cache and the node:http stages (`npm start`)', async () => {
    // What frontend developers run: GET answers cached while core.version() holds, so a state change the
    // version misses shows as a stale read.
    const mock = await startMock({ port: 0 });
    try {
      expectPass(await runProperties({ target: { config: fixtureTargetConfig(mock.url) }, runs: Math.ceil(RUNS / 3), seed: 8, runId: 'mut-http', strict: true, maxCommands: MAX_COMMANDS }));
    } finally {
      await mock.close();
    }
  });
});
