/** Issue 11, finding 1: no web page can read or drive the admin surface; the API keeps CORS for any origin. */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp, type AppOptions } from '../../src/mock/http/index.js';
import { coreFromFiles } from '../../src/mock/fixture-core.js';

const ALICE = 'Bearer tok_alice_owner';
const JSON_TYPE = { 'content-type': 'application/json' };

function fresh(admin: AppOptions['admin'] = {}) {
  const core = coreFromFiles();
  return { core, app: createApp({ core, admin }), snapshot: () => core.serializeState() };
}

describe('Host check (DNS rebinding)', () => {
  it('a foreign Host header gets 403 on every admin route and the inspector, with the JSON error body', async () => {
    const { app } = fresh();
    for (const path of ['/__mock/state', '/__mock/requests', '/__mock/overview', '/__mock/faults', '/__mock/']) {
      const res = await request(app).get(path).set('host', 'evil.example');
      expect(res.status, path).toBe(403);
      expect(res.body.error).toMatchObject({ code: 403, status: 'PERMISSION_DENIED' });
      expect(res.body.error.message).toContain('evil.example');
      expect(res.text).not.toContain('tok_alice_owner');
    }
  });

  it('loopback names and addresses pass, with any port: localhost, *.localhost, 127.0.0.0/8, [::1]', async () => {
    const { app } = fresh();
    for (const host of ['localhost:4010', 'LOCALHOST', 'app.localhost:4010', '127.0.0.1:4010', '127.1.2.3', '[::1]:4010']) {
      expect((await request(app).get('/__mock/state').set('host', host)).status, host).toBe(200);
    }
  });

  it('the --host value passes; names of --allow-origin origins pass; anything else does not', async () => {
    const { app } = fresh({ host: 'devbox.lan', allowOrigins: ['http://frontend.test:5173'] });
    expect((await request(app).get('/__mock/state').set('host', 'devbox.lan:4010')).status).toBe(200);
    expect((await request(app).get('/__mock/state').set('host', 'frontend.test:4010')).status).toBe(200);
    expect((await request(app).get('/__mock/state').set('host', 'devbox.lan.evil.example')).status).toBe(403);
  });

  it('bound to every interface (--host 0.0.0.0 or ::), this machine\'s own addresses pass', async () => {
    for (const host of ['0.0.0.0', '::']) {
      const { app } = fresh({ host });
      expect((await request(app).get('/__mock/state').set('host', '127.0.0.1:4010')).status).toBe(200);
      expect((await request(app).get('/__mock/state').set('host', 'evil.example')).status).toBe(403);
    }
  });

  it('the API answers whatever the Host (it needs a bearer token, and CORS is on for it by design)', async () => {
    const { app } = fresh();
    expect((await request(app).get('/api/v1/skills').set('host', 'evil.example').set('authorization', ALICE)).status).toBe(200);
  });
});

describe('Origin check (any other web page)', () => {
  it('a page on another origin cannot read /__mock/state, /__mock/requests or the inspector: 403, no CORS header', async () => {
    const { app } = fresh();
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1:5173', 'http://localhost:9999']) {
      for (const path of ['/__mock/state', '/__mock/requests', '/__mock/']) {
        const res = await request(app).get(path).set('origin', origin);
        expect(res.status, `${origin} ${path}`).toBe(403);
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
        expect(res.body.error.message).toContain('--allow-origin');
      }
    }
  });

  it('a preflight from a foreign origin is refused, so no page can PUT state, POST JSON or DELETE', async () => {
    const { app } = fresh();
    const res = await request(app).options('/__mock/state').set('origin', 'https://evil.example').set('access-control-request-method', 'PUT');
    expect(res.status).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('a foreign text/plain POST (no preflight in a browser) changes nothing: faults and reset refused', async () => {
    const m = fresh();
    const before = m.snapshot();
    const faults = await request(m.app).post('/__mock/faults').set('origin', 'null').set('content-type', 'text/plain')
      .send(JSON.stringify({ rules: [{ path: '/api/**', status: 503 }] }));
    expect(faults.status).toBe(403);
    expect((await request(m.app).get('/__mock/faults')).body.rules).toEqual([]);
    await request(m.app).post('/api/v1/skills').set('authorization', ALICE).set(JSON_TYPE).send('{"name":"x"}').expect(201);
    const reset = await request(m.app).post('/__mock/reset').set('origin', 'https://evil.example');
    expect(reset.status).toBe(403);
    expect(m.snapshot()).not.toBe(before); // the create stayed: the reset never ran
  });

  it('the mock\'s own origin passes (the inspector page), and so does no Origin at all (curl)', async () => {
    const { app } = fresh();
    expect((await request(app).get('/__mock/state').set('host', 'localhost:4010').set('origin', 'http://localhost:4010')).status).toBe(200);
    expect((await request(app).get('/__mock/state')).status).toBe(200);
  });

  it('--allow-origin lets that origin in, with CORS on its answers and its preflights', async () => {
    const { app } = fresh({ allowOrigins: ['http://localhost:5173'] });
    const res = await request(app).get('/__mock/state').set('origin', 'http://localhost:5173');
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    const pre = await request(app).options('/__mock/reset').set('origin', 'http://localhost:5173').set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'content-type');
    expect(pre.status).toBe(204);
    expect(pre.headers['access-control-allow-headers']).toMatch(/Content-Type/);
    expect((await request(app).get('/__mock/state').set('origin', 'http://localhost:5174')).status).toBe(403);
  });

  it('the API keeps CORS for any origin: answers and preflights from a foreign page still work', async () => {
    const { app } = fresh();
    const res = await request(app).get('/api/v1/skills').set('origin', 'https://evil.example').set('authorization', ALICE);
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('https://evil.example');
    const pre = await request(app).options('/api/v1/skills').set('origin', 'null').set('access-control-request-method', 'POST');
    expect(pre.status).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('null');
  });
});

