/** The core's stages on their own (src/mock/domain/stages.ts), and a core built with one of them replaced. */
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../src/api/operations.js';
import { createMockCore, type MockRequest, type Principal } from '../../src/mock/domain/index.js';
import { route } from '../../src/mock/domain/router.js';
import { answer, authenticate, readBody, routeRequest } from '../../src/mock/domain/stages.js';

const ALICE: Principal = { token: 'tok_a', userId: 'u_a', email: 'a@example.com', orgUuid: 'org-1', groups: [] };
const byToken = new Map([[ALICE.token, ALICE]]);
const req = (method: string, url: string, extra: Partial<MockRequest> = {}): MockRequest => ({ method, url, headers: {}, ...extra });
/** A template with sample values in its parameters. */
const filled = (path: string): string => path.replace('{id}', '7').replace('{variationId}', 'v-1');

describe('authenticate (AUTH-1)', () => {
  it('names the principal of a known bearer token, in any case of "Bearer"', () => {
    expect(authenticate(req('GET', '/', { headers: { authorization: 'bearer tok_a' } }), byToken)).toEqual({ ok: true, value: ALICE });
  });
  it('answers 401 for no header, another scheme, an empty or unknown token', () => {
    for (const authorization of [undefined, 'Basic tok_a', 'Bearer', 'Bearer tok_b', 'Bearer tok_a extra']) {
      const r = authenticate(req('GET', '/', { headers: { authorization } }), byToken);
      expect(r.ok ? 200 : r.error.code, String(authorization)).toBe(401);
    }
  });
});

describe('route (DET-3, DET-12) from the operation table', () => {
  it('routes every operation of the table to itself, with its path parameters', () => {
    for (const op of Object.values(OPERATIONS)) {
      const r = routeRequest(req(op.method, `${filled(op.path)}?pageSize=2`));
      expect(r.ok && r.value.operation.operationId, op.operationId).toBe(op.operationId);
      if (!r.ok) continue;
      expect(r.value.id).toBe(op.path.includes('{id}') ? '7' : '');
      expect(r.value.variationId).toBe(op.path.includes('{variationId}') ? 'v-1' : '');
      expect(r.value.query.get('pageSize')).toBe('2');
    }
  });
  it('answers 405 with the methods of the path in Allow, as the table lists them', () => {
    for (const op of Object.values(OPERATIONS)) {
      const methods = Object.values(OPERATIONS).filter((o) => o.path === op.path).map((o) => o.method);
      const r = routeRequest(req('PUT', filled(op.path)));
      expect(r.ok ? undefined : { code: r.error.code, allow: r.error.headers?.['allow'] }).toEqual({ code: 405, allow: methods.join(', ') });
    }
  });
  it('does not find paths the table lacks', () => {
    const unknown = ['', 'api/v1/skills', '/api/v1', '/api/v2/skills', '/api/v1/tools', '/api/v1/skills/', '/api/v1/skills//deploy',
      '/api/v1/skills/7/toggle', '/api/v1/agents/7/variations/v', '/api/v1/skills/7/transfer-ownership/accept/now',
      '/api/v1/__proto__', '/api/v1/skills/7/constructor', '/api/v1/skills/7/variations/'];
    for (const path of unknown) expect(route(path).found, path).toBe(false);
  });
});

describe('readBody (DET-3)', () => {
  const routed = (method: string, url: string) => {
    const r = routeRequest(req(method, url));
    if (!r.ok) throw new Error(url);
    return r.value;
  };
  it('ignores the body of an operation without one (GET, DELETE)', () => {
    expect(readBody(req('DELETE', '/api/v1/skills/7', { body: '{not json' }), routed('DELETE', '/api/v1/skills/7'))).toEqual({ ok: true, value: {} });
  });
  it('answers 400 for malformed JSON or a body that is not an object where the operation reads one', () => {
    const at = routed('PATCH', '/api/v1/skills/7');
    for (const body of ['{not json', '[1]', '"text"', 'null']) {
      const r = readBody(req('PATCH', '/api/v1/skills/7', { body }), at);
      expect(r.ok ? 200 : r.error.code, body).toBe(400);
    }
    expect(readBody(req('PATCH', '/api/v1/skills/7', { body: '{"name":"n"}' }), at)).toEqual({ ok: true, value: { name: 'n' } });
  });
});

describe('answer (ERR-1)', () => {
  it('turns a failure into the error body with its extra headers, and an empty success into no body', () => {
    expect(answer({ ok: false, error: { code: 405, message: 'no', headers: { allow: 'GET' } } }))
      .toEqual({ status: 405, headers: { 'content-type': 'application/json', allow: 'GET' }, body: { error: { code: 405, status: 'METHOD_NOT_ALLOWED', message: 'no' } } });
    expect(answer({ ok: true, value: { status: 204 } })).toEqual({ status: 204, headers: {} });
  });
});

describe('a core with a stage replaced', () => {
  it('runs the replacement in its place and the other stages as before', () => {
    const core = createMockCore({ principals: [ALICE], stages: { authenticate: () => ({ ok: true, value: ALICE }) } });
    const anyone = core.handle(req('POST', '/api/v1/skills', { body: '{"name":"made without a token"}' }));
    expect(anyone.status).toBe(201);
    expect(core.handle(req('GET', '/api/v1/skills/abc/bogus')).status).toBe(404);
    const plain = createMockCore({ principals: [ALICE] });
    expect(plain.handle(req('POST', '/api/v1/skills', { body: '{"name":"x"}' })).status).toBe(401);
  });
});
