import { describe, expect, it } from 'vitest';
import { AGENT, SKILL, expectError, mockApp, type Who } from '../helpers/mock-app.js';

const ids = (rows: Array<{ id: number }>): number[] => rows.map((r) => r.id);

describe('access', () => {
  it('ACC-1: the owner has use + manage even on a private resource', async () => {
    const m = mockApp();
    const agent = await m.call('GET', `/api/v1/agents/${AGENT.quarterly}`, { as: 'alice' });
    expect(agent.status).toBe(200);
    expect(agent.body).toMatchObject({ canUse: true, canManage: true });
    expect((await m.call('PATCH', `/api/v1/skills/${SKILL.privateNotes}`, { as: 'alice', body: { model: null } })).status).toBe(200);
  });

  it('ACC-1: org visibility gives every org member use + manage', async () => {
    const m = mockApp();
    const agent = await m.call('GET', `/api/v1/agents/${AGENT.draftTriage}`, { as: 'carol' });
    expect(agent.body).toMatchObject({ canUse: true, canManage: true });
    const patched = await m.call('PATCH', `/api/v1/skills/${SKILL.warehouse}`, { as: 'carol', body: { description: 'by carol' } });
    expect(patched.status).toBe(200);
    expect(patched.body.description).toBe('by carol');
  });

  it('ACC-1: shared visibility grants a group its {use, manage}', async () => {
    const m = mockApp();
    // sales has use + manage on skill 6: dave may patch it.
    expect((await m.call('PATCH', `/api/v1/skills/${SKILL.salesScorer}`, { as: 'dave', body: { description: 'd' } })).status).toBe(200);
    // eng has use only on skill 1: bob reads it but may not patch it.
    expect((await m.call('GET', `/api/v1/skills/${SKILL.churn}`, { as: 'bob' })).status).toBe(200);
    expectError(await m.call('PATCH', `/api/v1/skills/${SKILL.churn}`, { as: 'bob', body: { description: 'b' } }), 403, 'PERMISSION_DENIED');
    // carol (no group) gets nothing on the shared skill 1.
    expect((await m.call('GET', `/api/v1/skills/${SKILL.churn}`, { as: 'carol' })).status).toBe(404);
  });

  it('ACC-1: private is owner + sharedWith only; a sharedWith entry gives exactly its rights', async () => {
    const m = mockApp();
    expect((await m.call('GET', `/api/v1/skills/${SKILL.privateNotes}`, { as: 'carol' })).status).toBe(200);
    expectError(await m.call('PATCH', `/api/v1/skills/${SKILL.privateNotes}`, { as: 'carol', body: { model: null } }), 403, 'PERMISSION_DENIED');
    expect((await m.call('GET', `/api/v1/skills/${SKILL.privateNotes}`, { as: 'bob' })).status).toBe(404);
    // group permissions do not apply to a private resource.
    const gp = { groupPermissions: { eng: { use: true, manage: true } } };
    expect((await m.call('PATCH', `/api/v1/skills/${SKILL.privateNotes}`, { as: 'alice', body: { accessConfig: gp } })).status).toBe(200);
    expect((await m.call('GET', `/api/v1/skills/${SKILL.privateNotes}`, { as: 'bob' })).status).toBe(404);
  });

  it('ACC-1: manage implies use (sharedWith {use:false, manage:true})', async () => {
    const m = mockApp();
    const sharedWith = [{ userId: 'user_carol', use: false, manage: true }];
    const r = await m.call('PATCH', `/api/v1/agents/${AGENT.quarterly}`, { as: 'alice', body: { accessConfig: { sharedWith } } });
    expect(r.status).toBe(200);
    const carol = await m.call('GET', `/api/v1/agents/${AGENT.quarterly}`, { as: 'carol' });
    expect(carol.status).toBe(200);
    expect(carol.body).toMatchObject({ canUse: true, canManage: true });
    expect(ids((await m.call('GET', '/api/v1/agents', { as: 'carol' })).body.agents)).toContain(AGENT.quarterly);
  });

  it('ACC-2: create without accessConfig is org-visible use + manage, owned by the creator', async () => {
    const m = mockApp();
    const skill = await m.call('POST', '/api/v1/skills', { as: 'bob', body: { name: 'Bob skill' } });
    expect(skill.status).toBe(201);
    expect(skill.body.accessConfig).toMatchObject({
      visibility: 'org', groupPermissions: {}, sharedWith: [], ownerUserId: 'user_bob', ownerEmail: 'bob@acme.example',
    });
    const agent = await m.call('POST', '/api/v1/agents', { as: 'bob', body: { name: 'Bob agent' } });
    expect(agent.body.accessConfig).toMatchObject({ visibility: 'org', ownerUserId: 'user_bob' });
    expect((await m.call('PATCH', `/api/v1/skills/${skill.body.id}`, { as: 'carol', body: { model: 'm' } })).status).toBe(200);
    expect((await m.call('GET', `/api/v1/agents/${agent.body.id}`, { as: 'dave' })).body).toMatchObject({ canUse: true, canManage: true });
  });

  it('ACC-3: an accessConfig PATCH that would lock the caller out answers 422 and changes nothing', async () => {
    const m = mockApp();
    const before = m.snapshot();
    const cases: Array<[Who, string, unknown]> = [
      ['dave', `/api/v1/skills/${SKILL.salesScorer}`, { visibility: 'private' }],
      ['dave', `/api/v1/skills/${SKILL.salesScorer}`, { groupPermissions: { sales: { use: true, manage: false } } }],
      ['dave', `/api/v1/skills/${SKILL.salesScorer}`, { groupPermissions: {} }],
      ['carol', `/api/v1/skills/${SKILL.warehouse}`, { visibility: 'private' }],
      ['carol', `/api/v1/agents/${AGENT.onboarding}`, { visibility: 'shared' }],
    ];
    for (const [who, path, accessConfig] of cases) {
      const r = await m.call('PATCH', path, { as: who, body: { accessConfig } });
      expectError(r, 422, 'UNPROCESSABLE_ENTITY');
    }
    expect(m.snapshot()).toBe(before);
  });

  it('ACC-4: ownerUserId / ownerEmail cannot change by PATCH (422); the same value is accepted', async () => {
    const m = mockApp();
    const before = m.snapshot();
    const path = `/api/v1/skills/${SKILL.warehouse}`;
    expectError(await m.call('PATCH', path, { as: 'alice', body: { accessConfig: { ownerUserId: 'user_bob' } } }), 422, 'UNPROCESSABLE_ENTITY');
    expectError(await m.call('PATCH', path, { as: 'alice', body: { accessConfig: { ownerEmail: 'bob@acme.example' } } }), 422, 'UNPROCESSABLE_ENTITY');
    expect(m.snapshot()).toBe(before);
    const same = await m.call('PATCH', path, { as: 'alice', body: { accessConfig: { ownerUserId: 'user_alice', ownerEmail: 'alice@acme.example' } } });
    expect(same.status).toBe(200);
    expect(same.body.accessConfig.ownerUserId).toBe('user_alice');
  });

  it('ACC-5: accessConfig edits apply at once, without a draft or deploy', async () => {
    const m = mockApp();
    const path = `/api/v1/skills/${SKILL.warehouse}`;
    const r = await m.call('PATCH', path, { as: 'alice', body: { accessConfig: { visibility: 'private' } } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ draftVariationId: null, hasUnpublishedChanges: false });
    expect((await m.call('GET', path, { as: 'alice' })).body.accessConfig.visibility).toBe('private');
    expect((await m.call('GET', path, { as: 'bob' })).status).toBe(404);
  });

  it('ACC-5: in a PATCH mixing accessConfig and content, only the content is drafted', async () => {
    const m = mockApp();
    const path = `/api/v1/skills/${SKILL.churn}`;
    const body = { description: 'drafted', accessConfig: { visibility: 'org' } };
    expect((await m.call('PATCH', path, { as: 'alice', body })).status).toBe(200);
    const active = (await m.call('GET', `${path}?view=active`, { as: 'carol' })).body; // carol can use it now
    expect(active.accessConfig.visibility).toBe('org');
    expect(active.description).toBe('Predicts churn risk for a customer given a 90-day usage window.');
  });

  it('ACC-6: agents carry canUse / canManage computed for the caller on every response', async () => {
    const m = mockApp();
    const created = await m.call('POST', '/api/v1/agents', { as: 'alice', body: { name: 'A' } });
    expect(created.body).toMatchObject({ canUse: true, canManage: true });
    const id = created.body.id as number;
    for (const [method, path, body] of [
      ['PATCH', `/api/v1/agents/${id}`, { description: 'd' }],
      ['POST', `/api/v1/agents/${id}/toggle`, undefined],
      ['POST', `/api/v1/agents/${id}/undelete`, undefined],
    ] as const) {
      expect((await m.call(method, path, { as: 'alice', body })).body).toMatchObject({ canUse: true, canManage: true });
    }
    expect((await m.call('POST', `/api/v1/agents/${id}/deploy`, { as: 'alice', body: {} })).body.agent).toMatchObject({ canUse: true, canManage: true });
    const bobRow = (await m.call('GET', '/api/v1/agents', { as: 'bob' })).body.agents.find((a: { id: number }) => a.id === AGENT.dailySales);
    expect(bobRow).toMatchObject({ canUse: true, canManage: false });
    const aliceRow = (await m.call('GET', '/api/v1/agents', { as: 'alice' })).body.agents.find((a: { id: number }) => a.id === AGENT.dailySales);
    expect(aliceRow).toMatchObject({ canUse: true, canManage: true });
  });

  it('ACC-6: skills never carry canUse / canManage', async () => {
    const m = mockApp();
    const bodies = [
      (await m.call('GET', `/api/v1/skills/${SKILL.churn}`, { as: 'alice' })).body,
      (await m.call('POST', '/api/v1/skills', { as: 'alice', body: { name: 'S' } })).body,
      ...(await m.call('GET', '/api/v1/skills', { as: 'bob' })).body.skills,
      (await m.call('POST', `/api/v1/skills/${SKILL.churn}/deploy`, { as: 'alice', body: {} })).body.skill,
    ];
    for (const b of bodies) {
      expect(b).not.toHaveProperty('canUse');
      expect(b).not.toHaveProperty('canManage');
    }
  });

  it('DET-8: an accessConfig PATCH merges at the top level; groupPermissions and sharedWith are replaced whole', async () => {
    const m = mockApp();
    const path = `/api/v1/skills/${SKILL.churn}`;
    const sharedWith = [{ userId: 'user_carol', use: true, manage: false }];
    const r1 = await m.call('PATCH', path, { as: 'alice', body: { accessConfig: { sharedWith } } });
    expect(r1.body.accessConfig).toMatchObject({ visibility: 'shared', groupPermissions: { eng: { use: true, manage: false } }, sharedWith });
    const r2 = await m.call('PATCH', path, { as: 'alice', body: { accessConfig: { groupPermissions: { sales: { use: true, manage: false } } } } });
    expect(r2.body.accessConfig.groupPermissions).toEqual({ sales: { use: true, manage: false } });
    expect(r2.body.accessConfig.sharedWith).toEqual(sharedWith);
    // group keys are group names: eng lost its grant, so bob no longer sees skill 1; dave (sales) does.
    expect((await m.call('GET', path, { as: 'bob' })).status).toBe(404);
    expect((await m.call('GET', path, { as: 'dave' })).status).toBe(200);
  });
});
