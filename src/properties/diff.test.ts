/** --diff: the target and a fresh mock side by side; differences grouped by operation. */
import { describe, expect, it } from 'vitest';
import { mutantTarget } from '../../test/helpers/mutants.js';
import { formatDiff } from './report.js';
import { runProperties } from './runner.js';

describe('--diff', () => {
  it('finds no difference between the mock and itself (ids, uuids, times and slugs normalised)', async () => {
    const r = await runProperties({ runs: 60, seed: 5, runId: 'diff', diff: true });
    expect(r.outcome).toBe('pass');
    expect(r.diff).toEqual([]);
    expect(formatDiff(r)).toMatch(/answered alike/);
  });

  it('lists where a target answers differently, by operation and rule', async () => {
    const r = await runProperties({ target: mutantTarget('toggle-ignored'), runs: 200, seed: 5, runId: 'diff', diff: true });
    const toggle = r.diff?.find((g) => g.operation === 'toggleAgent');
    expect(toggle, formatDiff(r)).toBeDefined();
    expect(toggle!.what).toBe('body differs at /isEnabled');
    expect(toggle!.rules).toBe('LIFE-12');
    expect(formatDiff(r)).toMatch(/toggleAgent \(LIFE-12\): body differs at \/isEnabled ×\d+/);
  });
});
