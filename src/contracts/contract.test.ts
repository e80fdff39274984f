import { beforeAll, describe, expect, it } from 'vitest';
import { coreFromFiles } from '../mock/fixture-core.js';
import type { MockCore } from '../mock/domain/index.js';
import type { TargetClient, Transport } from './client.js';
import type { CheckResult } from './report.js';
import { RULES } from '../api/rules.js';
import { runScenarios } from './runner.js';
import { SCENARIOS } from './scenarios/index.js';
import { openTarget, type Target } from './target.js';
import { loadContract } from './validation.js';

const contract = loadContract();

/**
 * Scenarios where the bundled mock disagrees with an [A] sentence of the contract (reported to the
 * mock's owner). They must drift, never FAIL; once the mock is fixed, remove them from here.
 */
const key = (r: CheckResult): string => `${r.rule}: ${r.title}`;
const explain = (rs: readonly CheckResult[]): string => rs.map((r) => `${r.outcome} ${key(r)}\n${r.details ?? ''}`).join('\n\n');

type Rewrite = (method: string, path: string, res: { status: number; headers: Record<string, string>; text: string }) => typeof res;

/** A client of a fresh in-process mock whose answers pass through `rewrite` (a deliberately broken target). */
function brokenClient(rewrite: (core: MockCore) => Rewrite): TargetClient {
  const core = coreFromFiles();
  const fix = rewrite(core);
  const wrap = (inner: Transport): Transport => ({ send: async (m, p, h, b) => fix(m, p, await inner.send(m, p, h, b)) });
  return openTarget({ core, wrap }).client;
}

const run = (client: TargetClient, only: string[]): Promise<CheckResult[]> =>
  runScenarios({ client, contract, scenarios: SCENARIOS, runId: 'broken', only });

describe('contract scenarios against a fresh in-process mock', () => {
  let target: Target;
  let results: CheckResult[];
  let cleanupFailures: string[];

  beforeAll(async () => {
    target = openTarget({ core: coreFromFiles() });
    results = await runScenarios({ client: target.client, contract, scenarios: SCENARIOS, runId: 'vitest' });
    cleanupFailures = await target.client.cleanup();
  });

  it('runs every scenario, and every one passes but the known mock drift', () => {
    expect(results).toHaveLength(SCENARIOS.length);
    const bad = results.filter((r) => r.outcome !== 'pass');
    expect(bad, explain(bad)).toEqual([]);
  });

  it.each(RULES.map((r) => [r.id]))('%s has at least one scenario', (id) => {
    expect(SCENARIOS.filter((s) => s.rule === id).length, `no scenario checks ${id}`).toBeGreaterThan(0);
  });

  it('names only rule ids of the contract, in contract order', () => {
    const order = RULES.map((r) => r.id);
    const ranks = SCENARIOS.map((s) => order.indexOf(s.rule));
    expect(ranks.filter((r) => r < 0)).toEqual([]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('soft-deletes every resource the run created', () => {
    expect(cleanupFailures).toEqual([]);
    const state = target.core!.exportState();
    const rows = new Map([...state.skills, ...state.agents].map((r) => [`${r.kind}s/${r.id}`, r]));
    const live = [...target.client.created.keys()].filter((k) => rows.get(k)?.status !== 'deleted');
    expect(target.client.created.size).toBeGreaterThan(100);
    expect(live).toEqual([]);
  });

  it('stays well under 1,500 requests', () => {
    expect(target.client.requestsSent).toBeLessThan(1200);
  });
});

describe('a deliberately broken target', () => {
  it('SHAPE-1: a response that breaks a documented type FAILs with its JSON path, even in an [A] scenario (LIFE-10)', async () => {
    const client = brokenClient(() => (method, path, res) => {
      if (method !== 'GET' || !/^\/api\/v1\/skills\/\d+(\?|$)/.test(path) || res.status !== 200) return res;
      return { ...res, text: JSON.stringify({ ...JSON.parse(res.text), hasUnpublishedChanges: 'yes' }) };
    });
    const results = await run(client, ['LIFE-10']);
    const shape = results.filter((r) => r.rule === 'SHAPE-1');
    expect(shape.length, explain(results)).toBe(2); // one per LIFE-10 scenario
    for (const r of shape) {
      expect([r.tag, r.outcome]).toEqual(['D', 'FAIL']);
      expect(r.details).toContain('/hasUnpublishedChanges type');
    }
    expect(results.filter((r) => r.rule.startsWith('SHAPE-') && r.rule !== 'SHAPE-1').map((r) => r.outcome)).toEqual(['pass', 'pass', 'pass']);
  });

  it('HIDE-1 FAILs when a hidden skill answers 403 instead of the missing-id 404', async () => {
    const client = brokenClient((core) => (method, path, res) => {
      const id = /^\/api\/v1\/skills\/(\d+)/.exec(path)?.[1];
      const exists = id !== undefined && core.exportState().skills.some((s) => String(s.id) === id && s.status !== 'deleted');
      if (method !== 'GET' || res.status !== 404 || !exists) return res;
      return { ...res, status: 403, text: JSON.stringify({ error: { code: 403, status: 'PERMISSION_DENIED', message: 'forbidden' } }) };
    });
    const results = await run(client, ['HIDE-1']);
    const hidden = results.find((r) => r.title.startsWith('a caller without use'));
    expect(hidden?.outcome, explain(results)).toBe('FAIL');
    expect(hidden?.details).toContain('403');
  });

  it('an [A] rule broken (DET-12: 405 without Allow) is drift, not FAIL, so it alone never fails a run', async () => {
    const client = brokenClient(() => (_method, _path, res) => {
      if (res.status !== 405) return res;
      const { allow: _allow, ...headers } = res.headers;
      return { ...res, headers };
    });
    const results = (await run(client, ['DET-12'])).filter((r) => r.rule === 'DET-12');
    expect(results.map((r) => r.outcome), explain(results)).toEqual(['drift']);
    expect(results[0]!.details).toContain('Allow');
    expect(results.some((r) => r.outcome === 'FAIL')).toBe(false);
  });
});
