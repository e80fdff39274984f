/** --shard i/n: deterministic slices whose union is the unsharded run; properties:merge joins their reports. */
import { describe, expect, it } from 'vitest';
import { mutantTarget } from '../../test/helpers/mutants.js';
import { mergeResults } from './merge.js';
import { BLOCK_RUNS, blocksOf, runProperties, type PropertyResult } from './runner.js';

const strip = ({ redact, principals, ...rest }: PropertyResult) => (void redact, void principals, rest);

describe('shards', () => {
  it('split the blocks of a run so that every n gives back the same blocks, each once', () => {
    const all = blocksOf(7, 95).map((b) => b.seed);
    expect(all).toHaveLength(Math.ceil(95 / BLOCK_RUNS));
    for (const n of [1, 2, 3, 4, 7]) {
      const union = Array.from({ length: n }, (_, i) => blocksOf(7, 95, { index: i + 1, count: n }).map((b) => b.seed)).flat();
      expect(union.sort((a, b) => a - b)).toEqual(all);
    }
  });

  it('run the same commands together as the unsharded run, and merge into one report', async () => {
    const whole = await runProperties({ runs: 40, seed: 11, runId: 'shard' });
    const parts = await Promise.all([1, 2, 3].map((index) => runProperties({ runs: 40, seed: 11, runId: 'shard', shard: { index, count: 3 } })));
    expect(parts.reduce((n, p) => n + p.commands, 0)).toBe(whole.commands);
    const merged = mergeResults(parts.map(strip));
    expect(merged.outcome).toBe('pass');
    expect(merged.executed).toBe(whole.executed);
    expect(merged.stats['HIDE-1']).toBe(whole.stats['HIDE-1']);
    expect(merged.coverage.hit).toBe(whole.coverage.hit);
  });

  it('merge to a failure when one shard failed (XFER-3), with its block seed to replay', async () => {
    const parts = await Promise.all([1, 2].map((index) => runProperties({ target: mutantTarget('accept-by-anyone'), runs: 200, seed: 3, runId: 'shard', shard: { index, count: 2 } })));
    const merged = mergeResults(parts.map(strip));
    expect(merged.outcome).toBe('fail');
    expect(merged.failure?.rule).toBe('XFER-3');
    const failed = parts.find((p) => p.outcome === 'fail')!;
    const again = await runProperties({ target: mutantTarget('accept-by-anyone'), seed: failed.failedSeed, path: failed.path!, runId: 'shard' });
    expect(again.failure?.steps.map((s) => s.label)).toEqual(failed.failure!.steps.map((s) => s.label));
  });
});
