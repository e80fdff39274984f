/** `modus-mock --deterministic` as its own process: GET /__mock/state and the answers are the same bytes on every start. */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDist, startCliMock } from '../helpers/cli-mock.js';

beforeAll(() => ensureDist());

/** What a frontend sees of one start: a create, a deploy, the list and the whole state. */
async function oneStart(args: string[]): Promise<string[]> {
  const mock = await startCliMock(args);
  const headers = { authorization: 'Bearer tok_alice_owner', 'content-type': 'application/json' };
  const call = async (method: string, path: string, body?: unknown): Promise<string> =>
    (await fetch(`${mock.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })).text();
  const created = await call('POST', '/api/v1/skills', { name: 'Stable' });
  const id = (JSON.parse(created) as { id: number }).id;
  const answers = [created, await call('POST', `/api/v1/skills/${id}/deploy`, {}), await call('GET', '/api/v1/skills?pageSize=3')];
  // Fault dice are seeded too: a 50% rule fails the same requests on every start.
  await fetch(`${mock.url}/__mock/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rules: [{ method: 'GET', path: '/api/v1/agents', probability: 0.5, status: 503 }] }) });
  const statuses: number[] = [];
  for (let i = 0; i < 16; i++) statuses.push((await fetch(`${mock.url}/api/v1/agents`, { headers })).status);
  answers.push(statuses.join(','));
  answers.push(await call('GET', '/__mock/state'));
  expect(await mock.stop()).toBe(0);
  return answers;
}

describe('CLI --deterministic', () => {
  it('two starts answer the same requests with the same bytes, state included', async () => {
    const first = await oneStart(['--deterministic', '--quiet']);
    expect(await oneStart(['--deterministic', '--quiet'])).toEqual(first);
    expect(first[0]).toContain('"createdAt":"2026-01-01T00:');
    expect(first[3]).toMatch(/200/);
    expect(first[3]).toMatch(/503/);
    expect(await oneStart(['--quiet'])).not.toEqual(first); // the control: without the flag they differ
  });
});
