import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/server.js';
import type { ResourceRecord } from '../../src/mock/domain/index.js';
import { api, keepAliveAgent } from './helpers/http-client.js';
import { runConcurrentLoad, walkList, type Kinds, type Observations } from './helpers/concurrent-load.js';

const LOOPS = 20;
const STEPS = 60;
const SEED = Number(process.env['CONCURRENCY_SEED'] ?? 4242);
const ALICE = 'tok_alice_owner';
const KINDS: Kinds[] = ['skills', 'agents'];

type View = { id: number; status: string; deletedAt: string | null; hasUnpublishedChanges: boolean; activeVariationId: string | null; draftVariationId: string | null; name: string; description: string | null; variation?: unknown };

let mock: RunningMock;
const agent = keepAliveAgent(LOOPS + 4);
let seen: Observations;
let initialIds: Record<Kinds, number[]>;
let finalRecords: Record<Kinds, ResourceRecord[]>;

beforeAll(async () => {
  mock = await startMock();
  const state = mock.core.exportState();
  initialIds = { skills: state.skills.map((r) => r.id), agents: state.agents.map((r) => r.id) };
  // The hot pool: two seeded resources alice owns per kind, plus two fresh ones.
  const pool: Record<Kinds, number[]> = { skills: [1, 2], agents: [1, 3] };
  for (const kind of KINDS) {
    for (const name of ['hot a', 'hot b']) {
      const res = await api(mock.url, agent, 'POST', `/api/v1/${kind}`, ALICE, { name });
      pool[kind].push((res.json as { id: number }).id);
    }
  }
  seen = await runConcurrentLoad(mock.url, agent, pool, LOOPS, STEPS, SEED);
  const after = mock.core.exportState();
  finalRecords = { skills: after.skills, agents: after.agents };
});

afterAll(async () => {
  agent.destroy();
  await mock.close();
});

/** Every resource view an answer carried (create, get, patch, undelete, toggle, deploy). */
function views(): Array<{ what: string; view: View }> {
  const out: Array<{ what: string; view: View }> = [];
  for (const { op, path, res } of seen.answers) {
    if (res.status !== 200 && res.status !== 201) continue;
    const body = res.json as Record<string, unknown>;
    const view = (op.op === 'deploy' ? body[op.kind === 'skills' ? 'skill' : 'agent'] : body) as View;
    if (view && typeof view.id === 'number') out.push({ what: `${op.op} ${path}`, view });
  }
  return out;
}

