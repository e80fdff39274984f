/** The shared rule checks, run through global fetch against the MSW handlers (same checks as test/mock/http-rules.test.ts). */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { modusHandlers } from '../../src/msw/index.js';
import { describeRuleChecks } from '../helpers/rule-checks.js';

const modus = modusHandlers({ baseUrl: 'https://api.modus.test' });
const server = setupServer(...modus.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describeRuleChecks('rules through MSW', () => ({
  fetch: (url, init) => fetch(url, init),
  baseUrl: 'https://api.modus.test',
  reset: () => modus.reset(),
}));
