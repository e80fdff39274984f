import { permissionsOn } from './access.js';
import { defaultAccess, mergeAccess } from './access-config.js';
import { fail, notFound, ok } from './errors.js';
import { CONTENT_FIELDS, CREATE_KEYS, PATCH_KEYS, blankContent, checkContentField, emptyValue } from './fields.js';
import { type Answer, type Ctx, type Query, ensureDraft, locate, refreshUnpublished, single } from './context.js';
import { render } from './views.js';
import type { Content, Kind, Principal, ResourceRecord, Result } from './types.js';

type Body = Record<string, unknown>;

/** A slug unique per org (DEL-6): the name made URL-safe plus the never-reused id. */
function slugFor(kind: Kind, name: string, id: number): string {
  const base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `${base || kind}-${id.toString(36).padStart(3, '0')}`;
}

/** UPD-4: the first content field of `fields` with a wrong value, as a 422. */
function checkFields(kind: Kind, fields: Body): Result<void> {
  for (const [field, value] of Object.entries(fields)) {
    if (field === 'accessConfig') continue;
    const problem = checkContentField(kind, field, value);
    if (problem) return fail(422, `${field} ${problem}`);
  }
  return ok(undefined);
}

function unknownKey(body: Body, allowed: ReadonlySet<string>): string | undefined {
  return Object.keys(body).find((k) => !allowed.has(k));
}

/** DET-1, LIFE-2, ACC-2: creates a resource in draft and answers 201 with its draft view. */
export function create(ctx: Ctx, p: Principal, kind: Kind, body: Body): Result<Answer> {
  const unknown = unknownKey(body, CREATE_KEYS[kind]);
  if (unknown !== undefined) return fail(400, `unknown field ${unknown}`);
  if (body['name'] === undefined) return fail(422, 'name is required');
  const checked = checkFields(kind, body);
  if (!checked.ok) return checked;
  let access = defaultAccess(kind, p);
  if (body['accessConfig'] !== undefined) {
    const merged = mergeAccess(kind, access, body['accessConfig'], p, p.orgUuid);
    if (!merged.ok) return merged;
    access = merged.value;
  }
  if (ctx.store.countInOrg(kind, p.orgUuid) >= ctx.maxResourcesPerOrg) {
    return fail(409, `your org has reached the limit of ${ctx.maxResourcesPerOrg} ${kind}s`);
  }
  const content: Content = blankContent(kind);
  for (const field of Object.keys(CONTENT_FIELDS[kind])) if (body[field] !== undefined) content[field] = body[field];
  const id = ctx.store.allocateId(kind);
  const variationId = ctx.newId();
  const now = ctx.now();
  const record: ResourceRecord = {
    kind, id, slug: slugFor(kind, String(content['name']), id), orgUuid: p.orgUuid, status: 'draft', deployed: false,
    createdAt: now, updatedAt: now, deletedAt: null, accessConfig: access,
    activeVariationId: null, draftVariationId: variationId, variations: { [variationId]: content },
    hasUnpublishedChanges: true,
  };
  if (kind === 'skill') record.managerId = null;
  else record.isEnabled = false;
  ctx.store.insert(record);
  return ok({ status: 201, body: render(ctx.store, record, p, 'draft') });
}

/** UPD-3, DET-6: the field paths of `updateMask`, undefined for no mask; unknown paths are 400. */
function parseMask(kind: Kind, query: Query): Result<string[] | undefined> {
  const raw = single(query, 'updateMask');
  if (!raw.ok) return raw;
  if (raw.value === undefined || raw.value.trim() === '') return ok(undefined);
  const paths = raw.value.split(',').map((s) => s.trim());
  const bad = paths.find((path) => !PATCH_KEYS[kind].has(path));
  if (bad !== undefined) return fail(400, `updateMask names an unknown field: ${JSON.stringify(bad)}`);
  return ok([...new Set(paths)]);
}

