/**
 * The core's request pipeline as named stages (DET-3 orders them): authenticate → route → read body →
 * operation → answer. Each is a plain function from values to a Result, so it can be tested on its own and a
 * core can be built with another in its place (`MockCoreOptions.stages`), as prism's factory composes its own.
 */
import type { ApiOperation } from '../../api/operations.js';
import { isObject, parseBody } from './body.js';
import { errorAnswer, fail, ok } from './errors.js';
import type { Answer, Ctx, Query } from './context.js';
import { create } from './create.js';
import { deploy, remove, toggle, undelete } from './lifecycle.js';
import { list } from './list.js';
import { route, type Operation } from './router.js';
import { getOne, getVariation } from './read.js';
import { acceptTransfer, cancelTransfer, requestTransfer } from './transfer.js';
import { patch } from './update.js';
import type { Kind, MockRequest, MockResponse, Principal, Result } from './types.js';

/** What the route stage resolved: the operation, its path parameters and the query. */
export interface Routed {
  operation: ApiOperation;
  kind: Kind;
  id: string;
  variationId: string;
  query: Query;
}

/** Everything an operation is called with. */
export interface Call extends Routed {
  principal: Principal;
  body: Record<string, unknown>;
}

/** The stages of one request; a core runs them in this order and stops at the first failure. */
export interface CoreStages {
  authenticate(request: MockRequest, byToken: ReadonlyMap<string, Principal>): Result<Principal>;
  route(request: MockRequest): Result<Routed>;
  readBody(request: MockRequest, routed: Routed): Result<Record<string, unknown>>;
  operate(ctx: Ctx, call: Call): Result<Answer>;
  answer(result: Result<Answer>): MockResponse;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** AUTH-1: the principal a bearer token names; anything else is 401. */
export function authenticate(request: MockRequest, byToken: ReadonlyMap<string, Principal>): Result<Principal> {
  const auth = BEARER.exec(request.headers['authorization'] ?? '');
  const principal = auth ? byToken.get(auth[1]!) : undefined;
  return principal ? ok(principal) : fail(401, 'missing or unknown bearer token');
}

/** DET-3, DET-12: the operation a method and path name; an unknown path is 404, a method the path lacks 405 with `Allow`. */
export function routeRequest(request: MockRequest): Result<Routed> {
  const q = request.url.indexOf('?');
  const path = q < 0 ? request.url : request.url.slice(0, q);
  const routed = route(path);
  if (!routed.found) return fail(404, `no route for ${path}`);
  const method = request.method.toUpperCase();
  const operation = Object.hasOwn(routed.methods, method) ? routed.methods[method] : undefined;
  if (!operation) return fail(405, `${method} is not allowed on ${path}`, { allow: Object.keys(routed.methods).join(', ') });
  const query = new URLSearchParams(q < 0 ? '' : request.url.slice(q + 1));
  return ok({ operation, kind: routed.kind, id: routed.id, variationId: routed.variationId, query });
}

/** DET-3: the body as a JSON object, read only where the operation has one (GET and DELETE ignore theirs). */
export function readBody(request: MockRequest, routed: Routed): Result<Record<string, unknown>> {
  if (!routed.operation.body) return ok({});
  if (request.bodyError) return fail(request.bodyError.code, request.bodyError.message);
  const parsed = parseBody(request.body);
  if (!parsed.ok) return parsed;
  if (parsed.value !== undefined && !isObject(parsed.value)) return fail(400, 'request body must be a JSON object');
  return ok((parsed.value as Record<string, unknown> | undefined) ?? {});
}

/** Each operation of the table, by its stem, on the state. */
const OPERATE: Readonly<Record<Operation, (ctx: Ctx, c: Call) => Result<Answer>>> = {
  list: (ctx, c) => list(ctx, c.principal, c.kind, c.query),
  create: (ctx, c) => create(ctx, c.principal, c.kind, c.body),
  get: (ctx, c) => getOne(ctx, c.principal, c.kind, c.id, c.query),
  variation: (ctx, c) => getVariation(ctx, c.principal, c.id, c.variationId),
  update: (ctx, c) => patch(ctx, c.principal, c.kind, c.id, c.query, c.body),
  delete: (ctx, c) => remove(ctx, c.principal, c.kind, c.id),
  undelete: (ctx, c) => undelete(ctx, c.principal, c.kind, c.id, c.body),
  deploy: (ctx, c) => deploy(ctx, c.principal, c.kind, c.id, c.body),
  toggle: (ctx, c) => toggle(ctx, c.principal, c.id, c.body),
  request: (ctx, c) => requestTransfer(ctx, c.principal, c.kind, c.id, c.body),
  accept: (ctx, c) => acceptTransfer(ctx, c.principal, c.kind, c.id, c.body),
  cancel: (ctx, c) => cancelTransfer(ctx, c.principal, c.kind, c.id, c.body),
};

/** The operation the call names, on the state. */
export function operate(ctx: Ctx, call: Call): Result<Answer> {
  return OPERATE[call.operation.stem](ctx, call);
}

const JSON_HEADERS = { 'content-type': 'application/json' } as const;

/** ERR-1: a result as the response every adapter sends; a failure carries the one error body. */
export function answer(result: Result<Answer>): MockResponse {
  if (!result.ok) {
    const { code, message, headers } = result.error;
    return errorAnswer(code, message, headers);
  }
  const { status, body } = result.value;
  return body === undefined ? { status, headers: {} } : { status, headers: { ...JSON_HEADERS }, body };
}

/** The stages a core runs unless its options replace some. */
export const DEFAULT_STAGES: CoreStages = { authenticate, route: routeRequest, readBody, operate, answer };

/** Runs the stages in order on one request (DET-3: 401 → 404/405 → 400 body → the operation's own checks). */
export function runStages(stages: CoreStages, ctx: Ctx, byToken: ReadonlyMap<string, Principal>, request: MockRequest): MockResponse {
  const principal = stages.authenticate(request, byToken);
  if (!principal.ok) return stages.answer(principal);
  const routed = stages.route(request);
  if (!routed.ok) return stages.answer(routed);
  const body = stages.readBody(request, routed.value);
  if (!body.ok) return stages.answer(body);
  const { operation, kind, id, variationId, query } = routed.value;
  return stages.answer(stages.operate(ctx, { operation, kind, id, variationId, query, principal: principal.value, body: body.value }));
}
