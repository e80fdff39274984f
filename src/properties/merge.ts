/** Joins the JSON reports of `--shard` runs into one result (merge-cli.ts writes it as JSON and JUnit). */
import type { Cell, CoverageReport } from './coverage.js';
import type { PropertyResult } from './runner.js';
import type { Drift } from './run-context.js';

/** A shard's JSON report. */
export type Shard = Omit<PropertyResult, 'redact' | 'principals'>;

const RANK = { pass: 0, fail: 1, error: 2 } as const;

/** The union of the shards' coverage: cells summed, missing = missing in every shard. */
function mergeCoverage(shards: Shard[]): CoverageReport {
  const cells = new Map<string, Cell & { count: number }>();
  for (const s of shards) {
    for (const c of s.coverage.cells) {
      const key = `${c.op} ${c.relation} ${c.state} ${c.outcome}`;
      const seen = cells.get(key);
      if (seen) seen.count += c.count;
      else cells.set(key, { ...c });
    }
  }
  const missing = shards.reduce<string[] | undefined>((acc, s) => (acc ? acc.filter((m) => s.coverage.missing.includes(m)) : [...s.coverage.missing]), undefined) ?? [];
  const reachable = shards[0]?.coverage.reachable ?? 0;
  return { cells: [...cells.values()], reachable, hit: reachable - missing.length, missing };
}

/** One result from the shards: counts summed, drift joined, the earliest block's failure kept (all are listed in `shards`). */
export function mergeResults(shards: Shard[]): Shard & { shards: unknown[] } {
  const stats: Record<string, number> = {};
  const drifts = new Map<string, Drift>();
  for (const s of shards) {
    for (const [rule, n] of Object.entries(s.stats)) stats[rule] = (stats[rule] ?? 0) + n;
    for (const d of s.drifts) {
      const key = `${d.rule} ${d.message}`;
      const seen = drifts.get(key);
      if (seen) seen.count += d.count;
      else drifts.set(key, { ...d });
    }
  }
  // The worst outcome; among equals, the failure of the earliest block: the one the unsharded run reports.
  const block = (s: Shard): number => (s.failedSeed === undefined ? Infinity : (s.failedSeed - s.seed) | 0);
  const worst = shards.reduce((a, b) => (RANK[b.outcome] > RANK[a.outcome] || (RANK[b.outcome] === RANK[a.outcome] && block(b) < block(a)) ? b : a), shards[0]!);
  const sum = (k: 'executed' | 'requests' | 'commands'): number => shards.reduce((n, s) => n + s[k], 0);
  const merged: Shard & { shards: unknown[] } = {
    ...worst, stats, drifts: [...drifts.values()], coverage: mergeCoverage(shards),
    // Every shard reports the run's --runs (its blocks are a slice of them): the run's, not a sum.
    runs: Math.max(...shards.map((s) => s.runs)), executed: sum('executed'), requests: sum('requests'), commands: sum('commands'),
    ms: Math.max(...shards.map((s) => s.ms)), cleanupFailed: shards.flatMap((s) => s.cleanupFailed),
    shards: shards.map((s) => ({ shard: s.shard, seed: s.seed, outcome: s.outcome, failure: s.failure?.rule, failedSeed: s.failedSeed, path: s.path })),
  };
  delete merged.shard;
  return merged;
}
