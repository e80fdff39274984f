/** The suite must find bugs: each fault planted in the mock core fails the run with a short counterexample naming its rule. */
import { describe, expect, it } from 'vitest';
import { runProperties } from './runner.js';

/** Planted fault → the rules whose failure shows it ([D] rules: found without --strict). */
const FAULTS: Record<string, string[]> = {
  'hidden-answers-403': ['HIDE-1', 'HIDE-2', 'AUTH-3'],
  'manager-mixed-accepted': ['UPD-1'],
  'deploy-keeps-unpublished': ['LIFE-7'],
  'delete-not-idempotent': ['DEL-2'],
  // An extra row on a page breaks the page size before the repeat shows (LIST-2 is [A]).
  'list-repeats-rows': ['LIST-1', 'LIST-2'],
  'accept-by-anyone': ['XFER-3'],
  'toggle-ignored': ['LIFE-12'],
  'undelete-keeps-deleted': ['DEL-3'],
};

describe('planted faults', () => {
  for (const [fault, rules] of Object.entries(FAULTS)) {
    it(`finds ${fault} and shrinks it to a few steps naming ${rules.join(' / ')}`, async () => {
      const r = await runProperties({ target: { planted: [fault] }, runs: 400, seed: 3, runId: 'planted' });
      expect(r.outcome, r.failure?.message).toBe('fail');
      expect(rules).toContain(r.failure!.rule);
      expect(r.failure!.tag).toBe('D');
      expect(r.failure!.steps.length).toBeLessThanOrEqual(5);
      // The replay the report prints reproduces the same counterexample.
      const again = await runProperties({ target: { planted: [fault] }, seed: r.seed, path: r.path!, runId: 'planted' });
      expect(again.failure?.rule).toBe(r.failure!.rule);
      expect(again.failure?.steps.map((s) => s.label)).toEqual(r.failure!.steps.map((s) => s.label));
    });
  }

  it('passes on the mock without planted faults, strict included', async () => {
    const r = await runProperties({ runs: 200, seed: 3, runId: 'clean', strict: true });
    expect(r.failure?.message).toBeUndefined();
    expect(r.outcome).toBe('pass');
    expect(r.drifts).toEqual([]);
  });
});
