import { describe, expect, it } from 'vitest';
import { AGENT, SKILL, expectError, expectSameAsMissing, mockApp } from '../helpers/mock-app.js';

const ids = (rows: Array<{ id: number }>): number[] => rows.map((r) => r.id);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('soft delete and undelete', () => {
  it('DEL-1: DELETE answers 204 with no body; GET then 404s and the list leaves it out', async () => {
    const m = mockApp();
    const r = await m.call('DELETE', `/api/v1/skills/${SKILL.warehouse}`, { as: 'alice' });
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    const missing = await m.call('GET', '/api/v1/skills/999', { as: 'alice' });
    expectSameAsMissing(await m.call('GET', `/api/v1/skills/${SKILL.warehouse}`, { as: 'alice' }), missing, SKILL.warehouse, 999);
    expect(ids((await m.call('GET', '/api/v1/skills', { as: 'alice' })).body.skills)).not.toContain(SKILL.warehouse);
  });

  it('DEL-1: the row is kept with status deleted and deletedAt set', async () => {
    const m = mockApp();
    await m.call('DELETE', `/api/v1/agents/${AGENT.draftTriage}`, { as: 'carol' });
    const rows = (await m.call('GET', '/api/v1/agents?showDeleted=true', { as: 'alice' })).body.agents;
    const row = rows.find((a: { id: number }) => a.id === AGENT.draftTriage);
    expect(row.status).toBe('deleted');
    expect(row.deletedAt).toMatch(ISO);
  });

  it('DEL-1: DELETE needs manage (403 for use-only) and leaves the resource alone', async () => {
    const m = mockApp();
    const before = m.snapshot();
    expectError(await m.call('DELETE', `/api/v1/skills/${SKILL.churn}`, { as: 'bob' }), 403, 'PERMISSION_DENIED');
    expect(m.snapshot()).toBe(before);
  });

  it('DEL-2: DELETE of an already-deleted resource answers 204 and changes nothing', async () => {
    const m = mockApp();
    const before = m.snapshot();
    expect((await m.call('DELETE', `/api/v1/skills/${SKILL.legacy}`, { as: 'alice' })).status).toBe(204);
    expect((await m.call('DELETE', `/api/v1/agents/${AGENT.retired}`, { as: 'alice' })).status).toBe(204);
    expect(m.snapshot()).toBe(before);
  });

  it('DEL-3: undelete clears the tombstone, answers the draft view, back to active if it was deployed', async () => {
    const m = mockApp();
    const row = (await m.call('GET', '/api/v1/skills?showDeleted=true', { as: 'alice' })).body.skills.find((s: { id: number }) => s.id === SKILL.legacy);
    const r = await m.call('POST', `/api/v1/skills/${SKILL.legacy}/undelete`, { as: 'alice' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: SKILL.legacy, status: 'active', deletedAt: null, activeVariationId: row.activeVariationId, draftVariationId: null });
    expect(r.body.variation).toBeDefined();
    expect((await m.call('GET', `/api/v1/skills/${SKILL.legacy}`, { as: 'bob' })).status).toBe(200);
  });

  it('DEL-3: a never-deployed resource comes back as draft with its content and variations unchanged', async () => {
    const m = mockApp();
    const path = `/api/v1/skills/${SKILL.drafter}`;
    const draft = (await m.call('GET', `${path}?view=draft`, { as: 'bob' })).body;
    await m.call('DELETE', path, { as: 'bob' });
    const r = await m.call('POST', `${path}/undelete`, { as: 'bob' });
    expect(r.body).toMatchObject({ status: 'draft', deletedAt: null, draftVariationId: draft.draftVariationId, activeVariationId: null });
    expect(r.body.variation).toEqual(draft.variation);
    expect(r.body.description).toBe(draft.description);
  });

  it('DEL-3: undelete needs manage: use-only 403, no use 404', async () => {
    const m = mockApp();
    await m.call('DELETE', `/api/v1/agents/${AGENT.dailySales}`, { as: 'alice' });
    const before = m.snapshot();
    expectError(await m.call('POST', `/api/v1/agents/${AGENT.dailySales}/undelete`, { as: 'bob' }), 403, 'PERMISSION_DENIED');
    expectError(await m.call('POST', `/api/v1/agents/${AGENT.dailySales}/undelete`, { as: 'carol' }), 404, 'NOT_FOUND');
    expect(m.snapshot()).toBe(before);
  });

  it('DEL-4: undelete of a resource that is not deleted answers 200 and changes nothing', async () => {
    const m = mockApp();
    const before = m.snapshot();
    const r = await m.call('POST', `/api/v1/agents/${AGENT.onboarding}/undelete`, { as: 'bob' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: AGENT.onboarding, status: 'active', deletedAt: null });
    expect(m.snapshot()).toBe(before);
  });

  it('DEL-5: every call but DELETE and undelete on a deleted resource answers 404', async () => {
    const m = mockApp();
    const before = m.snapshot();
    const rows = (await m.call('GET', '/api/v1/skills?showDeleted=true', { as: 'alice' })).body.skills;
    const variation = rows.find((s: { id: number }) => s.id === SKILL.legacy).activeVariationId;
    const calls: Array<['GET' | 'PATCH' | 'POST', string, unknown]> = [
      ['GET', `/api/v1/skills/${SKILL.legacy}`, undefined],
      ['GET', `/api/v1/skills/${SKILL.legacy}/variations/${variation}`, undefined],
      ['PATCH', `/api/v1/skills/${SKILL.legacy}`, { description: 'x' }],
      ['POST', `/api/v1/skills/${SKILL.legacy}/deploy`, {}],
      ['POST', `/api/v1/skills/${SKILL.legacy}/transfer-ownership`, { newOwnerUserId: 'user_bob' }],
      ['POST', `/api/v1/skills/${SKILL.legacy}/transfer-ownership/accept`, undefined],
      ['POST', `/api/v1/skills/${SKILL.legacy}/transfer-ownership/cancel`, undefined],
      ['POST', `/api/v1/agents/${AGENT.retired}/toggle`, undefined],
      ['POST', `/api/v1/agents/${AGENT.retired}/deploy`, {}],
    ];
    for (const [method, path, body] of calls) expectError(await m.call(method, path, { as: 'alice', body }), 404, 'NOT_FOUND');
    expect(m.snapshot()).toBe(before);
  });

  it('DEL-5: showDeleted=true adds the deleted rows the caller can manage', async () => {
    const m = mockApp();
    expect(ids((await m.call('GET', '/api/v1/skills?showDeleted=true', { as: 'bob' })).body.skills)).toEqual([1, 2, 3, 5]);
    expect(ids((await m.call('GET', '/api/v1/skills?showDeleted=false', { as: 'bob' })).body.skills)).toEqual([1, 2, 3]);
    await m.call('DELETE', `/api/v1/skills/${SKILL.churn}`, { as: 'alice' }); // bob may use but not manage it
    expect(ids((await m.call('GET', '/api/v1/skills?showDeleted=true', { as: 'bob' })).body.skills)).toEqual([2, 3, 5]);
    expect(ids((await m.call('GET', '/api/v1/skills?showDeleted=true', { as: 'alice' })).body.skills)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('DEL-6: ids are stable and never reused after delete; slugs are unique per org', async () => {
    const m = mockApp();
    const first = await m.call('POST', '/api/v1/skills', { as: 'alice', body: { name: 'Same Name' } });
    expect(first.body.id).toBe(8);
    await m.call('DELETE', `/api/v1/skills/${first.body.id}`, { as: 'alice' });
    const second = await m.call('POST', '/api/v1/skills', { as: 'alice', body: { name: 'Same Name' } });
    expect(second.body.id).toBe(9);
    expect(second.body.slug).not.toBe(first.body.slug);
    const rows = (await m.call('GET', '/api/v1/skills?showDeleted=true', { as: 'alice' })).body.skills as Array<{ slug: string }>;
    expect(new Set(rows.map((r) => r.slug)).size).toBe(rows.length);
    expect((await m.call('GET', `/api/v1/skills/${SKILL.warehouse}`, { as: 'alice' })).body.slug).toBe(rows[1]!.slug);
  });

  it('DET-4: a path id that is not a plain positive integer answers 404; ids count up per kind', async () => {
    const m = mockApp();
    for (const bad of ['abc', '0', '007', '-1', '1.5', '1e3', '%20']) {
      expectError(await m.call('GET', `/api/v1/skills/${bad}`, { as: 'alice' }), 404, 'NOT_FOUND');
      expectError(await m.call('POST', `/api/v1/agents/${bad}/toggle`, { as: 'alice' }), 404, 'NOT_FOUND');
    }
    expect((await m.call('POST', '/api/v1/agents', { as: 'alice', body: { name: 'a' } })).body.id).toBe(7);
    expect((await m.call('POST', '/api/v1/skills', { as: 'erin', body: { name: 's' } })).body.id).toBe(8);
    expect((await m.call('POST', '/api/v1/skills', { as: 'alice', body: { name: 's' } })).body.id).toBe(9);
  });
});
