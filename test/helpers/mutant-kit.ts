/**
 * Building blocks of test-side mutants: a mock core whose handle() is wrapped so that it breaks one rule.
 * The faults live here, in the tests, never in src/ (the core stays the correct one).
 */
import { errorBody, type MockCore, type MockRequest, type MockResponse, type Principal, type ResourceRecord } from '../../src/mock/domain/index.js';
import { permissionsOn } from '../../src/mock/domain/access.js';
import { coreFromFiles } from '../../src/mock/fixture-core.js';

type Json = Record<string, unknown>;

/** A request on the API as a mutant sees it: kind, id, the action after the id, the query. */
export interface Parsed {
  kind?: 'skills' | 'agents';
  id?: number;
  /** `deploy`, `toggle`, `transfer-ownership/accept`, `variations/…`, or '' for the resource itself. */
  action: string;
  query: URLSearchParams;
  body: Json | undefined;
}

/** What a mutant's interceptor may use besides the request. */
export interface Tools {
  /** The correct core's answer. */
  next(req: MockRequest): MockResponse;
  core: MockCore;
  parsed: Parsed;
  /** The caller, by bearer token. */
  caller: Principal | undefined;
  /** The stored record the request is about (before the request runs). */
  record(): ResourceRecord | undefined;
  /** What `p` may do with the record (ACC-1, computed by the real core). */
  rights(p: Principal | undefined, r: ResourceRecord): { use: boolean; manage: boolean };
  /** The same request sent as another user (by userId) or with a new body / url. */
  as(userId: string, change?: Partial<MockRequest>): MockRequest;
}

/** Intercepts one request: answers itself or with `t.next(req)`, changed. */
export type Interceptor = (req: MockRequest, t: Tools) => MockResponse;

const PATH = /^\/api\/v1\/(skills|agents)(?:\/([^/?]+))?(?:\/([^?]*))?/;

function parse(req: MockRequest): Parsed {
  const q = req.url.indexOf('?');
  const m = PATH.exec(q < 0 ? req.url : req.url.slice(0, q));
  let body: Json | undefined;
  try {
    const v: unknown = req.body ? JSON.parse(req.body) : undefined;
    body = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
  } catch {
    body = undefined;
  }
  const id = m?.[2] !== undefined && /^[1-9]\d*$/.test(m[2]) ? Number(m[2]) : undefined;
  return { kind: m?.[1] as Parsed['kind'], id, action: m?.[3] ?? '', query: new URLSearchParams(q < 0 ? '' : req.url.slice(q + 1)), body };
}

/** A fresh core from the bundled fixtures whose handle() goes through `intercept`. */
export function mutateCore(intercept: Interceptor, base: MockCore = coreFromFiles()): MockCore {
  const byToken = new Map(base.principals.map((p) => [p.token, p]));
  const byUser = new Map(base.principals.map((p) => [p.userId, p]));
  const next = (req: MockRequest): MockResponse => base.handle(req);
  const handle = (req: MockRequest): MockResponse => {
    if (!req.url.startsWith('/api/v1/')) return next(req);
    const token = /^Bearer\s+(\S+)/i.exec(req.headers['authorization'] ?? '')?.[1];
    const parsed = parse(req);
    const tools: Tools = {
      next, core: base, parsed, caller: token ? byToken.get(token) : undefined,
      record: () => recordOf(base, parsed),
      rights: (p, r) => (p ? permissionsOn(p, r) : { use: false, manage: false }),
      as: (userId, change = {}) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${byUser.get(userId)?.token ?? ''}` }, ...change }),
    };
    return intercept(req, tools);
  };
  return { ...base, handle, reset: () => base.reset(), exportState: () => base.exportState(), serializeState: () => base.serializeState(), importState: (s) => base.importState(s) };
}

function recordOf(core: MockCore, p: Parsed): ResourceRecord | undefined {
  if (!p.kind || p.id === undefined) return undefined;
  const state = core.exportState();
  return state[p.kind].find((r) => r.id === p.id);
}

/** An error answer as the core writes it. */
export function errorAnswer(code: number, message: string): MockResponse {
  return { status: code, headers: { 'content-type': 'application/json' }, body: errorBody(code, message) };
}

/** A copy of a JSON answer with its body changed by `edit`. */
export function editBody(res: MockResponse, edit: (body: Json) => void): MockResponse {
  const body = structuredClone(res.body) as Json;
  edit(body);
  return { ...res, body };
}

/** The request with its JSON body replaced. */
export function withBody(req: MockRequest, body: unknown): MockRequest {
  return { ...req, body: JSON.stringify(body) };
}

/** Number of code points of a string (UPD-4 counts characters, not UTF-16 units). */
export function codePoints(s: string): number {
  return [...s].length;
}
