/**
 * Negative commands inside sequences: bad input on a resource the run made. Oracle: the right 4xx, an
 * ERR-1 error body, and the resource unchanged when read again (ERR-2; UPD-4 / AUTH-1 where documented).
 */
import type { ApiRequest, Exchange } from '../../contracts/client.js';
import { tagOf, type RuleTag, type RuleId } from '../../contracts/rules.js';
import type { Aim, Caller } from '../aim.js';
import { bodyOf, expectDenied, expectStatus, request, verifyUnchanged, writeGate } from '../invariants.js';
import { NAME_MAX, type Model, type ModelResource } from '../model.js';
import type { RunContext } from '../run-context.js';
import { ResourceCommand } from './base.js';

type Json = Record<string, unknown>;

/** What a bad body breaks, and how the answer is judged. */
interface BodyCase {
  shown: string;
  /** The request body: JSON, or raw text sent as is. */
  body: (m: Model) => { json?: unknown; raw?: string };
  status: 400 | 422;
  rule: RuleId;
  tag: RuleTag;
  /** DET-3: a body that is not a JSON object is refused before the resource is looked up. */
  beforeResource?: boolean;
}

/** The bad PATCH bodies: at and past the bounds, wrong types, unknown fields, not JSON, not an object. */
export const BAD_BODIES = {
  // UPD-4 [D]: 201 code points (astral: 402 UTF-16 units) is one past the bound.
  'name-201': { shown: '{name:<201 code points>}', body: (m: Model) => ({ json: { name: m.prefix + '\u{1D538}'.repeat(NAME_MAX + 1 - [...m.prefix].length) } }), status: 422, rule: 'UPD-4', tag: 'D' },
  'name-empty': { shown: '{name:""}', body: () => ({ json: { name: '' } }), status: 422, rule: 'UPD-4', tag: 'D' },
  // UPD-4 [A]: other field type errors are 422, unknown top-level fields 400, a body that is not an object 400.
  'wrong-type': { shown: '{description:5}', body: () => ({ json: { description: 5 } }), status: 422, rule: 'UPD-4', tag: 'A' },
  'name-type': { shown: '{name:5}', body: () => ({ json: { name: 5 } }), status: 422, rule: 'UPD-4', tag: 'A' },
  'unknown-field': { shown: '{unexpectedField:1}', body: () => ({ json: { unexpectedField: 1 } }), status: 400, rule: 'UPD-4', tag: 'A' },
  'malformed': { shown: '<malformed JSON>', body: () => ({ raw: '{"name": "x",' }), status: 400, rule: 'UPD-4', tag: 'A', beforeResource: true },
  'not-object': { shown: '[1]', body: () => ({ raw: '[1]' }), status: 400, rule: 'UPD-4', tag: 'A', beforeResource: true },
} satisfies Record<string, BodyCase>;
export type BadBody = keyof typeof BAD_BODIES;

/** ERR-1 [A]: an error answer carries {error: {code: <the status>, status, message}}. */
export function expectErrorBody(ctx: RunContext, e: Exchange): void {
  const err = bodyOf(e)['error'] as Json | undefined;
  const ok = !!err && err['code'] === e.response.status && typeof err['status'] === 'string' && typeof err['message'] === 'string';
  ctx.expect(ok, 'ERR-1', () => `${e.request.method} ${e.request.path} → ${e.response.status}: error body ${JSON.stringify(e.response.body)}`);
}

/** A request with a raw or JSON body. */
function withBody(req: ApiRequest, body: { json?: unknown; raw?: string }): ApiRequest {
  return body.raw !== undefined ? { ...req, rawBody: body.raw } : { ...req, body: body.json };
}

/** PATCH /{kind}/#n with a bad body: 400 / 422 as UPD-4 says, the error body, nothing changed. */
export class BadBodyCommand extends ResourceCommand {
  readonly op = 'patch-bad';

  constructor(aim: Aim, readonly bad: BadBody, caller: Caller) {
    super(aim, caller);
  }

  label(m: Model | undefined): string {
    return `PATCH ${this.at(m)} ${BAD_BODIES[this.bad].shown} as ${this.role}`;
  }

  protected async exec(m: Model, ctx: RunContext): Promise<void> {
    const r = this.target(m)!;
    const c: BodyCase = BAD_BODIES[this.bad];
    const e = await ctx.call(withBody(request('PATCH', r, '', this.role), c.body(m)));
    const denial = writeGate(m, r, this.role);
    // DET-3 [A]: a malformed body is 400 before the resource; a field error comes after 404 / 403.
    if (denial && !c.beforeResource) return expectDenied(ctx, e, r, denial, 'HIDE-4');
    const tag: RuleTag = denial ? 'A' : c.tag;
    expectStatus(ctx, e, c.status, serverError(e, tag) ? 'ERR-2' : c.rule, tag);
    expectErrorBody(ctx, e);
    if (!r.deleted) await verifyUnchanged(ctx, r, c.tag === 'D' ? c.rule : 'ERR-2');
  }
}

