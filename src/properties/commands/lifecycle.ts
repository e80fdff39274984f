/** Deploy (LIFE-7..9, LIFE-12), delete (DEL-1, DEL-2), undelete (DEL-3, DEL-4, HIDE-5) and toggle (LIFE-12). */
import type { Role } from '../../contracts/target-file.js';
import type { Aim, Caller } from '../aim.js';
import { allowedRule, bodyOf, checkBody, expectDenied, expectStatus, verifyUnchanged, writeGate } from '../invariants.js';
import type { Kind, Model } from '../model.js';
import type { RunContext } from '../run-context.js';
import { ResourceCommand, opRequest } from './base.js';
import type { Json } from '../../api/types.js';

/** The skill deploy body (LIFE-9): none, an empty override (= absent), exactly 200 characters (the bound), or 201 (422). */
export type ShaChoice = 'none' | 'empty' | 'max' | 'long';

const SHA: Record<Exclude<ShaChoice, 'none'>, { value: string; shown: string }> = {
  empty: { value: '', shown: '""' },
  max: { value: 'f'.repeat(200), shown: '200 chars' },
  long: { value: 'f'.repeat(201), shown: '201 chars' },
};

/** POST /{kind}/#n/deploy: promotes the draft; hasUnpublishedChanges false; activeVariationId the promoted draft. */
export class DeployCommand extends ResourceCommand {
  readonly op = 'deploy';

  constructor(aim: Aim, readonly sha: ShaChoice, caller: Caller, kind?: Kind) {
    super(aim, caller, kind);
  }

  private body(kind: string): Json {
    if (kind !== 'skills' || this.sha === 'none') return {};
    return { expectedMainShaOverride: SHA[this.sha].value };
  }

  label(m: Model | undefined): string {
    const kind = (m && this.target(m)?.kind) ?? 'skills';
    const sha = kind === 'skills' && this.sha !== 'none' ? ` {expectedMainShaOverride:${SHA[this.sha].shown}}` : '';
    return `POST ${this.at(m, '/deploy')}${sha} as ${this.as(m)}`;
  }

  protected async exec(m: Model, ctx: RunContext): Promise<void> {
    const r = this.target(m)!;
    const e = await ctx.call(opRequest('deploy', r, this.role, this.body(r.kind)));
    const denial = writeGate(m, r, this.role);
    if (denial) return expectDenied(ctx, e, r, denial, 'HIDE-4');
    if (r.kind === 'skills' && this.sha === 'long') {
      expectStatus(ctx, e, 422, 'LIFE-9');
      return verifyUnchanged(ctx, r, 'LIFE-9');
    }
    expectStatus(ctx, e, 200, allowedRule(m, r, this.role, r.kind === 'skills' && this.sha !== 'none' ? 'LIFE-9' : 'LIFE-7'));
    const b = (bodyOf(e)[r.kind === 'skills' ? 'skill' : 'agent'] ?? {}) as Json;
    const at = `#${r.pos}`;
    // LIFE-7: no unpublished changes, the promoted draft is live; LIFE-8 [A]: nothing pending, nothing moves.
    ctx.expectEq(b['hasUnpublishedChanges'], false, 'LIFE-7', `${at} hasUnpublishedChanges after deploy`);
    if (typeof r.draftVariationId === 'string') ctx.expectEq(b['activeVariationId'], r.draftVariationId, 'LIFE-7', `${at} activeVariationId after deploy (the promoted draft)`);
    else if (r.draftVariationId === null) ctx.expectEq(b['activeVariationId'], r.activeVariationId, 'LIFE-8', `${at} activeVariationId after a deploy with no draft pending`);
    ctx.expectEq(b['status'], 'active', 'LIFE-7', `${at} status after deploy`);
    // LIFE-12: the first deploy enables an agent; later deploys keep isEnabled.
    if (r.kind === 'agents') ctx.expectEq(b['isEnabled'], r.deployed ? r.isEnabled : true, 'LIFE-12', `${at} isEnabled after ${r.deployed ? 'a later' : 'the first'} deploy`);
    if (r.kind === 'agents' && !r.deployed) r.isEnabled = true;
    const promoted = typeof r.draftVariationId === 'string' ? r.draftVariationId : r.draftVariationId === null ? r.activeVariationId : (b['activeVariationId'] as string);
    r.activeVariationId = promoted;
    r.deployed = true;
    r.active = { ...r.draft };
    r.draftVariationId = null;
    if (promoted) r.variations.set(promoted, { ...r.draft });
    checkBody(ctx, r, b, { view: 'active', role: this.role, contentRule: 'LIFE-7' });
  }
}

