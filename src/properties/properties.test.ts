/** The fixed-seed run `npm test` includes, and how a run stops: budget, Ctrl-C. */
import { describe, expect, it } from 'vitest';
import type { MockCore } from '../mock/domain/index.js';
import { coreFromFiles } from '../mock/fixture-core.js';
import { runProperties } from './runner.js';
import { formatResult, toCheckResults } from './report.js';

/** Rules the brief asks the invariants to cover; a fixed-seed run of 100 sequences must exercise each. */
const COVERED = [
  'HIDE-1', 'HIDE-2', 'HIDE-3', 'HIDE-4', 'AUTH-3', 'UPD-1', 'UPD-2', 'UPD-3', 'LIFE-3', 'LIFE-6', 'LIFE-7', 'LIFE-12',
  'DEL-1', 'DEL-3', 'DEL-6', 'XFER-1', 'XFER-2', 'XFER-3', 'XFER-4', 'XFER-5', 'ACC-3', 'LIST-1', 'LIST-2', 'ERR-2', 'SHAPE-1', 'SHAPE-2', 'SHAPE-3', 'SHAPE-4',
];

describe('fixed-seed property run in-process', () => {
  it('passes 100 sequences well under a minute, checking every covered rule', async () => {
    const r = await runProperties({ runs: 100, seed: 20_240_601, runId: 'fixed' });
    expect(r.failure?.message).toBeUndefined();
    expect(r.outcome).toBe('pass');
    expect(r.executed).toBe(100);
    expect(r.ms).toBeLessThan(30_000);
    for (const rule of COVERED) expect(r.stats[rule] ?? 0, rule).toBeGreaterThan(0);
    expect(r.commands).toBeGreaterThan(500);
    const checks = toCheckResults(r);
    expect(checks.every((c) => c.outcome === 'pass')).toBe(true);
    expect(formatResult(r)).toMatch(/^HIDE-1 +\[D\] +pass +\d/m);
  });

  it('runs the same sequences for the same seed', async () => {
    const a = await runProperties({ runs: 20, seed: 42, runId: 'same' });
    const b = await runProperties({ runs: 20, seed: 42, runId: 'same' });
    expect(b.commands).toBe(a.commands);
    expect(b.requests).toBe(a.requests);
  });
});

describe('stopping', () => {
  it('ends cleanly when the request budget is spent: no failure, stopped "budget"', async () => {
    const r = await runProperties({ runs: 1000, seed: 7, maxRequests: 120, runId: 'budget' });
    expect(r.outcome).toBe('pass');
    expect(r.stopped).toBe('budget');
    expect(r.requests).toBeLessThanOrEqual(120 + 40); // cleanup deletes are exempt from the budget
    expect(formatResult(r)).toMatch(/stopped: request budget spent/);
  });

  it('stops generating when the signal aborts (Ctrl-C)', async () => {
    const abort = new AbortController();
    const r = await runProperties({
      runs: 100_000, seed: 8, runId: 'sigint', signal: abort.signal,
      onProgress: (p) => void (p.run === 5 && abort.abort()),
    });
    expect(r.stopped).toBe('interrupted');
    expect(r.outcome).toBe('pass');
    expect(r.executed).toBe(5);
  });
});

describe('a target that judges the body before access (DET-3 [A])', () => {
  /** Answers a body error first: a refused call whose body holds a field no action takes gets 400 instead of 404 / 403. */
  const bodyFirst = (): MockCore => {
    const core = coreFromFiles();
    return {
      ...core,
      handle(request) {
        const res = core.handle(request);
        if ((res.status === 404 || res.status === 403) && request.method === 'POST' && request.body?.includes('"note"')) {
          return { status: 400, headers: res.headers, body: { error: { code: 400, status: 'INVALID_ARGUMENT', message: 'unknown field note' } } };
        }
        return res;
      },
    };
  };

  it('drifts from DET-3, never fails a documented rule; --strict names DET-3', async () => {
    const r = await runProperties({ target: { core: bodyFirst() }, runs: 60, seed: 5, runId: 'order' });
    expect(r.failure?.message).toBeUndefined();
    expect(r.drifts.map((d) => d.rule)).toContain('DET-3');
    const strict = await runProperties({ target: { core: bodyFirst() }, runs: 60, seed: 5, runId: 'order', strict: true });
    expect(strict.failure?.rule).toBe('DET-3');
  });
});
