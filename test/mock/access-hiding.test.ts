import { describe, expect, it } from 'vitest';
import { AGENT, SKILL, expectError, expectSameAsMissing, mockApp, writesOn, type Method, type Who } from '../helpers/mock-app.js';

const ids = (rows: Array<{ id: number }>): number[] => rows.map((r) => r.id);

describe('existence hiding', () => {
  it('HIDE-1: a skill GET without use answers 404 like a missing id, in every view', async () => {
    const m = mockApp();
    for (const q of ['', '?view=active', '?view=draft']) {
      const missing = await m.call('GET', `/api/v1/skills/999${q}`, { as: 'carol' });
      expectSameAsMissing(await m.call('GET', `/api/v1/skills/${SKILL.churn}${q}`, { as: 'carol' }), missing, SKILL.churn, 999);
    }
  });

  it('HIDE-1: a bad view on a hidden skill still answers the missing-id 404 (DET-3: resource before field)', async () => {
    const m = mockApp();
    const missing = await m.call('GET', '/api/v1/skills/999?view=bogus', { as: 'carol' });
    expectSameAsMissing(await m.call('GET', `/api/v1/skills/${SKILL.churn}?view=bogus`, { as: 'carol' }), missing, SKILL.churn, 999);
  });

  it('HIDE-1: a historic variation GET without use answers 404 like a missing id', async () => {
    const m = mockApp();
    const v = (await m.call('GET', `/api/v1/skills/${SKILL.churn}`, { as: 'alice' })).body.activeVariationId as string;
    const hidden = await m.call('GET', `/api/v1/skills/${SKILL.churn}/variations/${v}`, { as: 'carol' });
    const missing = await m.call('GET', `/api/v1/skills/999/variations/${v}`, { as: 'carol' });
    expectSameAsMissing(hidden, missing, SKILL.churn, 999);
    expect((await m.call('GET', `/api/v1/skills/${SKILL.churn}/variations/${v}`, { as: 'bob' })).status).toBe(200);
  });

  it('HIDE-1: use alone is enough to GET a skill', async () => {
    const m = mockApp();
    const r = await m.call('GET', `/api/v1/skills/${SKILL.privateNotes}`, { as: 'carol' });
    expect(r.status).toBe(200);
    expect(r.body.id).toBe(SKILL.privateNotes);
  });

  it('HIDE-2: a use-only caller gets 404 on GET of an agent, like a missing id', async () => {
    const m = mockApp();
    for (const q of ['', '?view=active', '?view=draft']) {
      const missing = await m.call('GET', `/api/v1/agents/999${q}`, { as: 'bob' });
      expectSameAsMissing(await m.call('GET', `/api/v1/agents/${AGENT.dailySales}${q}`, { as: 'bob' }), missing, AGENT.dailySales, 999);
    }
    expect((await m.call('GET', `/api/v1/agents/${AGENT.dailySales}`, { as: 'alice' })).status).toBe(200);
  });

  it('HIDE-2: a caller with manage reads the agent', async () => {
    const m = mockApp();
    const r = await m.call('GET', `/api/v1/agents/${AGENT.onboarding}`, { as: 'carol' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: AGENT.onboarding, canManage: true });
  });

  it('HIDE-3: lists show exactly the resources the caller can use', async () => {
    const m = mockApp();
    const skills = async (who: 'alice' | 'bob' | 'carol' | 'dave'): Promise<number[]> =>
      ids((await m.call('GET', '/api/v1/skills', { as: who })).body.skills);
    expect(await skills('alice')).toEqual([1, 2, 3, 4, 6]);
    expect(await skills('bob')).toEqual([1, 2, 3]);
    expect(await skills('carol')).toEqual([2, 3, 4]);
    expect(await skills('dave')).toEqual([2, 3, 6]);
    // use is enough to be listed, even for an agent whose GET answers 404 (HIDE-2).
    expect(ids((await m.call('GET', '/api/v1/agents', { as: 'bob' })).body.agents)).toEqual([1, 2, 3]);
    expect(ids((await m.call('GET', '/api/v1/agents', { as: 'carol' })).body.agents)).toEqual([2, 3]);
  });

  it('HIDE-4: every write by a caller who cannot use the resource answers 404 like a missing id', async () => {
    const m = mockApp();
    const before = m.snapshot();
    const cases = [['skills', SKILL.churn], ['agents', AGENT.quarterly]] as const;
    for (const [kind, id] of cases) {
      const missing = writesOn(kind, 999);
      for (const [i, [method, path, body]] of writesOn(kind, id).entries()) {
        const [mm, mp, mb] = missing[i]!;
        expectSameAsMissing(await m.call(method, path, { as: 'carol', body }), await m.call(mm, mp, { as: 'carol', body: mb }), id, 999);
      }
    }
    expect(m.snapshot()).toBe(before);
  });

  it('HIDE-4: a caller who can use but not manage gets 403 on writes and nothing changes', async () => {
    const m = mockApp();
    const before = m.snapshot();
    const writes: Array<[Who, Method, string, unknown]> = [
      ['bob', 'PATCH', `/api/v1/skills/${SKILL.churn}`, { description: 'x' }],
      ['bob', 'DELETE', `/api/v1/skills/${SKILL.churn}`, undefined],
      ['bob', 'POST', `/api/v1/skills/${SKILL.churn}/deploy`, {}],
      ['bob', 'POST', `/api/v1/skills/${SKILL.churn}/undelete`, undefined],
      ['carol', 'PATCH', `/api/v1/skills/${SKILL.privateNotes}`, { name: 'n' }],
      ['carol', 'DELETE', `/api/v1/skills/${SKILL.privateNotes}`, undefined],
    ];
    for (const [who, method, path, body] of writes) {
      expectError(await m.call(method, path, { as: who, body }), 403, 'PERMISSION_DENIED');
    }
    expect(m.snapshot()).toBe(before);
  });

  it('DET-10: a use-only caller writing to an agent gets 403 although its GET is 404', async () => {
    const m = mockApp();
    const before = m.snapshot();
    const base = `/api/v1/agents/${AGENT.dailySales}`;
    expect((await m.call('GET', base, { as: 'bob' })).status).toBe(404);
    expectError(await m.call('PATCH', base, { as: 'bob', body: { description: 'x' } }), 403, 'PERMISSION_DENIED');
    expectError(await m.call('DELETE', base, { as: 'bob' }), 403, 'PERMISSION_DENIED');
    expectError(await m.call('POST', `${base}/deploy`, { as: 'bob', body: {} }), 403, 'PERMISSION_DENIED');
    expectError(await m.call('POST', `${base}/toggle`, { as: 'bob' }), 403, 'PERMISSION_DENIED');
    expectError(await m.call('POST', `${base}/undelete`, { as: 'bob' }), 403, 'PERMISSION_DENIED');
    expect(m.snapshot()).toBe(before);
  });

  it('HIDE-5: undelete of a missing or cross-org id answers 404', async () => {
    const m = mockApp();
    const missing = await m.call('POST', '/api/v1/skills/999/undelete', { as: 'erin' });
    expectError(missing, 404, 'NOT_FOUND');
    expectSameAsMissing(await m.call('POST', `/api/v1/skills/${SKILL.legacy}/undelete`, { as: 'erin' }), missing, SKILL.legacy, 999);
    const missingAgent = await m.call('POST', '/api/v1/agents/999/undelete', { as: 'alice' });
    expectSameAsMissing(await m.call('POST', `/api/v1/agents/${AGENT.globexSync}/undelete`, { as: 'alice' }), missingAgent, AGENT.globexSync, 999);
    // the deleted skill 5 stays deleted.
    expect((await m.call('GET', `/api/v1/skills/${SKILL.legacy}`, { as: 'alice' })).status).toBe(404);
  });

  it('HIDE-6: a manager lists only the subordinates the caller can use, in both views', async () => {
    const m = mockApp();
    const org = { visibility: 'org', groupPermissions: {}, sharedWith: [] };
    const manager = (await m.call('POST', '/api/v1/skills', { as: 'alice', body: { name: 'manager', accessConfig: org } })).body.id as number;
    const open = (await m.call('POST', '/api/v1/skills', { as: 'alice', body: { name: 'open', accessConfig: org } })).body.id as number;
    const secret = (await m.call('POST', '/api/v1/skills', { as: 'alice', body: { name: 'secret', accessConfig: { visibility: 'private', groupPermissions: {}, sharedWith: [] } } })).body.id as number;
    for (const sub of [open, secret]) expect((await m.call('PATCH', `/api/v1/skills/${sub}`, { as: 'alice', body: { managerId: manager } })).status).toBe(200);
    for (const view of ['draft', 'active']) {
      if (view === 'active') expect((await m.call('POST', `/api/v1/skills/${manager}/deploy`, { as: 'alice', body: {} })).status).toBe(200);
      const own = await m.call('GET', `/api/v1/skills/${manager}?view=${view}`, { as: 'alice' });
      expect(own.body.variation.supervisionSubordinateIds).toEqual([String(open), String(secret)]);
      const other = await m.call('GET', `/api/v1/skills/${manager}?view=${view}`, { as: 'carol' });
      expect(other.body.variation.supervisionSubordinateIds).toEqual([String(open)]);
    }
  });
});