/** DELETE /{kind}/#n: needs manage, 204, hides the resource (DEL-1); again: 204, no change (DEL-2). */
export class DeleteCommand extends ResourceCommand {
  readonly op = 'delete';

  label(m: Model | undefined): string {
    return `DELETE ${this.at(m)} as ${this.as(m)}`;
  }

  protected async exec(m: Model, ctx: RunContext): Promise<void> {
    const r = this.target(m)!;
    const e = await ctx.call(opRequest('delete', r, this.role));
    const denial = writeGate(m, r, this.role, true);
    if (denial) return expectDenied(ctx, e, r, denial, 'DEL-1');
    expectStatus(ctx, e, 204, allowedRule(m, r, this.role, r.deleted ? 'DEL-2' : 'DEL-1'));
    // What becomes of a pending transfer is not in the contract: learnt again on undelete.
    if (r.pending !== null) r.pendingUncertain = true;
    r.deleted = true;
  }
}

/** POST /{kind}/#n/undelete: needs manage; clears the tombstone, answers the draft view (DEL-3); not deleted: unchanged (DEL-4). */
export class UndeleteCommand extends ResourceCommand {
  readonly op = 'undelete';

  label(m: Model | undefined): string {
    return `POST ${this.at(m, '/undelete')} as ${this.as(m)}`;
  }

  protected async exec(m: Model, ctx: RunContext): Promise<void> {
    const r = this.target(m)!;
    const e = await ctx.call(opRequest('undelete', r, this.role, {}));
    const denial = writeGate(m, r, this.role, true);
    // HIDE-5: a cross-org undelete is the missing id's 404.
    if (denial) return expectDenied(ctx, e, r, denial.rule === 'AUTH-3' ? { ...denial, rule: 'HIDE-5' } : denial, 'DEL-3');
    const rule = r.deleted ? 'DEL-3' : 'DEL-4';
    expectStatus(ctx, e, 200, allowedRule(m, r, this.role, rule));
    const b = bodyOf(e);
    ctx.expect(b['status'] !== 'deleted' && b['deletedAt'] === null, rule, () => `#${r.pos} after undelete: status ${String(b['status'])}, deletedAt ${String(b['deletedAt'])}`);
    r.deleted = false;
    if (r.pendingUncertain) {
      const p = b['pendingOwnershipTransfer'] as Json | undefined;
      const to = p ? m.roleOf(String(p['pendingOwnerUserId'])) : null;
      if (to === undefined) r.tainted = true;
      else r.pending = to;
      r.pendingUncertain = false;
    }
    checkBody(ctx, r, b, { view: 'draft', role: this.role, contentRule: rule });
  }
}

/** POST /agents/#n/toggle: needs manage; flips isEnabled (LIFE-12); answers the agent [A]. */
export class ToggleCommand extends ResourceCommand {
  readonly op = 'toggle';

  constructor(aim: Aim, caller: Caller) {
    super(aim, caller, 'agents');
  }

  label(m: Model | undefined): string {
    return `POST ${this.at(m, '/toggle')} as ${this.as(m)}`;
  }

  protected async exec(m: Model, ctx: RunContext): Promise<void> {
    const r = this.target(m)!;
    const e = await ctx.call(opRequest('toggle', r, this.role, {}));
    const denial = writeGate(m, r, this.role);
    if (denial) return expectDenied(ctx, e, r, denial, 'LIFE-12');
    expectStatus(ctx, e, 200, allowedRule(m, r, this.role, 'LIFE-12'));
    const b = bodyOf(e);
    const before = r.isEnabled;
    if (before !== undefined) ctx.expectEq(b['isEnabled'], !before, 'LIFE-12', `#${r.pos} isEnabled after toggle (was ${String(before)})`);
    r.isEnabled = before === undefined ? (b['isEnabled'] as boolean) : !before;
    checkBody(ctx, r, b, { view: null, role: this.role });
  }
}
