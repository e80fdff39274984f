/** The suite must find bugs: each test-side mutant of the mock fails the run with a short counterexample naming its rule. */
import { describe, expect, it } from 'vitest';
import { MUTANTS, mutantTarget } from '../../test/helpers/mutants.js';
import { runProperties } from './runner.js';

describe('mutants of the mock', () => {
  for (const [name, mutant] of Object.entries(MUTANTS)) {
    it(`finds ${name} and shrinks it to a few steps naming ${mutant.rules.join(' / ')}`, async () => {
      const strict = mutant.strict ?? false;
      const r = await runProperties({ target: mutantTarget(name), runs: 400, seed: 3, runId: 'mutant', strict });
      expect(r.outcome, r.failure?.message).toBe('fail');
      expect(mutant.rules).toContain(r.failure!.rule);
      expect(r.failure!.tag).toBe(strict ? 'A' : 'D');
      // A few steps: most shrink to 1-6; an arrangement runs up to six steps as one command, and a shrink can keep
      // an earlier one whose removal alone loses the failure (show-deleted-ignored: 9 at seed 3, create + handoff + tombstone).
      expect(r.failure!.steps.length).toBeLessThanOrEqual(10);
      // The replay the report prints reproduces the same counterexample.
      const again = await runProperties({ target: mutantTarget(name), seed: r.failedSeed, path: r.path!, runId: 'mutant', strict });
      expect(again.failure?.rule).toBe(r.failure!.rule);
      expect(again.failure?.steps.map((s) => s.label)).toEqual(r.failure!.steps.map((s) => s.label));
    });
  }

  it('passes on the mock itself, strict included', async () => {
    const r = await runProperties({ runs: 200, seed: 3, runId: 'clean', strict: true });
    expect(r.failure?.message).toBeUndefined();
    expect(r.outcome).toBe('pass');
    expect(r.drifts).toEqual([]);
  });
});
