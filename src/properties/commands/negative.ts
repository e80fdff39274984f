/**
 * Negative commands inside sequences: bad input on a resource the run made. Oracle: the right 4xx, an
 * ERR-1 error body, and the resource unchanged when read again (ERR-2; UPD-4 / AUTH-1 where documented).
 */
import type { ApiRequest, Exchange } from '../../contracts/client.js';
import type { Role } from '../../contracts/target-file.js';
import { tagOf, type RuleTag, type RuleId } from '../../api/rules.js';
import type { Aim, Caller } from '../aim.js';
import { bodyOf, expectDenied, expectDeniedBeforeBody, expectStatus, gate, request, verifyUnchanged, writeGate, type Denial } from '../invariants.js';
import { NAME_MAX, type Kind, type Model, type ModelResource } from '../model.js';
import type { RunContext } from '../run-context.js';
import { PropertyCommand, ResourceCommand, opRequest } from './base.js';
import { answerGate } from './transfer.js';
import { UNKNOWN_VARIATION } from './read.js';
import type { SchemaBody } from './schema-bodies.js';
import type { Json } from '../../api/types.js';

/** What a bad body breaks, and how the answer is judged. */
interface BodyCase {
  shown: string;
  /** The request body: JSON, or raw text sent as is. */
  body: (m: Model, r: ModelResource) => { json?: unknown; raw?: string };
  /** The status the contract names; some depend on the kind (a skill field is an unknown field of an agent). */
  status: 400 | 413 | 422 | ((kind: Kind) => 400 | 422);
  rule: RuleId;
  tag: RuleTag;
  /** DET-3: a body that is not a JSON object is refused before the resource is looked up. */
  beforeResource?: boolean;
  /** The endpoint: a PATCH of the resource (default), its deploy, or a transfer request (only the owner's passes the gate). */
  at?: '/deploy' | '/transfer-ownership';
  /** A query the PATCH carries (an update mask). */
  query?: string;
}

