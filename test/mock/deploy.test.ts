import { describe, expect, it } from 'vitest';
import { AGENT, SKILL, expectError, mockApp } from '../helpers/mock-app.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('deploy, variations and toggle', () => {
  it('LIFE-7: deploy promotes the draft: {skill, deployedAt}, active, no unpublished changes', async () => {
    const m = mockApp();
    const path = `/api/v1/skills/${SKILL.churn}`;
    const draftId = (await m.call('GET', path, { as: 'alice' })).body.draftVariationId as string;
    const r = await m.call('POST', `${path}/deploy`, { as: 'alice', body: {} });
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(['deployedAt', 'skill']);
    expect(r.body.deployedAt).toMatch(ISO);
    expect(r.body.skill).toMatchObject({ id: SKILL.churn, status: 'active', hasUnpublishedChanges: false, activeVariationId: draftId });
    const active = (await m.call('GET', `${path}?view=active`, { as: 'alice' })).body;
    expect(active.description).toBe('Predicts churn risk over a 180-day window.');
  });

  it('LIFE-7: agent deploy answers {agent, deployedAt} and a never-deployed resource becomes active', async () => {
    const m = mockApp();
    const draftId = (await m.call('GET', `/api/v1/agents/${AGENT.draftTriage}`, { as: 'alice' })).body.draftVariationId;
    const r = await m.call('POST', `/api/v1/agents/${AGENT.draftTriage}/deploy`, { as: 'alice' });
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(['agent', 'deployedAt']);
    expect(r.body.agent).toMatchObject({ status: 'active', hasUnpublishedChanges: false, activeVariationId: draftId });
    const skill = await m.call('POST', `/api/v1/skills/${SKILL.drafter}/deploy`, { as: 'bob', body: {} });
    expect(skill.body.skill).toMatchObject({ status: 'active', hasUnpublishedChanges: false });
  });

  it('LIFE-8: after deploy draftVariationId is null until the next PATCH', async () => {
    const m = mockApp();
    const path = `/api/v1/agents/${AGENT.quarterly}`;
    const deployed = await m.call('POST', `${path}/deploy`, { as: 'alice', body: {} });
    expect(deployed.body.agent.draftVariationId).toBeNull();
    expect((await m.call('GET', path, { as: 'alice' })).body.draftVariationId).toBeNull();
    const patched = await m.call('PATCH', path, { as: 'alice', body: { description: 'next' } });
    expect(patched.body.draftVariationId).not.toBeNull();
  });

  it('LIFE-8: deploy with no pending draft answers 200 and changes nothing but deployedAt', async () => {
    const m = mockApp();
    const path = `/api/v1/skills/${SKILL.warehouse}`;
    const before = m.snapshot();
    const first = await m.call('POST', `${path}/deploy`, { as: 'alice', body: {} });
    expect(first.status).toBe(200);
    expect(m.snapshot()).toBe(before);
    const second = await m.call('POST', `${path}/deploy`, { as: 'alice', body: {} });
    expect(second.body.skill).toEqual(first.body.skill);
    expect(second.body.deployedAt > first.body.deployedAt).toBe(true);
  });

  it('LIFE-9: expectedMainShaOverride up to 200 chars (empty = absent) is accepted; longer is 422', async () => {
    const m = mockApp();
    const path = `/api/v1/skills/${SKILL.churn}/deploy`;
    expect((await m.call('POST', path, { as: 'alice', body: { expectedMainShaOverride: '' } })).status).toBe(200);
    expect((await m.call('POST', path, { as: 'alice', body: { expectedMainShaOverride: 'a'.repeat(200) } })).status).toBe(200);
    const before = m.snapshot();
    await m.call('PATCH', `/api/v1/skills/${SKILL.churn}`, { as: 'alice', body: { description: 'pending' } });
    const pending = m.snapshot();
    expect(pending).not.toBe(before);
    expectError(await m.call('POST', path, { as: 'alice', body: { expectedMainShaOverride: 'a'.repeat(201) } }), 422, 'UNPROCESSABLE_ENTITY');
    expectError(await m.call('POST', path, { as: 'alice', body: { expectedMainShaOverride: 7 } }), 422, 'UNPROCESSABLE_ENTITY');
    expect(m.snapshot()).toBe(pending);
  });

  it('DET-9: expectedMainShaOverride null answers 422 and deploys nothing', async () => {
    const m = mockApp();
    const before = m.snapshot();
    const r = await m.call('POST', `/api/v1/skills/${SKILL.churn}/deploy`, { as: 'alice', body: { expectedMainShaOverride: null } });
    expectError(r, 422, 'UNPROCESSABLE_ENTITY');
    expect(m.snapshot()).toBe(before);
  });

  it('LIFE-11: a historic variation fills variation from that variation; activeVariationId stays live', async () => {
    const m = mockApp();
    const path = `/api/v1/skills/${SKILL.churn}`;
    const old = (await m.call('GET', path, { as: 'alice' })).body;
    const deployed = (await m.call('POST', `${path}/deploy`, { as: 'alice', body: {} })).body.skill;
    await m.call('PATCH', path, { as: 'alice', body: { instructions: ['new'] } });
    await m.call('POST', `${path}/deploy`, { as: 'alice', body: {} });
    const live = (await m.call('GET', path, { as: 'alice' })).body;
    expect(live.variation.instructions).toEqual(['new']);
    const historic = await m.call('GET', `${path}/variations/${old.activeVariationId}`, { as: 'bob' });
    expect(historic.status).toBe(200);
    expect(historic.body.variation).toEqual(old.variation);
    expect(historic.body.activeVariationId).toBe(live.activeVariationId);
    expect(historic.body.activeVariationId).not.toBe(deployed.activeVariationId);
  });

  it('LIFE-11: an unknown variation id (or another skill variation) answers 404', async () => {
    const m = mockApp();
    const r = await m.call('GET', `/api/v1/skills/${SKILL.churn}/variations/00000000-0000-4000-8000-000000000000`, { as: 'alice' });
    expectError(r, 404, 'NOT_FOUND');
    const other = (await m.call('GET', `/api/v1/skills/${SKILL.warehouse}`, { as: 'alice' })).body.activeVariationId;
    expectError(await m.call('GET', `/api/v1/skills/${SKILL.churn}/variations/${other}`, { as: 'alice' }), 404, 'NOT_FOUND');
  });

  it('LIFE-12: the first agent deploy sets isEnabled true', async () => {
    const m = mockApp();
    const path = `/api/v1/agents/${AGENT.draftTriage}`;
    expect((await m.call('GET', path, { as: 'alice' })).body.isEnabled).toBe(false);
    expect((await m.call('POST', `${path}/deploy`, { as: 'alice', body: {} })).body.agent.isEnabled).toBe(true);
    expect((await m.call('GET', `/api/v1/agents/${AGENT.dailySales}`, { as: 'alice' })).body.isEnabled).toBe(true);
  });

  it('LIFE-12: later deploys keep isEnabled as it is', async () => {
    const m = mockApp();
    const path = `/api/v1/agents/${AGENT.onboarding}`;
    await m.call('PATCH', path, { as: 'bob', body: { description: 'v2' } });
    const r = await m.call('POST', `${path}/deploy`, { as: 'bob', body: {} });
    expect(r.body.agent).toMatchObject({ isEnabled: false, description: 'v2', hasUnpublishedChanges: false });
  });

  it('LIFE-12: toggle flips isEnabled and answers the agent; it needs manage', async () => {
    const m = mockApp();
    const path = `/api/v1/agents/${AGENT.onboarding}/toggle`;
    const on = await m.call('POST', path, { as: 'carol' });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ id: AGENT.onboarding, isEnabled: true });
    expect((await m.call('POST', path, { as: 'bob' })).body.isEnabled).toBe(false);
    const before = m.snapshot();
    expectError(await m.call('POST', `/api/v1/agents/${AGENT.dailySales}/toggle`, { as: 'bob' }), 403, 'PERMISSION_DENIED');
    expectError(await m.call('POST', `/api/v1/agents/${AGENT.quarterly}/toggle`, { as: 'carol' }), 404, 'NOT_FOUND');
    expect(m.snapshot()).toBe(before);
  });
});
