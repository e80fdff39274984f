/** PATCH of content fields, with and without ?updateMask (LIFE-3, LIFE-5, LIFE-6, UPD-3, DET-6). */
import type { Exchange } from '../../contracts/client.js';
import type { Role } from '../../contracts/target-file.js';
import type { Aim, Caller } from '../aim.js';
import { allowedRule, bodyOf, checkBody, expectDenied, expectStatus, verifyUnchanged, writeGate } from '../invariants.js';
import { FULL_NAME, type Content, type Kind, type Model, type ModelResource } from '../model.js';
import type { RunContext } from '../run-context.js';
import { ResourceCommand, showBody, opRequest } from './base.js';

/** Content fields a patch may carry: a name token and/or a description. */
export interface ContentFields {
  name?: string;
  description?: string | null;
}

/** The request body of content fields (names get the run prefix). */
function contentBody(m: Model, f: ContentFields): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (f.name !== undefined) body['name'] = m.name(f.name);
  if (f.description !== undefined) body['description'] = f.description;
  return body;
}

/**
 * Writes `write` into the model's draft after a 200. LIFE-5 [A]: with no draft pending the PATCH forks a new
 * draft variation (a new id, learned here); with one pending it keeps its id.
 */
export function applyContent(ctx: RunContext, r: ModelResource, write: Partial<Content>, e: Exchange): void {
  const answered = bodyOf(e)['draftVariationId'];
  if (r.draftVariationId === null) {
    const fresh = typeof answered === 'string' && answered !== r.activeVariationId && !r.variations.has(answered);
    ctx.expect(fresh, 'LIFE-5', () => `#${r.pos}: a PATCH with no draft pending should fork a new draft variation; draftVariationId is ${JSON.stringify(answered)}`);
    r.draftVariationId = answered as string;
  } else if (r.draftVariationId === undefined && typeof answered === 'string') {
    r.draftVariationId = answered;
  }
  r.draft = { ...r.draft, ...write };
  if (typeof r.draftVariationId === 'string') r.variations.set(r.draftVariationId, { ...r.draft });
}

/** PATCH /{kind}/#n {name?, description?}: written into the draft; the active view is untouched (LIFE-3, LIFE-6). */
export class PatchContentCommand extends ResourceCommand {
  readonly op = 'patch';

  constructor(aim: Aim, readonly fields: ContentFields, caller: Caller, kind?: Kind) {
    super(aim, caller, kind);
  }

  label(m: Model | undefined): string {
    return `PATCH ${this.at(m)} ${showBody({ ...this.fields })} as ${this.as(m)}`;
  }

  protected async exec(m: Model, ctx: RunContext): Promise<void> {
    const r = this.target(m)!;
    const e = await ctx.call(opRequest('update', r, this.role, contentBody(m, this.fields)));
    const denial = writeGate(m, r, this.role);
    if (denial) return expectDenied(ctx, e, r, denial, 'HIDE-4');
    // UPD-4 [D]: a name of exactly 200 code points is within the bound.
    expectStatus(ctx, e, 200, allowedRule(m, r, this.role, this.fields.name === FULL_NAME ? 'UPD-4' : 'LIFE-3'));
    applyContent(ctx, r, this.fields, e);
    // LIFE-3: the answer is the draft view.
    checkBody(ctx, r, bodyOf(e), { view: 'draft', role: this.role });
  }
}

/** The fields an update mask may name here. */
export type MaskField = 'name' | 'description';

/** PATCH /{kind}/#n?updateMask=a,b: only masked fields are written (UPD-3); a masked absent field resets (DET-6 [A]). */
export class PatchMaskCommand extends ResourceCommand {
  readonly op = 'patch-mask';

  constructor(aim: Aim, readonly fields: ContentFields, readonly mask: MaskField[], caller: Caller) {
    super(aim, caller);
  }

  label(m: Model | undefined): string {
    return `PATCH ${this.at(m, `?updateMask=${this.mask.join(',')}`)} ${showBody({ ...this.fields })} as ${this.as(m)}`;
  }

  protected async exec(m: Model, ctx: RunContext): Promise<void> {
    const r = this.target(m)!;
    const e = await ctx.call(opRequest('update', r, this.role, contentBody(m, this.fields), `?updateMask=${this.mask.join(',')}`));
    const denial = writeGate(m, r, this.role);
    if (denial) return expectDenied(ctx, e, r, denial, 'HIDE-4');
    if (this.mask.includes('name') && this.fields.name === undefined) {
      // DET-6 [A]: name has no empty value to reset to.
      expectStatus(ctx, e, 422, 'DET-6');
      return verifyUnchanged(ctx, r, 'DET-6');
    }
    // A 200-code-point name is valid (UPD-4) whether masked or not: refusing it breaks UPD-4, not the mask.
    expectStatus(ctx, e, 200, allowedRule(m, r, this.role, this.fields.name === FULL_NAME ? 'UPD-4' : 'UPD-3'));
    const write: Partial<Content> = {};
    if (this.mask.includes('name')) write.name = this.fields.name!;
    const reset = this.mask.includes('description') && this.fields.description === undefined;
    if (this.mask.includes('description')) write.description = reset ? null : this.fields.description!;
    applyContent(ctx, r, write, e);
    const b = bodyOf(e);
    // UPD-3 [D]: unmasked fields are not written; the reset of a masked absent field is [A].
    ctx.expectEq(b['name'], m.name(r.draft.name), 'UPD-3', `#${r.pos} name after a masked PATCH`);
    ctx.expectEq(b['description'], r.draft.description, 'UPD-3', `#${r.pos} description after a masked PATCH`, reset ? 'A' : 'D');
    checkBody(ctx, r, b, { view: 'draft', role: this.role });
  }
}