/** A JSON object nested `depth` levels deep: `{"a":{"a":...}}`. */
function nested(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** DET-5 [A]: the largest body accepted, in UTF-8 bytes, and the deepest nesting. */
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_DEPTH = 64;
const utf8 = new TextEncoder();

/**
 * `{"name":"","description":"<filler>"}` of exactly `bytes` UTF-8 bytes, its filler mixing 1-, 2-, 3- and 4-byte
 * characters (the last a surrogate pair), so a body counted in UTF-16 units or by a wrong width misjudges it.
 * The empty name makes it a field error (422) once it passes the size check: nothing is written.
 */
const sized = (bytes: number): string => {
  const head = '{"name":"","description":"';
  const tail = '"}';
  const unit = 'a\u00e9\u20ac\u{1F600}';
  const room = bytes - utf8.encode(head + tail).length;
  const units = Math.floor(room / utf8.encode(unit).length);
  const filler = unit.repeat(units);
  return head + filler + 'a'.repeat(room - utf8.encode(filler).length) + tail;
};
const sizedBodies = new Map<number, string>();
/** Built once per size: a megabyte per command would be the suite's main cost. */
const sizedBody = (bytes: number): string => sizedBodies.get(bytes) ?? sizedBodies.set(bytes, sized(bytes)).get(bytes)!;

/** A field error (empty name) whose body holds brackets that are not nesting: in a string, after escapes, or side by side. */
const notDeep = {
  // 70 '[' inside a string that also holds escaped quotes and backslashes: no nesting at all.
  inString: String.raw`{"name":"","description":"\\\"${'['.repeat(MAX_DEPTH + 6)}\\"}`,
  // 70 empty objects side by side, one level below the body.
  siblings: (kind: Kind): string => kind === 'skills'
    ? `{"name":"","connectionSet":[${Array(MAX_DEPTH + 6).fill('{}').join(',')}]}`
    : `{"name":"","trigger":{${Array.from({ length: MAX_DEPTH + 6 }, (_, i) => `"k${i}":{}`).join(',')}}}`,
};

const skillsOnly = (onSkills: 400 | 422) => (kind: Kind): 400 | 422 => (kind === 'skills' ? onSkills : 400);
const agentsOnly = (onAgents: 400 | 422) => (kind: Kind): 400 | 422 => (kind === 'agents' ? onAgents : 400);

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
  'name-null': { shown: '{name:null}', body: () => ({ json: { name: null } }), status: 422, rule: 'UPD-4', tag: 'A' },
  // ACC-1 [A]: the visibility values and the shapes of groupPermissions / sharedWith; a wrong one is a field error (422).
  'visibility': { shown: '{accessConfig:{visibility:public}}', body: () => ({ json: { accessConfig: { visibility: 'public' } } }), status: 422, rule: 'ACC-1', tag: 'A' },
  'groups-type': { shown: '{accessConfig:{groupPermissions:"eng"}}', body: () => ({ json: { accessConfig: { groupPermissions: 'eng' } } }), status: 422, rule: 'ACC-1', tag: 'A' },
  'shared-type': { shown: '{accessConfig:{sharedWith:{}}}', body: () => ({ json: { accessConfig: { sharedWith: {} } } }), status: 422, rule: 'ACC-1', tag: 'A' },
  'access-type': { shown: '{accessConfig:"org"}', body: () => ({ json: { accessConfig: 'org' } }), status: 422, rule: 'UPD-4', tag: 'A' },
  // ACC-4 [A]: ownership moves only by transfer.
  'owner-change': { shown: '{accessConfig:{ownerUserId:<another member>}}', body: (m, r) => ({ json: { accessConfig: { ownerUserId: m.principals[r.owner === 'teammate' ? 'owner' : 'teammate'].userId } } }), status: 422, rule: 'ACC-4', tag: 'A' },
  'owner-email-change': { shown: '{accessConfig:{ownerEmail:<another member\'s>}}', body: (m, r) => ({ json: { accessConfig: { ownerEmail: m.principals[r.owner === 'teammate' ? 'owner' : 'teammate'].email } } }), status: 422, rule: 'ACC-4', tag: 'A' },
  // UPD-2 [A]: a skill cannot manage itself; managerId is a positive integer or null (an agent has no managerId: 400).
  'manager-self': { shown: '{managerId:<itself>}', body: (_m, r) => ({ json: { managerId: r.id } }), status: skillsOnly(422), rule: 'UPD-2', tag: 'A' },
  'manager-type': { shown: '{managerId:"1"}', body: () => ({ json: { managerId: '1' } }), status: skillsOnly(422), rule: 'UPD-2', tag: 'A' },
  // UPD-1 [D] / DET-6 [A]: managerId with another body field or mask path is 422 on a skill (an agent: the unknown field 400, UPD-4 / UPD-3 [A]).
  'manager-with-name': { shown: '{managerId:null, name:x}', body: (m) => ({ json: { managerId: null, name: m.name('x') } }), status: skillsOnly(422), rule: 'UPD-1', tag: 'A' },
  'manager-mask-mixed': { shown: '{managerId:null} ?updateMask=managerId,name', body: () => ({ json: { managerId: null } }), query: '?updateMask=managerId,name', status: skillsOnly(422), rule: 'UPD-1', tag: 'A' },
  // LIFE-4 [A]: an agent's type is task or workflow (a skill has no type: 400).
  'agent-type': { shown: '{type:bogus}', body: () => ({ json: { type: 'bogus' } }), status: agentsOnly(422), rule: 'UPD-4', tag: 'A' },
  // UPD-3 [A]: an update mask given twice has no one value, even when both agree (as LIST-1 says of page parameters).
  'mask-twice': { shown: '{name:x} ?updateMask=name&updateMask=name', body: (m) => ({ json: { name: m.name('x') } }), query: '?updateMask=name&updateMask=name', status: 400, rule: 'UPD-3', tag: 'A' },
  // UPD-3 [A]: an update mask naming no field is 400.
  'mask-unknown': { shown: '{name:x}', body: (m) => ({ json: { name: m.name('x') } }), query: '?updateMask=bogus', status: 400, rule: 'UPD-3', tag: 'A' },
  // DET-6 [A]: a masked field absent from the body resets to empty, but name and accessConfig have no empty value: 422.
  'mask-name-absent': { shown: '{}', body: () => ({ json: {} }), query: '?updateMask=name', status: 422, rule: 'DET-6', tag: 'A' },
  'mask-access-absent': { shown: '{description:x}', body: () => ({ json: { description: 'x' } }), query: '?updateMask=description,accessConfig', status: 422, rule: 'DET-6', tag: 'A' },
  // ERR-3 [A]: prototype keys at any depth; DET-5 [A]: deeper than 64 levels is 400 (before the resource). The 1 MiB
  // bound (413) is the contract suite's: a megabyte a command would cost the suite its speed and staging its bandwidth.
  'proto-key': { shown: '{description:x, __proto__:{}}', body: () => ({ raw: '{"description":"x","__proto__":{"polluted":true}}' }), status: 400, rule: 'ERR-3', tag: 'A', beforeResource: true },
  'deep': { shown: '<JSON nested 65 deep>', body: () => ({ raw: nested(65) }), status: 400, rule: 'DET-5', tag: 'A', beforeResource: true },
  // DET-5 [A] at the depth bound: 64 levels (the body itself is one) pass the depth check; a string is then 422.
  'deep-64': { shown: '{description:<63 levels>}', body: () => ({ raw: `{"description":${nested(MAX_DEPTH - 1)}}` }), status: 422, rule: 'DET-5', tag: 'A' },
  'brackets-in-string': { shown: '{name:"", description:<escapes, then 70 [>}', body: () => ({ raw: notDeep.inString }), status: 422, rule: 'DET-5', tag: 'A' },
  'brackets-side-by-side': { shown: '{name:"", <70 sibling objects>}', body: (_m, r) => ({ raw: notDeep.siblings(r.kind) }), status: 422, rule: 'DET-5', tag: 'A' },
  // DET-5 [A] at the size bound, in UTF-8 bytes: 1 MiB passes (then the empty name is 422), one byte more is 413.
  'size-1mib': { shown: '{name:"", description:<1 MiB of mixed-width UTF-8>}', body: () => ({ raw: sizedBody(MAX_BODY_BYTES) }), status: 422, rule: 'DET-5', tag: 'A' },
  'size-past-1mib': { shown: '<1 MiB + 1 byte of mixed-width UTF-8>', body: () => ({ raw: sizedBody(MAX_BODY_BYTES + 1) }), status: 413, rule: 'DET-5', tag: 'A', beforeResource: true },
  // ERR-3 [A]: every prototype key, inside arrays too (a string field holding one is refused as the key, 400, not as a type, 422).
  'proto-in-array': { shown: '{description:[{__proto__:{}}]}', body: () => ({ raw: '{"description":[1,{"__proto__":{}}]}' }), status: 400, rule: 'ERR-3', tag: 'A', beforeResource: true },
  'constructor-key': { shown: '{description:{constructor:{}}}', body: () => ({ raw: '{"description":{"constructor":{}}}' }), status: 400, rule: 'ERR-3', tag: 'A', beforeResource: true },
  'prototype-key': { shown: '{description:{prototype:{}}}', body: () => ({ raw: '{"description":{"prototype":{}}}' }), status: 400, rule: 'ERR-3', tag: 'A', beforeResource: true },
  // Deploy bodies: DET-9 [A] a null SHA is 422; an unknown field 400 (UPD-4 [A], as for a PATCH).
  'deploy-sha-null': { shown: '{expectedMainShaOverride:null}', body: () => ({ json: { expectedMainShaOverride: null } }), status: skillsOnly(422), rule: 'DET-9', tag: 'A', at: '/deploy' },
  'deploy-unknown': { shown: '{force:true}', body: () => ({ json: { force: true } }), status: 400, rule: 'UPD-4', tag: 'A', at: '/deploy' },
  // Transfer bodies (XFER-1 / DET-11 [A]): no recipient or one that is not a member: 422; an unknown field: 400.
  'transfer-missing': { shown: '{}', body: () => ({ json: {} }), status: 422, rule: 'XFER-1', tag: 'A', at: '/transfer-ownership' },
  'transfer-type': { shown: '{newOwnerUserId:5}', body: () => ({ json: { newOwnerUserId: 5 } }), status: 422, rule: 'XFER-1', tag: 'A', at: '/transfer-ownership' },
  'transfer-unknown': { shown: '{newOwnerUserId:<another member>, note:x}', body: (m, r) => ({ json: { newOwnerUserId: m.principals[r.owner === 'teammate' ? 'owner' : 'teammate'].userId, note: 'x' } }), status: 400, rule: 'UPD-4', tag: 'A', at: '/transfer-ownership' },
} satisfies Record<string, BodyCase>;
export type BadBody = keyof typeof BAD_BODIES;

