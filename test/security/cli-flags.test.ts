/** Issue 11 against `modus-mock` as its own process: --admin-token, --allow-origin, --redact, --max-state-mb and their validation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepAliveAgent, send } from '../robustness/helpers/http-client.js';
import { ensureBuilt, spawnCli, startCli } from '../robustness/helpers/cli-process.js';

const agent = keepAliveAgent(4);
const TOKEN = 'adm-cli-0123456789';
let mock: Awaited<ReturnType<typeof startCli>>;

beforeAll(async () => {
  ensureBuilt();
  mock = await startCli(['--admin-token', TOKEN, '--allow-origin', 'http://localhost:5173', '--redact', 'X-Tenant', '--max-state-mb', '64']);
}, 180_000);
afterAll(async () => {
  agent.destroy();
  mock?.child.kill('SIGTERM');
  await mock?.exited;
});

describe('modus-mock security flags', () => {
  it('--admin-token: admin needs it, the API does not; the token is never printed', async () => {
    expect((await send(mock.url, agent, { method: 'GET', path: '/__mock/state' })).status).toBe(401);
    expect((await send(mock.url, agent, { method: 'GET', path: '/__mock/state', headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect((await send(mock.url, agent, { method: 'GET', path: '/api/v1/skills', headers: { authorization: 'Bearer tok_alice_owner' } })).status).toBe(200);
    expect(mock.stdout()).not.toContain(TOKEN);
  });

  it('--allow-origin: that origin gets CORS on admin answers, others 403', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const allowed = await send(mock.url, agent, { method: 'GET', path: '/__mock/faults', headers: { ...auth, origin: 'http://localhost:5173' } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect((await send(mock.url, agent, { method: 'GET', path: '/__mock/faults', headers: { ...auth, origin: 'http://localhost:3000' } })).status).toBe(403);
  });

  it('--redact: the extra header is hidden in /__mock/requests', async () => {
    await send(mock.url, agent, { method: 'GET', path: '/api/v1/agents', headers: { authorization: 'Bearer tok_alice_owner', 'x-tenant': 'acme-secret-tenant' } });
    const res = await send(mock.url, agent, { method: 'GET', path: '/__mock/requests?limit=1', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.text).not.toContain('acme-secret-tenant');
    expect(res.text).toContain('"x-tenant":"[redacted]"');
  });

  it.each([
    [['--allow-origin', 'localhost:5173'], /--allow-origin must be an http\(s\) origin/],
    [['--admin-token', 'short'], /--admin-token must be at least 8/],
    [['--max-state-mb', '0'], /--max-state-mb must be a positive integer/],
  ])('bad flags %j exit 2 with a message', async (args, message) => {
    const proc = spawnCli(['--port', '0', ...args]);
    expect(await proc.exited).toBe(2);
    expect(proc.stderr()).toMatch(message);
  });
});
