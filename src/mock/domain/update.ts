/** PATCH of a skill or agent: content into the draft, access at once, or a skill's manager. */
import { permissionsOn } from './access.js';
import { mergeAccess } from './access-config.js';
import { fail, notFound, ok } from './errors.js';
import { PATCH_KEYS, checkFields, emptyValue, unknownKey } from './fields.js';
import { type Answer, type Ctx, type Query, ensureDraft, locate, refreshUnpublished, single } from './context.js';
import { render } from './views.js';
import type { AccessConfig, Kind, Principal, ResourceRecord, Result } from './types.js';

type Body = Record<string, unknown>;

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

/**
 * UPD-1: a skill's managerId is changed on its own; undefined when the PATCH does not touch it, a 422
 * when it comes with other fields, else the answer of the re-parenting.
 */
function managerChange(ctx: Ctx, p: Principal, record: ResourceRecord, mask: string[] | undefined, body: Body): Result<Answer> | undefined {
  const touchesManager = 'managerId' in body || mask?.includes('managerId') === true;
  if (!touchesManager) return undefined;
  const others = Object.keys(body).length > ('managerId' in body ? 1 : 0) || (mask ?? []).some((f) => f !== 'managerId');
  if (others) return fail(422, 'managerId cannot be combined with other fields');
  return reparent(ctx, p, record, 'managerId' in body ? body['managerId'] : null);
}

/** AIP-134: the fields to write; with a mask only masked paths, absent ones reset to their empty value (DET-6). */
function fieldsToWrite(kind: Kind, mask: string[] | undefined, body: Body): Result<Body> {
  const fields: Body = {};
  const resets: Body = {};
  for (const field of mask ?? Object.keys(body)) {
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
  return ok(Object.assign(fields, resets));
}

/** ACC-5, LIFE-3, LIFE-5: writes access at once and content into the draft (forked if needed); DET-7: nothing new changes nothing. */
function applyPatch(ctx: Ctx, p: Principal, record: ResourceRecord, fields: Body, access: AccessConfig): Result<Answer> {
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

/** UPD-1..6, LIFE-3, LIFE-5, ACC-3..5, DET-6..8: PATCH of a skill or agent. */
export function patch(ctx: Ctx, p: Principal, kind: Kind, rawId: string, query: Query, body: Body): Result<Answer> {
  const found = locate(ctx, p, kind, rawId, 'write');
  if (!found.ok) return found;
  const record = found.value;
  const mask = parseMask(kind, query);
  if (!mask.ok) return mask;
  const unknown = unknownKey(body, PATCH_KEYS[kind]);
  if (unknown !== undefined) return fail(400, `unknown field ${unknown}`);
  const manager = kind === 'skill' ? managerChange(ctx, p, record, mask.value, body) : undefined;
  if (manager) return manager;
  const written = fieldsToWrite(kind, mask.value, body);
  if (!written.ok) return written;
  const fields = written.value;
  let access = record.accessConfig;
  if ('accessConfig' in fields) {
    const merged = mergeAccess(kind, record.accessConfig, fields['accessConfig'], p, record.orgUuid);
    if (!merged.ok) return merged;
    access = merged.value;
    delete fields['accessConfig'];
  }
  return applyPatch(ctx, p, record, fields, access);
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