/** How a request authenticates: no Authorization header, or a token no principal has. */
export type AuthCase = 'none' | 'unknown';
/** What an unauthenticated command tries: a read, a content write, a delete. */
export type AuthOp = 'get' | 'patch' | 'delete';

/** AUTH-1 [D]: without a known bearer token every call answers 401 and changes nothing. */
export class NoAuthCommand extends ResourceCommand {
  readonly op = 'no-auth';

  constructor(aim: Aim, readonly auth: AuthCase, readonly what: AuthOp, caller: Caller) {
    super(aim, caller);
  }

  label(m: Model | undefined): string {
    const method = { get: 'GET', patch: 'PATCH', delete: 'DELETE' }[this.what];
    return `${method} ${this.at(m)}${this.what === 'patch' ? ' {name:z}' : ''} ${this.auth === 'none' ? 'without Authorization' : 'with an unknown token'}`;
  }

  protected async exec(m: Model, ctx: RunContext): Promise<void> {
    const r = this.target(m)!;
    const method = { get: 'GET', patch: 'PATCH', delete: 'DELETE' }[this.what];
    const req: ApiRequest = { ...request(method, r, '', this.role, this.what === 'patch' ? { name: m.name('z') } : undefined), role: null };
    if (this.auth === 'unknown') req.headers = { authorization: 'Bearer tok_no_such_principal_0000' };
    const e = await ctx.call(req);
    expectStatus(ctx, e, 401, 'AUTH-1');
    expectErrorBody(ctx, e);
    if (this.what !== 'get' && !r.deleted) await verifyUnchanged(ctx, r, 'AUTH-1');
  }
}

/** Bad query values: a view, page sizes and tokens, showDeleted (DET-9, LIST-1 [A]: 400). */
export const BAD_QUERIES = {
  view: { path: (r: ModelResource) => `/api/v1/${r.kind}/${r.id}?view=bogus`, rule: 'DET-9' },
  'page-size-negative': { path: (r: ModelResource) => `/api/v1/${r.kind}?pageSize=-1`, rule: 'LIST-1' },
  'page-size-fraction': { path: (r: ModelResource) => `/api/v1/${r.kind}?pageSize=2.5`, rule: 'LIST-1' },
  'page-token': { path: (r: ModelResource) => `/api/v1/${r.kind}?pageToken=not-a-token`, rule: 'LIST-1' },
  'show-deleted': { path: (r: ModelResource) => `/api/v1/${r.kind}?showDeleted=maybe`, rule: 'DET-9' },
} satisfies Record<string, { path: (r: ModelResource) => string; rule: RuleId }>;
export type BadQuery = keyof typeof BAD_QUERIES;

/** Ids that are not ids (DET-4 [A]: 404): letters, zero, a real id with a leading zero. */
export type BadId = 'letters' | 'zero' | 'leading-zero';

/** GET with a bad query value or an id that is not an id, as a caller who may read the resource. */
export class BadReadCommand extends ResourceCommand {
  readonly op = 'read-bad';

  constructor(aim: Aim, readonly bad: BadQuery | BadId, caller: Caller) {
    super(aim, caller);
  }

  private path(r: ModelResource): { path: string; status: number; rule: RuleId } {
    if (this.bad === 'letters') return { path: `/api/v1/${r.kind}/abc`, status: 404, rule: 'DET-4' };
    if (this.bad === 'zero') return { path: `/api/v1/${r.kind}/0`, status: 404, rule: 'DET-4' };
    if (this.bad === 'leading-zero') return { path: `/api/v1/${r.kind}/0${r.id}`, status: 404, rule: 'DET-4' };
    const q = BAD_QUERIES[this.bad];
    return { path: q.path(r), status: 400, rule: q.rule };
  }

  label(m: Model | undefined): string {
    const r = m && this.target(m);
    const shown = r ? this.path(r).path.replace(`/${r.id}`, `/#${r.pos}`).replace('/api/v1', '') : `${this.at(m)} (${this.bad})`;
    return `GET ${shown} as ${this.role}`;
  }

  protected override applies(m: Model): boolean {
    // A caller who reads the resource: the 400 / 404 is the input's, not access's (DET-3 order is [A]).
    const r = this.target(m);
    return super.applies(m) && r !== undefined && !r.deleted && m.rights(r, this.role).manage;
  }

  protected async exec(m: Model, ctx: RunContext): Promise<void> {
    const r = this.target(m)!;
    const { path, status, rule } = this.path(r);
    const e = await ctx.call({ method: 'GET', path, role: this.role });
    expectStatus(ctx, e, status, serverError(e, tagOf(rule)) ? 'ERR-2' : rule);
    expectErrorBody(ctx, e);
  }
}

/** A 5xx where an assumed 4xx was expected breaks ERR-2 (no input yields a 5xx), the rule that names it; a documented status stays its own rule. */
function serverError(e: Exchange, tag: RuleTag): boolean {
  return e.response.status >= 500 && tag === 'A';
}
