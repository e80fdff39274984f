/** Seed format v2 (explicit ids, slugs, timestamps, deploys, transfers), the loader's messages, and reset to an imported state. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createMockCore, type MockCore, type SeedFile } from '../../src/mock/domain/index.js';
import { createApp } from '../../src/mock/http/index.js';
import { bundledPrincipals } from '../../src/msw/index.js';
import { DEFAULT_PRINCIPALS, coreFromFiles } from '../../src/mock/fixture-core.js';

const dir = mkdtempSync(join(tmpdir(), 'modus-seed-v2-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const V1 = 'aaaaaaaa-0000-4000-8000-000000000001';
const V2 = 'aaaaaaaa-0000-4000-8000-000000000002';
const V3 = 'aaaaaaaa-0000-4000-8000-000000000003';

const SEED: SeedFile = {
  version: 2,
  nextId: { skill: 40 },
  skills: [
    { id: 3, owner: 'user_alice', name: 'Manager', slug: 'the-manager', createdAt: '2025-03-01T10:00:00.000Z', updatedAt: '2025-03-02T10:00:00.000Z',
      variationId: V1, description: 'first', deploys: [{ variationId: V2, description: 'second' }], draft: { variationId: V3, description: 'third' },
      accessConfig: { visibility: 'org' } },
    { id: 7, owner: 'user_bob', name: 'Worker', managerId: 3, deploy: true,
      pendingTransfer: { to: 'user_carol', requestedBy: 'user_bob', requestedAt: '2025-04-01T00:00:00.000Z' } },
    { id: 9, owner: 'user_alice', name: 'Gone', deploy: true, deleted: true, deletedAt: '2025-05-01T00:00:00.000Z' },
  ],
  agents: [{ id: 5, owner: 'user_alice', name: 'Agent', deploy: true, isEnabled: false, createdAt: '2025-01-01T00:00:00.000Z' }],
};

function core(seed: SeedFile = SEED): MockCore {
  return createMockCore({ principals: bundledPrincipals, seed });
}

function get(c: MockCore, url: string, token = 'tok_alice_owner'): { status: number; body: any } {
  const out = c.handle({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  return { status: out.status, body: out.body };
}

/** The message `coreFromFiles` throws for a seed file with `content`. */
function loadError(content: unknown): string {
  const path = join(dir, `seed-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(content));
  try {
    coreFromFiles(DEFAULT_PRINCIPALS, path);
  } catch (e) {
    return (e as Error).message.replace(path, 'FILE');
  }
  throw new Error('the seed loaded');
}

describe('seed format v2', () => {
  it('explicit ids (gaps allowed), slug, timestamps, variation uuids, historic deploys and a pending draft', () => {
    const c = core();
    const skill = get(c, '/api/v1/skills/3').body;
    expect(skill).toMatchObject({ id: 3, slug: 'the-manager', createdAt: '2025-03-01T10:00:00.000Z', updatedAt: '2025-03-02T10:00:00.000Z',
      activeVariationId: V2, draftVariationId: V3, description: 'second', hasUnpublishedChanges: true });
    expect(get(c, '/api/v1/skills/3?view=draft').body.description).toBe('third');
    // LIFE-11: the first deploy is history now, still readable by its uuid.
    expect(get(c, `/api/v1/skills/3/variations/${V1}`).body).toMatchObject({ description: 'first' });
    expect(get(c, '/api/v1/skills/1').status).toBe(404); // a gap
    expect(get(c, '/api/v1/agents/5').body).toMatchObject({ id: 5, isEnabled: false, createdAt: '2025-01-01T00:00:00.000Z' });
  });

  it('a manager link by id, a transfer with its requester, a deletion with its time; nextId is honoured (DET-4, DEL-6)', () => {
    const c = core();
    const worker = get(c, '/api/v1/skills/7', 'tok_bob_teammate').body;
    expect(get(c, '/api/v1/skills/3').body.variation.supervisionSubordinateIds).toEqual(['7']); // UPD-2
    expect(worker.pendingOwnershipTransfer).toEqual({ pendingOwnerUserId: 'user_carol', requestedByUserId: 'user_bob', requestedAt: '2025-04-01T00:00:00.000Z', pendingOwnerEmail: 'carol@acme.example' });
    expect(c.exportState().skills.find((s) => s.id === 9)).toMatchObject({ status: 'deleted', deletedAt: '2025-05-01T00:00:00.000Z' });
    const created = c.handle({ method: 'POST', url: '/api/v1/skills', headers: { authorization: 'Bearer tok_alice_owner' }, body: '{"name":"new"}' });
    expect((created.body as { id: number }).id).toBe(40);
  });

  it('UPD-6: a write after seeding is later than every seeded timestamp, even one in the future', () => {
    const future = '2099-01-01T00:00:00.000Z';
    const c = core({ version: 2, skills: [{ owner: 'user_alice', name: 'x', createdAt: future, updatedAt: future }] });
    const out = c.handle({ method: 'PATCH', url: '/api/v1/skills/1', headers: { authorization: 'Bearer tok_alice_owner' }, body: '{"description":"later"}' });
    expect(Date.parse((out.body as { updatedAt: string }).updatedAt)).toBeGreaterThan(Date.parse(future));
  });

  it('v1 files still load unchanged, and a managerId may now point at a later skill', () => {
    const c = core({ skills: [{ owner: 'user_alice', name: 'worker', managerId: 2 }, { owner: 'user_alice', name: 'boss' }] });
    expect(get(c, '/api/v1/skills/2?view=draft').body.variation.supervisionSubordinateIds).toEqual(['1']);
  });
});

describe('seed loader messages name the file, the JSON path and the problem', () => {
  const cases: Array<[string, unknown, string | RegExp]> = [
    ['the README example', { skills: [{ owner: 'user_alice', name: 'a' }, { owner: 'user_alice', name: 'b' }, { owner: 'user_alice', name: 'c' }, { owner: 'user_alice', name: '' }] },
      'FILE: /skills/3/name: name must be 1 to 200 characters'],
    ['a v1 managerId past the end', { skills: [{ owner: 'user_alice', name: 'a', managerId: 4 }] },
      'FILE: /skills/0/managerId: no skill at position 4: managerId is the 1-based position in "skills", which has 1'],
    ['a manager the owner cannot use', { skills: [{ owner: 'user_alice', name: 'private', accessConfig: { visibility: 'private' } }, { owner: 'user_bob', name: 'b', managerId: 1 }] },
      'FILE: /skills/1/managerId: /skills/0 (skill 1) is not usable by user_bob, the owner of this skill; a manager must be a skill the owner can use (UPD-2)'],
    ['isEnabled on a skill', { skills: [{ owner: 'user_alice', name: 'a', isEnabled: true }] }, 'FILE: /skills/0/isEnabled: isEnabled is a field of agents, not of skills'],
    ['managerId on an agent', { agents: [{ owner: 'user_alice', name: 'a', managerId: 1 }] }, 'FILE: /agents/0/managerId: managerId is a field of skills, not of agents'],
    ['managerId inside draft', { skills: [{ owner: 'user_alice', name: 'a' }, { owner: 'user_alice', name: 'b', deploy: true, draft: { managerId: 1 } }] },
      'FILE: /skills/1/draft/managerId: a manager link is not drafted (UPD-2): set managerId on the item itself'],
    ['a field that would be ignored', { skills: [{ owner: 'user_alice', name: 'a', colour: 'red' }] }, 'FILE: /skills/0/colour: colour is not a field of a skill seed item (it would be ignored)'],
    ['a v2 field in a v1 file', { skills: [{ owner: 'user_alice', name: 'a', slug: 'a' }] }, 'FILE: /skills/0/slug: slug is a seed format v2 field: add "version": 2 at the top of the file'],
    ['a wrong field in draft', { skills: [{ owner: 'user_alice', name: 'a', deploy: true, draft: { model: 3 } }] }, 'FILE: /skills/0/draft/model: model must be a string or null'],
    ['an id that goes back', { version: 2, skills: [{ id: 5, owner: 'user_alice', name: 'a' }, { id: 5, owner: 'user_alice', name: 'b' }] },
      'FILE: /skills/1/id: must be an integer of at least 6: ids go up in file order and are never reused'],
    ['a nextId below an id', { version: 2, nextId: { skill: 2 }, skills: [{ id: 5, owner: 'user_alice', name: 'a' }] }, 'FILE: /nextId/skill: must be greater than every skill id (at least 6)'],
    ['a repeated slug', { version: 2, skills: [{ owner: 'user_alice', name: 'a', slug: 's' }, { owner: 'user_alice', name: 'b', slug: 's' }] },
      'FILE: /skills/1/slug: repeats the slug of /skills/0 (slugs are unique per org, DEL-6)'],
    ['a bad timestamp', { version: 2, skills: [{ owner: 'user_alice', name: 'a', createdAt: 'yesterday' }] }, 'FILE: /skills/0/createdAt: must be an ISO 8601 date-time such as 2026-01-31T09:30:00.000Z, got "yesterday"'],
    ['a repeated variation uuid', { version: 2, skills: [{ owner: 'user_alice', name: 'a', variationId: V1 }, { owner: 'user_alice', name: 'b', variationId: V1 }] },
      `FILE: /skills/1/variationId: variation ${V1} is already used in this seed`],
    ['a bad accessConfig', { skills: [{ owner: 'user_alice', name: 'a', accessConfig: { visibility: 'public' } }] },
      'FILE: /skills/0/accessConfig: accessConfig.visibility must be private, shared or org'],
    ['an unknown transfer field', { version: 2, skills: [{ owner: 'user_alice', name: 'a', pendingTransfer: { to: 'user_bob', when: 'now' } }] },
      'FILE: /skills/0/pendingTransfer/when: when is not a field of pendingTransfer (it would be ignored)'],
    // README v2 `deploys`, `draft.variationId`: the uuid names the variation the patch's content makes; none is made without content.
    ['a variationId on a content-less draft', { version: 2, skills: [{ owner: 'user_alice', name: 'a', deploy: true, draft: { variationId: V1 } }] },
      'FILE: /skills/0/draft/variationId: names no variation: this patch changes no content'],
    ['a variationId on a content-less later deploy', { version: 2, skills: [{ owner: 'user_alice', name: 'a', deploy: true, deploys: [{ variationId: V1 }] }] },
      'FILE: /skills/0/deploys/0/variationId: names no variation: this patch changes no content'],
    // README v2: `variationId` names the first variation, `draft` is patched after the deploy; never deployed, the draft is that first variation.
    ['draft.variationId on a never-deployed item', { version: 2, skills: [{ owner: 'user_alice', name: 'a', variationId: V1, draft: { description: 'd', variationId: V2 } }] },
      "FILE: /skills/0/draft/variationId: a never-deployed item's draft is its first variation: name it with variationId on the item"],
    // README v2 timestamps, UPD-6: without createdAt the item is created at load time.
    ['an updatedAt alone before the load', { version: 2, skills: [{ owner: 'user_alice', name: 'a', updatedAt: '2020-01-01T00:00:00.000Z' }] },
      /^FILE: \/skills\/0\/updatedAt: is earlier than createdAt, which is the load time \(\d{4}-.*Z\) when not given$/],
  ];
  it('README: a v1 managerId is the 1-based position in "skills", so a string or a boolean is refused (the file schema says so; modusHandlers({ seed }) gets no schema pass)', () => {
    for (const managerId of ['1', true]) {
      const seed = { skills: [{ owner: 'user_alice', name: 'a' }, { owner: 'user_alice', name: 'b', managerId }] } as unknown as SeedFile;
      expect(() => core(seed)).toThrow(`/skills/1/managerId: must be an integer: the 1-based position of the manager in "skills", got ${JSON.stringify(managerId)}`);
    }
  });
  it.each(cases)('%s', (_what, content, message) => {
    if (typeof message === 'string') expect(loadError(content)).toBe(message);
    else expect(loadError(content)).toMatch(message);
  });
});

describe('reset to an imported state', () => {
  it('--seed takes a GET /__mock/state export: the mock starts on it and reset returns to it', () => {
    const source = core().exportState();
    const path = join(dir, 'state-as-seed.json');
    writeFileSync(path, JSON.stringify(source));
    const c = coreFromFiles(DEFAULT_PRINCIPALS, path);
    expect(c.exportState()).toEqual(source);
    c.handle({ method: 'DELETE', url: '/api/v1/skills/3', headers: { authorization: 'Bearer tok_alice_owner' } });
    expect(c.exportState()).not.toEqual(source);
    c.reset();
    expect(c.exportState()).toEqual(source);
  });

  it('PUT /__mock/state?seed=true makes POST /__mock/reset return to the import; without it reset goes to the seed', async () => {
    const app = createApp({ core: coreFromFiles() });
    const imported = core().exportState();
    await request(app).put('/__mock/state').set('content-type', 'application/json').send(JSON.stringify(imported)).expect(200);
    await request(app).post('/__mock/reset').set('content-type', 'application/json').expect(200);
    expect((await request(app).get('/__mock/state')).body).not.toEqual(imported); // plain import: reset goes back to the seed
    await request(app).put('/__mock/state?seed=true').set('content-type', 'application/json').send(JSON.stringify(imported)).expect(200);
    await request(app).post('/api/v1/skills').set('authorization', 'Bearer tok_alice_owner').set('content-type', 'application/json').send('{"name":"x"}').expect(201);
    await request(app).post('/__mock/reset').set('content-type', 'application/json').expect(200);
    expect((await request(app).get('/__mock/state')).body).toEqual(imported);
  });
});
