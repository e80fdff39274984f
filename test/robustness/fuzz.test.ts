import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/server.js';
import { badRequest, toRawRequest, type BadRequest } from './helpers/bad-requests.js';
import { api, keepAliveAgent, send, type RawAnswer } from './helpers/http-client.js';

// 10,000 runs in CI (well under 60 s on 2 cores); a quick sample locally so `npm test` stays fast.
const RUNS = Number(process.env['FUZZ_RUNS'] ?? (process.env['CI'] === 'true' ? 10_000 : 500));
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_240_611);
/** Successful writes grow the state; going back to the seed now and then keeps each snapshot cheap. */
const RESET_EVERY = 200;

let mock: RunningMock;
const agent = keepAliveAgent(8);

beforeAll(async () => {
  mock = await startMock({ core: { maxResourcesPerOrg: 10_000 } });
});
afterAll(async () => {
  agent.destroy();
  await mock.close();
});

/** ERR-1: a 4xx answer carries `{error: {code, status, message}}` as JSON, with the code of the status line. */
function expectJsonError(req: BadRequest, res: RawAnswer): void {
  if (req.method === 'HEAD') return; // a HEAD answer has no body by definition
  expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
  const error = (res.json as { error?: { code?: unknown; status?: unknown; message?: unknown } } | undefined)?.error;
  expect(error?.code).toBe(res.status);
  expect(typeof error?.status).toBe('string');
  expect(typeof error?.message).toBe('string');
}

describe('fuzz: generated bad requests over real HTTP (ERR-1, ERR-2)', () => {
  it(`ERR-2: no 5xx, the server stays up, 4xx bodies are JSON errors and leave the state unchanged (${RUNS} runs, seed ${SEED})`, async () => {
    let state = mock.core.serializeState();
    let count = 0;
    const property = fc.asyncProperty(badRequest, async (req) => {
      if (++count % RESET_EVERY === 0) {
        mock.core.reset();
        state = mock.core.serializeState();
      }
      const res = await send(mock.url, agent, toRawRequest(req));
      expect(mock.server.listening).toBe(true);
      expect(res.status).toBeGreaterThanOrEqual(100);
      expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
      const after = mock.core.serializeState();
      if (res.status >= 400) {
        expectJsonError(req, res);
        expect(after === state, 'a rejected request changed the state').toBe(true);
      }
      state = after;
    });
    try {
      await fc.assert(property, { numRuns: RUNS, seed: SEED, endOnFailure: false });
    } catch (e) {
      throw new Error(`fuzz failed; replay with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}\n${(e as Error).message}`);
    }
    const alive = await api(mock.url, agent, 'GET', '/api/v1/skills', 'tok_alice_owner');
    expect(alive.status).toBe(200);
  });
});
