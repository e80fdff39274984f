/** --shard i/n: deterministic slices whose union is the unsharded run; properties:merge joins their reports; --workers runs them on threads. */
import { describe, expect, it } from 'vitest';
import { mutantTarget } from '../../test/helpers/mutants.js';
import { mergeResults } from './merge.js';
import { BLOCK_RUNS, blocksOf, runProperties, type PropertyResult } from './runner.js';
import { PropertyWorkers } from './workers.js';

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
    expect(merged.runs).toBe(whole.runs);
  });

  it('run over worker threads as the unsharded run, one mock core each (--workers)', async () => {
    const whole = await runProperties({ runs: 40, seed: 11, runId: 'shard' });
    const pool = new PropertyWorkers(3);
    try {
      const seen: number[] = [];
      const pooled = await pool.run({ runs: 40, seed: 11, runId: 'shard', onProgress: (p) => seen.push(p.commands) });
      expect(pooled.outcome).toBe('pass');
      expect(pooled.commands).toBe(whole.commands);
      expect(pooled.executed).toBe(whole.executed);
      expect(pooled.runs).toBe(40);
      expect(pooled.stats['HIDE-1']).toBe(whole.stats['HIDE-1']);
      expect(pooled.coverage.hit).toBe(whole.coverage.hit);
      expect(pooled.redact(`Bearer ${whole.principals.owner.token}`)).toBe('Bearer $MODUS_TOKEN_OWNER');
      expect(seen.length).toBeGreaterThanOrEqual(whole.executed);
      // A pool runs again (the bench warms it up first): the same seed, the same commands.
      expect((await pool.run({ runs: 40, seed: 11, runId: 'again' })).commands).toBe(whole.commands);
    } finally {
      await pool.close();
    }
  });

  it('merge to the failure of the earliest block, as the unsharded run stops at it, whatever the shard order', async () => {
    const base = strip(await runProperties({ runs: 10, seed: 5, runId: 'shard' }));
    const failing = (block: number, index: number) => ({ ...base, shard: { index, count: 2 }, outcome: 'fail' as const, failedSeed: base.seed + block, path: `${block}:0`, failure: { rule: 'XFER-3' as const, tag: 'D' as const, message: `block ${block}`, steps: [] } });
    for (const shards of [[failing(3, 1), failing(1, 2)], [failing(1, 2), failing(3, 1)]]) {
      const merged = mergeResults(shards);
      expect(merged.failedSeed).toBe(base.seed + 1);
      expect(merged.failure?.message).toBe('block 1');
    }
    expect(mergeResults([{ ...base, shard: { index: 1, count: 2 } }, failing(4, 2)]).failure?.message).toBe('block 4');
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
