import { describe, expect, it } from 'vitest';
import { AGENT, SKILL, expectError, mockApp } from '../helpers/mock-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('lifecycle', () => {
  it('LIFE-1: status is draft when never deployed, active when deployed, deleted when soft-deleted', async () => {
    const m = mockApp();
    const rows = (await m.call('GET', '/api/v1/skills?showDeleted=true', { as: 'alice' })).body.skills as Array<{ id: number; status: string }>;
    const status = Object.fromEntries(rows.map((r) => [r.id, r.status]));
    expect(status).toMatchObject({ [SKILL.churn]: 'active', [SKILL.drafter]: 'draft', [SKILL.legacy]: 'deleted' });
    expect((await m.call('GET', `/api/v1/agents/${AGENT.draftTriage}`, { as: 'alice' })).body.status).toBe('draft');
    expect((await m.call('GET', `/api/v1/agents/${AGENT.quarterly}`, { as: 'alice' })).body.status).toBe('active');
  });

  it('LIFE-2: create returns the resource in draft with activeVariationId null', async () => {
    const m = mockApp();
    for (const kind of ['skills', 'agents']) {
      const r = await m.call('POST', `/api/v1/${kind}`, { as: 'alice', body: { name: 'New one', description: 'd' } });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ status: 'draft', activeVariationId: null, name: 'New one', description: 'd', deletedAt: null });
      expect(r.body.draftVariationId).toMatch(UUID);
    }
  });

  it('DET-1: create answers 201 with the draft view; name is required (422); an agent type defaults to task', async () => {
    const m = mockApp();
    const skill = await m.call('POST', '/api/v1/skills', { as: 'alice', body: { name: 'S', instructions: ['a'] } });
    expect(skill.status).toBe(201);
    expect(skill.body.variation).toMatchObject({ instructions: ['a'] });
    const agent = await m.call('POST', '/api/v1/agents', { as: 'alice', body: { name: 'A' } });
    expect(agent.status).toBe(201);
    expect(agent.body.type).toBe('task');
    const before = m.snapshot();
    expectError(await m.call('POST', '/api/v1/skills', { as: 'alice', body: { description: 'no name' } }), 422, 'UNPROCESSABLE_ENTITY');
    expectError(await m.call('POST', '/api/v1/agents', { as: 'alice', body: {} }), 422, 'UNPROCESSABLE_ENTITY');
    expect(m.snapshot()).toBe(before);
  });

  it('LIFE-3: PATCH writes the draft and returns the draft view; the active variation is untouched', async () => {
    const m = mockApp();
    const path = `/api/v1/skills/${SKILL.warehouse}`;
    const active = (await m.call('GET', path, { as: 'alice' })).body;
    const r = await m.call('PATCH', path, { as: 'alice', body: { description: 'new words', instructions: ['x'] } });
    expect(r.status).toBe(200);
    expect(r.body.description).toBe('new words');
    expect(r.body.variation.instructions).toEqual(['x']);
    const after = (await m.call('GET', `${path}?view=active`, { as: 'alice' })).body;
    expect(after.description).toBe('Reads warehouse facts for its manager.');
    expect(after.variation).toEqual(active.variation);
    expect(after.activeVariationId).toBe(active.activeVariationId);
  });

  it('LIFE-4: the view decides which variation fills the top-level name/description and the variation block', async () => {
    const m = mockApp();
    const path = `/api/v1/skills/${SKILL.churn}`;
    const active = (await m.call('GET', `${path}?view=active`, { as: 'alice' })).body;
    const draft = (await m.call('GET', `${path}?view=draft`, { as: 'alice' })).body;
    expect(active.description).toBe('Predicts churn risk for a customer given a 90-day usage window.');
    expect(draft.description).toBe('Predicts churn risk over a 180-day window.');
    expect(active.variation).toMatchObject({ instructions: ['Be concise.', 'Always justify the score.'], model: 'anthropic/claude-sonnet-4.6' });
    await m.call('PATCH', path, { as: 'alice', body: { name: 'Renamed', model: 'other/model' } });
    const draft2 = (await m.call('GET', `${path}?view=draft`, { as: 'alice' })).body;
    const active2 = (await m.call('GET', `${path}?view=active`, { as: 'alice' })).body;
    expect([draft2.name, draft2.variation.model]).toEqual(['Renamed', 'other/model']);
    expect([active2.name, active2.variation.model]).toEqual(['Customer Churn Analyzer', 'anthropic/claude-sonnet-4.6']);
    const agentActive = (await m.call('GET', `/api/v1/agents/${AGENT.quarterly}?view=active`, { as: 'alice' })).body;
    const agentDraft = (await m.call('GET', `/api/v1/agents/${AGENT.quarterly}?view=draft`, { as: 'alice' })).body;
    expect(agentActive.description).toBeNull();
    expect(agentDraft.description).toBe('Adds the audit step.');
  });

  it('LIFE-5: a PATCH with no pending draft forks a new draft variation; later PATCHes reuse it', async () => {
    const m = mockApp();
    const path = `/api/v1/agents/${AGENT.onboarding}`;
    const start = (await m.call('GET', path, { as: 'bob' })).body;
    expect(start.draftVariationId).toBeNull();
    const first = (await m.call('PATCH', path, { as: 'bob', body: { description: 'one' } })).body;
    expect(first.draftVariationId).toMatch(UUID);
    expect(first.draftVariationId).not.toBe(start.activeVariationId);
    expect(first.activeVariationId).toBe(start.activeVariationId);
    const second = (await m.call('PATCH', path, { as: 'bob', body: { description: 'two' } })).body;
    expect(second.draftVariationId).toBe(first.draftVariationId);
    // the fork starts from the active content.
    expect(second.variation.workflowStructure).toEqual({ nodes: [], edges: [] });
  });

  it('LIFE-6: hasUnpublishedChanges is true exactly when the draft differs from the active variation', async () => {
    const m = mockApp();
    const get = async (id: number): Promise<boolean> => (await m.call('GET', `/api/v1/skills/${id}`, { as: 'alice' })).body.hasUnpublishedChanges;
    expect(await get(SKILL.churn)).toBe(true);
    expect(await get(SKILL.warehouse)).toBe(false);
    expect(await get(SKILL.drafter)).toBe(true); // never deployed
    const path = `/api/v1/skills/${SKILL.warehouse}`;
    expect((await m.call('PATCH', path, { as: 'alice', body: { description: 'changed' } })).body.hasUnpublishedChanges).toBe(true);
    const back = await m.call('PATCH', path, { as: 'alice', body: { description: 'Reads warehouse facts for its manager.' } });
    expect(back.body.hasUnpublishedChanges).toBe(false);
    const same = await m.call('PATCH', `/api/v1/agents/${AGENT.onboarding}`, { as: 'bob', body: { type: 'workflow' } });
    expect(same.body.hasUnpublishedChanges).toBe(false);
  });

  it('LIFE-10: default view is active for skills and draft for agents', async () => {
    const m = mockApp();
    const skill = (await m.call('GET', `/api/v1/skills/${SKILL.churn}`, { as: 'alice' })).body;
    expect(skill.description).toBe('Predicts churn risk for a customer given a 90-day usage window.');
    const agent = (await m.call('GET', `/api/v1/agents/${AGENT.quarterly}`, { as: 'alice' })).body;
    expect(agent.description).toBe('Adds the audit step.');
  });

  it('LIFE-10: a never-deployed skill read with view=active answers 200 without variation', async () => {
    const m = mockApp();
    for (const q of ['?view=active', '']) {
      const r = await m.call('GET', `/api/v1/skills/${SKILL.drafter}${q}`, { as: 'bob' });
      expect(r.status).toBe(200);
      expect(r.body).not.toHaveProperty('variation');
      expect(r.body).toMatchObject({ id: SKILL.drafter, status: 'draft', activeVariationId: null });
    }
    const draft = await m.call('GET', `/api/v1/skills/${SKILL.drafter}?view=draft`, { as: 'bob' });
    expect(draft.body.variation.instructions).toEqual(['Use the house template.']);
  });

  it('LIFE-13: list rows omit variation', async () => {
    const m = mockApp();
    const skills = (await m.call('GET', '/api/v1/skills?showDeleted=true', { as: 'alice' })).body.skills as object[];
    const agents = (await m.call('GET', '/api/v1/agents?showDeleted=true', { as: 'alice' })).body.agents as object[];
    expect(skills.length).toBeGreaterThan(0);
    expect(agents.length).toBeGreaterThan(0);
    for (const row of [...skills, ...agents]) expect(row).not.toHaveProperty('variation');
  });
});
