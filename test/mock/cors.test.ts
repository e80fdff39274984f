import { describe, expect, it } from 'vitest';
import { mockApp } from '../helpers/mock-app.js';

describe('CORS', () => {
  it('a preflight with Origin and Access-Control-Request-Headers: authorization answers 204 with the allow headers', async () => {
    const m = mockApp();
    const r = await m.call('OPTIONS', '/api/v1/skills/1', {
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    expect(r.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(r.headers['access-control-allow-methods']).toMatch(/PATCH/);
    expect(r.headers['access-control-allow-headers']!.toLowerCase()).toContain('authorization');
  });

  it('a preflight needs no token (browsers never send one)', async () => {
    const m = mockApp();
    const r = await m.call('OPTIONS', '/api/v1/agents', {
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
    });
    expect(r.status).toBe(204);
    expect(r.headers['access-control-allow-origin']).toBe('https://app.example');
  });

  it('normal and error responses carry access-control-allow-origin', async () => {
    const m = mockApp();
    const headers = { origin: 'http://localhost:3000' };
    const ok = await m.call('GET', '/api/v1/skills', { as: 'alice', headers });
    expect(ok.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    const unauth = await m.call('GET', '/api/v1/skills', { headers });
    expect(unauth.status).toBe(401);
    expect(unauth.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    const noOrigin = await m.call('GET', '/api/v1/agents', { as: 'bob' });
    expect(noOrigin.headers['access-control-allow-origin']).toBe('*');
  });
});
