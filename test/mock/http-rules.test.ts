/** The shared rule checks (test/helpers/rule-checks.ts), run through real HTTP against the express mock; MSW runs the same ones. */
import { afterAll, beforeAll } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/server.js';
import { describeRuleChecks } from '../helpers/rule-checks.js';

let mock: RunningMock;

beforeAll(async () => {
  mock = await startMock({ port: 0 });
});
afterAll(() => mock.close());

describeRuleChecks('rules over HTTP', () => ({
  fetch: (url, init) => fetch(url, init),
  baseUrl: mock.url,
  reset: async () => {
    const res = await fetch(`${mock.url}/__mock/reset`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    if (res.status !== 200) throw new Error(`POST /__mock/reset answered ${res.status}`);
  },
}));
