/** Seed fixtures (formats v1 and v2) applied through the same operations the API uses, so every seeded state is reachable. */
import { permissionsOn } from './access.js';
import { defaultAccess, mergeAccess } from './access-config.js';
import type { Ctx } from './context.js';
import { deploy, remove, toggle } from './lifecycle.js';
import { SeedError, checkItem } from './seed-check.js';
import { requestTransfer } from './transfer.js';
import { create } from './create.js';
import { patch } from './update.js';
import type { Kind, Principal, ResourceRecord, Result } from './types.js';

export { SeedError } from './seed-check.js';

/** One seeded skill or agent: content fields and `accessConfig` as in a create body, plus how to shape its state. */
export interface SeedResource {
  /** userId of the owning principal; the resource lands in that principal's org. */
  owner: string;
  name: string;
  /** Deploy after create (status active). */
  deploy?: boolean;
  /** Content fields patched after the deploys, leaving a pending draft (hasUnpublishedChanges). */
  draft?: Record<string, unknown>;
  /** Skills: the manager skill, by 1-based position in `skills` (v1) or by its `id` (v2). */
  managerId?: number;
  /** Agents: the wanted isEnabled after deploy. */
  isEnabled?: boolean;
  /** userId of a same-org principal who has a pending ownership transfer offer. */
  pendingTransferTo?: string;
  /** Soft-delete it last. */
  deleted?: boolean;
  /** v2: explicit id (greater than every id before it in the list; gaps allowed, never reused). */
  id?: number;
  /** v2: explicit slug, createdAt, updatedAt (and deletedAt when deleted), as the API shows them. */
  slug?: string;
  createdAt?: string;
  updatedAt?: string;
  deletedAt?: string;
  /** v2: uuid of the first variation. */
  variationId?: string;
  /** v2: later deploys, each a content patch (with an optional `variationId`) deployed in turn; earlier ones become history. */
  deploys?: Array<Record<string, unknown>>;
  /** v2: a pending transfer with who requested it and when. */
  pendingTransfer?: { to: string; requestedBy?: string; requestedAt?: string };
  [field: string]: unknown;
}

/** The seed fixture file; v1 (no `version`) gives ids 1, 2, 3... in file order, per kind. */
export interface SeedFile {
  /** 2 for seed format v2 (explicit ids, slugs, timestamps, deploys, transfers); absent for v1. */
  version?: 2;
  /** v2: the next id per kind, so ids a deployment already used (and deleted for good) are never handed out. */
  nextId?: { skill?: number; agent?: number };
  skills?: SeedResource[];
  agents?: SeedResource[];
}

/** Keys handled by the seed itself; everything else of an item is its create body. */
const SEED_ONLY = new Set(['owner', 'deploy', 'draft', 'managerId', 'isEnabled', 'pendingTransferTo', 'deleted', 'id', 'slug',
  'createdAt', 'updatedAt', 'deletedAt', 'variationId', 'deploys', 'pendingTransfer']);

function must<T>(result: Result<T>, path: string): T {
  if (!result.ok) throw new SeedError(path, result.error.message);
  return result.value;
}

/** What one item became in the first pass, for the links and timestamps of the later passes. */
interface Placed {
  kind: Kind;
  item: SeedResource;
  path: string;
  owner: Principal;
  record: ResourceRecord;
}

/** v2: gives the variation the core just created (`generated`) the uuid the seed names. */
function renameVariation(record: ResourceRecord, generated: string, wanted: unknown, used: Set<string>, path: string): void {
  if (wanted === undefined) return;
  const id = String(wanted).toLowerCase();
  if (used.has(id)) throw new SeedError(path, `variation ${id} is already used in this seed`);
  used.add(id);
  record.variations = Object.fromEntries(Object.entries(record.variations).map(([k, v]) => [k === generated ? id : k, v]));
  if (record.activeVariationId === generated) record.activeVariationId = id;
  if (record.draftVariationId === generated) record.draftVariationId = id;
}

