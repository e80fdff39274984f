import { describe, expect, it } from 'vitest';
import { AGENT, SKILL, expectError, expectSameAsMissing, mockApp, writesOn } from '../helpers/mock-app.js';

describe('auth', () => {
  it('AUTH-1: a request without an Authorization header answers 401 UNAUTHENTICATED', async () => {
    const m = mockApp();
    for (const path of ['/api/v1/skills', '/api/v1/skills/2', '/api/v1/agents/3']) {
      expectError(await m.call('GET', path), 401, 'UNAUTHENTICATED');
    }
  });

  it('AUTH-1: an unknown or malformed bearer token answers 401, and changes nothing', async () => {
    const m = mockApp();
    const before = m.snapshot();
    expectError(await m.call('GET', '/api/v1/skills', { token: 'tok_nobody' }), 401, 'UNAUTHENTICATED');
    expectError(await m.call('GET', '/api/v1/skills', { headers: { authorization: 'Basic dG9rX2FsaWNlX293bmVyOg==' } }), 401, 'UNAUTHENTICATED');
    expectError(await m.call('GET', '/api/v1/skills', { headers: { authorization: 'Bearer' } }), 401, 'UNAUTHENTICATED');
    expectError(await m.call('POST', '/api/v1/skills', { token: 'tok_nobody', body: { name: 'x' } }), 401, 'UNAUTHENTICATED');
    expectError(await m.call('DELETE', '/api/v1/skills/2', { token: 'TOK_ALICE_OWNER' }), 401, 'UNAUTHENTICATED');
    expect(m.snapshot()).toBe(before);
  });

  it('AUTH-1: a known token is accepted', async () => {
    const m = mockApp();
    const r = await m.call('GET', '/api/v1/skills', { as: 'carol' });
    expect(r.status).toBe(200);
  });

  it('AUTH-2: the token maps to the fixture principal (userId, email, org, groups)', async () => {
    const m = mockApp();
    const created = await m.call('POST', '/api/v1/skills', { as: 'dave', body: { name: 'Dave skill' } });
    expect(created.status).toBe(201);
    expect(created.body.accessConfig.ownerUserId).toBe('user_dave');
    expect(created.body.accessConfig.ownerEmail).toBe('dave@acme.example');
    expect(created.body.orgUuid).toBe('11111111-1111-4111-8111-111111111111');
    // groups: bob is in eng, which has use (not manage) on agent 1; carol is in no group.
    const bobRows = (await m.call('GET', '/api/v1/agents', { as: 'bob' })).body.agents;
    expect(bobRows.find((a: { id: number }) => a.id === AGENT.dailySales)).toMatchObject({ canUse: true, canManage: false });
    const carolRows = (await m.call('GET', '/api/v1/agents', { as: 'carol' })).body.agents;
    expect(carolRows.map((a: { id: number }) => a.id)).not.toContain(AGENT.dailySales);
    const erin = await m.call('POST', '/api/v1/agents', { as: 'erin', body: { name: 'Erin agent' } });
    expect(erin.body.orgUuid).toBe('22222222-2222-4222-8222-222222222222');
  });

  it('AUTH-3: another org reads an org-visible skill and agent as 404, exactly like a missing id', async () => {
    const m = mockApp();
    const missingSkill = await m.call('GET', '/api/v1/skills/999', { as: 'erin' });
    expectSameAsMissing(await m.call('GET', `/api/v1/skills/${SKILL.warehouse}`, { as: 'erin' }), missingSkill, SKILL.warehouse, 999);
    const missingAgent = await m.call('GET', '/api/v1/agents/999', { as: 'erin' });
    expectSameAsMissing(await m.call('GET', `/api/v1/agents/${AGENT.onboarding}`, { as: 'erin' }), missingAgent, AGENT.onboarding, 999);
    const variation = (await m.call('GET', `/api/v1/skills/${SKILL.warehouse}`, { as: 'alice' })).body.activeVariationId;
    const hiddenVariation = await m.call('GET', `/api/v1/skills/${SKILL.warehouse}/variations/${variation}`, { as: 'erin' });
    const missingVariation = await m.call('GET', `/api/v1/skills/999/variations/${variation}`, { as: 'erin' });
    expectSameAsMissing(hiddenVariation, missingVariation, SKILL.warehouse, 999);
  });

  it('AUTH-3: acme users get 404 on the other org resources too', async () => {
    const m = mockApp();
    const missing = await m.call('GET', '/api/v1/skills/999', { as: 'alice' });
    expectSameAsMissing(await m.call('GET', `/api/v1/skills/${SKILL.globex}`, { as: 'alice' }), missing, SKILL.globex, 999);
    const missingAgent = await m.call('GET', '/api/v1/agents/999', { as: 'alice' });
    expectSameAsMissing(await m.call('GET', `/api/v1/agents/${AGENT.globexSync}`, { as: 'alice' }), missingAgent, AGENT.globexSync, 999);
  });

  it('AUTH-3: lists never show another org resources', async () => {
    const m = mockApp();
    const erinSkills = (await m.call('GET', '/api/v1/skills?showDeleted=true', { as: 'erin' })).body.skills;
    expect(erinSkills.map((s: { id: number }) => s.id)).toEqual([SKILL.globex]);
    const erinAgents = (await m.call('GET', '/api/v1/agents', { as: 'erin' })).body.agents;
    expect(erinAgents.map((a: { id: number }) => a.id)).toEqual([AGENT.globexSync]);
    const alice = (await m.call('GET', '/api/v1/skills?showDeleted=true', { as: 'alice' })).body.skills;
    expect(alice.map((s: { id: number }) => s.id)).not.toContain(SKILL.globex);
  });

  it('AUTH-3: every write by another org answers 404 like a missing id and changes nothing', async () => {
    const m = mockApp();
    const before = m.snapshot();
    for (const kind of ['skills', 'agents'] as const) {
      const id = kind === 'skills' ? SKILL.warehouse : AGENT.draftTriage;
      const missing = writesOn(kind, 999);
      for (const [i, [method, path, body]] of writesOn(kind, id).entries()) {
        const hidden = await m.call(method, path, { as: 'erin', body });
        const [mm, mp, mb] = missing[i]!;
        expectSameAsMissing(hidden, await m.call(mm, mp, { as: 'erin', body: mb }), id, 999);
      }
    }
    expect(m.snapshot()).toBe(before);
  });
});
