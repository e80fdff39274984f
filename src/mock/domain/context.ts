import { permissionsOn } from './access.js';
import { fail, notFound, ok } from './errors.js';
import { pruneVariations } from './history.js';
import type { Store } from './store.js';
import type { Content, Kind, Principal, ResourceRecord, Result } from './types.js';

/** Everything an operation needs besides its request. */
export interface Ctx {
  store: Store;
  /** Current time as an ISO string; strictly increasing (UPD-6 needs every write to move updatedAt). */
  now(): string;
  newId(): string;
  membersByUserId: ReadonlyMap<string, Principal>;
  maxResourcesPerOrg: number;
}

export type Query = URLSearchParams;

/** What an operation answers on success. */
export interface Answer {
  status: number;
  body?: unknown;
}

/** What a caller must hold to reach a resource (HIDE-1, HIDE-2, HIDE-4, DEL-5). */
export type Need = 'read' | 'write' | 'tombstone';

/** DET-4: a path id is a plain positive integer. */
export function parseId(raw: string): number | undefined {
  if (!/^[1-9][0-9]{0,15}$/.test(raw)) return undefined;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * HIDE-1/2/4, DEL-5: finds a resource the caller may act on. Missing, cross-org, unusable (and, for
 * reads and writes, deleted) all give the very same 404; usable but not manageable gives 403.
 */
export function locate(ctx: Ctx, p: Principal, kind: Kind, rawId: string, need: Need): Result<ResourceRecord> {
  const id = parseId(rawId);
  const record = id === undefined ? undefined : ctx.store.get(kind, id);
  if (!record) return notFound(kind, rawId);
  if (need !== 'tombstone' && record.status === 'deleted') return notFound(kind, rawId);
  const perms = permissionsOn(p, record);
  const hidden = need === 'read' && kind === 'agent' ? !perms.manage : !perms.use;
  if (hidden) return notFound(kind, rawId);
  if (need !== 'read' && !perms.manage) return fail(403, `you cannot manage ${kind} ${rawId}`);
  return ok(record);
}

/** A query parameter given at most once (a repeated one is 400). */
export function single(query: Query, name: string): Result<string | undefined> {
  const all = query.getAll(name);
  if (all.length > 1) return fail(400, `query parameter ${name} is given more than once`);
  return ok(all[0]);
}

/** UPD-4: action bodies (undelete, toggle, accept, cancel) take no fields; any key is 400. */
export function noFields(body: Record<string, unknown>): Result<void> {
  const key = Object.keys(body)[0];
  return key === undefined ? ok(undefined) : fail(400, `unknown field ${key}`);
}

/** Structural equality of JSON values. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k)) return false;
    if (!deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** LIFE-6: recomputes the cached hasUnpublishedChanges flag. */
export function refreshUnpublished(record: ResourceRecord): void {
  if (record.draftVariationId === null) record.hasUnpublishedChanges = false;
  else if (record.activeVariationId === null) record.hasUnpublishedChanges = true;
  else {
    const draft = record.variations[record.draftVariationId];
    const active = record.variations[record.activeVariationId];
    record.hasUnpublishedChanges = !deepEqual(draft, active);
  }
}

/** LIFE-5: the pending draft's content, forking a new draft from the active variation when none is pending. */
export function ensureDraft(ctx: Ctx, record: ResourceRecord): { id: string; content: Content } {
  if (record.draftVariationId !== null) {
    return { id: record.draftVariationId, content: record.variations[record.draftVariationId]! };
  }
  const id = ctx.newId();
  const content = { ...record.variations[record.activeVariationId!]! };
  record.variations[id] = content;
  record.draftVariationId = id;
  pruneVariations(record); // docs/decisions/002-limits.md: bounded history
  return { id, content };
}

/** The view a kind shows when none is asked for (LIFE-10). */
export function defaultView(kind: Kind): 'active' | 'draft' {
  return kind === 'skill' ? 'active' : 'draft';
}
