/** Lifecycle writes of a resource: deploy, soft delete, undelete and an agent's toggle. */
import { fail, ok } from './errors.js';
import { type Answer, type Ctx, defaultView, locate, noFields } from './context.js';
import { render } from './views.js';
import type { Kind, Principal, Result } from './types.js';

type Body = Record<string, unknown>;

/** LIFE-9: checks a deploy body; skills take an optional expectedMainShaOverride, agents nothing. */
function checkDeployBody(kind: Kind, body: Body): Result<void> {
  for (const [key, value] of Object.entries(body)) {
    if (kind !== 'skill' || key !== 'expectedMainShaOverride') return fail(400, `unknown field ${key}`);
    if (typeof value !== 'string') return fail(422, 'expectedMainShaOverride must be a string'); // DET-9: null too
    if ([...value].length > 200) return fail(422, 'expectedMainShaOverride must be at most 200 characters');
  }
  return ok(undefined);
}

/** LIFE-7, LIFE-8, LIFE-12: promotes the pending draft to active. */
export function deploy(ctx: Ctx, p: Principal, kind: Kind, rawId: string, body: Body): Result<Answer> {
  const found = locate(ctx, p, kind, rawId, 'write');
  if (!found.ok) return found;
  const checked = checkDeployBody(kind, body);
  if (!checked.ok) return checked;
  const record = found.value;
  const deployedAt = ctx.now();
  if (record.draftVariationId !== null) {
    if (kind === 'agent' && !record.deployed) record.isEnabled = true; // LIFE-12: the first deploy enables
    record.activeVariationId = record.draftVariationId;
    record.draftVariationId = null; // LIFE-8
    record.status = 'active';
    record.deployed = true;
    record.hasUnpublishedChanges = false;
    record.updatedAt = deployedAt;
  }
  const view = render(ctx.store, record, p, defaultView(kind));
  return ok({ status: 200, body: kind === 'skill' ? { skill: view, deployedAt } : { agent: view, deployedAt } });
}

/** DEL-1, DEL-2: soft delete; idempotent. */
export function remove(ctx: Ctx, p: Principal, kind: Kind, rawId: string): Result<Answer> {
  const found = locate(ctx, p, kind, rawId, 'tombstone');
  if (!found.ok) return found;
  const record = found.value;
  if (record.status === 'deleted') return ok({ status: 204 }); // DEL-2
  const now = ctx.now();
  record.status = 'deleted';
  record.deletedAt = now;
  record.updatedAt = now;
  return ok({ status: 204 });
}

/** DEL-3, DEL-4, HIDE-5: clears the tombstone and answers the draft view. */
export function undelete(ctx: Ctx, p: Principal, kind: Kind, rawId: string, body: Body = {}): Result<Answer> {
  const found = locate(ctx, p, kind, rawId, 'tombstone');
  if (!found.ok) return found;
  const fields = noFields(body);
  if (!fields.ok) return fields;
  const record = found.value;
  if (record.status === 'deleted') {
    record.status = record.deployed ? 'active' : 'draft';
    record.deletedAt = null;
    record.updatedAt = ctx.now();
  }
  return ok({ status: 200, body: render(ctx.store, record, p, 'draft') });
}

/** LIFE-12: flips an agent's isEnabled; needs manage. */
export function toggle(ctx: Ctx, p: Principal, rawId: string, body: Body): Result<Answer> {
  const found = locate(ctx, p, 'agent', rawId, 'write');
  if (!found.ok) return found;
  const fields = noFields(body);
  if (!fields.ok) return fields;
  const record = found.value;
  record.isEnabled = !record.isEnabled;
  record.updatedAt = ctx.now();
  return ok({ status: 200, body: render(ctx.store, record, p, 'draft') });
}
