/** Latency and faults (src/mock/http/faults.ts): --latency, Prefer (Prism style) and /__mock/faults rules; faults never change state. */
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/mock/http/index.js';
import { compileGlob, MAX_DELAY_MS, parseLatency, parsePrefer, type Latency } from '../../src/mock/http/faults.js';
import { coreFromFiles } from '../../src/mock/fixture-core.js';

const ALICE = 'Bearer tok_alice_owner';
const ORIGIN = 'http://app.localhost:5173';

function fresh(options: { latency?: Latency; random?: () => number } = {}) {
  const core = coreFromFiles();
  const app = createApp({ core, ...options });
  return { core, app, snapshot: () => JSON.stringify(core.exportState()) };
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

describe('parsers', () => {
  it('parseLatency reads MIN-MAX or one number and rejects the rest', () => {
    expect(parseLatency('50-300')).toEqual({ min: 50, max: 300 });
    expect(parseLatency('120')).toEqual({ min: 120, max: 120 });
    expect(parseLatency('300-50')).toMatch(/MAX must not be smaller/);
    expect(parseLatency('fast')).toMatch(/--latency must be/);
    expect(parseLatency('70000')).toMatch(/at most 60000/);
  });

  it('parsePrefer reads code and delay, ignores other preferences, caps delays at 60 s', () => {
    expect(parsePrefer('code=503, delay=20')).toEqual({ code: 503, delayMs: 20 });
    expect(parsePrefer('example=foo; dynamic=true')).toEqual({});
    expect(parsePrefer('delay=999999')).toEqual({ delayMs: MAX_DELAY_MS });
    expect(parsePrefer('code=200')).toMatch(/only force error statuses 400-599/);
    expect(parsePrefer('delay=soon')).toMatch(/whole number/);
  });

  it('compileGlob: * stays in one segment, ** crosses segments', () => {
    expect(compileGlob('/api/v1/skills/*').test('/api/v1/skills/12')).toBe(true);
    expect(compileGlob('/api/v1/skills/*').test('/api/v1/skills/12/deploy')).toBe(false);
    expect(compileGlob('/api/v1/**').test('/api/v1/skills/12/deploy')).toBe(true);
    expect(compileGlob('/api/v1/skills').test('/api/v1/skillsX')).toBe(false);
  });
});

describe('Prefer header', () => {
  it('code=503 answers the JSON error body with CORS headers and never reaches the core', async () => {
    const m = fresh();
    const before = m.snapshot();
    const res = await request(m.app).post('/api/v1/skills').set('authorization', ALICE).set('origin', ORIGIN)
      .set('prefer', 'code=503').set('content-type', 'application/json').send(JSON.stringify({ name: 'never stored' }));
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(res.body).toEqual({ error: { code: 503, status: 'UNAVAILABLE', message: expect.any(String) } });
    await request(m.app).delete('/api/v1/skills/1').set('authorization', ALICE).set('prefer', 'code=500').expect(500);
    await request(m.app).post('/api/v1/skills/3/deploy').set('authorization', 'Bearer tok_bob_teammate').set('prefer', 'code=429').expect(429);
    expect(m.snapshot()).toBe(before);
  });

  it('DET-2: every forceable code 400-599 answers a status name of the Error enum in openapi.json; 429 is RESOURCE_EXHAUSTED', async () => {
    const spec = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8'));
    const names: string[] = spec.components.schemas.Error.properties.error.properties.status.enum;
    const m = fresh();
    const seen = new Map<number, string>();
    for (let code = 400; code <= 599; code++) {
      const res = await request(m.app).get('/api/v1/skills').set('authorization', ALICE).set('prefer', `code=${code}`);
      expect(res.status).toBe(code);
      expect(names).toContain(res.body.error.status);
      seen.set(code, res.body.error.status);
    }
    // Google's HTTP mapping for the statuses a gateway or a rate limiter sends.
    expect([seen.get(408), seen.get(429), seen.get(431), seen.get(502), seen.get(504)])
      .toEqual(['DEADLINE_EXCEEDED', 'RESOURCE_EXHAUSTED', 'INVALID_ARGUMENT', 'UNAVAILABLE', 'DEADLINE_EXCEEDED']);
  });

  it('an unsupported Prefer code answers 400 with a clear message', async () => {
    const res = await request(fresh().app).get('/api/v1/skills').set('authorization', ALICE).set('prefer', 'code=200');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Prefer: code=200 is not supported/);
  });

  it('delay=N delays the real answer by N ms', async () => {
    const { ms, value } = await timed(() => request(fresh().app).get('/api/v1/skills/1').set('authorization', ALICE).set('prefer', 'delay=250'));
    expect(value.status).toBe(200);
    expect(value.body.name).toBe('Customer Churn Analyzer');
    expect(ms).toBeGreaterThanOrEqual(240);
  });
});

