import { describe, expect, it } from 'vitest';
import { AGENT, SKILL, TOKENS, expectError, expectSameAsMissing, mockApp, type Method, type Who } from '../helpers/mock-app.js';

describe('errors', () => {
  it('ERR-1: an error body is exactly {error: {code, status, message}} with code = the HTTP status', async () => {
    const m = mockApp();
    const r = await m.call('GET', '/api/v1/skills/999', { as: 'alice' });
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ error: { code: 404, status: 'NOT_FOUND', message: expect.any(String) } });
    expect(Object.keys(r.body.error)).toEqual(['code', 'status', 'message']);
    expect(r.body.error.message).toContain('999');
  });

  it('ERR-1: a hidden resource body equals the missing-id body except for the id', async () => {
    const m = mockApp();
    const cases: Array<[Who, string, number]> = [
      ['carol', '/api/v1/skills/', SKILL.churn], ['bob', '/api/v1/skills/', SKILL.privateNotes], ['erin', '/api/v1/skills/', SKILL.warehouse],
      ['bob', '/api/v1/agents/', AGENT.dailySales], ['carol', '/api/v1/agents/', AGENT.quarterly], ['alice', '/api/v1/agents/', AGENT.retired],
    ];
    for (const [who, base, id] of cases) {
      expectSameAsMissing(await m.call('GET', `${base}${id}`, { as: who }), await m.call('GET', `${base}424242`, { as: who }), id, 424242);
    }
  });

  it('ERR-2: odd inputs on every route never produce a 5xx and failed requests change nothing', async () => {
    const m = mockApp();
    const before = m.snapshot();
    const paths = ['/api/v1/skills', '/api/v1/skills/1', '/api/v1/skills/1/deploy', '/api/v1/skills/1/undelete', '/api/v1/skills/1/transfer-ownership',
      '/api/v1/skills/1/transfer-ownership/accept', '/api/v1/agents/1/toggle', '/api/v1/skills/1/variations/x', '/api/v1/agents', '/api/v1/agents/5'];
    const bodies = ['{', 'null', '[]', '"x"', '12', '{"name":{}}', '{"accessConfig":[]}', '{"newOwnerUserId":5}', '{"a":1}', '\u0000'];
    for (const path of paths) {
      for (const method of ['POST', 'PATCH', 'PUT', 'GET', 'DELETE'] as Method[]) {
        for (const rawBody of bodies) {
          const r = await m.call(method, `${path}?view=zzz&pageSize=-4&updateMask=%00`, { as: 'carol', rawBody, headers: { 'content-type': 'application/json' } });
          expect(r.status, `${method} ${path} ${rawBody}`).toBeGreaterThanOrEqual(400);
          expect(r.status).toBeLessThan(500);
        }
      }
    }
    expect(m.snapshot()).toBe(before);
  });

  it('DET-2: each error code carries its status name', async () => {
    const m = mockApp();
    expectError(await m.call('GET', '/api/v1/skills?pageSize=-1', { as: 'alice' }), 400, 'INVALID_ARGUMENT');
    expectError(await m.call('GET', '/api/v1/skills'), 401, 'UNAUTHENTICATED');
    expectError(await m.call('PATCH', `/api/v1/skills/${SKILL.churn}`, { as: 'bob', body: {} }), 403, 'PERMISSION_DENIED');
    expectError(await m.call('GET', '/api/v1/skills/999', { as: 'alice' }), 404, 'NOT_FOUND');
    expectError(await m.call('PUT', '/api/v1/skills/1', { as: 'alice' }), 405, 'METHOD_NOT_ALLOWED');
    expectError(await m.call('POST', `/api/v1/skills/${SKILL.warehouse}/transfer-ownership/accept`, { as: 'alice' }), 409, 'FAILED_PRECONDITION');
    expectError(await m.call('POST', '/api/v1/skills', { as: 'alice', body: {} }), 422, 'UNPROCESSABLE_ENTITY');
    expectError(await m.call('POST', '/api/v1/skills', { as: 'alice', rawBody: `{"name":"${'x'.repeat(1024 * 1024)}"}` }), 413, 'INVALID_ARGUMENT');
  });

  it('DET-3: 401 comes before route, method and body checks', async () => {
    const m = mockApp();
    expectError(await m.call('GET', '/api/v1/nothing-here'), 401, 'UNAUTHENTICATED');
    expectError(await m.call('PUT', '/api/v1/skills', { token: 'bad' }), 401, 'UNAUTHENTICATED');
    expectError(await m.call('PATCH', '/api/v1/skills/1', { token: 'bad', rawBody: '{' }), 401, 'UNAUTHENTICATED');
  });

  it('DET-3: unknown route 404 and wrong method 405 come before a malformed body', async () => {
    const m = mockApp();
    expectError(await m.call('POST', '/api/v1/skillz', { as: 'alice', rawBody: '{' }), 404, 'NOT_FOUND');
    expectError(await m.call('PUT', '/api/v1/skills/1', { as: 'alice', rawBody: '{' }), 405, 'METHOD_NOT_ALLOWED');
  });

  it('DET-3: an oversized or non-UTF-8 body still answers 401 / 404 / 405 first', async () => {
    const m = mockApp();
    const big = JSON.stringify({ description: 'x'.repeat(2 * 1024 * 1024) });
    const notUtf8 = Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]);
    for (const rawBody of [big, notUtf8]) {
      expectError(await m.call('POST', '/api/v1/skills', { rawBody }), 401, 'UNAUTHENTICATED');
      expectError(await m.call('PATCH', '/api/v1/skills/2', { token: 'nope', rawBody }), 401, 'UNAUTHENTICATED');
      expectError(await m.call('POST', '/api/v1/widgets', { as: 'alice', rawBody }), 404, 'NOT_FOUND');
      expectError(await m.call('PUT', '/api/v1/skills', { as: 'alice', rawBody }), 405, 'METHOD_NOT_ALLOWED');
    }
    expectError(await m.call('PATCH', '/api/v1/skills/999', { as: 'alice', rawBody: big }), 413, 'INVALID_ARGUMENT');
    expectError(await m.call('PATCH', '/api/v1/skills/999', { as: 'alice', rawBody: notUtf8 }), 400, 'INVALID_ARGUMENT');
  });

  it('DET-3: a malformed body on a hidden id answers exactly as on a missing id (400)', async () => {
    const m = mockApp();
    const hidden = await m.call('PATCH', `/api/v1/skills/${SKILL.churn}`, { as: 'carol', rawBody: '{"name":' });
    const missing = await m.call('PATCH', '/api/v1/skills/999', { as: 'carol', rawBody: '{"name":' });
    expectError(hidden, 400, 'INVALID_ARGUMENT');
    expect(hidden.body).toEqual(missing.body);
  });

  it('DET-3: resource 404/403 come before field 400/422', async () => {
    const m = mockApp();
    for (const body of [{ name: '' }, { colour: 'red' }, { instructions: 5 }]) {
      const missing = await m.call('PATCH', '/api/v1/skills/999', { as: 'carol', body });
      expectSameAsMissing(await m.call('PATCH', `/api/v1/skills/${SKILL.churn}`, { as: 'carol', body }), missing, SKILL.churn, 999);
      expectError(await m.call('PATCH', `/api/v1/skills/${SKILL.churn}`, { as: 'bob', body }), 403, 'PERMISSION_DENIED');
    }
    expectError(await m.call('PATCH', `/api/v1/skills/${SKILL.churn}?updateMask=bogus`, { as: 'bob', body: {} }), 403, 'PERMISSION_DENIED');
    expectError(await m.call('POST', `/api/v1/agents/${AGENT.dailySales}/deploy`, { as: 'bob', body: { junk: 1 } }), 403, 'PERMISSION_DENIED');
  });

  it('DET-9: view other than active/draft answers 400', async () => {
    const m = mockApp();
    for (const v of ['live', 'ACTIVE', '']) {
      expectError(await m.call('GET', `/api/v1/skills/${SKILL.churn}?view=${v}`, { as: 'alice' }), 400, 'INVALID_ARGUMENT');
      expectError(await m.call('GET', `/api/v1/agents/${AGENT.quarterly}?view=${v}`, { as: 'alice' }), 400, 'INVALID_ARGUMENT');
    }
  });

  it('DET-12: a 405 carries an Allow header listing the path methods', async () => {
    const m = mockApp();
    const cases: Array<[Method, string, string[]]> = [
      ['PUT', '/api/v1/skills', ['GET', 'POST']],
      ['DELETE', '/api/v1/agents', ['GET', 'POST']],
      ['POST', '/api/v1/skills/1', ['DELETE', 'GET', 'PATCH']],
      ['GET', '/api/v1/skills/1/deploy', ['POST']],
      ['PATCH', '/api/v1/agents/1/toggle', ['POST']],
      ['DELETE', '/api/v1/skills/1/transfer-ownership/accept', ['POST']],
      ['POST', '/api/v1/skills/1/variations/abc', ['GET']],
    ];
    for (const [method, path, allow] of cases) {
      const r = await m.call(method, path, { as: 'alice' });
      expectError(r, 405, 'METHOD_NOT_ALLOWED');
      expect(r.headers['allow']!.split(',').map((s) => s.trim()).sort(), `${method} ${path}`).toEqual(allow);
    }
  });

  it('DET-12: every JSON answer has Content-Type application/json', async () => {
    const m = mockApp();
    const replies = [
      await m.call('GET', '/api/v1/skills', { as: 'alice' }),
      await m.call('GET', '/api/v1/agents/3', { as: 'alice' }),
      await m.call('POST', '/api/v1/skills', { as: 'alice', body: { name: 'x' } }),
      await m.call('GET', '/api/v1/skills', { token: TOKENS.erin.toUpperCase() }),
      await m.call('GET', '/api/v1/nope', { as: 'alice' }),
    ];
    for (const r of replies) expect(r.headers['content-type']).toMatch(/^application\/json(;|$)/);
  });
});