describe('admin writes need application/json', () => {
  it.each([
    ['POST', '/__mock/reset'], ['POST', '/__mock/faults'], ['PUT', '/__mock/state'], ['DELETE', '/__mock/faults'], ['DELETE', '/__mock/requests'],
  ] as const)('%s %s without a JSON content type answers 415 and changes nothing', async (method, path) => {
    const m = fresh();
    await request(m.app).post('/api/v1/skills').set('authorization', ALICE).set(JSON_TYPE).send('{"name":"kept"}').expect(201);
    const before = m.snapshot();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined]) {
      let req = request(m.app)[method.toLowerCase() as 'post'](path);
      if (type) req = req.set('content-type', type);
      const res = await req.send(type ? 'rules=1' : undefined);
      expect(res.status, String(type)).toBe(415);
      expect(res.body.error).toMatchObject({ code: 415, status: 'INVALID_ARGUMENT' });
    }
    expect(m.snapshot()).toBe(before);
  });

  it('with application/json they work', async () => {
    const { app } = fresh();
    await request(app).post('/__mock/reset').set(JSON_TYPE).expect(200);
    await request(app).post('/__mock/faults').set('content-type', 'application/json; charset=utf-8').send('{"rules":[]}').expect(200);
  });
});

describe('--admin-token', () => {
  const token = 'adm-0123456789';

  it('every admin route needs it: 401 with WWW-Authenticate without it, 200 with Bearer or Basic', async () => {
    const { app } = fresh({ adminToken: token });
    for (const path of ['/__mock/state', '/__mock/', '/__mock/requests']) {
      const res = await request(app).get(path);
      expect(res.status, path).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Basic realm=/);
      expect(res.body.error.status).toBe('UNAUTHENTICATED');
    }
    expect((await request(app).get('/__mock/state').set('authorization', 'Bearer wrong-token-xx')).status).toBe(401);
    expect((await request(app).get('/__mock/state').set('authorization', `Bearer ${token}`)).status).toBe(200);
    const basic = `Basic ${Buffer.from(`anyone:${token}`).toString('base64')}`;
    expect((await request(app).get('/__mock/').set('authorization', basic)).status).toBe(200);
    await request(app).post('/__mock/reset').set(JSON_TYPE).set('authorization', `Bearer ${token}`).expect(200);
  });

  it('the API does not need it', async () => {
    const { app } = fresh({ adminToken: token });
    expect((await request(app).get('/api/v1/skills').set('authorization', ALICE)).status).toBe(200);
  });
});

describe('exact-case admin routes', () => {
  it('/__MOCK/STATE is no admin route: it is an unknown API path (401 without a token, 404 with one), and the inspector records it', async () => {
    const { app } = fresh();
    const res = await request(app).get('/__MOCK/STATE');
    expect(res.status).toBe(401);
    expect(res.text).not.toContain('"nextId"');
    expect((await request(app).get('/__MOCK/STATE').set('authorization', ALICE)).status).toBe(404);
    expect((await request(app).get('/__Mock/state').set('authorization', ALICE)).status).toBe(404);
    const urls = (await request(app).get('/__mock/requests')).body.requests.map((r: { url: string }) => r.url);
    expect(urls).toContain('/__MOCK/STATE');
  });

  it('the inspector page cannot be framed by another page', async () => {
    const res = await request(fresh().app).get('/__mock/');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});
