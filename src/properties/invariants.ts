/** The invariants every command checks, each named by its contract rule id. */
import { judgeLikeMissing } from '../contracts/checks/index.js';
import type { ApiRequest, Exchange } from '../contracts/client.js';
import type { RuleTag, RuleId } from '../api/rules.js';
import type { Role } from '../contracts/target-file.js';
import type { Model, ModelResource } from './model.js';
import type { RunContext } from './run-context.js';
import type { Json } from '../api/types.js';

/** How a call the caller has no right to should be answered, and by which rule. */
export interface Denial {
  status: 403 | 404;
  rule: RuleId;
  /** The answer must look exactly like the one for a missing id (HIDE, AUTH-3). */
  hidden: boolean;
  /** When the status code itself is an [A] detail of a [D] rule (XFER-1: others get 403). */
  tag?: RuleTag;
}

/** What an operation needs (HIDE-1/2/4, DEL-5). */
export interface Need {
  right: 'use' | 'manage';
  /** A read (GET): HIDE-1 / HIDE-2 instead of HIDE-4. */
  read?: boolean;
  /** DELETE and undelete still work on a deleted resource (DEL-2, DEL-3). */
  onDeleted?: boolean;
  /** Rule of a cross-org call (AUTH-3; HIDE-5 for undelete). */
  crossOrg?: RuleId;
}

/** The answer the contract requires when `role` lacks what `need` asks on `r`; undefined when allowed. */
export function gate(m: Model, r: ModelResource, role: Role, need: Need): Denial | undefined {
  if (m.principals[role].orgUuid !== r.orgUuid) return { status: 404, rule: need.crossOrg ?? 'AUTH-3', hidden: true };
  if (r.deleted && !need.onDeleted) return { status: 404, rule: need.read ? 'DEL-1' : 'DEL-5', hidden: false };
  const perm = m.rights(r, role);
  const hideRule = need.read ? (r.kind === 'skills' ? 'HIDE-1' : 'HIDE-2') : 'HIDE-4';
  if (!perm.use) return { status: 404, rule: hideRule, hidden: true };
  if (need.right === 'manage' && !perm.manage) return need.read ? { status: 404, rule: 'HIDE-2', hidden: true } : { status: 403, rule: 'HIDE-4', hidden: false };
  return undefined;
}

/** The rule an allowed call's success rests on: `documented`, or ACC-1 [A] when the right comes from a group or share. */
export function allowedRule(m: Model, r: ModelResource, role: Role, documented: RuleId): RuleId {
  return m.grantedBy(r, role) === 'grant' ? 'ACC-1' : documented;
}

/** The body of an exchange as an object ({} when there is none). */
export function bodyOf(e: Exchange): Json {
  const b = e.response.body;
  return typeof b === 'object' && b !== null ? (b as Json) : {};
}

/** Checks the status; `rule` names what the expected status rests on. */
export function expectStatus(ctx: RunContext, e: Exchange, status: number, rule: RuleId, tag?: RuleTag): void {
  const got = e.response.status;
  ctx.expect(got === status, rule, () => `${e.request.method} ${e.request.path} as ${e.request.role}: expected ${status}, got ${got}`, tag);
}

/**
 * A refused call: the status of the denial, and for hidden resources the very answer a missing id gets.
 * A 2xx where the contract refuses breaks `granted` (the operation's own rule: DEL-1 for delete, XFER-3 for accept, ...).
 */
export async function expectDenied(ctx: RunContext, e: Exchange, r: ModelResource, denial: Denial, granted: RuleId): Promise<void> {
  const got = e.response.status;
  if (got >= 200 && got < 300) {
    // A write that succeeds on a resource the caller cannot see reveals it: the documented hiding rule (HIDE-1/2).
    const revealed = r.kind === 'skills' ? 'HIDE-1' : 'HIDE-2';
    const rule = denial.hidden ? (denial.rule === 'HIDE-4' ? revealed : denial.rule) : granted;
    ctx.fail(rule, `${e.request.method} ${e.request.path} as ${e.request.role}: expected ${denial.status}, got ${got}`);
  }
  expectStatus(ctx, e, denial.status, denial.rule, denial.tag);
  if (denial.hidden) expectLikeMissing(ctx, e, await ctx.missing(e.request), r.id, denial.rule);
}

/**
 * A refused call that also carries a bad body. DET-3 [A] answers access first (the denial); a target that
 * judges the body first (`bodyStatus`) differs only where the docs are silent: a DET-3 drift, not a break,
 * as long as a hidden resource still answers exactly as a missing id does (HIDE-1/2/4, AUTH-3).
 */
export async function expectDeniedBeforeBody(ctx: RunContext, e: Exchange, r: ModelResource, denial: Denial, granted: RuleId, bodyStatus: number): Promise<void> {
  if (e.response.status !== bodyStatus || bodyStatus === denial.status) return expectDenied(ctx, e, r, denial, granted);
  ctx.expect(false, 'DET-3', () => `${e.request.method} ${e.request.path} as ${e.request.role}: the body's ${bodyStatus} came before the access answer ${denial.status}`, 'A');
  if (denial.hidden) expectLikeMissing(ctx, e, await ctx.missing(e.request), r.id, denial.rule);
}