/** ERR-1 [A]: an error answer carries {error: {code: <the status>, status, message}}. */
export function expectErrorBody(ctx: RunContext, e: Exchange): void {
  const err = bodyOf(e)['error'] as Json | undefined;
  const ok = !!err && err['code'] === e.response.status && typeof err['status'] === 'string' && typeof err['message'] === 'string' && err['message'] !== '';
  ctx.expect(ok, 'ERR-1', () => `${e.request.method} ${e.request.path} → ${e.response.status}: error body ${JSON.stringify(e.response.body)}`);
}

/** A request with a raw or JSON body. */
function withBody(req: ApiRequest, body: { json?: unknown; raw?: string }): ApiRequest {
  return body.raw !== undefined ? { ...req, rawBody: body.raw } : { ...req, body: body.json };
}

/** The case of each generated bad body, built once: a body is generated into many commands. */
const schemaCases = new WeakMap<SchemaBody, BodyCase>();

/** A generated bad body (schema-bodies.ts) as a case judged like the hand-written ones: a field error 422, an unknown field 400 (UPD-4 [A]). */
function schemaCase(sb: SchemaBody): BodyCase {
  const built = schemaCases.get(sb);
  if (built) return built;
  const at = sb.stem === 'deploy' ? '/deploy' as const : sb.stem === 'request' ? '/transfer-ownership' as const : undefined;
  const c: BodyCase = { shown: JSON.stringify(sb.body), body: () => ({ json: sb.body }), status: sb.status, rule: sb.rule, tag: 'A' };
  if (at) c.at = at;
  schemaCases.set(sb, c);
  return c;
}

