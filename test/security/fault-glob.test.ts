/** Issue 11, finding 3: a fault rule's glob is matched segment by segment, so no rule can freeze the event loop. */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { compileGlob, matchSegment } from '../../src/mock/http/glob.js';
import { createApp } from '../../src/mock/http/index.js';
import { coreFromFiles } from '../../src/mock/fixture-core.js';

describe('fault globs', () => {
  it('a pathological rule against a 1,600-character path answers in milliseconds (was 113 s with the regex)', async () => {
    const app = createApp({ core: coreFromFiles() });
    const rule = { path: '/api/**/**/**/**/x', status: 503 };
    await request(app).post('/__mock/faults').set('content-type', 'application/json').send(JSON.stringify({ rules: [rule] })).expect(200);
    const path = `/api/${'a/'.repeat(800)}y`;
    const start = performance.now();
    const res = await request(app).get(path).set('authorization', 'Bearer tok_alice_owner');
    const ms = performance.now() - start;
    expect(res.status).toBe(404); // no fault: the path does not end in /x, so the core answers
    expect(ms).toBeLessThan(200);
    const hit = await request(app).get(`/api/${'a/'.repeat(800)}x`).set('authorization', 'Bearer tok_alice_owner');
    expect(hit.status).toBe(503);
  });

  it('matching cost grows linearly: many ** segments and many stars against long inputs stay under a millisecond each', () => {
    const glob = compileGlob(`/api/${'**/'.repeat(40)}x`);
    const path = `/api/${'seg/'.repeat(2000)}y`;
    const start = performance.now();
    expect(glob.test(path)).toBe(false);
    expect(matchSegment('*a*a*a*a*a*a*a*a*b', 'a'.repeat(5000))).toBe(false);
    expect(performance.now() - start).toBeLessThan(250);
  });

  it('keeps the documented semantics: * within one segment, a ** segment across any number (zero included)', () => {
    expect(compileGlob('/api/v1/skills/*').test('/api/v1/skills/12')).toBe(true);
    expect(compileGlob('/api/v1/skills/*').test('/api/v1/skills/12/')).toBe(true);
    expect(compileGlob('/api/v1/skills/*').test('/api/v1/skills/12/deploy')).toBe(false);
    expect(compileGlob('/api/**/deploy').test('/api/v1/skills/12/deploy')).toBe(true);
    expect(compileGlob('/api/**/deploy').test('/api/deploy')).toBe(true);
    expect(compileGlob('/api/v1/*s/1*').test('/api/v1/agents/15')).toBe(true);
    expect(compileGlob('/api/v1/*s/1*').test('/api/v1/agent/15')).toBe(false);
    expect(compileGlob('/api/v1/sk*lls').test('/api/v1/skills')).toBe(true);
    expect(compileGlob('/api/v1/sk*lls').test('/api/v1/sk/lls')).toBe(false);
  });

  it('a glob longer than 1,024 characters is refused with a 400 naming the field', async () => {
    const app = createApp({ core: coreFromFiles() });
    const res = await request(app).post('/__mock/faults').set('content-type', 'application/json')
      .send(JSON.stringify({ rules: [{ path: `/${'a'.repeat(1100)}`, status: 503 }] }));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/\/rules\/0\/path must be at most 1024 characters/);
  });
});
