/**
 * Verdicts a release gate can trust: against a deployment that differs only as the docs allow, both suites
 * pass with the drift listed; against one that breaks a documented shape (SHAPE-1/2), both fail naming the
 * rule and the JSON path.
 */
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/contracts/report.js';
import { runScenarios } from '../../src/contracts/runner.js';
import { SCENARIOS } from '../../src/contracts/scenarios/index.js';
import { openTarget } from '../../src/contracts/target.js';
import { loadContract } from '../../src/contracts/validation.js';
import { runProperties } from '../../src/properties/runner.js';
import { ALLOWED, BREAKS, deployment, type Change } from './deployment.js';

const contract = loadContract();

async function contractAgainst(change: Change): Promise<CheckResult[]> {
  const { core, wrap } = deployment(change);
  const { client } = openTarget({ core, wrap });
  return runScenarios({ client, contract, scenarios: SCENARIOS, runId: 'verdict' });
}

const explain = (rs: readonly CheckResult[]): string => rs.map((r) => `${r.outcome} ${r.rule}: ${r.title}\n${(r.details ?? '').slice(0, 600)}`).join('\n\n');

describe('a deployment that differs only as the docs allow: both suites green, the drift listed', () => {
  for (const [what, change] of Object.entries(ALLOWED)) {
    it(`contract: ${what}`, async () => {
      const results = await contractAgainst(change);
      const failed = results.filter((r) => r.outcome === 'FAIL');
      expect(failed, explain(failed)).toEqual([]);
      const drift = results.filter((r) => r.outcome === 'drift');
      if (change.quiet) expect(drift, explain(drift)).toEqual([]);
      else expect(drift.length, 'the difference must be listed as drift').toBeGreaterThan(0);
      for (const d of drift) expect(['A']).toContain(d.tag);
    });

    it(`properties: ${what}`, async () => {
      const { wrap } = deployment(change);
      const r = await runProperties({ target: { wrap }, runs: 25, seed: 7, runId: 'verdict' });
      expect(r.failure?.message).toBeUndefined();
      expect(r.outcome).toBe('pass');
      if (change.quiet) expect(r.drifts).toEqual([]);
      else expect(r.drifts.length, 'the difference must be listed as drift').toBeGreaterThan(0);
      for (const d of r.drifts) expect(d.rule).not.toMatch(/^SHAPE-[12]$/);
    });
  }

  it('--strict: the same drift fails both suites (an added field)', async () => {
    const change = ALLOWED['an added top-level field']!;
    const results = await contractAgainst(change);
    expect(results.some((r) => r.rule === 'SHAPE-3' && r.outcome === 'drift' && r.details?.includes("'labels'"))).toBe(true);
    const { wrap } = deployment(change);
    const strict = await runProperties({ target: { wrap }, runs: 5, seed: 7, runId: 'verdict', strict: true });
    expect([strict.outcome, strict.failure?.rule, strict.failure?.tag]).toEqual(['fail', 'SHAPE-3', 'A']);
  });
});

describe('a deployment that breaks a documented shape: both suites red with the rule and the JSON path', () => {
  for (const [what, { change, path, rule }] of Object.entries(BREAKS)) {
    it(`contract: ${what} (${rule})`, async () => {
      const results = await contractAgainst(change);
      const failed = results.filter((r) => r.rule === rule && r.outcome === 'FAIL');
      expect(failed.length, explain(results.filter((r) => r.outcome !== 'pass'))).toBeGreaterThan(0);
      expect(failed[0]!.tag).toBe('D');
      expect(failed[0]!.details).toContain(path);
    });

    it(`properties: ${what} (${rule})`, async () => {
      const { wrap } = deployment(change);
      const r = await runProperties({ target: { wrap }, runs: 25, seed: 7, runId: 'verdict' });
      expect(r.outcome).toBe('fail');
      expect([r.failure?.rule, r.failure?.tag]).toEqual([rule, 'D']);
      expect(r.failure?.message).toContain(path);
    });
  }
});