/** PATCH /{kind}/#n (or its deploy, or a transfer request) with a bad body: 400 / 422 as UPD-4 says, the error body, nothing changed. */
export class BadBodyCommand extends ResourceCommand {
  /** The coverage row: a bad body on a PATCH, a deploy or a transfer request. */
  readonly op: string;
  private readonly c: BodyCase;

  constructor(aim: Aim, readonly bad: BadBody | SchemaBody, caller: Caller) {
    super(aim, caller, typeof bad === 'string' ? undefined : bad.kind);
    this.c = typeof bad === 'string' ? BAD_BODIES[bad] : schemaCase(bad);
    this.op = this.c.at === '/deploy' ? 'deploy-bad' : this.c.at === '/transfer-ownership' ? 'transfer-bad' : 'patch-bad';
  }

  label(m: Model | undefined): string {
    const c = this.c;
    return `${c.at ? 'POST' : 'PATCH'} ${this.at(m, c.at ?? c.query ?? '')} ${c.shown} as ${this.as(m)}`;
  }

  /** Who may send this body past the resource checks: a manager for a PATCH or deploy (HIDE-4), the owner for a transfer (XFER-1). */
  private denial(m: Model, r: ModelResource, c: BodyCase): Denial | undefined {
    if (c.at !== '/transfer-ownership') return writeGate(m, r, this.role);
    return gate(m, r, this.role, { right: 'use' }) ?? (this.role !== r.owner ? { status: 403, rule: 'XFER-1', hidden: false, tag: 'A' } : undefined);
  }

  protected async exec(m: Model, ctx: RunContext): Promise<void> {
    const r = this.target(m)!;
    const c = this.c;
    const e = await ctx.call(withBody(request(c.at ? 'POST' : 'PATCH', r, c.at ?? c.query ?? '', this.role), c.body(m, r)));
    const denial = this.denial(m, r, c);
    const status = typeof c.status === 'function' ? c.status(r.kind) : c.status;
    // DET-3 [A]: a malformed body is 400 before the resource; a field error comes after 404 / 403.
    if (denial && !c.beforeResource) return expectDeniedBeforeBody(ctx, e, r, denial, c.at === '/transfer-ownership' ? 'XFER-1' : 'HIDE-4', status);
    const tag: RuleTag = denial ? 'A' : c.tag;
    expectStatus(ctx, e, status, serverError(e, tag) ? 'ERR-2' : c.rule, tag);
    expectErrorBody(ctx, e);
    if (!r.deleted) await verifyUnchanged(ctx, r, c.tag === 'D' ? c.rule : 'ERR-2');
  }
}

