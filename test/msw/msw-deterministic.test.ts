/** modusHandlers({ deterministic: true }): the same answers as `modus-mock --deterministic`, and after every reset. */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledPrincipals, bundledSeed, modusHandlers } from '../../src/msw/index.js';
import { createMockCore } from '../../src/mock/domain/index.js';

const API = 'https://api.modus.test/api/v1';
const modus = modusHandlers({ deterministic: true, baseUrl: 'https://api.modus.test' });
const server = setupServer(...modus.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

async function createAndList(): Promise<string> {
  const headers = { authorization: 'Bearer tok_alice_owner', 'content-type': 'application/json' };
  const created = await (await fetch(`${API}/skills`, { method: 'POST', headers, body: '{"name":"MSW snapshot"}' })).text();
  const listed = await (await fetch(`${API}/skills?pageSize=100`, { headers })).text();
  return created + listed;
}

describe('modusHandlers deterministic', () => {
  it('gives byte-identical answers after each reset, equal to a deterministic core given the same requests', async () => {
    const first = await createAndList();
    modus.reset();
    expect(await createAndList()).toBe(first);
    expect(first).toContain('"createdAt":"2026-01-01T00:00:00.000Z"');
    // The HTTP mock's --deterministic is the same core option, so a server started with it answers these bytes too.
    const core = createMockCore({ principals: bundledPrincipals, seed: bundledSeed, deterministic: {} });
    modus.reset();
    expect(JSON.stringify(modus.core.exportState())).toBe(JSON.stringify(core.exportState()));
  });
});