/** HIDE-1/2/4, AUTH-3: same status and error shape as a missing id; ERR-1 [A]: same body but for the id (shared with the contract). */
export function expectLikeMissing(ctx: RunContext, hidden: Exchange, missing: Exchange, id: number, rule: RuleId): void {
  const verdict = judgeLikeMissing(hidden, missing, id);
  ctx.expect(verdict.documented === undefined, rule, () => verdict.documented!);
  for (const message of verdict.assumed) ctx.observe('ERR-1', message);
  if (verdict.assumed.length === 0) ctx.count('ERR-1');
}

/** DET-3 order for a write: 404 / 403 first; then nothing (allowed). Wraps `gate` for writes that need manage. */
export function writeGate(m: Model, r: ModelResource, role: Role, onDeleted = false): Denial | undefined {
  return gate(m, r, role, { right: 'manage', onDeleted, crossOrg: 'AUTH-3' });
}

/** "Nothing changes": reads the draft view as the owner and checks it against the (unchanged) model under `rule`. */
export async function verifyUnchanged(ctx: RunContext, r: ModelResource, rule: RuleId): Promise<void> {
  const e = await ctx.call(request('GET', r, '?view=draft', r.owner));
  expectStatus(ctx, e, 200, rule);
  checkBody(ctx, r, bodyOf(e), { view: 'draft', role: r.owner, rule });
}

/** Which content a body should show: a view, a historic variation, or none to check. */
export type ViewCheck = 'active' | 'draft' | { variation: string } | null;

/** Options of a body check. */
export interface BodyCheck {
  view: ViewCheck;
  role: Role;
  /** Report every mismatch under this rule (e.g. UPD-1 "nothing changes"). */
  rule?: RuleId;
  /** Rule of a content mismatch, when the command knows better (LIFE-7 after a deploy). */
  contentRule?: RuleId;
}

/** Checks a resource body (GET, PATCH, deploy, undelete, transfer, toggle answers and list rows) against the model. */
export function checkBody(ctx: RunContext, r: ModelResource, body: Json, opts: BodyCheck): void {
  const m = ctx.model;
  const rule = (own: RuleId): RuleId => opts.rule ?? own;
  const at = `#${r.pos}`;
  ctx.expectEq(body['id'], r.id, rule('DEL-6'), `${at} id`);
  ctx.expectEq(body['orgUuid'], r.orgUuid, rule('AUTH-3'), `${at} orgUuid`);
  ctx.expectEq(body['status'], m.status(r), rule('LIFE-1'), `${at} status`);
  ctx.expectEq(body['deletedAt'] === null, !r.deleted, rule('DEL-1'), `${at} deletedAt is null`);
  ctx.expectEq(body['activeVariationId'], r.activeVariationId, rule('LIFE-7'), `${at} activeVariationId`);
  ctx.expectEq(body['hasUnpublishedChanges'], m.hasUnpublished(r), rule('LIFE-6'), `${at} hasUnpublishedChanges`);
  if (r.draftVariationId !== undefined) ctx.expectEq(body['draftVariationId'], r.draftVariationId, rule(r.draftVariationId === null ? 'LIFE-8' : 'LIFE-5'), `${at} draftVariationId`);
  ctx.expectEq(body['createdAt'], r.createdAt, rule('UPD-6'), `${at} createdAt`);
  const access = (body['accessConfig'] ?? {}) as Json;
  const owner = m.principals[r.owner];
  ctx.expectEq(access['ownerUserId'], owner.userId, rule(r.transferred ? 'XFER-3' : 'ACC-2'), `${at} accessConfig.ownerUserId`);
  ctx.expectEq(access['ownerEmail'], owner.email, rule(r.transferred ? 'XFER-3' : 'ACC-2'), `${at} accessConfig.ownerEmail`);
  ctx.expectEq(access['visibility'], r.access.visibility, rule('ACC-5'), `${at} accessConfig.visibility`);
  if (!r.pendingUncertain) checkPending(ctx, r, body, rule);
  if (r.kind === 'agents') {
    const perm = m.rights(r, opts.role);
    if (r.isEnabled !== undefined) ctx.expectEq(body['isEnabled'], r.isEnabled, rule('LIFE-12'), `${at} isEnabled`);
    ctx.expectEq(body['canUse'], perm.use, rule('ACC-6'), `${at} canUse for ${opts.role}`);
    ctx.expectEq(body['canManage'], perm.manage, rule('ACC-6'), `${at} canManage for ${opts.role}`);
  }
  checkContent(ctx, r, body, opts);
  const variation = body['variation'] as Json | undefined;
  if (r.kind === 'skills' && variation && typeof variation === 'object') checkSubordinates(ctx, r, variation, rule, opts.role);
}