/** A bad body read from the contract's request schemas (schema-bodies.ts); its own row of the coverage matrix. */
export class SchemaBodyCommand extends BadBodyCommand {
  override readonly op: string = 'body-schema';

  constructor(aim: Aim, bad: SchemaBody, caller: Caller) {
    super(aim, bad, caller);
  }
}

/** How a request authenticates: no Authorization header, a token no principal has, or a known token with words after it. */
export type AuthCase = 'none' | 'unknown' | 'trailing';
/** What an unauthenticated command tries: a read, a content write, a delete. */
export type AuthOp = 'get' | 'patch' | 'delete';

/**
 * AUTH-1 [D]: without a known bearer token every call answers 401 and changes nothing. `Bearer <token> extra`
 * is not `Bearer <token>` (RFC 6750: one b64token): 401 too, [A] (the docs show only the valid form).
 */
export class NoAuthCommand extends ResourceCommand {
  readonly op = 'no-auth';

  constructor(aim: Aim, readonly auth: AuthCase, readonly what: AuthOp, caller: Caller) {
    super(aim, caller);
  }

  label(m: Model | undefined): string {
    const method = { get: 'GET', patch: 'PATCH', delete: 'DELETE' }[this.what];
    const how = { none: 'without Authorization', unknown: 'with an unknown token', trailing: `with ${this.as(m)}'s token and a word after it` }[this.auth];
    return `${method} ${this.at(m)}${this.what === 'patch' ? ' {name:z}' : ''} ${how}`;
  }

