/** Reads: GET one resource in a view, a historic variation, and a walk over every list page. */
import { compareWalk, idsOf, repeatsOf, walkList, type ListWalk } from '../../contracts/checks/index.js';
import type { Role } from '../../contracts/target-file.js';
import { resolveAim, type Aim, type Caller } from '../aim.js';
import { allowedRule, bodyOf, checkBody, expectDenied, expectStatus, gate } from '../invariants.js';
import type { Kind, Model, ModelResource } from '../model.js';
import type { RunContext } from '../run-context.js';
import { PropertyCommand, ResourceCommand, opRequest } from './base.js';
import type { Json } from '../../api/types.js';

/** A view query: none (the default, LIFE-10), active or draft. */
export type ViewChoice = 'default' | 'active' | 'draft';

/** A variation id no target issued (LIFE-11: unknown variation: 404). */
export const UNKNOWN_VARIATION = '5d41402a-bc4b-4a76-b971-9d911017c592';

/** GET /{kind}/#n[?view=]: HIDE-1 (skills need use), HIDE-2 (agents need manage), AUTH-3, DEL-1, LIFE-10. */
export class GetCommand extends ResourceCommand {
  readonly op = 'get';

  constructor(aim: Aim, readonly view: ViewChoice, caller: Caller) {
    super(aim, caller);
  }

  label(m: Model | undefined): string {
    return `GET ${this.at(m, this.view === 'default' ? '' : `?view=${this.view}`)} as ${this.as(m)}`;
  }

  protected async exec(m: Model, ctx: RunContext): Promise<void> {
    const r = this.target(m)!;
    const e = await ctx.call(opRequest('get', r, this.role, undefined, this.view === 'default' ? '' : `?view=${this.view}`));
    const hide = r.kind === 'skills' ? 'HIDE-1' : 'HIDE-2';
    const denial = gate(m, r, this.role, { right: r.kind === 'skills' ? 'use' : 'manage', read: true });
    if (denial) return expectDenied(ctx, e, r, denial, hide);
    expectStatus(ctx, e, 200, allowedRule(m, r, this.role, hide));
    // LIFE-10: skills default to the active view, agents to the draft.
    const view = this.view !== 'default' ? this.view : r.kind === 'skills' ? 'active' : 'draft';
    checkBody(ctx, r, bodyOf(e), { view, role: this.role, contentRule: this.view === 'default' ? 'LIFE-10' : undefined });
  }
}

/** GET /skills/#n/variations/{v}: LIFE-11 (the live activeVariationId, the variation's content), HIDE-1. */
export class HistoricCommand extends ResourceCommand {
  readonly op = 'variation';

  constructor(aim: Aim, /** 0: a variation id no target issued; k: the k-th one seen (wrapping). */ readonly variation: number, caller: Caller) {
    super(aim, caller, 'skills');
  }

  private variationOf(r: ModelResource | undefined): { id: string; shown: string } {
    const ids = r ? [...r.variations.keys()] : [];
    if (this.variation === 0 || ids.length === 0) return { id: UNKNOWN_VARIATION, shown: 'unknown' };
    const k = (this.variation - 1) % ids.length;
    return { id: ids[k]!, shown: `v${k + 1}` };
  }

  label(m: Model | undefined): string {
    const r = m && this.target(m);
    return `GET ${this.at(m, `/variations/${this.variationOf(r).shown}`)} as ${this.as(m)}`;
  }

  protected async exec(m: Model, ctx: RunContext): Promise<void> {
    const r = this.target(m)!;
    const v = this.variationOf(r);
    const e = await ctx.call(opRequest('variation', r, this.role, undefined, '', v.id));
    const denial = gate(m, r, this.role, { right: 'use', read: true });
    if (denial) return expectDenied(ctx, e, r, denial, 'HIDE-1');
    if (!r.variations.has(v.id)) return expectStatus(ctx, e, 404, 'LIFE-11', 'A');
    expectStatus(ctx, e, 200, allowedRule(m, r, this.role, 'LIFE-11'));
    const b = bodyOf(e);
    ctx.expect('variation' in b, 'LIFE-11', () => `#${r.pos} variation ${v.shown}: no variation block`);
    ctx.expectEq(b['activeVariationId'], r.activeVariationId, 'LIFE-11', `#${r.pos} activeVariationId on a historic read`);
    checkBody(ctx, r, b, { view: { variation: v.id }, role: this.role });
  }
}

/** Pages a list walk may take before it stops (a big org on a real target); then only absences are checked. */
export const MAX_PAGES = 200;

/** The page size of the one large page a walk is compared with (LIST-4); the documented cap is 100 [A]. */
export const LARGE_PAGE = 100;

/**
 * GET /{kind}?pageSize=k, every page: LIST-1..4, HIDE-3, DEL-1, AUTH-3, LIFE-13 (rows are checked by the schema);
 * with `showDeleted=true`, DEL-5 [A]: the deleted rows the caller can manage are listed too, no others.
 */
export class ListCommand extends PropertyCommand {
  readonly op = 'list';

  constructor(readonly kind: Kind, readonly pageSize: number, role: Role, readonly showDeleted = false, readonly asOwnerOf?: Aim) {
    super(role);
  }

  /** In an arrangement, the list is sent by the owner of the resource it works on (who can manage it when deleted). */
  protected override resolve(m: Model): void {
    const r = this.asOwnerOf && resolveAim(m, this.asOwnerOf, this.kind);
    if (r) this.role = r.owner;
  }

