import { describe, expect, it } from 'vitest';
import { AGENT, SKILL, expectError, mockApp } from '../helpers/mock-app.js';

const skill = (id: number): string => `/api/v1/skills/${id}`;
const agent = (id: number): string => `/api/v1/agents/${id}`;

describe('update details', () => {
  it('DET-6: an empty updateMask means no mask', async () => {
    const m = mockApp();
    const r = await m.call('PATCH', `${skill(SKILL.warehouse)}?updateMask=`, { as: 'alice', body: { description: 'd', name: 'n' } });
    expect(r.body).toMatchObject({ description: 'd', name: 'n' });
    expect(r.body.variation.instructions).toEqual(['Only read, never write.']);
  });

  it('DET-6: masked-but-absent fields reset to null, "", [] or {}', async () => {
    const m = mockApp();
    const mask = 'description,expectedOutput,model,instructions,evaluations,toolset,supervisionSubordinateDescriptions';
    const r = await m.call('PATCH', `${skill(SKILL.churn)}?updateMask=${mask}`, { as: 'alice', body: {} });
    expect(r.status).toBe(200);
    expect(r.body.description).toBeNull();
    expect(r.body.variation).toMatchObject({
      expectedOutput: '', model: null, instructions: [], evaluations: [], toolset: {}, supervisionSubordinateDescriptions: {},
    });
    const a = await m.call('PATCH', `${agent(AGENT.dailySales)}?updateMask=trigger,description`, { as: 'alice', body: {} });
    expect(a.body.variation.trigger).toEqual({});
    expect(a.body.description).toBeNull();
  });

  it('DET-6: name, type and accessConfig have no empty value: masked but absent is 422', async () => {
    const m = mockApp();
    const before = m.snapshot();
    expectError(await m.call('PATCH', `${skill(SKILL.churn)}?updateMask=name`, { as: 'alice', body: {} }), 422, 'UNPROCESSABLE_ENTITY');
    expectError(await m.call('PATCH', `${agent(AGENT.dailySales)}?updateMask=type`, { as: 'alice', body: {} }), 422, 'UNPROCESSABLE_ENTITY');
    expectError(await m.call('PATCH', `${skill(SKILL.churn)}?updateMask=accessConfig,description`, { as: 'alice', body: { description: 'x' } }), 422, 'UNPROCESSABLE_ENTITY');
    expect(m.snapshot()).toBe(before);
  });

  it('DET-6: managerId with another body key or mask path answers 422 (UPD-1)', async () => {
    const m = mockApp();
    const before = m.snapshot();
    expectError(await m.call('PATCH', `${skill(SKILL.drafter)}?updateMask=managerId,name`, { as: 'alice', body: { managerId: 1 } }), 422, 'UNPROCESSABLE_ENTITY');
    expectError(await m.call('PATCH', `${skill(SKILL.drafter)}?updateMask=description`, { as: 'alice', body: { managerId: 1 } }), 422, 'UNPROCESSABLE_ENTITY');
    expect(m.snapshot()).toBe(before);
    const ok = await m.call('PATCH', `${skill(SKILL.drafter)}?updateMask=managerId`, { as: 'alice', body: { managerId: 1 } });
    expect(ok.status).toBe(200);
  });

  it('DET-7: supervisionSubordinateIds is live: it is not drafted and does not count as unpublished', async () => {
    const m = mockApp();
    const before = (await m.call('GET', skill(SKILL.warehouse), { as: 'alice' })).body;
    const sub = (await m.call('GET', skill(SKILL.drafter), { as: 'alice' })).body;
    const r = await m.call('PATCH', skill(SKILL.drafter), { as: 'alice', body: { managerId: SKILL.warehouse } });
    expect(r.body).toMatchObject({ draftVariationId: sub.draftVariationId, hasUnpublishedChanges: true }); // never deployed
    const manager = (await m.call('GET', skill(SKILL.warehouse), { as: 'alice' })).body;
    expect(manager.variation.supervisionSubordinateIds).toEqual(['3']);
    expect(manager).toMatchObject({ draftVariationId: null, hasUnpublishedChanges: false, activeVariationId: before.activeVariationId });
  });

  it('DET-7: a PATCH of only accessConfig or only managerId does not fork a draft', async () => {
    const m = mockApp();
    const a = await m.call('PATCH', skill(SKILL.warehouse), { as: 'alice', body: { accessConfig: { guardrails: [] } } });
    expect(a.body).toMatchObject({ draftVariationId: null, hasUnpublishedChanges: false });
    const b = await m.call('PATCH', skill(SKILL.warehouse), { as: 'alice', body: { managerId: null } });
    expect(b.body).toMatchObject({ draftVariationId: null, hasUnpublishedChanges: false });
    const c = await m.call('PATCH', agent(AGENT.onboarding), { as: 'bob', body: { accessConfig: { visibility: 'private' } } });
    expect(c.body).toMatchObject({ draftVariationId: null, hasUnpublishedChanges: false });
  });

  it('DET-7: an empty {} PATCH changes nothing, not even updatedAt', async () => {
    const m = mockApp();
    const before = m.snapshot();
    const r = await m.call('PATCH', skill(SKILL.warehouse), { as: 'alice', body: {} });
    expect(r.status).toBe(200);
    expect(r.body.draftVariationId).toBeNull();
    expect((await m.call('PATCH', agent(AGENT.onboarding), { as: 'bob', body: {} })).status).toBe(200);
    expect((await m.call('PATCH', skill(SKILL.drafter), { as: 'bob' })).status).toBe(200);
    expect(m.snapshot()).toBe(before);
  });
});
