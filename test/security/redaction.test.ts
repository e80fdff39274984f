/** Issue 11, finding 2: credential-like headers, query keys and JSON keys never reach the inspector or the log. */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/mock/http/index.js';
import { createRedactor } from '../../src/mock/http/redact.js';
import { coreFromFiles } from '../../src/mock/fixture-core.js';

const SECRET = 'sk_live_7f3a9c1e5b2d4f6a';

describe('redaction', () => {
  it('X-Api-Key, X-Auth-Token, Api-Key, cookies and ?access_token= are redacted in /__mock/requests', async () => {
    const app = createApp({ core: coreFromFiles() });
    await request(app).get(`/api/v1/skills?pageSize=2&access_token=${SECRET}&api_key=${SECRET}`)
      .set('authorization', 'Bearer tok_alice_owner').set('x-api-key', SECRET).set('x-auth-token', SECRET).set('api-key', SECRET)
      .set('cookie', `session=${SECRET}`).set('x-amz-security-token', SECRET).set('x-client-secret', SECRET).expect(200);
    const res = await request(app).get('/__mock/requests');
    expect(res.text).not.toContain(SECRET);
    const [r] = res.body.requests;
    expect(r.url).toBe('/api/v1/skills?pageSize=2&access_token=[redacted]&api_key=[redacted]');
    for (const h of ['x-api-key', 'x-auth-token', 'api-key', 'cookie', 'x-amz-security-token', 'x-client-secret']) expect(r.requestHeaders[h], h).toBe('[redacted]');
    expect(r.requestHeaders['authorization']).toBe('Bearer tok_a…');
  });

  it('credential-like keys in JSON request bodies are redacted at any depth; content stays readable', async () => {
    const app = createApp({ core: coreFromFiles() });
    const body = { name: 'tool user', toolset: [{ type: 'http', config: { apiKey: SECRET, password: SECRET, url: 'https://x.example' } }] };
    await request(app).post('/api/v1/skills').set('authorization', 'Bearer tok_alice_owner').set('content-type', 'application/json')
      .send(JSON.stringify(body));
    const res = await request(app).get('/__mock/requests?limit=1');
    expect(res.text).not.toContain(SECRET);
    expect(res.body.requests[0].requestBody.name).toBe('tool user');
  });

  it('--redact NAME adds a name; page tokens (LIST-1 cursors) are no secret and stay visible', async () => {
    const app = createApp({ core: coreFromFiles(), redact: ['X-Tenant-Key', 'tenant'] });
    const first = await request(app).get('/api/v1/skills?pageSize=1').set('authorization', 'Bearer tok_alice_owner').set('x-tenant-key', SECRET).expect(200);
    const pageToken = first.body.nextPageToken as string;
    await request(app).get(`/api/v1/skills?pageSize=1&pageToken=${pageToken}&tenant=${SECRET}`).set('authorization', 'Bearer tok_alice_owner').expect(200);
    const res = await request(app).get('/__mock/requests');
    expect(res.text).not.toContain(SECRET);
    expect(res.body.requests[0].url).toContain(`pageToken=${pageToken}`);
    expect(res.body.requests[1].responseBody.nextPageToken).toBe(pageToken);
  });

  it('the built-in list: what is and what is not credential-like', () => {
    const r = createRedactor();
    for (const name of ['Authorization', 'Proxy-Authorization', 'Cookie', 'Set-Cookie', 'X-Api-Key', 'Api-Key', 'apikey', 'X-Auth-Token', 'access_token',
      'refresh_token', 'id_token', 'client_secret', 'password', 'X-CSRF-Token', 'privateKey', 'key', 'sig', 'X-Session-Id', 'jwt']) expect(r.isSecret(name), name).toBe(true);
    for (const name of ['content-type', 'accept', 'origin', 'prefer', 'pageToken', 'nextPageToken', 'pageSize', 'name', 'accessConfig', 'author', 'keyboard', 'monkey']) {
      expect(r.isSecret(name), name).toBe(false);
    }
  });

  it('the request log line carries method, path and status, never the query string', async () => {
    const lines: string[] = [];
    const app = createApp({ core: coreFromFiles(), log: (line) => lines.push(line) });
    await request(app).get(`/api/v1/skills?access_token=${SECRET}`).set('authorization', 'Bearer tok_alice_owner').expect(200);
    expect(lines.join('\n')).not.toContain(SECRET);
    expect(lines[0]).toMatch(/^GET \/api\/v1\/skills 200 /);
  });
});