describe(`concurrency: ${LOOPS} keep-alive clients patching, deploying, deleting, undeleting and creating (seed ${SEED})`, () => {
  it('ERR-2: no answer is a 5xx, and each operation answers only its documented statuses', () => {
    const allowed: Record<string, number[]> = { create: [201], patch: [200, 404], deploy: [200, 404], delete: [204], undelete: [200], get: [200, 404], toggle: [200, 404], walk: [200] };
    expect(seen.answers.length).toBeGreaterThan(LOOPS * STEPS);
    for (const { op, path, res } of seen.answers) {
      expect(res.status, `${op.op} ${path}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
      expect(allowed[op.op], `${op.op} ${path} answered ${res.status}`).toContain(res.status);
    }
  });

  it('DEL-6, DET-4: created ids are unique, never an id that existed before, and never reused', () => {
    for (const kind of KINDS) {
      const created = seen.created[kind];
      expect(created.length).toBeGreaterThan(0);
      expect(new Set(created).size).toBe(created.length);
      for (const id of created) expect(initialIds[kind]).not.toContain(id);
      const ids = finalRecords[kind].map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of created) expect(ids).toContain(id); // deleted rows are kept, so no id is free again
    }
  });

  it('LIFE-7, LIFE-8: every deploy answer has hasUnpublishedChanges false, no pending draft and status active', () => {
    const deploys = seen.answers.filter((a) => a.op.op === 'deploy' && a.res.status === 200);
    expect(deploys.length).toBeGreaterThan(0);
    for (const { op, path, res } of deploys) {
      const view = (res.json as Record<string, View>)[op.kind === 'skills' ? 'skill' : 'agent']!;
      expect({ path, h: view.hasUnpublishedChanges, draft: view.draftVariationId, status: view.status }).toEqual({ path, h: false, draft: null, status: 'active' });
      expect(view.activeVariationId).not.toBeNull();
    }
  });

  it('DEL-1, DEL-3: status is deleted exactly when deletedAt is set, in every answer and in the final state', () => {
    for (const { what, view } of views()) expect(view.status === 'deleted', what).toBe(view.deletedAt !== null);
    for (const kind of KINDS) for (const r of finalRecords[kind]) expect(r.status === 'deleted', `${kind} ${r.id}`).toBe(r.deletedAt !== null);
  });

  it('LIFE-11: every live skill\'s active and draft variation can be read through the historic variation endpoint', async () => {
    for (const r of finalRecords.skills.filter((s) => s.status !== 'deleted' && s.orgUuid === finalRecords.skills[0]!.orgUuid)) {
      const view = await api(mock.url, agent, 'GET', `/api/v1/skills/${r.id}?view=draft`, ALICE);
      if (view.status === 404) continue; // not usable by alice (private to someone else)
      for (const vid of [r.activeVariationId, r.draftVariationId]) {
        if (vid === null) continue;
        const res = await api(mock.url, agent, 'GET', `/api/v1/skills/${r.id}/variations/${vid}`, ALICE);
        expect(res.status, `skill ${r.id} variation ${vid}`).toBe(200);
        expect((res.json as { activeVariationId: string | null }).activeVariationId).toBe(r.activeVariationId);
      }
    }
    for (const kind of KINDS) {
      for (const r of finalRecords[kind]) {
        for (const vid of [r.activeVariationId, r.draftVariationId]) if (vid !== null) expect(Object.hasOwn(r.variations, vid), `${kind} ${r.id} ${vid}`).toBe(true);
      }
    }
  });

  it('LIFE-6: after the load, hasUnpublishedChanges is true exactly when the draft view differs from the active view', async () => {
    for (const kind of KINDS) {
      for (const id of [...seen.created[kind], 1, 2]) {
        const draft = await api(mock.url, agent, 'GET', `/api/v1/${kind}/${id}?view=draft`, ALICE);
        if (draft.status === 404) continue; // deleted at the end of the load
        const active = await api(mock.url, agent, 'GET', `/api/v1/${kind}/${id}?view=active`, ALICE);
        const d = draft.json as View;
        const a = active.json as View;
        const differs = a.activeVariationId === null || JSON.stringify([d.name, d.description, d.variation]) !== JSON.stringify([a.name, a.description, a.variation]);
        expect(d.hasUnpublishedChanges, `${kind} ${id}`).toBe(differs);
      }
    }
  });

  it('LIST-2, DEL-1: every walk during the load is ascending without repeats and never shows a deleted row', () => {
    expect(seen.walks.length).toBeGreaterThan(0);
    for (const walk of seen.walks) {
      for (let i = 1; i < walk.ids.length; i++) expect(walk.ids[i]!, `${walk.kind} walk ${walk.ids.join(',')}`).toBeGreaterThan(walk.ids[i - 1]!);
      expect(walk.statuses).not.toContain('deleted');
    }
  });

  it('LIST-2, HIDE-3: walking all pages after the load visits each visible resource exactly once', async () => {
    for (const kind of KINDS) {
      for (const pageSize of [1, 7, 100]) {
        const walk = await walkList(mock.url, agent, kind, pageSize);
        expect(new Set(walk.ids).size).toBe(walk.ids.length);
        const live = finalRecords[kind].filter((r) => r.status !== 'deleted');
        const usable: number[] = [];
        for (const r of live) if ((await api(mock.url, agent, 'GET', `/api/v1/${kind}/${r.id}`, ALICE)).status === 200) usable.push(r.id);
        for (const id of usable) expect(walk.ids, `${kind} ${id} (pageSize ${pageSize})`).toContain(id);
        for (const id of walk.ids) expect(live.map((r) => r.id)).toContain(id);
        if (kind === 'skills') expect(walk.ids).toEqual(usable); // HIDE-1: for skills, GET and list need the same right
      }
    }
  });
});