/** Pass 1: create, name the first variation, deploy, later deploys, then the pending draft. */
function place(ctx: Ctx, kind: Kind, item: SeedResource, path: string, owner: Principal, used: Set<string>): ResourceRecord {
  const body = Object.fromEntries(Object.entries(item).filter(([k]) => !SEED_ONLY.has(k)));
  // Checked here, not by create, so the error names the field rather than the item.
  if (item['accessConfig'] !== undefined) must(mergeAccess(kind, defaultAccess(kind, owner), item['accessConfig'], owner, owner.orgUuid), `${path}/accessConfig`);
  const created = must(create(ctx, owner, kind, body), path).body as { id: number };
  const record = ctx.store.get(kind, created.id)!;
  const id = String(record.id);
  renameVariation(record, record.draftVariationId!, item.variationId, used, `${path}/variationId`);
  if (item.deploy || item.deploys) must(deploy(ctx, owner, kind, id, {}), `${path}/deploy`);
  const patchIn = (fields: Record<string, unknown>, at: string): void => {
    const { variationId, ...content } = fields;
    must(patch(ctx, owner, kind, id, new URLSearchParams(), content), at);
    if (variationId === undefined) return;
    // README v2: `variationId` names the first variation; `draft` is patched after the deploy, so a never-deployed item has no other draft to name.
    if (record.activeVariationId === null) throw new SeedError(`${at}/variationId`, 'a never-deployed item\'s draft is its first variation: name it with variationId on the item');
    // A patch that changes no content makes no variation: the uuid would be ignored.
    if (!record.draftVariationId) throw new SeedError(`${at}/variationId`, 'names no variation: this patch changes no content');
    renameVariation(record, record.draftVariationId, variationId, used, `${at}/variationId`);
  };
  (item.deploys ?? []).forEach((d, i) => {
    patchIn(d, `${path}/deploys/${i}`);
    must(deploy(ctx, owner, kind, id, {}), `${path}/deploys/${i}`);
  });
  if (item.draft) patchIn(item.draft, `${path}/draft`);
  return record;
}

/** v1 `managerId` is a 1-based position, v2 an `id`: the placed manager skill, with a message that says which. */
function managerOf(p: Placed, skills: readonly Placed[], version: 1 | 2): Placed {
  const ref = p.item.managerId!;
  const at = `${p.path}/managerId`;
  if (version === 1 && !Number.isSafeInteger(ref)) throw new SeedError(at, `must be an integer: the 1-based position of the manager in "skills", got ${JSON.stringify(ref)}`);
  const found = version === 1 ? skills[ref - 1] : skills.find((s) => s.record.id === ref);
  if (!found) {
    throw new SeedError(at, version === 1
      ? `no skill at position ${ref}: managerId is the 1-based position in "skills", which has ${skills.length}`
      : `no skill in this seed has id ${ref}`);
  }
  if (!permissionsOn(p.owner, found.record).use) {
    throw new SeedError(at, `${found.path} (skill ${found.record.id}) is not usable by ${p.owner.userId}, the owner of this skill; a manager must be a skill the owner can use (UPD-2)`);
  }
  return found;
}

/** Pass 2: manager links (any order in the file), isEnabled, transfers; pass 3: deletes, so a deleted manager still links. */
function shape(ctx: Ctx, placed: readonly Placed[], version: 1 | 2, byUser: ReadonlyMap<string, Principal>): void {
  const skills = placed.filter((p) => p.kind === 'skill');
  for (const p of placed) {
    const id = String(p.record.id);
    if (p.item.managerId !== undefined) {
      const manager = managerOf(p, skills, version);
      must(patch(ctx, p.owner, 'skill', id, new URLSearchParams(), { managerId: manager.record.id }), `${p.path}/managerId`);
    }
    if (p.item.isEnabled !== undefined && p.record.isEnabled !== p.item.isEnabled) must(toggle(ctx, p.owner, id, {}), `${p.path}/isEnabled`);
    const transfer = p.item.pendingTransfer ?? (p.item.pendingTransferTo === undefined ? undefined : { to: p.item.pendingTransferTo });
    if (transfer) {
      const at = p.item.pendingTransfer ? `${p.path}/pendingTransfer` : `${p.path}/pendingTransferTo`;
      must(requestTransfer(ctx, p.owner, p.kind, id, { newOwnerUserId: transfer.to }), p.item.pendingTransfer ? `${at}/to` : at);
      const pending = p.record.pendingOwnershipTransfer!;
      if (transfer.requestedBy !== undefined) {
        if (!byUser.has(transfer.requestedBy)) throw new SeedError(`${at}/requestedBy`, `no principal has userId ${JSON.stringify(transfer.requestedBy)}`);
        pending.requestedByUserId = transfer.requestedBy;
      }
      if (transfer.requestedAt !== undefined) pending.requestedAt = transfer.requestedAt;
    }
  }
  for (const p of placed) if (p.item.deleted) must(remove(ctx, p.owner, p.kind, String(p.record.id)), `${p.path}/deleted`);
}

