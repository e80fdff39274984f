/** modusHandlers under msw/node: the usual frontend calls through global fetch, hidden 404s and reset. */
import { readFileSync } from 'node:fs';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundledPrincipals, modusHandlers } from '../../src/msw/index.js';
import { createApp } from '../../src/mock/http/index.js';
import { coreFromFiles } from '../../src/mock/fixture-core.js';

const API = 'https://api.modus.test/api/v1';
const modus = modusHandlers();
const server = setupServer(...modus.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => modus.reset());
afterAll(() => server.close());

async function call(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${API}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : JSON.parse(text) };
}

const ALICE = 'tok_alice_owner';
const CAROL = 'tok_carol_outsider';

describe('modusHandlers (msw/node)', () => {
  it('uses the bundled principals and seed by default', async () => {
    expect(bundledPrincipals.map((p) => p.token)).toContain(ALICE);
    const list = await call('GET', '/skills', ALICE);
    expect(list.status).toBe(200);
    expect(list.body.skills.map((s: { name: string }) => s.name)).toContain('Customer Churn Analyzer');
  });

  it('creates, patches and deploys a skill (DET-1, LIFE-3, LIFE-7)', async () => {
    const created = await call('POST', '/skills', ALICE, { name: 'From MSW' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'From MSW', status: 'draft', activeVariationId: null });
    const patched = await call('PATCH', `/skills/${created.body.id}`, ALICE, { description: 'patched' });
    expect(patched.body.description).toBe('patched');
    const deployed = await call('POST', `/skills/${created.body.id}/deploy`, ALICE, {});
    expect(deployed.status).toBe(200);
    expect(deployed.body.skill).toMatchObject({ status: 'active', description: 'patched', hasUnpublishedChanges: false });
  });

  it('HIDE-1: a hidden skill answers 404 with the JSON error body', async () => {
    const created = await call('POST', '/skills', ALICE, { name: 'Private', accessConfig: { visibility: 'private' } });
    const hidden = await call('GET', `/skills/${created.body.id}`, CAROL);
    expect(hidden).toEqual({ status: 404, body: { error: { code: 404, status: 'NOT_FOUND', message: expect.stringContaining(String(created.body.id)) } } });
  });

  it('answers 401 for an unknown token and keeps JSON content type', async () => {
    const res = await fetch(`${API}/agents`, { headers: { authorization: 'Bearer nope' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('reset() goes back to the seed; each modusHandlers() has its own state', async () => {
    const created = await call('POST', '/skills', ALICE, { name: 'Temporary' });
    expect((await call('GET', `/skills/${created.body.id}?view=draft`, ALICE)).status).toBe(200);
    const other = modusHandlers();
    expect(other.core.exportState().skills.some((s) => s.id === created.body.id)).toBe(false);
    modus.reset();
    expect((await call('GET', `/skills/${created.body.id}?view=draft`, ALICE)).status).toBe(404);
  });

  it('takes its own principals and seed, and answers only for the given origin', () => {
    const custom = modusHandlers({ principals: [{ token: 'tok_x', userId: 'u_x', email: 'x@x.example', orgUuid: 'o', groups: [] }], seed: {}, baseUrl: 'https://only.example' });
    const res = custom.core.handle({ method: 'GET', url: '/api/v1/skills', headers: { authorization: 'Bearer tok_x' } });
    expect(res).toMatchObject({ status: 200, body: { skills: [] } });
    expect(custom.handlers[0]!.info.header).toContain('https://only.example/api/v1/*');
  });

  it('imports neither express nor node built-ins, so it runs in jsdom and browsers', () => {
    const seen = new Set<string>();
    const bad: string[] = [];
    const visit = (file: URL): void => {
      if (seen.has(file.href)) return;
      seen.add(file.href);
      const source = readFileSync(file, 'utf8');
      for (const [, spec] of source.matchAll(/^(?:import|export)[^'"]*from\s+'([^']+)'/gm)) {
        if (spec!.startsWith('.')) {
          if (!spec!.endsWith('.json')) visit(new URL(spec!.replace(/\.js$/, '.ts'), file));
        } else if (/^(node:|express$|supertest$|http$|fs$)/.test(spec!)) bad.push(`${file.pathname}: ${spec}`);
      }
    };
    visit(new URL('../../src/msw/index.ts', import.meta.url));
    expect(seen.size).toBeGreaterThan(5);
    expect(bad).toEqual([]);
  });
});

describe('CORS: the MSW handlers answer as the HTTP mock does (one table, src/mock/domain/cors.ts)', () => {
  const cors = (h: Headers | Record<string, string | string[] | undefined>): Record<string, string> => {
    const out: Record<string, string> = {};
    const entries: Array<[string, string]> = [];
    if (h instanceof Headers) h.forEach((v, k) => entries.push([k, v]));
    else for (const [k, v] of Object.entries(h)) entries.push([k, String(v)]);
    for (const [k, v] of entries) if (k.startsWith('access-control-') || k === 'vary') out[k.toLowerCase()] = v;
    return out;
  };
  const origin = 'http://app.localhost:5173';

  it('a preflight, with and without Access-Control-Request-Headers, and an error answer carry the same CORS headers', async () => {
    const app = createApp({ core: coreFromFiles() });
    for (const requested of ['authorization, content-type', undefined]) {
      const headers: Record<string, string> = { origin, 'access-control-request-method': 'PATCH', ...(requested ? { 'access-control-request-headers': requested } : {}) };
      const viaMsw = await fetch(`${API}/skills/1`, { method: 'OPTIONS', headers });
      let req = request(app).options('/api/v1/skills/1');
      for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
      const viaHttp = await req;
      expect(viaMsw.status).toBe(204);
      expect(viaHttp.status).toBe(204);
      expect(cors(viaMsw.headers)).toEqual(cors(viaHttp.headers));
      expect(cors(viaMsw.headers)['access-control-allow-methods']).toContain('PATCH');
    }
    const missingMsw = await fetch(`${API}/skills/999`, { headers: { origin, authorization: `Bearer ${ALICE}` } });
    const missingHttp = await request(app).get('/api/v1/skills/999').set('origin', origin).set('authorization', `Bearer ${ALICE}`);
    expect(missingMsw.status).toBe(404);
    expect(cors(missingMsw.headers)).toEqual(cors(missingHttp.headers));
    expect(cors(missingMsw.headers)['access-control-allow-origin']).toBe(origin);
  });
});
