/**
 * CORS on the API as a browser reads it (issue 10, StrykerJS's suite: vitest.mutation.config.ts). README "Use it
 * from a frontend": CORS is on for any origin on the API, preflights are answered with the requested headers
 * allowed, and error bodies reach the page; docs/decisions/004-security-model.md: a frontend on another origin
 * must work. The oracle is the Fetch standard's CORS check, not the mock's table: the page's origin (or `*`) is
 * allowed, the preflight lists the method and every header the browser names, a reflected origin varies by
 * Origin, and `Allow` is exposed (a page reads it on a 405). fast-check draws origins, operations and headers.
 */
import { request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, OPERATIONS } from '../../src/api/operations.js';
import { startMock, type RunningMock } from '../../src/mock/server.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0 });
});
afterAll(async () => {
  await mock.close();
});

/** One request as a browser would send it (node:http, so Origin is sent as given). */
function send(method: string, path: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${mock.url}${path}`, { method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A header's comma-separated list, trimmed (Fetch: "extract header list values"). */
const tokens = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value.join(',') : value ?? '').split(',').map((t) => t.trim()).filter((t) => t !== '');

/** Fetch's CORS check: `*` (no credentials are sent) or exactly the page's origin. */
function expectAllowed(a: Answer, origin: string): void {
  const allowed = a.headers['access-control-allow-origin'];
  expect(allowed === '*' || allowed === origin, `access-control-allow-origin ${String(allowed)} for ${origin}`).toBe(true);
  // RFC 9110 12.5.5 / Fetch 3.2.5: an answer that depends on Origin says so, or a cache serves one page's answer to another.
  if (allowed === origin) expect(tokens(a.headers['vary']).map((t) => t.toLowerCase())).toContain('origin');
}

const origin = fc.oneof(
  fc.constantFrom('http://localhost:5173', 'http://127.0.0.1:3000', 'https://app.example', 'null'),
  fc.tuple(fc.constantFrom('http', 'https'), fc.domain(), fc.option(fc.integer({ min: 1, max: 65_535 }), { nil: undefined }))
    .map(([scheme, host, port]) => `${scheme}://${host}${port === undefined ? '' : `:${port}`}`),
);
/** An API path a page calls: a list, an id that may not exist, an action. */
const path = fc.constantFrom(...Object.values(OPERATIONS).map((op) => op.path))
  .chain((template) => fc.integer({ min: 1, max: 99 }).map((id) => `/api/v1${template.replace(/\{[^}]+\}/g, String(id))}`));
/** Headers a page sets: the ones README names, and others an app adds (a request id, a conditional header). */
const named = fc.subarray(['Authorization', 'Content-Type', 'Prefer', 'X-Request-Id', 'If-Match'], { minLength: 1 })
  .chain((names) => fc.tuple(...names.map((n) => fc.constantFrom(n, n.toLowerCase(), n.toUpperCase()))));

describe('CORS on the API, as a browser checks it', () => {
  it('every answer (2xx, 401, 404, 405) lets the calling page read it; without Origin it is not tied to one', async () => {
    await fc.assert(
      fc.asyncProperty(origin, path, fc.constantFrom(...API_METHODS), fc.boolean(), async (o, p, method, token) => {
        const headers: Record<string, string> = { origin: o };
        if (token) headers['authorization'] = 'Bearer tok_alice_owner';
        const a = await send(method, p, headers);
        expectAllowed(a, o);
        // A page reads Allow on a 405 (which methods the path has): it must be exposed. Content-Type is always readable.
        expect(tokens(a.headers['access-control-expose-headers']).map((t) => t.toLowerCase())).toContain('allow');
        const bare = await send(method, p, token ? { authorization: 'Bearer tok_alice_owner' } : {});
        const any = bare.headers['access-control-allow-origin'];
        expect(any === undefined || any === '*', `access-control-allow-origin ${String(any)} without Origin`).toBe(true);
      }),
      { numRuns: 25, seed: 11 },
    );
  });

  it('a preflight allows the origin, the method and every header the browser names, without a token', async () => {
    await fc.assert(
      fc.asyncProperty(origin, path, fc.constantFrom(...API_METHODS), named, async (o, p, method, names) => {
        const a = await send('OPTIONS', p, { origin: o, 'access-control-request-method': method, 'access-control-request-headers': names.join(', ') });
        expect(a.status).toBeGreaterThanOrEqual(200);
        expect(a.status).toBeLessThan(300);
        expectAllowed(a, o);
        // Fetch 4.8: methods compare case-sensitively after normalising; header names case-insensitively; `*` allows any.
        const methods = tokens(a.headers['access-control-allow-methods']);
        expect(methods.includes(method) || methods.includes('*'), `${method} in ${methods.join(', ')}`).toBe(true);
        const allowed = tokens(a.headers['access-control-allow-headers']).map((t) => t.toLowerCase());
        for (const n of names) expect(allowed.includes(n.toLowerCase()) || allowed.includes('*'), `${n} in ${allowed.join(', ')}`).toBe(true);
      }),
      { numRuns: 25, seed: 12 },
    );
  });
});
