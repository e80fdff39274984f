/**
 * The whole contract check (one scenario or more per rule id, every response validated against
 * openapi.json) run through the MSW handlers: the handlers pass the very rule tests the HTTP mock does.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TargetClient, type Transport } from '../../src/contracts/client.js';
import { RULES } from '../../src/api/rules.js';
import { runScenarios } from '../../src/contracts/runner.js';
import { SCENARIOS } from '../../src/contracts/scenarios/index.js';
import { inProcessConfig } from '../../src/contracts/target.js';
import { loadContract } from '../../src/contracts/validation.js';
import { modusHandlers } from '../../src/msw/index.js';

const BASE = 'https://api.modus.test';
const modus = modusHandlers({ baseUrl: BASE });
const server = setupServer(...modus.handlers);

/** A transport that goes through global fetch, where MSW intercepts it. */
const fetchTransport: Transport = {
  async send(method, path, headers, body) {
    const res = await fetch(`${BASE}${path}`, { method, headers, body });
    const out: Record<string, string> = {};
    res.headers.forEach((value, name) => (out[name] = value));
    return { status: res.status, headers: out, text: await res.text() };
  },
};

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('contract scenarios through the MSW handlers', () => {
  it('every scenario of every rule id passes, and every response matches openapi.json', async () => {
    const client = new TargetClient(inProcessConfig(modus.core), fetchTransport);
    const results = await runScenarios({ client, contract: loadContract(), scenarios: SCENARIOS, runId: 'msw' });
    const bad = results.filter((r) => r.outcome !== 'pass');
    expect(bad.map((r) => `${r.outcome} ${r.rule}: ${r.title}\n${r.details ?? ''}`)).toEqual([]);
    expect(new Set(results.map((r) => r.rule))).toEqual(new Set(RULES.map((r) => r.id)));
    expect(await client.cleanup()).toEqual([]);
  });
});
