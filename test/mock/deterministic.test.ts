/** `deterministic`: the same requests give byte-identical answers and exports, on every start and after reset. */
import { describe, expect, it } from 'vitest';
import { bundledPrincipals, bundledSeed } from '../../src/msw/index.js';
import { createMockCore, deterministicSequence, type MockCore, type MockCoreOptions, type MockRequest } from '../../src/mock/domain/index.js';

const ALICE = 'Bearer tok_alice_owner';
const BOB = 'Bearer tok_bob_teammate';

function core(extra: Partial<MockCoreOptions> = {}): MockCore {
  return createMockCore({ principals: bundledPrincipals, seed: bundledSeed, ...extra });
}

/** A frontend session: create, patch, deploy, patch again, read a historic variation, list, transfer, delete. */
function session(c: MockCore): string[] {
  const send = (method: string, url: string, body?: unknown, auth = ALICE): unknown => {
    const request: MockRequest = { method, url, headers: { authorization: auth }, body: body === undefined ? undefined : JSON.stringify(body) };
    const out = c.handle(request);
    return { status: out.status, body: out.body };
  };
  const answers: unknown[] = [];
  const created = send('POST', '/api/v1/skills', { name: 'Snapshot skill', description: 'v1' }) as { body: { id: number } };
  const id = created.body.id;
  answers.push(created, send('PATCH', `/api/v1/skills/${id}`, { description: 'v2' }), send('POST', `/api/v1/skills/${id}/deploy`, {}));
  answers.push(send('PATCH', `/api/v1/skills/${id}`, { description: 'v3' }), send('GET', `/api/v1/skills/${id}?view=draft`));
  const active = (send('GET', `/api/v1/skills/${id}`) as { body: { activeVariationId: string } }).body.activeVariationId;
  answers.push(send('GET', `/api/v1/skills/${id}/variations/${active}`), send('GET', '/api/v1/skills?pageSize=2', undefined, BOB));
  answers.push(send('POST', `/api/v1/skills/${id}/transfer-ownership`, { newOwnerUserId: 'user_bob' }), send('DELETE', `/api/v1/skills/${id}`));
  return [...answers.map((a) => JSON.stringify(a)), c.serializeState()];
}

describe('deterministic core', () => {
  it('two starts give byte-identical answers and state; a real clock and randomUUID do not (the control)', () => {
    const first = session(core({ deterministic: {} }));
    expect(session(core({ deterministic: {} }))).toEqual(first);
    expect(first[0]).toContain('"createdAt":"2026-01-01T00:');
    expect(session(core())).not.toEqual(first);
  });

  it('the seeded state is the same on every start, its timestamps step one second per write from 2026-01-01', () => {
    const a = core({ deterministic: {} }).exportState();
    expect(JSON.stringify(core({ deterministic: {} }).exportState())).toBe(JSON.stringify(a));
    const times = a.skills.map((s) => s.createdAt);
    expect(times[0]).toBe('2026-01-01T00:00:00.000Z');
    expect(new Set(times).size).toBe(times.length);
    for (const t of times) expect(Date.parse(t) % 1000).toBe(0);
  });

  it('reset replays the sequence: the same session after reset gives the same bytes (tests in any order)', () => {
    const c = core({ deterministic: {} });
    const first = session(c);
    c.reset();
    expect(session(c)).toEqual(first);
  });

  it('the seed changes the uuids, not the timestamps; uuids are v4-shaped and machine-independent', () => {
    const one = core({ deterministic: { seed: 1 } }).exportState().skills[0]!;
    const two = core({ deterministic: { seed: 'other' } }).exportState().skills[0]!;
    expect(one.createdAt).toBe(two.createdAt);
    expect(one.draftVariationId ?? one.activeVariationId).not.toBe(two.draftVariationId ?? two.activeVariationId);
    // Pinned: pure 32-bit integer arithmetic, so every engine and machine gives these values.
    const seq = deterministicSequence({ seed: 1 });
    const ids = [seq.newId(), seq.newId()];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids).toEqual(['d4eb6bf3-1f7d-42d2-9385-98c7bffcff4f', '93087c1a-e4e0-4653-bc64-c52c8fbabc38']);
  });

  it('after an import, writes are later than every imported timestamp (UPD-6) and never reuse an imported uuid', () => {
    const source = core({ deterministic: {} });
    session(source);
    const state = source.exportState();
    const c = core({ deterministic: {}, state });
    const out = c.handle({ method: 'POST', url: '/api/v1/skills', headers: { authorization: ALICE }, body: '{"name":"after import"}' });
    const body = out.body as { createdAt: string; draftVariationId: string };
    const imported = [...state.skills, ...state.agents];
    const newest = Math.max(...imported.flatMap((r) => [r.createdAt, r.updatedAt, r.deletedAt ?? r.createdAt].map(Date.parse)));
    expect(Date.parse(body.createdAt)).toBeGreaterThan(newest);
    expect(imported.flatMap((r) => Object.keys(r.variations))).not.toContain(body.draftVariationId);
  });

  it('rejects a start that is not a date-time', () => {
    expect(() => core({ deterministic: { start: 'yesterday' } })).toThrow(/ISO date-time/);
  });
});
