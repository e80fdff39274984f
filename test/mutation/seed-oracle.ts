/**
 * What a loaded seed world must answer through the API, read from README "Fixture formats" against the plan of
 * seed-world.ts: every view of every item for every principal, every list, historic variations, the next id.
 */
import { expect } from 'vitest';
import type { MockCore } from '../../src/mock/domain/index.js';
import { PRINCIPALS, byUser, type Planned, type World } from './seed-world.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One API call as `userId`; answers status and body. */
export function call(core: MockCore, userId: string, method: string, url: string, body?: unknown): { status: number; body: Record<string, unknown> } {
  const headers = { authorization: `Bearer ${byUser(userId).token}`, 'content-type': 'application/json' };
  const r = core.handle({ method, url: `/api/v1${url}`, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: r.status, body: (r.body ?? {}) as Record<string, unknown> };
}

const plural = (p: Planned): string => `${p.kind}s`;
const sameOrg = (a: string, b: string): boolean => byUser(a).orgUuid === byUser(b).orgUuid;
/** No item is shared with anyone: the owner, and for org visibility every member, may use and manage (ACC-1). */
const canUse = (p: Planned, userId: string): boolean => sameOrg(p.owner, userId) && (p.owner === userId || p.visibility === 'org');
const active = (p: Planned): Planned['contents'][number] => p.contents.at(-1)!;
/** The draft view's content: the pending draft, else the active content, else the never-deployed first one. */
const drafted = (p: Planned): Planned['contents'][number] => p.draft ?? (p.deployed ? active(p) : p.contents[0]!);
const bodyKey = (p: Planned): string => (p.kind === 'skill' ? 'instructions' : 'trigger');

function checkVariationIds(p: Planned, got: Record<string, unknown>): void {
  const wantActive = p.deployed ? active(p).variationId : null;
  if (wantActive !== undefined) expect(got['activeVariationId']).toBe(wantActive);
  else expect(got['activeVariationId']).toMatch(UUID);
  const wantDraft = p.draft ? p.draft.variationId : p.deployed ? null : p.contents[0]!.variationId;
  if (wantDraft !== undefined) expect(got['draftVariationId']).toBe(wantDraft);
  else expect(got['draftVariationId']).toMatch(UUID);
  expect(got['draftVariationId']).not.toBe(got['activeVariationId']);
}

/** The fields every answer about `p` shares (a GET in any view, a list row). */
function checkCommon(p: Planned, got: Record<string, unknown>, loaded: [number, number]): void {
  expect(got['id']).toBe(p.id);
  if (p.slug !== undefined) expect(got['slug']).toBe(p.slug);
  else expect(got['slug']).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  expect(got['name']).toBe(p.name);
  expect(got['status']).toBe(p.deleted ? 'deleted' : p.deployed ? 'active' : 'draft');
  expect(got['hasUnpublishedChanges']).toBe(!p.deployed || p.draft !== undefined);
  expect(got['orgUuid']).toBe(byUser(p.owner).orgUuid);
  const access = got['accessConfig'] as Record<string, unknown>;
  expect([access['visibility'], access['ownerUserId'], access['ownerEmail']]).toEqual([p.visibility, p.owner, byUser(p.owner).email]);
  if (p.kind === 'agent') expect(got['isEnabled']).toBe(p.isEnabled ?? p.deployed);
  const [created, updated] = [String(got['createdAt']), String(got['updatedAt'])];
  if (p.createdAt !== undefined) expect(created).toBe(p.createdAt);
  else expect(Date.parse(created)).toBeGreaterThanOrEqual(loaded[0]); // created at load time
  if (p.createdAt === undefined) expect(Date.parse(created)).toBeLessThanOrEqual(loaded[1] + 1_000);
  if (p.updatedAt !== undefined) expect(updated).toBe(p.updatedAt);
  // What the mock writes itself is the API's form; a seeded time is shown as given.
  if (p.createdAt === undefined) expect(created).toMatch(ISO);
  if (p.updatedAt === undefined && updated !== p.createdAt) expect(updated).toMatch(ISO); // never before a seeded createdAt
  // Without a seeded updatedAt the last write is the seed's own, made at load time (a seeded createdAt stamps no write).
  if (p.updatedAt === undefined) expect(Date.parse(updated)).toBeGreaterThanOrEqual(loaded[0]);
  expect(Date.parse(updated)).toBeGreaterThanOrEqual(Date.parse(created));
  if (!p.deleted) expect(got['deletedAt']).toBeNull();
  else if (p.deletedAt !== undefined) expect(got['deletedAt']).toBe(p.deletedAt);
  else expect(got['deletedAt']).toMatch(ISO);
  if (!p.transfer) expect(got).not.toHaveProperty('pendingOwnershipTransfer');
  else {
    const t = got['pendingOwnershipTransfer'] as Record<string, unknown>;
    expect([t['pendingOwnerUserId'], t['pendingOwnerEmail'], t['requestedByUserId']]).toEqual([p.transfer.to, byUser(p.transfer.to).email, p.transfer.requestedBy ?? p.owner]);
    if (p.transfer.requestedAt !== undefined) expect(t['requestedAt']).toBe(p.transfer.requestedAt);
    else expect(t['requestedAt']).toMatch(ISO);
  }
  checkVariationIds(p, got);
}

/** UPD-2: the subordinates a manager's variation block lists for `userId`: live ones the caller can use, by id. */
function subordinates(world: World, m: Planned, userId: string): string[] {
  return world.skills.filter((s) => s.manager === m.index && !s.deleted && canUse(s, userId)).map((s) => String(s.id));
}

/** GET of one item in each view as `userId`. */
function checkGets(world: World, p: Planned, userId: string, loaded: [number, number]): void {
  const visible = !p.deleted && canUse(p, userId);
  for (const view of ['', '?view=active', '?view=draft']) {
    const got = call(core(), userId, 'GET', `/${plural(p)}/${p.id}${view}`);
    expect(got.status).toBe(visible ? 200 : 404);
    if (!visible) continue;
    checkCommon(p, got.body, loaded);
    const asDraft = view === '?view=draft' || (view === '' && p.kind === 'agent');
    const shown = asDraft ? drafted(p) : p.deployed ? active(p) : undefined;
    expect(got.body['description']).toBe((shown ?? drafted(p)).description);
    const variation = got.body['variation'] as Record<string, unknown> | undefined;
    if (!shown) expect(variation).toBeUndefined();
    else expect(variation?.[bodyKey(p)]).toEqual(shown.body);
    if (shown && p.kind === 'skill') expect(variation?.['supervisionSubordinateIds']).toEqual(subordinates(world, p, userId));
  }
}

/** LIFE-11: every content the seed gave a uuid stays readable by that uuid; an unknown one is 404. */
function checkHistory(p: Planned, userId: string): void {
  if (p.kind !== 'skill' || p.deleted || !canUse(p, userId)) return;
  for (const c of [...p.contents, ...(p.draft ? [p.draft] : [])]) {
    if (c.variationId === undefined) continue;
    // The first content of a never-deployed item is where its draft was patched in.
    const content = !p.deployed && c === p.contents[0] ? drafted(p) : c;
    const got = call(core(), userId, 'GET', `/skills/${p.id}/variations/${c.variationId}`);
    expect(got.status).toBe(200);
    expect((got.body['variation'] as Record<string, unknown>)['instructions']).toEqual(content.body);
  }
  expect(call(core(), userId, 'GET', `/skills/${p.id}/variations/ffffffff-0000-4000-8000-000000000000`).status).toBe(404);
}

/** LIST-1, DEL-5: the ids each principal lists, without and with deleted rows. */
function checkLists(world: World, userId: string, loaded: [number, number]): void {
  for (const kind of ['skills', 'agents'] as const) {
    const items = world[kind];
    for (const showDeleted of [false, true]) {
      const got = call(core(), userId, 'GET', `/${kind}?pageSize=100${showDeleted ? '&showDeleted=true' : ''}`);
      expect(got.status).toBe(200);
      const rows = got.body[kind] as Array<Record<string, unknown>>;
      const want = items.filter((p) => canUse(p, userId) && (showDeleted || !p.deleted)).sort((a, b) => a.id - b.id);
      expect(rows.map((r) => r['id'])).toEqual(want.map((p) => p.id));
      rows.forEach((r, i) => checkCommon(want[i]!, r, loaded));
    }
  }
}

let current: MockCore | undefined;
const core = (): MockCore => current!;

/** Checks everything README "Fixture formats" says the world means, through the API of `loaded`. */
export function checkWorld(world: World, loadedCore: MockCore, loaded: [number, number]): void {
  current = loadedCore;
  const all = [...world.skills, ...world.agents];
  for (const { userId } of PRINCIPALS) {
    for (const p of all) {
      checkGets(world, p, userId, loaded);
      checkHistory(p, userId);
    }
    checkLists(world, userId, loaded);
  }
  const given = all.flatMap((p) => [...p.contents, ...(p.draft ? [p.draft] : [])].map((c) => c.variationId)).filter((v) => v !== undefined);
  expect(new Set(given).size).toBe(given.length);
  // DEL-6: slugs are unique per org and kind (the owner lists every item it owns, deleted ones too).
  for (const kind of ['skills', 'agents'] as const) {
    for (const org of new Set(PRINCIPALS.map((p) => p.orgUuid))) {
      const slugs = world[kind].filter((p) => byUser(p.owner).orgUuid === org).map((p) => {
        const rows = call(core(), p.owner, 'GET', `/${kind}?pageSize=100&showDeleted=true`).body[kind] as Array<Record<string, unknown>>;
        return rows.find((r) => r['id'] === p.id)?.['slug'];
      });
      expect(new Set(slugs).size).toBe(slugs.length);
    }
  }
}

/** Every timestamp the seed gives. */
function stamps(world: World): number[] {
  return [...world.skills, ...world.agents].flatMap((p) => [p.createdAt, p.updatedAt, p.deletedAt, p.transfer?.requestedAt]).filter((t) => t !== undefined).map(Date.parse);
}

/** DET-4/DEL-6: the next create gets `nextId` when the seed names it, else an id above every seeded one; then UPD-6. */
export function checkWrites(world: World, loadedCore: MockCore): void {
  current = loadedCore;
  for (const kind of ['skill', 'agent'] as const) {
    const items = world[`${kind}s`];
    const created = call(core(), 'user_alice', 'POST', `/${kind}s`, { name: 'Created later' });
    expect(created.status).toBe(201);
    const id = created.body['id'] as number;
    const want = world.nextId?.[kind];
    if (want !== undefined) expect(id).toBe(want);
    expect(id).toBeGreaterThan(Math.max(0, ...items.map((p) => p.id)));
    const live = items.find((p) => !p.deleted);
    if (!live) continue;
    const after = call(core(), live.owner, 'PATCH', `/${kind}s/${live.id}`, { description: 'written later' });
    expect(after.status).toBe(200);
    // UPD-6: a write after the load is later than anything the seed stamped.
    expect(Date.parse(String(after.body['updatedAt']))).toBeGreaterThan(Math.max(...stamps(world)));
  }
}
