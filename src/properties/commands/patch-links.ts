/** PATCH of accessConfig (ACC-3, ACC-5) and of managerId alone or mixed with other fields (UPD-1, UPD-2). */
import type { Role } from '../../contracts/target-file.js';
import type { Aim, Caller } from '../aim.js';
import { allowedRule, bodyOf, checkBody, expectDenied, expectStatus, verifyUnchanged, writeGate } from '../invariants.js';
import { presetAccess, type AccessPreset, type Kind, type Model, type ModelResource } from '../model.js';
import type { RunContext } from '../run-context.js';
import { ResourceCommand, opRequest } from './base.js';
import { accessBody } from './create.js';

/** PATCH /{kind}/#n {accessConfig}: applies at once (ACC-5); an edit that locks the caller out is 422 and changes nothing (ACC-3). */
export class PatchAccessCommand extends ResourceCommand {
  readonly op = 'patch-access';

  constructor(aim: Aim, readonly access: AccessPreset, caller: Caller, kind?: Kind) {
    super(aim, caller, kind);
  }

  label(m: Model | undefined): string {
    return `PATCH ${this.at(m)} {accessConfig:${this.access}} as ${this.as(m)}`;
  }

  protected async exec(m: Model, ctx: RunContext): Promise<void> {
    const r = this.target(m)!;
    const e = await ctx.call(opRequest('update', r, this.role, { accessConfig: accessBody(this.access, m, false) }));
    const denial = writeGate(m, r, this.role);
    if (denial) return expectDenied(ctx, e, r, denial, 'HIDE-4');
    const next = presetAccess(this.access, m.principals);
    const after = m.rights(r, this.role, next);
    if (!after.use || !after.manage) {
      expectStatus(ctx, e, 422, 'ACC-3');
      return verifyUnchanged(ctx, r, 'ACC-3');
    }
    expectStatus(ctx, e, 200, allowedRule(m, r, this.role, 'ACC-3'));
    r.access = next;
    // DET-7 [A]: no draft is forked, so hasUnpublishedChanges and draftVariationId stay as they were.
    checkBody(ctx, r, bodyOf(e), { view: 'draft', role: this.role });
  }
}

/** The manager a managerId command names: 0 is null (detach), k a skill by position. */
function managerOf(m: Model, pick: number): ModelResource | null | undefined {
  return pick === 0 ? null : m.resolve(pick, 'skills');
}

function showManager(m: Model | undefined, pick: number): string {
  if (pick === 0) return 'null';
  const s = m && managerOf(m, pick);
  return s ? `#${s.pos}` : `~${pick}`;
}

/** PATCH /skills/#n {managerId}: re-parent (UPD-2); the manager must be usable (404) and no cycle may form (422) [A]. */
export class PatchManagerCommand extends ResourceCommand {
  readonly op = 'patch-manager';

  constructor(aim: Aim, readonly manager: number, caller: Caller) {
    super(aim, caller, 'skills');
  }

  label(m: Model | undefined): string {
    return `PATCH ${this.at(m)} {managerId:${showManager(m, this.manager)}} as ${this.as(m)}`;
  }

  /** The skill the PATCH names as manager: null detaches, undefined when the pick names nothing. */
  protected managerFor(m: Model): ModelResource | null | undefined {
    return managerOf(m, this.manager);
  }

  protected override applies(m: Model): boolean {
    return super.applies(m) && this.managerFor(m) !== undefined;
  }

  protected override touches(m: Model): ModelResource[] {
    const s = this.managerFor(m);
    return s ? [...super.touches(m), s] : super.touches(m);
  }

  protected async exec(m: Model, ctx: RunContext): Promise<void> {
    const r = this.target(m)!;
    const s = this.managerFor(m)!;
    const e = await ctx.call(opRequest('update', r, this.role, { managerId: s ? s.id : null }));
    const denial = writeGate(m, r, this.role);
    if (denial) return expectDenied(ctx, e, r, denial, 'HIDE-4');
    if (s && (s.deleted || !m.rights(s, this.role).use)) {
      expectStatus(ctx, e, 404, 'UPD-2', 'A');
      return verifyUnchanged(ctx, r, 'UPD-2');
    }
    if (s && m.wouldCycle(r, s)) {
      expectStatus(ctx, e, 422, 'UPD-2', 'A');
      return verifyUnchanged(ctx, r, 'UPD-2');
    }
    expectStatus(ctx, e, 200, allowedRule(m, r, this.role, 'UPD-2'));
    r.managerPos = s ? s.pos : null;
    // DET-7 [A]: a managerId-only PATCH forks no draft.
    checkBody(ctx, r, bodyOf(e), { view: 'draft', role: this.role });
  }
}

/** The top of `r`'s manager chain (`r` itself when it has no manager). */
function chainTop(m: Model, r: ModelResource): ModelResource {
  let top = r;
  for (let hops = 0; top.managerPos !== null && hops < m.resources.length; hops++) top = m.resources[top.managerPos - 1]!;
  return top;
}

/**
 * UPD-2 [A], a chain's far end: the PATCH goes to the top of the aimed skill's manager chain. With `manager` 0 it
 * names the aimed skill itself, closing a cycle as long as the chain (422, nothing changes); else it names the
 * picked skill, so the chain grows by one (or the pick is already in it: a cycle).
 */
export class ChainEndCommand extends PatchManagerCommand {
  override label(m: Model | undefined): string {
    const names = this.manager === 0 ? 'the aimed skill' : showManager(m, this.manager);
    return `PATCH ${m && this.target(m) ? this.at(m) : '<top of the chain>'} {managerId:${names}} as ${this.as(m)}`;
  }

  protected override target(m: Model): ModelResource | undefined {
    const r = super.target(m);
    return r && chainTop(m, r);
  }

  protected override managerFor(m: Model): ModelResource | null | undefined {
    return this.manager === 0 ? super.target(m) : managerOf(m, this.manager);
  }

  protected override applies(m: Model): boolean {
    const r = super.target(m);
    return r !== undefined && r.managerPos !== null && super.applies(m);
  }
}

/** PATCH /skills/#n {managerId, name}: UPD-1, 422 and nothing changes, whatever the manager. */
export class PatchMixedCommand extends ResourceCommand {
  readonly op = 'patch-mixed';

  constructor(aim: Aim, readonly manager: number, readonly name: string, caller: Caller) {
    super(aim, caller, 'skills');
  }

  label(m: Model | undefined): string {
    return `PATCH ${this.at(m)} {managerId:${showManager(m, this.manager)}, name:${this.name}} as ${this.as(m)}`;
  }

  protected override applies(m: Model): boolean {
    if (!super.applies(m)) return false;
    const s = managerOf(m, this.manager);
    // A manager the caller cannot see would make 404 against 422 a question of check order; keep to usable ones.
    return s === null || (s !== undefined && !s.deleted && m.rights(s, this.role).use);
  }

  protected async exec(m: Model, ctx: RunContext): Promise<void> {
    const r = this.target(m)!;
    const s = managerOf(m, this.manager)!;
    const e = await ctx.call(opRequest('update', r, this.role, { managerId: s ? s.id : null, name: m.name(this.name) }));
    const denial = writeGate(m, r, this.role);
    if (denial) return expectDenied(ctx, e, r, denial, 'UPD-1');
    expectStatus(ctx, e, 422, 'UPD-1');
    await verifyUnchanged(ctx, r, 'UPD-1');
  }
}
