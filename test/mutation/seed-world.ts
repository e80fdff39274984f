/**
 * Generated seed worlds for the mutation suite (seed-worlds.mutation.ts): a plan of what each seeded skill and
 * agent should become, written from README "Fixture formats" (never from seed.ts), and the seed file that says it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { Principal } from '../../src/mock/domain/index.js';

/** The bundled principals (what coreFromFiles loads by default): acme has four members, globex one. */
export const PRINCIPALS = (JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/principals.json', import.meta.url)), 'utf8')) as { principals: Principal[] }).principals;
export const byUser = (userId: string): Principal => PRINCIPALS.find((p) => p.userId === userId)!;

export type Kind = 'skill' | 'agent';

/** One content state: what a view shows at the top and in its variation block. */
export interface Content {
  description: string;
  /** Skills: `instructions`; agents: `trigger`. */
  body: unknown;
  /** The uuid the seed names for this variation, if it names one. */
  variationId?: string;
}

/** What one seeded item should become. */
export interface Planned {
  kind: Kind;
  index: number;
  id: number;
  explicitId: boolean;
  owner: string;
  name: string;
  visibility: 'org' | 'private';
  /** The first content, then each later deploy's (deployed ones only). */
  contents: Content[];
  deployed: boolean;
  /** Whether the item says `deploy` (false: the key is left out, deploys imply it). */
  deployKey: boolean | undefined;
  draft?: Content;
  /** Skills: index of the manager skill. */
  manager?: number;
  isEnabled?: boolean;
  transfer?: { to: string; requestedBy?: string; requestedAt?: string; asObject: boolean };
  deleted: boolean;
  deletedAt?: string;
  slug?: string;
  createdAt?: string;
  updatedAt?: string;
}

export interface World {
  version: 1 | 2;
  skills: Planned[];
  agents: Planned[];
  nextId?: { skill?: number; agent?: number };
}

// Small pools, so equal values recur across records (the compactor shares them) and a string equals another value's JSON.
const DESCRIPTIONS = ['same', '{}', '[]', '["same"]', '{"enabled":true}', 'null', 'Ünïcode ✓'];
const INSTRUCTIONS = [[], ['same'], ['Be brief.', 'same']];
const TRIGGERS = [{}, { enabled: true }, { cron: 'same' }];
const NAMES = ['Same', 'Churn 🙂', 'a', '🙂'.repeat(200), 'Report writer', 'ünï'];
/** One instant written the ways ISO 8601 (RFC 3339) allows: with or without a fraction of 1 to 9 digits, Z or an offset. */
export function isoText(ms: number, style: number): string {
  const z = new Date(ms).toISOString(); // 2025-03-01T10:00:00.000Z
  const plus90 = new Date(ms + 90 * 60_000).toISOString().slice(0, 19);
  const minus5 = new Date(ms - 5 * 3_600_000).toISOString().slice(0, 19);
  if (style === 1) return `${z.slice(0, 19)}Z`; // only when the instant has no milliseconds is it the same instant
  if (style === 2) return `${plus90}${z.slice(19, 23)}+01:30`;
  if (style === 3) return `${minus5}${z.slice(19, 23)}456789-05:00`;
  if (style === 4) return `${z.slice(0, 21)}Z`; // one digit: whole seconds only
  return z;
}
const iso = fc.tuple(fc.integer({ min: Date.parse('2020-01-01T00:00:00.000Z'), max: Date.parse('2030-01-01T00:00:00.000Z') }), fc.nat(4))
  .map(([ms, style]) => isoText(style === 1 || style === 4 ? ms - (ms % 1000) : ms, style));

const rawItem = fc.record({
  owner: fc.nat(4), name: fc.nat(NAMES.length - 1), desc: fc.nat(DESCRIPTIONS.length - 1), body: fc.nat(2), private: fc.boolean(),
  deploy: fc.boolean(), omitDeployKey: fc.boolean(), deploys: fc.array(fc.tuple(fc.nat(DESCRIPTIONS.length - 1), fc.nat(2), fc.boolean()), { maxLength: 2 }),
  draft: fc.option(fc.tuple(fc.nat(2), fc.boolean()), { nil: undefined }), manager: fc.option(fc.nat(9), { nil: undefined }),
  isEnabled: fc.option(fc.boolean(), { nil: undefined }), deleted: fc.boolean(), deletedAt: fc.option(iso, { nil: undefined }),
  transfer: fc.option(fc.record({ to: fc.nat(4), by: fc.option(fc.nat(4), { nil: undefined }), at: fc.option(iso, { nil: undefined }), asObject: fc.boolean() }), { nil: undefined }),
  idGap: fc.option(fc.nat(3), { nil: undefined }), slug: fc.boolean(), createdAt: fc.option(iso, { nil: undefined }),
  updatedAt: fc.option(fc.nat(400 * 86_400_000), { nil: undefined }), variationId: fc.boolean(),
});
type Raw = typeof rawItem extends fc.Arbitrary<infer T> ? T : never;

/** Whether following manager links up from `from` reaches `target`. */
function reaches(skills: readonly Planned[], from: number, target: number): boolean {
  for (let at: number | undefined = from, steps = 0; at !== undefined && steps <= skills.length; at = skills[at]!.manager, steps++) if (at === target) return true;
  return false;
}

/** Turns raw choices into a valid plan: ids per format, usable acyclic managers, same-org transfers, unique uuids and slugs. */
function plan(version: 1 | 2, kind: Kind, raws: readonly Raw[], uuid: () => string): Planned[] {
  const v2 = version === 2;
  let prev = 0;
  const perOrg = new Map<string, number>();
  return raws.map((r, index) => {
    const owner = PRINCIPALS[r.owner]!;
    const explicitId = v2 && r.idGap !== undefined;
    const id = explicitId ? prev + 1 + r.idGap! : prev + 1;
    prev = id;
    const bodyOf = (n: number): unknown => (kind === 'skill' ? INSTRUCTIONS[n] : TRIGGERS[n]);
    const deploys = v2 && r.deploy ? r.deploys : [];
    const deployed = r.deploy;
    const contents: Content[] = [{ description: DESCRIPTIONS[r.desc]!, body: bodyOf(r.body), ...(v2 && r.variationId ? { variationId: uuid() } : {}) }];
    for (const [d, b, named] of deploys) contents.push({ description: DESCRIPTIONS[d]!, body: bodyOf(b), ...(named ? { variationId: uuid() } : {}) });
    // A draft description no deploy uses, so the draft always differs from the active content.
    const draft: Content | undefined = r.draft && {
      description: `draft ${kind} ${index}`, body: bodyOf(r.draft[0]), ...(v2 && deployed && r.draft[1] ? { variationId: uuid() } : {}),
    };
    const org = owner.orgUuid;
    const others = PRINCIPALS.filter((p) => p.orgUuid === org && p.userId !== owner.userId);
    const transfer = r.transfer && others.length > 0 ? {
      to: others[r.transfer.to % others.length]!.userId, asObject: v2 && r.transfer.asObject,
      ...(v2 && r.transfer.asObject && r.transfer.by !== undefined ? { requestedBy: PRINCIPALS[r.transfer.by]!.userId } : {}),
      ...(v2 && r.transfer.asObject && r.transfer.at !== undefined ? { requestedAt: r.transfer.at } : {}),
    } : undefined;
    const n = perOrg.get(org) ?? 0;
    perOrg.set(org, n + 1);
    const createdAt = v2 ? r.createdAt : undefined;
    return {
      kind, index, id, explicitId, owner: owner.userId, name: NAMES[r.name]!, visibility: r.private ? 'private' : 'org', contents, deployed,
      deployKey: deploys.length > 0 && r.omitDeployKey ? undefined : r.deploy, draft, transfer, deleted: r.deleted,
      ...(kind === 'agent' && r.isEnabled !== undefined ? { isEnabled: r.isEnabled } : {}),
      ...(v2 && r.deleted && r.deletedAt !== undefined ? { deletedAt: r.deletedAt } : {}),
      ...(v2 && r.slug ? { slug: `q-${n}-z` } : {}), // slugs the mock never derives (it ends them in 3+ id digits), repeated across orgs
      ...(createdAt !== undefined ? { createdAt } : {}),
      ...(createdAt !== undefined && r.updatedAt !== undefined ? { updatedAt: isoText(Date.parse(createdAt) + r.updatedAt, [0, 2, 3][r.updatedAt % 3]!) } : {}),
    };
  });
}

/** Links each skill to the manager it picked when the owner can use it and no cycle forms (README: "the owner must be able to use it"). */
function linkManagers(skills: Planned[], raws: readonly Raw[]): void {
  raws.forEach((r, i) => {
    if (r.manager === undefined || skills.length < 2) return;
    const j = r.manager % skills.length;
    const s = skills[i]!;
    const m = skills[j]!;
    const usable = byUser(m.owner).orgUuid === byUser(s.owner).orgUuid && (m.owner === s.owner || m.visibility === 'org');
    if (j !== i && usable && !reaches(skills, j, i)) s.manager = j;
  });
}

/** A valid seed world in format v1 or v2 (at least `min` items of each kind). */
export function worldArb(min = 0): fc.Arbitrary<World> {
  return fc.record({
    version: fc.constantFrom<1 | 2>(1, 2),
    skills: fc.array(rawItem, { minLength: min, maxLength: 6 }),
    agents: fc.array(rawItem, { minLength: min, maxLength: 4 }),
    nextId: fc.option(fc.record({ skill: fc.option(fc.nat(4), { nil: undefined }), agent: fc.option(fc.nat(4), { nil: undefined }) }), { nil: undefined }),
  }).map(({ version, skills: rs, agents: ra, nextId }) => {
    let n = 0;
    const uuid = (): string => `aaaaaaaa-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;
    const skills = plan(version, 'skill', rs, uuid);
    linkManagers(skills, rs);
    const agents = plan(version, 'agent', ra, uuid);
    const top = (list: Planned[], extra: number | undefined): number | undefined => (extra === undefined ? undefined : (list.at(-1)?.id ?? 0) + 1 + extra);
    const world: World = { version, skills, agents };
    if (version === 2 && nextId) world.nextId = { skill: top(skills, nextId.skill), agent: top(agents, nextId.agent) };
    return world;
  });
}

function contentFields(kind: Kind, c: Content): Record<string, unknown> {
  return { description: c.description, [kind === 'skill' ? 'instructions' : 'trigger']: c.body };
}

/** The seed item README "Fixture formats" says gives the planned state. */
function seedItem(world: World, p: Planned): Record<string, unknown> {
  const v2 = world.version === 2;
  const [first, ...later] = p.contents;
  const item: Record<string, unknown> = { owner: p.owner, name: p.name, ...contentFields(p.kind, first!) };
  if (p.visibility === 'private') item['accessConfig'] = { visibility: 'private' };
  if (p.deployKey !== undefined) item['deploy'] = p.deployKey;
  if (v2 && p.explicitId) item['id'] = p.id;
  if (first!.variationId) item['variationId'] = first!.variationId;
  if (later.length > 0 || (v2 && p.deployed && p.index % 2 === 0)) item['deploys'] = later.map((c) => ({ ...contentFields(p.kind, c), ...(c.variationId ? { variationId: c.variationId } : {}) }));
  if (p.draft) item['draft'] = { ...contentFields(p.kind, p.draft), ...(p.draft.variationId ? { variationId: p.draft.variationId } : {}) };
  if (p.manager !== undefined) item['managerId'] = v2 ? world.skills[p.manager]!.id : p.manager + 1;
  if (p.isEnabled !== undefined) item['isEnabled'] = p.isEnabled;
  if (p.transfer && !p.transfer.asObject) item['pendingTransferTo'] = p.transfer.to;
  if (p.transfer?.asObject) {
    const { to, requestedBy, requestedAt } = p.transfer;
    item['pendingTransfer'] = { to, ...(requestedBy ? { requestedBy } : {}), ...(requestedAt ? { requestedAt } : {}) };
  }
  if (p.deleted) item['deleted'] = true;
  for (const key of ['deletedAt', 'slug', 'createdAt', 'updatedAt'] as const) if (p[key] !== undefined) item[key] = p[key];
  return item;
}

/** The seed file (JSON value) of a world. */
export function seedFileOf(world: World): Record<string, unknown> {
  const file: Record<string, unknown> = {};
  if (world.version === 2) file['version'] = 2;
  if (world.nextId) file['nextId'] = Object.fromEntries(Object.entries(world.nextId).filter(([, v]) => v !== undefined));
  // Both lists are optional; an empty one is sometimes left out.
  if (world.skills.length > 0 || world.version === 2) file['skills'] = world.skills.map((p) => seedItem(world, p));
  if (world.agents.length > 0 || world.version === 1) file['agents'] = world.agents.map((p) => seedItem(world, p));
  return file;
}