/** XFER-2 / XFER-5: the pending transfer, or no key at all. */
function checkPending(ctx: RunContext, r: ModelResource, body: Json, rule: (own: RuleId) => RuleId): void {
  const p = body['pendingOwnershipTransfer'] as Json | undefined;
  if (r.pending === null) {
    ctx.expect(!('pendingOwnershipTransfer' in body), rule('XFER-5'), () => `#${r.pos} has pendingOwnershipTransfer ${JSON.stringify(p)} but none is pending`);
    return;
  }
  const to = ctx.model.principals[r.pending];
  ctx.expectEq(p?.['pendingOwnerUserId'], to.userId, rule('XFER-2'), `#${r.pos} pendingOwnershipTransfer.pendingOwnerUserId`);
  ctx.expectEq(p?.['pendingOwnerEmail'], to.email, rule('XFER-2'), `#${r.pos} pendingOwnershipTransfer.pendingOwnerEmail`);
  ctx.expectEq(p?.['requestedByUserId'], ctx.model.principals[r.owner].userId, rule('XFER-2'), `#${r.pos} pendingOwnershipTransfer.requestedByUserId`);
}

/** LIFE-3, LIFE-7, LIFE-10, LIFE-11: the name and description the view should show. */
function checkContent(ctx: RunContext, r: ModelResource, body: Json, opts: BodyCheck): void {
  const view = opts.view;
  if (view === null) return;
  let content = r.draft;
  let rule = opts.contentRule ?? 'LIFE-3';
  let tag: RuleTag | undefined;
  if (typeof view === 'object') {
    const known = r.variations.get(view.variation);
    if (!known) return;
    content = known;
    rule = 'LIFE-11';
    tag = 'A'; // LIFE-4: the top-level name follows the variation shown
  } else if (view === 'active') {
    if (!r.active) {
      // LIFE-10 [A]: a skill never deployed, read active: 200 without `variation`.
      if (r.kind === 'skills') ctx.expect(!('variation' in body), opts.rule ?? 'LIFE-10', () => `#${r.pos} never deployed, view=active: variation should be absent`, 'A');
      return;
    }
    content = r.active;
    rule = opts.contentRule ?? (ctx.model.hasUnpublished(r) ? 'LIFE-3' : 'LIFE-7');
  }
  const at = `#${r.pos} ${typeof view === 'object' ? `variation ${view.variation}` : `view=${view}`}`;
  ctx.expectEq(body['name'], ctx.model.name(content.name), opts.rule ?? rule, `${at} name`, opts.rule ? undefined : tag);
  ctx.expectEq(body['description'], content.description, opts.rule ?? rule, `${at} description`, opts.rule ? undefined : tag);
}

/** UPD-2 [A]: a manager lists its live subordinates' ids (as strings), in every view; HIDE-6 [A]: only those the caller can use. */
function checkSubordinates(ctx: RunContext, r: ModelResource, variation: Json, rule: (own: RuleId) => RuleId, role: Role): void {
  const ids = variation['supervisionSubordinateIds'];
  if (!Array.isArray(ids)) return;
  const { all, live } = ctx.model.subordinates(r, role);
  const got = new Set(ids.map(String));
  const everyone = ctx.model.subordinates(r).all;
  const revealed = [...got].filter((id) => !all.has(id) && everyone.has(id));
  ctx.expect(revealed.length === 0, rule('HIDE-6'), () => `#${r.pos} supervisionSubordinateIds shows ${JSON.stringify(revealed)} to ${role}, who cannot use them`, 'A');
  const ok = [...live].every((id) => got.has(id)) && [...got].every((id) => all.has(id));
  ctx.expect(ok, rule('UPD-2'), () => `#${r.pos} supervisionSubordinateIds ${JSON.stringify(ids)}; subordinates created by this run: ${JSON.stringify([...live])}`, 'A');
}

/** DEL-6: a created id (and slug) this run has never seen before. */
export function expectNewIdentity(ctx: RunContext, kind: string, body: Json): void {
  const key = `${kind}/${String(body['id'])}`;
  ctx.expect(!ctx.model.seenIds.has(key), 'DEL-6', () => `create answered id ${String(body['id'])}, already seen in this run`);
  ctx.model.seenIds.add(key);
  const org = String(body['orgUuid']);
  let slugs = ctx.model.slugs.get(`${kind} ${org}`);
  if (!slugs) ctx.model.slugs.set(`${kind} ${org}`, (slugs = new Set()));
  const slug = String(body['slug']);
  ctx.expect(!slugs.has(slug), 'DEL-6', () => `create answered slug ${slug}, already used in the org`);
  slugs.add(slug);
}

/** A request on a resource by role. */
export function request(method: string, r: ModelResource, suffix: string, role: Role, body?: unknown): ApiRequest {
  const req: ApiRequest = { method, path: `/api/v1/${r.kind}/${r.id}${suffix}`, role };
  if (body !== undefined) req.body = body;
  return req;
}
