/** The ownership transfer state machine: request, accept, cancel (XFER-1..5, DET-11). */
import type { RuleId } from '../../api/rules.js';
import type { Role } from '../../contracts/target-file.js';
import { callerFor, type Aim, type Caller } from '../aim.js';
import { bodyOf, checkBody, expectDenied, expectStatus, gate, type Denial } from '../invariants.js';
import type { Kind, Model, ModelResource } from '../model.js';
import type { RunContext } from '../run-context.js';
import { ResourceCommand, opRequest } from './base.js';
import type { Json } from '../../api/types.js';

/** POST /{kind}/#n/transfer-ownership {newOwnerUserId}: only the owner (XFER-1); pending, owner unchanged (XFER-2). */
export class TransferRequestCommand extends ResourceCommand {
  readonly op = 'transfer';

  /** The recipient, resolved by relation to the resource like the caller. */
  to: Role;

  constructor(aim: Aim, readonly toward: Caller, caller: Caller, kind?: Kind) {
    super(aim, caller, kind);
    this.to = toward.role;
  }

  protected override resolve(m: Model): void {
    super.resolve(m);
    const r = this.target(m);
    // No role in the asked relation: offer it to another member of the resource's org (a transfer is what builds the arrangement).
    const member = r && (['teammate', 'outsider', 'owner'] as const).find((role) => role !== r.owner && m.principals[role].orgUuid === r.orgUuid);
    this.to = (r && callerFor(m, r, this.toward)) ?? member ?? this.toward.role;
  }

  label(m: Model | undefined): string {
    return `POST ${this.at(m, '/transfer-ownership')} {newOwnerUserId:${this.to}} as ${this.as(m)}`;
  }

  protected async exec(m: Model, ctx: RunContext): Promise<void> {
    const r = this.target(m)!;
    const e = await ctx.call(opRequest('request', r, this.role, { newOwnerUserId: m.principals[this.to].userId }));
    // DET-11: 404 → 403 (not the owner) → 422 (target not in the org, or the owner) → 409 (already pending).
    const denial: Denial | undefined = gate(m, r, this.role, { right: 'use' })
      ?? (this.role !== r.owner ? { status: 403, rule: 'XFER-1', hidden: false, tag: 'A' } : undefined);
    if (denial) return expectDenied(ctx, e, r, denial, 'XFER-1');
    if (m.principals[this.to].orgUuid !== r.orgUuid || this.to === r.owner) return expectStatus(ctx, e, 422, 'XFER-1', 'A');
    if (r.pending !== null) return expectStatus(ctx, e, 409, 'XFER-1', 'A');
    expectStatus(ctx, e, 200, 'XFER-1');
    const b = bodyOf(e);
    const p = b['pendingOwnershipTransfer'] as Json | undefined;
    ctx.expectEq(p?.['pendingOwnerUserId'], m.principals[this.to].userId, 'XFER-2', `#${r.pos} pendingOwnershipTransfer.pendingOwnerUserId`);
    ctx.expectEq((b['accessConfig'] as Json | undefined)?.['ownerUserId'], m.principals[r.owner].userId, 'XFER-2', `#${r.pos} owner while the transfer is pending`);
    r.pending = this.to;
    checkBody(ctx, r, b, { view: null, role: this.role });
  }
}

/** DET-11 for accept / cancel: 404 (neither uses it nor is the recipient), 409 (nothing pending), then 403. */
export function answerGate(m: Model, r: ModelResource, role: Role, rule: RuleId, mayAct: boolean): Denial | { status: 409 } | undefined {
  const base = gate(m, r, role, { right: 'use' });
  if (base && (base.rule === 'AUTH-3' || base.rule === 'DEL-5' || role !== r.pending)) return base;
  if (r.pending === null) return { status: 409 };
  if (!mayAct) return { status: 403, rule, hidden: false, tag: 'A' };
  return undefined;
}

/** POST /{kind}/#n/transfer-ownership/accept: only the recipient; ownership moves, nothing pending (XFER-3). */
export class TransferAcceptCommand extends ResourceCommand {
  readonly op = 'accept';

  label(m: Model | undefined): string {
    return `POST ${this.at(m, '/transfer-ownership/accept')} as ${this.as(m)}`;
  }

  protected async exec(m: Model, ctx: RunContext): Promise<void> {
    const r = this.target(m)!;
    const e = await ctx.call(opRequest('accept', r, this.role, {}));
    const g = answerGate(m, r, this.role, 'XFER-3', this.role === r.pending);
    if (g && g.status === 409) return expectStatus(ctx, e, 409, 'XFER-3', 'A');
    if (g) return expectDenied(ctx, e, r, g as Denial, 'XFER-3');
    // XFER-3 [A]: the recipient may accept even without use.
    expectStatus(ctx, e, 200, 'XFER-3', m.rights(r, this.role).use ? undefined : 'A');
    const b = bodyOf(e);
    const to = m.principals[this.role];
    ctx.expectEq((b['accessConfig'] as Json | undefined)?.['ownerUserId'], to.userId, 'XFER-3', `#${r.pos} owner after accept`);
    ctx.expect(!('pendingOwnershipTransfer' in b), 'XFER-3', () => `#${r.pos} still has pendingOwnershipTransfer after accept`);
    r.owner = this.role;
    r.transferred = true;
    r.pending = null;
    checkBody(ctx, r, b, { view: null, role: this.role });
  }
}

/** POST /{kind}/#n/transfer-ownership/cancel: the owner cancels or the recipient declines (XFER-4). */
export class TransferCancelCommand extends ResourceCommand {
  readonly op = 'cancel';

  label(m: Model | undefined): string {
    return `POST ${this.at(m, '/transfer-ownership/cancel')} as ${this.as(m)}`;
  }

  protected async exec(m: Model, ctx: RunContext): Promise<void> {
    const r = this.target(m)!;
    const e = await ctx.call(opRequest('cancel', r, this.role, {}));
    const g = answerGate(m, r, this.role, 'XFER-4', this.role === r.owner || this.role === r.pending);
    if (g && g.status === 409) return expectStatus(ctx, e, 409, 'XFER-4', 'A');
    if (g) return expectDenied(ctx, e, r, g as Denial, 'XFER-4');
    expectStatus(ctx, e, 200, 'XFER-4', m.rights(r, this.role).use ? undefined : 'A');
    const b = bodyOf(e);
    ctx.expect(!('pendingOwnershipTransfer' in b), 'XFER-4', () => `#${r.pos} still has pendingOwnershipTransfer after cancel`);
    r.pending = null;
    checkBody(ctx, r, b, { view: null, role: this.role });
  }
}
