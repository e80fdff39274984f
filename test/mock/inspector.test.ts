/** Request inspector (src/mock/http/inspector.ts): /__mock/requests ring buffer with redacted tokens, /__mock/overview and the HTML page. */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createMockCore } from '../../src/mock/domain/index.js';
import { createApp } from '../../src/mock/http/index.js';
import { escapeHtml } from '../../src/mock/http/inspector-page.js';
import { redactAuthorization } from '../../src/mock/http/inspector.js';
import { coreFromFiles } from '../../src/mock/fixture-core.js';

const ALICE = 'tok_alice_owner';

function fresh() {
  return createApp({ core: coreFromFiles() });
}

describe('GET /__mock/requests', () => {
  it('lists the last exchanges newest first with bodies, status, ms and time, never the full token', async () => {
    const app = fresh();
    await request(app).get('/api/v1/skills?pageSize=1').set('authorization', `Bearer ${ALICE}`).expect(200);
    await request(app).post('/api/v1/skills').set('authorization', `Bearer ${ALICE}`).set('content-type', 'application/json')
      .send(JSON.stringify({ name: '' })).expect(422);
    const res = await request(app).get('/__mock/requests?limit=2');
    expect(res.status).toBe(200);
    const [latest, first] = res.body.requests;
    expect(latest).toMatchObject({
      method: 'POST', url: '/api/v1/skills', status: 422,
      requestBody: { name: '' }, responseBody: { error: { code: 422, status: 'UNPROCESSABLE_ENTITY' } },
    });
    expect(latest.requestHeaders.authorization).toBe('Bearer tok_a…');
    expect(first).toMatchObject({ method: 'GET', url: '/api/v1/skills?pageSize=1', status: 200 });
    expect(first.responseBody.skills).toHaveLength(1);
    expect(first).not.toHaveProperty('requestBody');
    expect(typeof first.ms).toBe('number');
    expect(Date.parse(first.time)).not.toBeNaN();
    expect(latest.seq).toBeGreaterThan(first.seq);
    expect(res.text).not.toContain(ALICE);
  });

  it('records fault answers and preflights but not its own admin calls', async () => {
    const app = fresh();
    await request(app).get('/api/v1/agents').set('authorization', `Bearer ${ALICE}`).set('prefer', 'code=503').expect(503);
    await request(app).options('/api/v1/agents').set('origin', 'http://x.localhost').set('access-control-request-method', 'GET').expect(204);
    await request(app).get('/__mock/state').expect(200);
    const { body } = await request(app).get('/__mock/requests');
    expect(body.requests.map((r: { method: string; status: number }) => `${r.method} ${r.status}`)).toEqual(['OPTIONS 204', 'GET 503']);
  });

  it('keeps a ring of 200, defaults to 50, rejects a bad limit and can be cleared', async () => {
    const app = fresh();
    for (let i = 0; i < 205; i++) await request(app).get(`/api/v1/skills/${i + 1000}`).set('authorization', `Bearer ${ALICE}`);
    expect((await request(app).get('/__mock/requests')).body.requests).toHaveLength(50);
    const all = (await request(app).get('/__mock/requests?limit=200')).body.requests as Array<{ url: string }>;
    expect(all).toHaveLength(200);
    expect(all[0]!.url).toBe('/api/v1/skills/1204');
    expect(all[199]!.url).toBe('/api/v1/skills/1005');
    for (const bad of ['0', '201', 'x', '1.5']) {
      const res = await request(app).get(`/__mock/requests?limit=${bad}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/limit must be an integer from 1 to 200/);
    }
    await request(app).delete('/__mock/requests').set('content-type', 'application/json').expect(204);
    expect((await request(app).get('/__mock/requests')).body.requests).toEqual([]);
  });

  it('redactAuthorization shows at most 5 characters, and nothing of short or non-bearer credentials', () => {
    expect(redactAuthorization('Bearer tok_bob_teammate')).toBe('Bearer tok_b…');
    expect(redactAuthorization('Bearer short')).toBe('[redacted]');
    expect(redactAuthorization('Basic dXNlcjpwYXNzd29yZA==')).toBe('[redacted]');
  });
});

describe('GET /__mock/overview', () => {
  it('summarises skills and agents: id, name, status, owner, pending transfer', async () => {
    const app = fresh();
    const { body } = await request(app).get('/__mock/overview').expect(200);
    expect(body.skills[0]).toMatchObject({ id: 1, name: 'Customer Churn Analyzer', status: 'active', owner: 'user_alice' });
    expect(body.skills.some((s: { pendingOwner: string | null }) => s.pendingOwner === 'user_bob')).toBe(true);
    expect(body.skills.some((s: { status: string }) => s.status === 'deleted')).toBe(true);
    expect(body.agents.map((a: { name: string }) => a.name)).toContain('Daily Sales Report');
  });
});

describe('GET /__mock/', () => {
  it('serves a self-contained HTML page with the principals and their tokens', async () => {
    const res = await request(fresh()).get('/__mock/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
    for (const text of [ALICE, 'user_bob', 'erin@globex.example', '/__mock/requests', '/__mock/overview']) expect(res.text).toContain(text);
    expect(res.text).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
  });

  it('escapes principal fields (XSS)', async () => {
    const evil = '<script>alert(1)</script>';
    const core = createMockCore({ principals: [{ token: 'tok_evil_token', userId: evil, email: `"><img src=x onerror=alert(1)>`, orgUuid: 'o', groups: [evil] }] });
    const res = await request(createApp({ core })).get('/__mock/');
    expect(res.text).not.toContain(evil);
    expect(res.text).not.toContain('<img src=x');
    expect(res.text).toContain(escapeHtml(evil));
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe('&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;');
  });
});