  protected async exec(m: Model, ctx: RunContext): Promise<void> {
    const r = this.target(m)!;
    const method = { get: 'GET', patch: 'PATCH', delete: 'DELETE' }[this.what];
    const req: ApiRequest = { ...request(method, r, '', this.role, this.what === 'patch' ? { name: m.name('z') } : undefined), role: null };
    if (this.auth === 'unknown') req.headers = { authorization: 'Bearer tok_no_such_principal_0000' };
    if (this.auth === 'trailing') req.headers = { authorization: `Bearer ${ctx.suite.client.config.principals[this.role].token} extra` };
    const e = await ctx.call(req);
    const tag: RuleTag | undefined = this.auth === 'trailing' ? 'A' : undefined;
    expectStatus(ctx, e, 401, 'AUTH-1', tag);
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
  // LIST-1 [A]: a parameter given twice has no one value.
  'page-size-twice': { path: (r: ModelResource) => `/api/v1/${r.kind}?pageSize=2&pageSize=3`, rule: 'LIST-1' },
  'page-token-twice': { path: (r: ModelResource) => `/api/v1/${r.kind}?pageToken=&pageToken=`, rule: 'LIST-1' },
  'show-deleted-twice': { path: (r: ModelResource) => `/api/v1/${r.kind}?showDeleted=false&showDeleted=false`, rule: 'DET-9' },
  'view-twice': { path: (r: ModelResource) => `/api/v1/${r.kind}/${r.id}?view=active&view=active`, rule: 'DET-9' },
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
    return `GET ${shown} as ${this.as(m)}`;
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

/** Paths and methods the API does not have, next to a resource the run made (DET-3 [A]: 404 for a path, DET-12 [A]: 405 with Allow). */
export const BAD_ROUTES = {
  'unknown-path': { method: 'GET', path: (r: ModelResource) => `/api/v1/${r.kind}/${r.id}/bogus`, status: 404, rule: 'DET-3' },
  // Skills have no toggle; agents no historic variations.
  'other-kind-path': { method: (r: ModelResource) => (r.kind === 'skills' ? 'POST' : 'GET'), path: (r: ModelResource) => (r.kind === 'skills' ? `/api/v1/skills/${r.id}/toggle` : `/api/v1/agents/${r.id}/variations/${UNKNOWN_VARIATION}`), status: 404, rule: 'DET-3' },
  // Outside the API's paths: another version, another collection, one segment too many, the bare prefix.
  'other-version': { method: 'GET', path: (r: ModelResource) => `/api/v2/${r.kind}/${r.id}`, status: 404, rule: 'DET-3' },
  'other-collection': { method: 'GET', path: () => '/api/v1/widgets', status: 404, rule: 'DET-3' },
  'too-deep': { method: 'POST', path: (r: ModelResource) => `/api/v1/${r.kind}/${r.id}/transfer-ownership/accept/now`, status: 404, rule: 'DET-3' },
  'bare-prefix': { method: 'GET', path: () => '/api/v1/', status: 404, rule: 'DET-3' },
  'empty-id': { method: 'GET', path: (r: ModelResource) => `/api/v1/${r.kind}//deploy`, status: 404, rule: 'DET-3' },
  'put-item': { method: 'PUT', path: (r: ModelResource) => `/api/v1/${r.kind}/${r.id}`, status: 405, allow: ['GET', 'PATCH', 'DELETE'], rule: 'DET-12' },
  'get-action': { method: 'GET', path: (r: ModelResource) => `/api/v1/${r.kind}/${r.id}/deploy`, status: 405, allow: ['POST'], rule: 'DET-12' },
} satisfies Record<string, { method: string | ((r: ModelResource) => string); path: (r: ModelResource) => string; status: 404 | 405; allow?: string[]; rule: RuleId }>;
export type BadRoute = keyof typeof BAD_ROUTES;

/** A request to a path or with a method the API does not have, as the owner: the 404 / 405, its Allow header, the error body; nothing changes. */
export class BadRouteCommand extends ResourceCommand {
  readonly op = 'route-bad';

  constructor(aim: Aim, readonly bad: BadRoute, caller: Caller) {
    super(aim, caller);
  }

  private request(r: ModelResource): { method: string; path: string } {
    const c = BAD_ROUTES[this.bad];
    return { method: typeof c.method === 'function' ? c.method(r) : c.method, path: c.path(r) };
  }

  label(m: Model | undefined): string {
    const r = m && this.target(m);
    if (!r) return `${this.bad} at ${this.at(m)} as ${this.as(m)}`;
    const { method, path } = this.request(r);
    return `${method} ${path.replace(`/${r.id}`, `/#${r.pos}`).replace('/api/v1', '')} as ${this.as(m)}`;
  }

  protected async exec(m: Model, ctx: RunContext): Promise<void> {
    const r = this.target(m)!;
    const c: { status: number; allow?: string[]; rule: RuleId } = BAD_ROUTES[this.bad];
    const { method, path } = this.request(r);
    const e = await ctx.callUnlisted({ method, path, role: this.role, ...(method === 'GET' ? {} : { body: {} }) });
    expectStatus(ctx, e, c.status, serverError(e, 'A') ? 'ERR-2' : c.rule);
    expectErrorBody(ctx, e);
    if (c.allow) {
      const allow = String(e.response.headers['allow'] ?? '').split(',').map((x) => x.trim().toUpperCase());
      ctx.expect(c.allow.every((x) => allow.includes(x)), 'DET-12', () => `${e.request.method} ${e.request.path} → 405: Allow is "${String(e.response.headers['allow'] ?? '')}", expected it to list ${c.allow!.join(', ')}`);
    }
    if (!r.deleted && method !== 'GET') await verifyUnchanged(ctx, r, 'ERR-2');
  }
}

/** Bad create bodies (POST /{kind}): nothing is created; the right 4xx and the error body. */
export const BAD_CREATES = {
  // DET-1 [A]: name is required.
  'no-name': { shown: '{}', body: () => ({ json: {} }), status: 422, rule: 'DET-1', tag: 'A' },
  'name-201': BAD_BODIES['name-201'],
  'unknown-field': { shown: '{name:x, unexpectedField:1}', body: (m: Model) => ({ json: { name: m.name('x'), unexpectedField: 1 } }), status: 400, rule: 'UPD-4', tag: 'A' },
  'visibility': { shown: '{name:x, accessConfig:{visibility:public}}', body: (m: Model) => ({ json: { name: m.name('x'), accessConfig: { visibility: 'public' } } }), status: 422, rule: 'ACC-1', tag: 'A' },
  'not-object': BAD_BODIES['not-object'],
} satisfies Record<string, Pick<BodyCase, 'shown' | 'status' | 'rule' | 'tag'> & { body: (m: Model) => { json?: unknown; raw?: string } }>;
export type BadCreate = keyof typeof BAD_CREATES;

/** POST /{kind} with a bad body as any role: the 4xx the contract names, an ERR-1 body, no resource made. */
export class BadCreateCommand extends PropertyCommand {
  readonly op = 'create-bad';

  constructor(readonly kind: Kind, readonly bad: BadCreate, role: Role) {
    super(role);
  }

  label(): string {
    return `POST /${this.kind} ${BAD_CREATES[this.bad].shown} as ${this.role}`;
  }

  protected applies(): boolean {
    return true;
  }

  protected touches(): ModelResource[] {
    return [];
  }

  protected async exec(m: Model, ctx: RunContext): Promise<void> {
    const c = BAD_CREATES[this.bad];
    // A target that creates it anyway has it remembered by the client and deleted at cleanup.
    const e = await ctx.call(withBody({ method: 'POST', path: `/api/v1/${this.kind}`, role: this.role }, c.body(m)));
    expectStatus(ctx, e, c.status, serverError(e, c.tag) ? 'ERR-2' : c.rule, c.tag);
    expectErrorBody(ctx, e);
  }
}

/** The actions whose bodies take no fields (UPD-4 [A]: any key is 400). */
export const ACTIONS = ['undelete', 'toggle', 'accept', 'cancel'] as const;
export type Action = (typeof ACTIONS)[number];
/** The rule an action's access answer is checked under. */
const ACTION_RULE: Record<Action, RuleId> = { undelete: 'DEL-3', toggle: 'LIFE-12', accept: 'XFER-3', cancel: 'XFER-4' };

/**
 * POST /{kind}/#n/{action} with a field the action does not take: the access answer first (404 / 403, and
 * 409 when no transfer is pending), then 400 (UPD-4 [A]: action bodies take no fields, as for a PATCH),
 * the ERR-1 body, nothing changed.
 */
export class StrayFieldCommand extends ResourceCommand {
  readonly op = 'action-bad';

  constructor(aim: Aim, readonly action: Action, caller: Caller) {
    super(aim, caller, action === 'toggle' ? 'agents' : undefined);
  }

  label(m: Model | undefined): string {
    const path = this.action === 'accept' || this.action === 'cancel' ? `/transfer-ownership/${this.action}` : `/${this.action}`;
    return `POST ${this.at(m, path)} {note:x} as ${this.as(m)}`;
  }

  protected async exec(m: Model, ctx: RunContext): Promise<void> {
    const r = this.target(m)!;
    const e = await ctx.call(opRequest(this.action, r, this.role, { note: 'x' }));
    if (this.action === 'accept' || this.action === 'cancel') {
      // DET-11 [A]: 404, then 409 (nothing pending), then the body (400), then who may act (403).
      const g = answerGate(m, r, this.role, ACTION_RULE[this.action], true);
      if (g && g.status === 409) return expectStatus(ctx, e, 409, ACTION_RULE[this.action], 'A');
      if (g) return expectDeniedBeforeBody(ctx, e, r, g as Denial, ACTION_RULE[this.action], 400);
    } else {
      const denial = writeGate(m, r, this.role, this.action === 'undelete');
      if (denial) return expectDeniedBeforeBody(ctx, e, r, denial.rule === 'AUTH-3' && this.action === 'undelete' ? { ...denial, rule: 'HIDE-5' } : denial, ACTION_RULE[this.action], 400);
    }
    expectStatus(ctx, e, 400, serverError(e, 'A') ? 'ERR-2' : 'UPD-4', 'A');
    expectErrorBody(ctx, e);
    if (!r.deleted) await verifyUnchanged(ctx, r, 'ERR-2');
  }
}
