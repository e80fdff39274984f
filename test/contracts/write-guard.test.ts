/** The write guard a run against a deployment keeps on: it writes only what it created, never a whole collection. */
import { describe, expect, it } from 'vitest';
import { TargetClient, UnsafeWriteError } from '../../src/contracts/client.js';
import { inProcessConfig } from '../../src/contracts/target.js';
import { inProcessTransport } from '../../src/contracts/transports.js';
import { coreFromFiles } from '../../src/mock/fixture-core.js';

function guarded(): TargetClient {
  const core = coreFromFiles();
  return new TargetClient(inProcessConfig(core), inProcessTransport(core), { guardWrites: true });
}

describe('the write guard', () => {
  it('creates in a collection and writes what it created', async () => {
    const client = guarded();
    const made = await client.call({ method: 'POST', path: '/api/v1/skills', role: 'owner', body: { name: 'guarded' } });
    const id = (made.response.body as { id: number }).id;
    expect((await client.call({ method: 'PATCH', path: `/api/v1/skills/${id}`, role: 'owner', body: { description: 'x' } })).response.status).toBe(200);
  });

  it('refuses any other write to a whole collection, and writes to a resource it did not create, before sending them', async () => {
    const client = guarded();
    const sent = client.requestsSent;
    await expect(client.call({ method: 'DELETE', path: '/api/v1/skills', role: 'owner' })).rejects.toBeInstanceOf(UnsafeWriteError);
    await expect(client.call({ method: 'PUT', path: '/api/v1/agents?x=1', role: 'owner', body: {} })).rejects.toBeInstanceOf(UnsafeWriteError);
    await expect(client.call({ method: 'DELETE', path: '/api/v1/skills/1', role: 'owner' })).rejects.toBeInstanceOf(UnsafeWriteError);
    expect(client.requestsSent).toBe(sent);
    expect((await client.call({ method: 'GET', path: '/api/v1/skills', role: 'owner' })).response.status).toBe(200);
  });
});