  label(m?: Model): string {
    return `GET /${this.kind}?${this.query(this.size())} (every page) as ${this.as(m)}`;
  }

  private query(size: number): string {
    return `pageSize=${size}${this.showDeleted ? '&showDeleted=true' : ''}`;
  }

  protected applies(): boolean {
    return true;
  }

  protected touches(): ModelResource[] {
    return [];
  }

  protected async exec(m: Model, ctx: RunContext): Promise<void> {
    const walk = await this.walk(ctx, this.size());
    // LIST-4 [D] first: an [A] drift below (LIST-2 order) ends the command.
    if (walk.complete && !this.showDeleted) await this.checkSameSet(ctx, walk.rows);
    this.checkRows(m, ctx, walk.rows, walk.complete);
  }

  /**
   * With showDeleted, one large page at a time and no LIST-4 comparison (the plain lists make it): on a shared
   * deployment the deleted rows of every earlier run are listed too, and small pages would spend the budget on them.
   */
  private size(): number {
    return this.showDeleted ? LARGE_PAGE : this.pageSize;
  }

  /** Every page from the first at `size` rows, following nextPageToken (at most MAX_PAGES); LIST-1 on each page. */
  private walk(ctx: RunContext, size: number): Promise<ListWalk> {
    return walkList((r) => ctx.call(r), {
      kind: this.kind, role: this.role, query: this.query(size), maxPages: MAX_PAGES,
      onPage: (page, index) => {
        expectStatus(ctx, page.exchange, 200, 'LIST-1');
        ctx.expect(page.rows.length <= size, 'LIST-1', () => `page ${index + 1} has ${page.rows.length} rows, pageSize was ${size}`);
      },
    });
  }

  /**
   * LIST-4 [D]: the small-page walk is the same set of rows as one large page (every row the caller can
   * use, the org's other rows included), each once. A shared deployment changes under the walk (other
   * clients create and delete): a difference fails only when it is there again on a fresh walk.
   */
  private async checkSameSet(ctx: RunContext, rows: Json[]): Promise<void> {
    const walked = idsOf(rows);
    ctx.expect(repeatsOf(walked).length === 0, 'LIST-4', () => `${this.kind} walk at pageSize=${this.pageSize} as ${this.role} repeats ${repeatsOf(walked).join(', ')}`);
    // Rows other clients create or delete meanwhile are in one read and not the other: a row breaks LIST-4
    // only when the large pages before and after the walk agree on it and the walk does not.
    let before = await this.walk(ctx, LARGE_PAGE);
    if (!before.complete) return;
    let small = walked;
    let diff = '';
    for (let attempt = 0; attempt < 3; attempt++) {
      if (attempt > 0) {
        const again = await this.walk(ctx, this.pageSize);
        if (!again.complete) return;
        small = idsOf(again.rows);
      }
      const after = await this.walk(ctx, LARGE_PAGE);
      if (!after.complete) return;
      const { missing, extra } = compareWalk(small, idsOf(before.rows), idsOf(after.rows));
      if (missing.length === 0 && extra.length === 0) return ctx.count('LIST-4');
      diff = `${this.kind} walk at pageSize=${this.pageSize} as ${this.role} differs from one page of ${LARGE_PAGE}: missing ${missing.join(', ') || 'none'}, extra ${extra.join(', ') || 'none'}`;
      before = after;
    }
    ctx.fail('LIST-4', diff);
  }

  private checkRows(m: Model, ctx: RunContext, rows: Json[], complete: boolean): void {
    const count = new Map<number, number>();
    let previous = -Infinity;
    for (const row of rows) {
      const id = row['id'] as number;
      count.set(id, (count.get(id) ?? 0) + 1);
      // LIST-4 [D]: each row once (checkSameSet names the repeats); LIST-2 [A]: ascending ids.
      ctx.expect(id > previous, 'LIST-2', () => `${this.kind} ${id} comes after ${previous}: not ascending`);
      previous = id;
      m.seenIds.add(`${this.kind}/${id}`);
    }
    const byId = new Map(rows.map((row) => [row['id'] as number, row]));
    for (const r of m.resources) {
      if (r.kind !== this.kind || r.tainted) continue;
      const seen = count.get(r.id) ?? 0;
      if (r.deleted && this.showDeleted) {
        // DEL-5 [A]: a deleted row is listed exactly when the caller (of its org) can manage it.
        const listed = !gate(m, r, this.role, { right: 'manage', onDeleted: true }) ? 1 : 0;
        if (complete || listed === 0) ctx.expect(seen === listed, 'DEL-5', () => `deleted #${r.pos} (${this.kind} ${r.id}) is listed ${seen} times with showDeleted=true for ${this.role}; expected ${listed}`, 'A');
        continue;
      }
      const denial = gate(m, r, this.role, { right: 'use', read: true });
      if (denial) {
        // HIDE-3: never a resource the caller cannot use; DEL-1: never a deleted one; AUTH-3: never another org's.
        const rule = denial.rule === 'DEL-1' || denial.rule === 'AUTH-3' ? denial.rule : 'HIDE-3';
        ctx.expect(seen === 0, rule, () => `#${r.pos} (${this.kind} ${r.id}) is listed for ${this.role}, who must not see it`);
        continue;
      }
      if (complete) ctx.expect(seen === 1, allowedRule(m, r, this.role, 'LIST-2'), () => `#${r.pos} (${this.kind} ${r.id}) is listed ${seen} times for ${this.role}; expected once`);
      const row = byId.get(r.id);
      if (row) checkBody(ctx, r, row, { view: null, role: this.role });
    }
  }
}
