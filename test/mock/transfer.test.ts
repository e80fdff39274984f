import { describe, expect, it } from 'vitest';
import { AGENT, SKILL, expectError, expectSameAsMissing, mockApp } from '../helpers/mock-app.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const xfer = (kind: 'skills' | 'agents', id: number, action = ''): string => `/api/v1/${kind}/${id}/transfer-ownership${action}`;

describe('ownership transfer', () => {
  it('XFER-1: only the owner may request a transfer; others who can see it get 403, others 404', async () => {
    const m = mockApp();
    const before = m.snapshot();
    const body = { newOwnerUserId: 'user_carol' };
    expectError(await m.call('POST', xfer('skills', SKILL.warehouse), { as: 'bob', body }), 403, 'PERMISSION_DENIED');
    expectError(await m.call('POST', xfer('skills', SKILL.churn), { as: 'bob', body }), 403, 'PERMISSION_DENIED');
    const missing = await m.call('POST', xfer('skills', 999), { as: 'carol', body });
    expectSameAsMissing(await m.call('POST', xfer('skills', SKILL.churn), { as: 'carol', body }), missing, SKILL.churn, 999);
    expect(m.snapshot()).toBe(before);
    expect((await m.call('POST', xfer('skills', SKILL.warehouse), { as: 'alice', body })).status).toBe(200);
  });

  it('XFER-1: a target outside the org, unknown, or already the owner answers 422; a pending transfer 409', async () => {
    const m = mockApp();
    const before = m.snapshot();
    for (const target of ['user_erin', 'user_nobody', 'user_alice', '']) {
      const r = await m.call('POST', xfer('skills', SKILL.warehouse), { as: 'alice', body: { newOwnerUserId: target } });
      expectError(r, 422, 'UNPROCESSABLE_ENTITY');
    }
    expectError(await m.call('POST', xfer('skills', SKILL.salesScorer), { as: 'alice', body: { newOwnerUserId: 'user_dave' } }), 409, 'FAILED_PRECONDITION');
    expectError(await m.call('POST', xfer('agents', AGENT.quarterly), { as: 'alice', body: { newOwnerUserId: 'user_carol' } }), 409, 'FAILED_PRECONDITION');
    expect(m.snapshot()).toBe(before);
  });

  it('XFER-2: the response carries pendingOwnershipTransfer; ownership does not change yet', async () => {
    const m = mockApp();
    const r = await m.call('POST', xfer('agents', AGENT.draftTriage), { as: 'alice', body: { newOwnerUserId: 'user_dave' } });
    expect(r.status).toBe(200);
    expect(r.body.pendingOwnershipTransfer).toEqual({
      pendingOwnerUserId: 'user_dave', requestedByUserId: 'user_alice', requestedAt: expect.stringMatching(ISO), pendingOwnerEmail: 'dave@acme.example',
    });
    expect(r.body.accessConfig).toMatchObject({ ownerUserId: 'user_alice', ownerEmail: 'alice@acme.example' });
    const got = (await m.call('GET', `/api/v1/agents/${AGENT.draftTriage}`, { as: 'alice' })).body;
    expect(got.pendingOwnershipTransfer).toEqual(r.body.pendingOwnershipTransfer);
  });

  it('XFER-3: the pending recipient accepts, even without use access; ownership moves and the offer is gone', async () => {
    const m = mockApp();
    expect((await m.call('GET', `/api/v1/skills/${SKILL.salesScorer}`, { as: 'bob' })).status).toBe(404); // bob cannot use it
    const r = await m.call('POST', xfer('skills', SKILL.salesScorer, '/accept'), { as: 'bob' });
    expect(r.status).toBe(200);
    expect(r.body.accessConfig).toMatchObject({ ownerUserId: 'user_bob', ownerEmail: 'bob@acme.example' });
    expect(r.body).not.toHaveProperty('pendingOwnershipTransfer');
    const got = await m.call('GET', `/api/v1/skills/${SKILL.salesScorer}`, { as: 'bob' });
    expect(got.status).toBe(200);
    expect(got.body.accessConfig.ownerUserId).toBe('user_bob');
    const agent = await m.call('POST', xfer('agents', AGENT.quarterly, '/accept'), { as: 'bob' });
    expect(agent.body).toMatchObject({ accessConfig: { ownerUserId: 'user_bob' }, canManage: true });
  });

  it('XFER-3: anyone but the recipient gets 403 (or 404 if they cannot see it); nothing pending is 409', async () => {
    const m = mockApp();
    const before = m.snapshot();
    expectError(await m.call('POST', xfer('skills', SKILL.salesScorer, '/accept'), { as: 'alice' }), 403, 'PERMISSION_DENIED');
    expectError(await m.call('POST', xfer('skills', SKILL.salesScorer, '/accept'), { as: 'dave' }), 403, 'PERMISSION_DENIED');
    expectError(await m.call('POST', xfer('skills', SKILL.salesScorer, '/accept'), { as: 'carol' }), 404, 'NOT_FOUND');
    expectError(await m.call('POST', xfer('skills', SKILL.salesScorer, '/accept'), { as: 'erin' }), 404, 'NOT_FOUND');
    expectError(await m.call('POST', xfer('skills', SKILL.warehouse, '/accept'), { as: 'bob' }), 409, 'FAILED_PRECONDITION');
    expect(m.snapshot()).toBe(before);
  });

  it('XFER-4: the owner cancels or the recipient declines; the offer is gone, ownership unchanged', async () => {
    const m = mockApp();
    const cancel = await m.call('POST', xfer('skills', SKILL.salesScorer, '/cancel'), { as: 'alice' });
    expect(cancel.status).toBe(200);
    expect(cancel.body).not.toHaveProperty('pendingOwnershipTransfer');
    expect(cancel.body.accessConfig.ownerUserId).toBe('user_alice');
    const decline = await m.call('POST', xfer('agents', AGENT.quarterly, '/cancel'), { as: 'bob' });
    expect(decline.status).toBe(200);
    expect(decline.body).not.toHaveProperty('pendingOwnershipTransfer');
    expect(decline.body.accessConfig.ownerUserId).toBe('user_alice');
    // a cancelled transfer can be requested again (none -> pending).
    expect((await m.call('POST', xfer('skills', SKILL.salesScorer), { as: 'alice', body: { newOwnerUserId: 'user_dave' } })).status).toBe(200);
  });

  it('XFER-4: anyone else gets 403/404 as HIDE-4; nothing pending is 409', async () => {
    const m = mockApp();
    const before = m.snapshot();
    expectError(await m.call('POST', xfer('skills', SKILL.salesScorer, '/cancel'), { as: 'dave' }), 403, 'PERMISSION_DENIED');
    const missing = await m.call('POST', xfer('skills', 999, '/cancel'), { as: 'carol' });
    expectSameAsMissing(await m.call('POST', xfer('skills', SKILL.salesScorer, '/cancel'), { as: 'carol' }), missing, SKILL.salesScorer, 999);
    expectError(await m.call('POST', xfer('skills', SKILL.warehouse, '/cancel'), { as: 'alice' }), 409, 'FAILED_PRECONDITION');
    expect(m.snapshot()).toBe(before);
  });

  it('XFER-5: pendingOwnershipTransfer is absent (not null) when nothing is pending', async () => {
    const m = mockApp();
    expect((await m.call('GET', `/api/v1/skills/${SKILL.warehouse}`, { as: 'alice' })).body).not.toHaveProperty('pendingOwnershipTransfer');
    const rows = (await m.call('GET', '/api/v1/skills', { as: 'alice' })).body.skills as Array<{ id: number }>;
    for (const row of rows) {
      if (row.id === SKILL.salesScorer) expect(row).toHaveProperty('pendingOwnershipTransfer.pendingOwnerUserId', 'user_bob');
      else expect(row).not.toHaveProperty('pendingOwnershipTransfer');
    }
    await m.call('POST', xfer('skills', SKILL.salesScorer, '/accept'), { as: 'bob' });
    expect((await m.call('GET', `/api/v1/skills/${SKILL.salesScorer}`, { as: 'bob' })).body).not.toHaveProperty('pendingOwnershipTransfer');
  });

  it('DET-11: transfer request checks run 404 -> 403 -> 422 -> 409', async () => {
    const m = mockApp();
    const bad = { newOwnerUserId: 'user_erin' };
    expectError(await m.call('POST', xfer('skills', SKILL.churn), { as: 'carol', body: bad }), 404, 'NOT_FOUND');
    expectError(await m.call('POST', xfer('skills', SKILL.salesScorer), { as: 'dave', body: bad }), 403, 'PERMISSION_DENIED');
    expectError(await m.call('POST', xfer('skills', SKILL.salesScorer), { as: 'alice', body: bad }), 422, 'UNPROCESSABLE_ENTITY');
    expectError(await m.call('POST', xfer('skills', SKILL.salesScorer), { as: 'alice', body: { newOwnerUserId: 'user_alice' } }), 422, 'UNPROCESSABLE_ENTITY');
  });

  it('DET-11: accept / cancel checks run 404 -> 409 -> 403', async () => {
    const m = mockApp();
    expectError(await m.call('POST', xfer('skills', SKILL.churn, '/accept'), { as: 'carol' }), 404, 'NOT_FOUND');
    // bob can use skill 1 but is no recipient: with nothing pending that is 409, not 403.
    expectError(await m.call('POST', xfer('skills', SKILL.churn, '/accept'), { as: 'bob' }), 409, 'FAILED_PRECONDITION');
    expectError(await m.call('POST', xfer('skills', SKILL.churn, '/cancel'), { as: 'bob' }), 409, 'FAILED_PRECONDITION');
    expectError(await m.call('POST', xfer('skills', SKILL.salesScorer, '/cancel'), { as: 'dave' }), 403, 'PERMISSION_DENIED');
  });
});
