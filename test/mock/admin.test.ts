import { describe, expect, it } from 'vitest';
import { SKILL, expectError, mockApp } from '../helpers/mock-app.js';

/** A copy of an exported record with `field` set in its first variation. */
function withVariationField(row: { variations: Record<string, object> }, field: string, value: unknown): object {
  const [id, content] = Object.entries(row.variations)[0]!;
  return { ...row, variations: { ...row.variations, [id]: { ...content, [field]: value } } };
}

describe('admin endpoints', () => {
  it('POST /__mock/reset restores the fixtures', async () => {
    const m = mockApp();
    const seeded = m.snapshot();
    await m.call('DELETE', `/api/v1/skills/${SKILL.warehouse}`, { as: 'alice' });
    await m.call('POST', '/api/v1/agents', { as: 'bob', body: { name: 'extra' } });
    expect(m.snapshot()).not.toBe(seeded);
    const r = await m.call('POST', '/__mock/reset', { headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(200);
    const after = JSON.parse(m.snapshot());
    const expected = JSON.parse(seeded);
    // same resources, ids, statuses, content and counters; only fresh timestamps and variation uuids differ.
    expect(after.nextId).toEqual(expected.nextId);
    const shape = (rows: Array<Record<string, unknown>>): unknown => rows.map((r) => [r.id, r.status, r.slug, r.accessConfig, r.hasUnpublishedChanges]);
    expect(shape(after.skills)).toEqual(shape(expected.skills));
    expect(shape(after.agents)).toEqual(shape(expected.agents));
    expect((await m.call('GET', `/api/v1/skills/${SKILL.warehouse}`, { as: 'alice' })).status).toBe(200);
    expect((await m.call('GET', '/api/v1/agents/7', { as: 'bob' })).status).toBe(404);
  });

  it('GET /__mock/state exports the whole state', async () => {
    const m = mockApp();
    const r = await m.call('GET', '/__mock/state');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.body).toEqual(m.core.exportState());
    expect(r.body).toMatchObject({ version: 1, nextId: { skill: 8, agent: 7 } });
    expect(r.body.skills).toHaveLength(7);
    expect(r.body.agents).toHaveLength(6);
  });

  it('PUT /__mock/state imports an export; the API then answers from it', async () => {
    const source = mockApp();
    await source.call('DELETE', `/api/v1/skills/${SKILL.warehouse}`, { as: 'alice' });
    const created = await source.call('POST', '/api/v1/skills', { as: 'carol', body: { name: 'Imported' } });
    const exported = (await source.call('GET', '/__mock/state')).body;
    const m = mockApp();
    const r = await m.call('PUT', '/__mock/state', { body: exported });
    expect(r.status).toBe(200);
    expect(JSON.parse(m.snapshot())).toEqual(exported);
    expect((await m.call('GET', `/api/v1/skills/${SKILL.warehouse}`, { as: 'alice' })).status).toBe(404);
    expect((await m.call('GET', `/api/v1/skills/${created.body.id}`, { as: 'carol' })).body.name).toBe('Imported');
    // ids keep counting up from the imported nextId.
    expect((await m.call('POST', '/api/v1/skills', { as: 'alice', body: { name: 'n' } })).body.id).toBe(created.body.id + 1);
  });

  it('PUT /__mock/state with a malformed import answers 4xx with a JSON error and leaves state unchanged', async () => {
    const m = mockApp();
    const before = m.snapshot();
    const good = m.core.exportState();
    const broken: Array<[string, string]> = [
      ['not JSON', '{"version":'],
      ['wrong version', JSON.stringify({ ...good, version: 2 })],
      ['missing agents', JSON.stringify({ version: 1, nextId: good.nextId, skills: good.skills })],
      ['duplicate id', JSON.stringify({ ...good, skills: [good.skills[0], good.skills[0]] })],
      ['dangling variation', JSON.stringify({ ...good, skills: [{ ...good.skills[0], activeVariationId: '00000000-0000-4000-8000-000000000000' }] })],
      ['nextId too small', JSON.stringify({ ...good, nextId: { skill: 1, agent: 1 } })],
      ['an array', '[]'],
      // Each kind's own field only: an agent has no manager, a skill no switch (seed-check.ts says the same of seeds).
      ['isEnabled on a skill', JSON.stringify({ ...good, skills: [{ ...good.skills[0], isEnabled: true }, ...good.skills.slice(1)] })],
      ['managerId on an agent', JSON.stringify({ ...good, agents: [{ ...good.agents[0], managerId: null }, ...good.agents.slice(1)] })],
      // A variation holds its kind's content fields: an agent's type in a skill's variation, a field of neither.
      ['type in a skill variation', JSON.stringify({ ...good, skills: [withVariationField(good.skills[0]!, 'type', 'task'), ...good.skills.slice(1)] })],
      ['an unknown field in a variation', JSON.stringify({ ...good, agents: [withVariationField(good.agents[0]!, 'colour', 'red'), ...good.agents.slice(1)] })],
    ];
    for (const [what, rawBody] of broken) {
      const r = await m.call('PUT', '/__mock/state', { rawBody });
      expect(r.status, what).toBeGreaterThanOrEqual(400);
      expect(r.status, what).toBeLessThan(500);
      expect(r.headers['content-type']).toMatch(/^application\/json/);
      expect(r.body.error.code).toBe(r.status);
      expect(m.snapshot(), what).toBe(before);
    }
    expectError(await m.call('PUT', '/__mock/state', { rawBody: '{' }), 400, 'INVALID_ARGUMENT');
    const foreign = await m.call('PUT', '/__mock/state', { body: { ...good, skills: [{ ...good.skills[0], isEnabled: true }] } });
    expect(foreign.body.error.message).toMatch(/\/skills\/0 .*\(isEnabled\)/);
  });

  it('GET /__mock/state after deploys and toggles through the API holds only the fields of each record\'s kind (UPD-2 managerId on skills, LIFE-12 isEnabled on agents, LIFE-4 a variation\'s fields) and imports again', async () => {
    const m = mockApp();
    const skill = await m.call('POST', '/api/v1/skills', { as: 'alice', body: { name: 'S' } });
    const agent = await m.call('POST', '/api/v1/agents', { as: 'alice', body: { name: 'A' } });
    for (const path of [`/api/v1/skills/${skill.body.id}/deploy`, `/api/v1/agents/${agent.body.id}/deploy`, `/api/v1/agents/${agent.body.id}/toggle`]) {
      expect((await m.call('POST', path, { as: 'alice', body: {} })).status, path).toBe(200);
    }
    const exported = (await m.call('GET', '/__mock/state')).body;
    for (const row of exported.skills) {
      expect(row, `skill ${row.id}`).not.toHaveProperty('isEnabled');
      for (const content of Object.values(row.variations)) expect(content, `skill ${row.id}`).not.toHaveProperty('type');
    }
    for (const row of exported.agents) {
      expect(row, `agent ${row.id}`).not.toHaveProperty('managerId');
      for (const content of Object.values(row.variations)) expect(content, `agent ${row.id}`).toHaveProperty('type');
    }
    expect((await mockApp().call('PUT', '/__mock/state', { body: exported })).status).toBe(200);
  });
});
