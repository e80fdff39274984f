import { describe, expect, it } from 'vitest';
import { AGENT, SKILL, expectError, mockApp } from '../helpers/mock-app.js';

const skill = (id: number): string => `/api/v1/skills/${id}`;

describe('update rules', () => {
  it('UPD-1: managerId together with any other field answers 422 and nothing changes', async () => {
    const m = mockApp();
    const before = m.snapshot();
    expectError(await m.call('PATCH', skill(SKILL.drafter), { as: 'alice', body: { managerId: 1, name: 'x' } }), 422, 'UNPROCESSABLE_ENTITY');
    expectError(await m.call('PATCH', skill(SKILL.warehouse), { as: 'alice', body: { managerId: null, description: 'x' } }), 422, 'UNPROCESSABLE_ENTITY');
    expectError(await m.call('PATCH', skill(SKILL.drafter), { as: 'alice', body: { managerId: 1, accessConfig: {} } }), 422, 'UNPROCESSABLE_ENTITY');
    expect(m.snapshot()).toBe(before);
  });

  it('UPD-2: managerId alone re-parents; the manager lists subordinates as strings in both views; null detaches', async () => {
    const m = mockApp();
    const subs = async (view: string): Promise<string[]> =>
      (await m.call('GET', `${skill(SKILL.churn)}?view=${view}`, { as: 'alice' })).body.variation.supervisionSubordinateIds;
    expect(await subs('active')).toEqual(['2']);
    const r = await m.call('PATCH', skill(SKILL.drafter), { as: 'bob', body: { managerId: SKILL.churn } });
    expect(r.status).toBe(200);
    expect(await subs('active')).toEqual(['2', '3']);
    expect(await subs('draft')).toEqual(['2', '3']);
    expect((await m.call('PATCH', skill(SKILL.warehouse), { as: 'alice', body: { managerId: null } })).status).toBe(200);
    expect(await subs('active')).toEqual(['3']);
    expect(await subs('draft')).toEqual(['3']);
  });

  it('UPD-2: a manager the caller cannot use, of another org, missing or deleted answers 404; nothing changes', async () => {
    const m = mockApp();
    const before = m.snapshot();
    expectError(await m.call('PATCH', skill(SKILL.drafter), { as: 'bob', body: { managerId: SKILL.privateNotes } }), 404, 'NOT_FOUND');
    expectError(await m.call('PATCH', skill(SKILL.drafter), { as: 'bob', body: { managerId: SKILL.globex } }), 404, 'NOT_FOUND');
    expectError(await m.call('PATCH', skill(SKILL.drafter), { as: 'bob', body: { managerId: 999 } }), 404, 'NOT_FOUND');
    expectError(await m.call('PATCH', skill(SKILL.drafter), { as: 'bob', body: { managerId: SKILL.legacy } }), 404, 'NOT_FOUND'); // deleted
    expect(m.snapshot()).toBe(before);
  });

  it('UPD-2: a skill cannot manage itself or create a cycle (422)', async () => {
    const m = mockApp();
    const before = m.snapshot();
    expectError(await m.call('PATCH', skill(SKILL.churn), { as: 'alice', body: { managerId: SKILL.churn } }), 422, 'UNPROCESSABLE_ENTITY');
    expectError(await m.call('PATCH', skill(SKILL.churn), { as: 'alice', body: { managerId: SKILL.warehouse } }), 422, 'UNPROCESSABLE_ENTITY');
    expect(m.snapshot()).toBe(before);
  });

  it('UPD-3: with updateMask only the masked fields are written', async () => {
    const m = mockApp();
    const r = await m.call('PATCH', `${skill(SKILL.warehouse)}?updateMask=description`, { as: 'alice', body: { description: 'masked', name: 'ignored' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ description: 'masked', name: 'Warehouse Facts Reader' });
  });

  it('UPD-3: a masked field absent from the body resets to empty; an unknown path is 400', async () => {
    const m = mockApp();
    const r = await m.call('PATCH', `${skill(SKILL.churn)}?updateMask=description,instructions,toolset`, { as: 'alice', body: { description: 'd' } });
    expect(r.body.description).toBe('d');
    expect(r.body.variation).toMatchObject({ instructions: [], toolset: {} });
    const before = m.snapshot();
    expectError(await m.call('PATCH', `${skill(SKILL.churn)}?updateMask=nope`, { as: 'alice', body: { description: 'x' } }), 400, 'INVALID_ARGUMENT');
    expect(m.snapshot()).toBe(before);
  });

  it('UPD-3: without a mask every field in the body is written', async () => {
    const m = mockApp();
    const body = { name: 'N', description: 'D', expectedOutput: 'E', instructions: ['i'], model: 'm/x' };
    const r = await m.call('PATCH', skill(SKILL.warehouse), { as: 'alice', body });
    expect(r.body).toMatchObject({ name: 'N', description: 'D' });
    expect(r.body.variation).toMatchObject({ expectedOutput: 'E', instructions: ['i'], model: 'm/x' });
  });

  it('UPD-4: name must be 1 to 200 characters; other type errors 422; unknown fields and non-objects 400', async () => {
    const m = mockApp();
    const before = m.snapshot();
    const path = skill(SKILL.warehouse);
    expectError(await m.call('PATCH', path, { as: 'alice', body: { name: '' } }), 422, 'UNPROCESSABLE_ENTITY');
    expectError(await m.call('PATCH', path, { as: 'alice', body: { name: 'x'.repeat(201) } }), 422, 'UNPROCESSABLE_ENTITY');
    expectError(await m.call('PATCH', path, { as: 'alice', body: { instructions: 'not a list' } }), 422, 'UNPROCESSABLE_ENTITY');
    expectError(await m.call('PATCH', path, { as: 'alice', body: { colour: 'red' } }), 400, 'INVALID_ARGUMENT');
    expectError(await m.call('PATCH', path, { as: 'alice', rawBody: '"a string"' }), 400, 'INVALID_ARGUMENT');
    expect(m.snapshot()).toBe(before);
    expect((await m.call('PATCH', path, { as: 'alice', body: { name: 'x'.repeat(200) } })).body.name).toHaveLength(200);
    expect((await m.call('PATCH', path, { as: 'alice', body: { name: 'y' } })).body.name).toBe('y');
  });

  it('UPD-5: model null clears the model; lists and maps replace, never merge', async () => {
    const m = mockApp();
    const r = await m.call('PATCH', skill(SKILL.churn), { as: 'alice', body: { model: null, instructions: ['only'], toolset: { calculator: { enabled: false } } } });
    expect(r.body.variation.model).toBeNull();
    expect(r.body.variation.instructions).toEqual(['only']);
    expect(r.body.variation.toolset).toEqual({ calculator: { enabled: false } });
    const agent = await m.call('PATCH', `/api/v1/agents/${AGENT.dailySales}`, { as: 'alice', body: { trigger: { type: 'manual' } } });
    expect(agent.body.variation.trigger).toEqual({ type: 'manual' });
  });

  it('UPD-6: every successful write bumps updatedAt; createdAt never changes', async () => {
    const m = mockApp();
    const path = `/api/v1/agents/${AGENT.draftTriage}`;
    const start = (await m.call('GET', path, { as: 'alice' })).body;
    let last = start.updatedAt as string;
    const writes: Array<['PATCH' | 'POST' | 'DELETE', string, unknown]> = [
      ['PATCH', path, { description: 'a' }], ['PATCH', path, { accessConfig: { visibility: 'private' } }],
      ['POST', `${path}/deploy`, {}], ['POST', `${path}/toggle`, undefined],
      ['POST', `${path}/transfer-ownership`, { newOwnerUserId: 'user_bob' }], ['POST', `${path}/transfer-ownership/cancel`, undefined],
      ['DELETE', path, undefined], ['POST', `${path}/undelete`, undefined],
    ];
    for (const [method, p, body] of writes) {
      expect((await m.call(method, p, { as: 'alice', body })).status).toBeLessThan(300);
      const rows = (await m.call('GET', '/api/v1/agents?showDeleted=true', { as: 'alice' })).body.agents;
      const now = rows.find((a: { id: number }) => a.id === AGENT.draftTriage); // a GET would 404 once deleted
      expect(now.updatedAt > last, `${method} ${p} moves updatedAt`).toBe(true);
      expect(now.createdAt).toBe(start.createdAt);
      last = now.updatedAt;
    }
    const sk = (await m.call('PATCH', skill(SKILL.drafter), { as: 'bob', body: { managerId: 1 } })).body;
    expect(sk.updatedAt > sk.createdAt).toBe(true);
  });
});