/** v2: the slug and timestamps the seed names replace the generated ones. */
function stamp(placed: readonly Placed[]): void {
  const slugs = new Map<string, string>();
  for (const { item, path, record } of placed) {
    if (item.slug !== undefined) {
      if (typeof item.slug !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(item.slug)) throw new SeedError(`${path}/slug`, 'must be lowercase letters, digits and dashes');
      record.slug = item.slug;
    }
    const key = `${record.kind} ${record.orgUuid} ${record.slug}`;
    if (slugs.has(key)) throw new SeedError(`${path}/slug`, `repeats the slug of ${slugs.get(key)} (slugs are unique per org, DEL-6)`);
    slugs.set(key, path);
    if (item.createdAt !== undefined) record.createdAt = item.createdAt;
    if (item.updatedAt !== undefined) {
      // Without a createdAt the item is created at load time, and an update is never earlier than its creation.
      if (item.createdAt === undefined && Date.parse(item.updatedAt) < Date.parse(record.createdAt)) {
        throw new SeedError(`${path}/updatedAt`, `is earlier than createdAt, which is the load time (${record.createdAt}) when not given`);
      }
      record.updatedAt = item.updatedAt;
    } else if (Date.parse(record.createdAt) > Date.parse(record.updatedAt)) record.updatedAt = record.createdAt;
    if (item.deletedAt !== undefined) record.deletedAt = item.deletedAt;
  }
}

/** Builds state from seed fixtures (v1 or v2) through the API's own operations; throws SeedError naming the JSON path. */
export function applySeed(ctx: Ctx, principals: readonly Principal[], seed: SeedFile): void {
  const version = seed.version === 2 ? 2 : 1;
  const byUser = new Map(principals.map((p) => [p.userId, p]));
  const used = new Set<string>();
  const placed: Placed[] = [];
  for (const [kind, key] of [['skill', 'skills'], ['agent', 'agents']] as const) {
    (seed[key] ?? []).forEach((item, i) => {
      const path = `/${key}/${i}`;
      checkItem(kind, item, path, version);
      const owner = byUser.get(item.owner);
      if (!owner) throw new SeedError(`${path}/owner`, `no principal has userId ${JSON.stringify(item.owner)}`);
      if (item.id !== undefined) {
        const next = ctx.store.nextId[kind];
        if (!Number.isSafeInteger(item.id) || item.id < next) throw new SeedError(`${path}/id`, `must be an integer of at least ${next}: ids go up in file order and are never reused`);
        ctx.store.nextId[kind] = item.id;
      }
      placed.push({ kind, item, path, owner, record: place(ctx, kind, item, path, owner, used) });
    });
    const next = seed.nextId?.[kind];
    if (next !== undefined) {
      if (!Number.isSafeInteger(next) || next < ctx.store.nextId[kind]) throw new SeedError(`/nextId/${kind}`, `must be greater than every ${kind} id (at least ${ctx.store.nextId[kind]})`);
      ctx.store.nextId[kind] = next;
    }
  }
  shape(ctx, placed, version, byUser);
  stamp(placed);
}