describe('--latency', () => {
  it('delays every API answer by a time in the range, admin routes not at all', async () => {
    const m = fresh({ latency: { min: 200, max: 200 } });
    const api = await timed(() => request(m.app).get('/api/v1/agents').set('authorization', ALICE));
    expect(api.value.status).toBe(200);
    expect(api.ms).toBeGreaterThanOrEqual(190);
    const admin = await timed(() => request(m.app).get('/__mock/faults'));
    expect(admin.value.body.latency).toEqual({ min: 200, max: 200 });
    expect(admin.ms).toBeLessThan(150);
  });

  it('draws the delay from the random source within MIN-MAX', async () => {
    const m = fresh({ latency: { min: 0, max: 1000 }, random: () => 0.3 });
    const { ms } = await timed(() => request(m.app).get('/api/v1/agents').set('authorization', ALICE));
    expect(ms).toBeGreaterThanOrEqual(290);
    expect(ms).toBeLessThan(900);
  });
});

describe('/__mock/faults rules', () => {
  const patch503 = { method: 'PATCH', path: '/api/v1/skills/*', probability: 1, status: 503 };

  it('POST sets rules, GET lists them, DELETE clears them', async () => {
    const m = fresh();
    const set = await request(m.app).post('/__mock/faults').set('content-type', 'application/json').send(JSON.stringify({ rules: [patch503] }));
    expect(set.status).toBe(200);
    expect((await request(m.app).get('/__mock/faults')).body.rules).toEqual([patch503]);
    await request(m.app).delete('/__mock/faults').set('content-type', 'application/json').expect(204);
    expect((await request(m.app).get('/__mock/faults')).body.rules).toEqual([]);
  });

  it('a status rule hits only matching method + path, with CORS headers, and leaves state unchanged', async () => {
    const m = fresh();
    await request(m.app).post('/__mock/faults').set('content-type', 'application/json').send(JSON.stringify({ rules: [patch503] })).expect(200);
    const before = m.snapshot();
    const hit = await request(m.app).patch('/api/v1/skills/1').set('authorization', ALICE).set('origin', ORIGIN)
      .set('content-type', 'application/json').send(JSON.stringify({ description: 'lost' }));
    expect(hit.status).toBe(503);
    expect(hit.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(m.snapshot()).toBe(before);
    await request(m.app).get('/api/v1/skills/1').set('authorization', ALICE).expect(200);
    await request(m.app).patch('/api/v1/agents/1').set('authorization', ALICE).set('content-type', 'application/json')
      .send(JSON.stringify({ description: 'kept' })).expect(200);
    await request(m.app).delete('/__mock/faults').set('content-type', 'application/json').expect(204);
    await request(m.app).patch('/api/v1/skills/1').set('authorization', ALICE).set('content-type', 'application/json')
      .send(JSON.stringify({ description: 'now kept' })).expect(200);
  });

  it('probability decides per request from the random source', async () => {
    let next = 0.7;
    const m = fresh({ random: () => next });
    await request(m.app).post('/__mock/faults').set('content-type', 'application/json').send(JSON.stringify({ rules: [{ ...patch503, method: 'GET', probability: 0.5 }] })).expect(200);
    await request(m.app).get('/api/v1/skills/1').set('authorization', ALICE).expect(200);
    next = 0.2;
    await request(m.app).get('/api/v1/skills/1').set('authorization', ALICE).expect(503);
  });

  it('a delayMs rule delays matching requests and still answers from the core', async () => {
    const m = fresh();
    await request(m.app).post('/__mock/faults').set('content-type', 'application/json').send(JSON.stringify({ rules: [{ path: '/api/v1/agents', delayMs: 200 }] })).expect(200);
    const { ms, value } = await timed(() => request(m.app).get('/api/v1/agents').set('authorization', ALICE));
    expect(value.status).toBe(200);
    expect(Array.isArray(value.body.agents)).toBe(true);
    expect(ms).toBeGreaterThanOrEqual(190);
  });

  it.each([
    ['not JSON', '{rules:', /not valid JSON/],
    ['no rules array', { rule: [] }, /body must be \{"rules"/],
    ['unknown field', { rules: [{ path: '/x', status: 503, code: 1 }] }, /\/rules\/0\/code is not a rule field/],
    ['success status', { rules: [{ path: '/x', status: 200 }] }, /\/rules\/0\/status must be an integer from 400 to 599/],
    ['probability out of range', { rules: [{ path: '/x', status: 503, probability: 2 }] }, /probability must be a number from 0 to 1/],
    ['neither status nor delay', { rules: [{ path: '/x' }] }, /needs a status, a delayMs or both/],
    ['bad method', { rules: [{ method: 'FETCH', path: '/x', status: 503 }] }, /method must be one of/],
    ['path without slash', { rules: [{ path: 'api', status: 503 }] }, /path must be a path glob/],
    ['delay over the cap', { rules: [{ path: '/x', delayMs: 60_001 }] }, /delayMs must be an integer from 0 to 60000/],
  ])('rejects bad rules with a clear 400: %s', async (_label, body, message) => {
    const m = fresh();
    await request(m.app).post('/__mock/faults').set('content-type', 'application/json').send(JSON.stringify({ rules: [patch503] })).expect(200);
    const res = await request(m.app).post('/__mock/faults').set('content-type', 'application/json').send(typeof body === 'string' ? body : JSON.stringify(body));
    expect(res.status).toBe(400);
    expect(res.body.error.status).toBe('INVALID_ARGUMENT');
    expect(res.body.error.message).toMatch(message);
    expect((await request(m.app).get('/__mock/faults')).body.rules).toEqual([patch503]); // bad input keeps the old rules
  });
});