/** UPD-1..6, LIFE-3, LIFE-5, ACC-3..5, DET-6..8: PATCH of a skill or agent. */
export function patch(ctx: Ctx, p: Principal, kind: Kind, rawId: string, query: Query, body: Body): Result<Answer> {
  const found = locate(ctx, p, kind, rawId, 'write');
  if (!found.ok) return found;
  const record = found.value;
  const mask = parseMask(kind, query);
  if (!mask.ok) return mask;
  const unknown = unknownKey(body, PATCH_KEYS[kind]);
  if (unknown !== undefined) return fail(400, `unknown field ${unknown}`);
  const touchesManager = 'managerId' in body || mask.value?.includes('managerId') === true;
  if (kind === 'skill' && touchesManager) {
    const others = Object.keys(body).length > ('managerId' in body ? 1 : 0) || (mask.value ?? []).some((f) => f !== 'managerId');
    if (others) {
      return fail(422, 'managerId cannot be combined with other fields'); // UPD-1
    }
    if (!others) return reparent(ctx, p, record, 'managerId' in body ? body['managerId'] : null);
  }
  // AIP-134: with a mask only masked paths are written, absent ones reset to empty (DET-6).
  const fields: Body = {};
  const resets: Body = {};
  for (const field of mask.value ?? Object.keys(body)) {
    if (field === 'managerId') continue;
    if (field in body) fields[field] = body[field];
    else {
      const empty = emptyValue(kind, field);
      if (empty === undefined) return fail(422, `${field} has no empty value; give it in the body`);
      resets[field] = empty; // the empty value is the stored one (description: null), not a request value
    }
  }
  const checked = checkFields(kind, fields);
  if (!checked.ok) return checked;
  Object.assign(fields, resets);
  let access = record.accessConfig;
  if ('accessConfig' in fields) {
    const merged = mergeAccess(kind, record.accessConfig, fields['accessConfig'], p, record.orgUuid);
    if (!merged.ok) return merged;
    access = merged.value;
    delete fields['accessConfig'];
  }
  const contentChanged = Object.keys(fields).length > 0;
  if (!contentChanged && access === record.accessConfig) {
    return ok({ status: 200, body: render(ctx.store, record, p, 'draft') }); // DET-7: {} changes nothing
  }
  record.accessConfig = access; // ACC-5: applies at once, not drafted
  if (contentChanged) {
    const draft = ensureDraft(ctx, record);
    record.variations[draft.id] = { ...draft.content, ...fields };
    refreshUnpublished(record);
  }
  record.updatedAt = ctx.now();
  return ok({ status: 200, body: render(ctx.store, record, p, 'draft') });
}

/** UPD-2: re-parents a skill under `managerId` (null detaches); no draft is forked (DET-7). */
function reparent(ctx: Ctx, p: Principal, record: ResourceRecord, managerId: unknown): Result<Answer> {
  if (managerId !== null && !(typeof managerId === 'number' && Number.isSafeInteger(managerId) && managerId > 0)) {
    return fail(422, 'managerId must be a positive integer or null');
  }
  if (managerId !== null) {
    const manager = ctx.store.get('skill', managerId);
    if (!manager || manager.status === 'deleted' || !permissionsOn(p, manager).use) return notFound('skill', managerId);
    if (managerId === record.id) return fail(422, 'a skill cannot manage itself');
    // Walk up the manager chain; the step bound guards against a cycle smuggled in by a state import.
    let m: ResourceRecord | undefined = manager;
    for (let steps = 0; m?.managerId != null && steps < 10_000; steps++) {
      if (m.managerId === record.id) return fail(422, `managing skill ${managerId} would create a cycle`);
      m = ctx.store.get('skill', m.managerId);
    }
  }
  ctx.store.setManager(record, managerId);
  record.updatedAt = ctx.now();
  return ok({ status: 200, body: render(ctx.store, record, p, 'draft') });
}
