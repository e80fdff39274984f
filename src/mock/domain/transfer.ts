import { permissionsOn } from './access.js';
import { fail, notFound, ok } from './errors.js';
import { type Answer, type Ctx, defaultView, noFields, parseId } from './context.js';
import { render } from './views.js';
import type { Kind, Principal, ResourceRecord, Result } from './types.js';

type Body = Record<string, unknown>;

/** A live (not deleted) record, or the 404 a missing one gives (DEL-5). */
function live(ctx: Ctx, kind: Kind, rawId: string): Result<ResourceRecord> {
  const id = parseId(rawId);
  const record = id === undefined ? undefined : ctx.store.get(kind, id);
  return record && record.status !== 'deleted' ? ok(record) : notFound(kind, rawId);
}

/** XFER-1, XFER-2, DET-11: the owner asks to hand the resource to another org member. */
export function requestTransfer(ctx: Ctx, p: Principal, kind: Kind, rawId: string, body: Body): Result<Answer> {
  const found = live(ctx, kind, rawId);
  if (!found.ok) return found;
  const record = found.value;
  if (!permissionsOn(p, record).use) return notFound(kind, rawId);
  if (record.accessConfig.ownerUserId !== p.userId) return fail(403, `only the owner can transfer ${kind} ${rawId}`);
  const unknown = Object.keys(body).find((k) => k !== 'newOwnerUserId');
  if (unknown !== undefined) return fail(400, `unknown field ${unknown}`);
  const target = body['newOwnerUserId'];
  if (typeof target !== 'string' || target === '') return fail(422, 'newOwnerUserId must be a non-empty string');
  const member = ctx.membersByUserId.get(target);
  if (!member || member.orgUuid !== record.orgUuid) return fail(422, `user ${target} is not a member of this org`);
  if (target === record.accessConfig.ownerUserId) return fail(422, `user ${target} already owns ${kind} ${rawId}`);
  if (record.pendingOwnershipTransfer) return fail(409, `a transfer of ${kind} ${rawId} is already pending`);
  const now = ctx.now();
  record.pendingOwnershipTransfer = {
    pendingOwnerUserId: target,
    requestedByUserId: p.userId,
    requestedAt: now,
    pendingOwnerEmail: member.email,
  };
  record.updatedAt = now;
  return ok({ status: 200, body: render(ctx.store, record, p, defaultView(kind)) });
}

/** DET-11: shared checks of accept and cancel: 404, then 409, then who may act. */
function pending(ctx: Ctx, p: Principal, kind: Kind, rawId: string): Result<{ record: ResourceRecord; isRecipient: boolean }> {
  const found = live(ctx, kind, rawId);
  if (!found.ok) return found;
  const record = found.value;
  const isRecipient = record.pendingOwnershipTransfer?.pendingOwnerUserId === p.userId && record.orgUuid === p.orgUuid;
  if (!isRecipient && !permissionsOn(p, record).use) return notFound(kind, rawId);
  if (!record.pendingOwnershipTransfer) return fail(409, `no ownership transfer of ${kind} ${rawId} is pending`);
  return ok({ record, isRecipient });
}

/** XFER-3: the recipient accepts; ownership moves to them. */
export function acceptTransfer(ctx: Ctx, p: Principal, kind: Kind, rawId: string, body: Body = {}): Result<Answer> {
  const found = pending(ctx, p, kind, rawId);
  if (!found.ok) return found;
  const fields = noFields(body);
  if (!fields.ok) return fields;
  const { record, isRecipient } = found.value;
  if (!isRecipient) {
    return fail(403, `only the pending recipient can accept the transfer of ${kind} ${rawId}`);
  }
  const transfer = record.pendingOwnershipTransfer!;
  record.accessConfig = {
    ...record.accessConfig,
    ownerUserId: transfer.pendingOwnerUserId,
    ownerEmail: transfer.pendingOwnerEmail,
  };
  delete record.pendingOwnershipTransfer; // XFER-5: absent, not null
  record.updatedAt = ctx.now();
  return ok({ status: 200, body: render(ctx.store, record, p, defaultView(kind)) });
}

/** XFER-4: the owner cancels or the recipient declines; ownership stays. */
export function cancelTransfer(ctx: Ctx, p: Principal, kind: Kind, rawId: string, body: Body = {}): Result<Answer> {
  const found = pending(ctx, p, kind, rawId);
  if (!found.ok) return found;
  const fields = noFields(body);
  if (!fields.ok) return fields;
  const { record, isRecipient } = found.value;
  if (!isRecipient && record.accessConfig.ownerUserId !== p.userId) {
    return fail(403, `only the owner or the recipient can cancel the transfer of ${kind} ${rawId}`);
  }
  delete record.pendingOwnershipTransfer;
  record.updatedAt = ctx.now();
  return ok({ status: 200, body: render(ctx.store, record, p, defaultView(kind)) });
}
