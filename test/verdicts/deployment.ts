/**
 * A stand-in for a real deployment: a transport between the suites and the in-process mock that changes
 * answers the way a deployment may (within the docs, or breaking them), so the verdicts can be asserted.
 */
import type { Transport } from '../../src/contracts/client.js';
import { coreFromFiles } from '../../src/mock/fixture-core.js';

type Json = Record<string, unknown>;
type Raw = Awaited<ReturnType<Transport['send']>>;

/** One way a deployment answers differently: it rewrites a parsed JSON body (and may add headers). */
export interface Change {
  name: string;
  /** Rewrites the request before the mock sees it (the deployment's own page tokens, say). */
  request?: (path: string) => string;
  status?: (status: number, method: string, path: string) => number;
  body?: (body: unknown, status: number, path: string) => unknown;
  headers?: (headers: Record<string, string>, status: number) => Record<string, string>;
  /** Answers 429 with Retry-After to this request (counted from 1) instead of forwarding it. */
  throttle?: (n: number) => boolean;
  /** No rule constrains what this change touches: nothing to list, not even drift. */
  quiet?: boolean;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Applies `f` to every skill or agent in a body: a resource, a deploy answer, a list page. */
export function eachResource(body: unknown, f: (r: Json) => Json): unknown {
  if (!isObject(body)) return body;
  if (Array.isArray(body['skills'])) return { ...body, skills: body['skills'].map((r) => f(r as Json)) };
  if (Array.isArray(body['agents'])) return { ...body, agents: body['agents'].map((r) => f(r as Json)) };
  if (isObject(body['skill'])) return { ...body, skill: f(body['skill']) };
  if (isObject(body['agent'])) return { ...body, agent: f(body['agent']) };
  if ('slug' in body && 'accessConfig' in body) return f(body);
  return body;
}

// DET-2 [A]: names another deployment may use for the same statuses.
const OTHER_NAMES: Record<number, string> = { 400: 'BAD_REQUEST', 403: 'FORBIDDEN', 409: 'CONFLICT', 422: 'INVALID_ARGUMENT', 404: 'NOT_FOUND' };

/** Changes the docs allow: each must leave both suites green with the drift listed. */
export const ALLOWED: Record<string, Change> = {
  'an added top-level field': { name: 'labels', body: (b) => eachResource(b, (r) => ({ ...r, labels: [] })) },
  'an added accessConfig key': { name: 'accessConfig.region', body: (b) => eachResource(b, (r) => ({ ...r, accessConfig: { ...(r['accessConfig'] as Json), region: 'eu' } })) },
  'an added variation key': {
    name: 'variation.revision',
    body: (b) => eachResource(b, (r) => (isObject(r['variation']) ? { ...r, variation: { ...r['variation'], revision: 3 } } : r)),
  },
  'an added list envelope field': { name: 'totalSize', body: (b) => (isObject(b) && (Array.isArray(b['skills']) || Array.isArray(b['agents'])) ? { ...b, totalSize: 1 } : b) },
  'other error status names': {
    name: 'status names',
    body: (b, status) => (isObject(b) && isObject(b['error']) && OTHER_NAMES[status] ? { error: { ...b['error'], status: OTHER_NAMES[status] } } : b),
  },
  'error messages worded otherwise': {
    name: 'messages',
    quiet: true, // ERR-1 fixes the shape; the wording is free (the same for hidden and missing ids)
    body: (b) => (isObject(b) && isObject(b['error']) ? { error: { ...b['error'], message: 'Request could not be completed.' } } : b),
  },
  'an added error field and headers': {
    name: 'error details',
    body: (b) => (isObject(b) && isObject(b['error']) ? { error: { ...b['error'], details: [] }, requestId: 'r-1' } : b),
    headers: (h) => ({ ...h, 'x-request-id': 'r-1', 'content-type': 'application/json; charset=utf-8' }),
  },
  'an occasional 429 with Retry-After': { name: '429', quiet: true, throttle: (n) => n % 23 === 0 },
  'opaque page tokens of another form': {
    name: 'tokens',
    quiet: true, // LIST-1: tokens are opaque; nothing may read them
    body: (b) => (isObject(b) && typeof b['nextPageToken'] === 'string' ? { ...b, nextPageToken: `pt_${Buffer.from(b['nextPageToken']).toString('base64url')}` } : b),
    request: (path) => path.replace(/pageToken=pt_([^&]+)/, (_all, t: string) => `pageToken=${encodeURIComponent(Buffer.from(decodeURIComponent(t), 'base64url').toString())}`),
  },
  'create answers 200 instead of 201 (DET-1)': {
    name: 'create 200',
    status: (status, method, path) => (method === 'POST' && /^\/api\/v1\/(skills|agents)$/.test(path) && status === 201 ? 200 : status),
  },
  'a slug in another format': { name: 'slug format', body: (b) => eachResource(b, (r) => ({ ...r, slug: `${String(r['slug']).toUpperCase()}_V1` })) },
};

/** Changes that break what the docs state: each must turn both suites red naming SHAPE-1/2 and the path. */
export const BREAKS: Record<string, { change: Change; path: string; rule: string }> = {
  'a required field removed': { change: { name: 'no slug', body: (b) => eachResource(b, ({ slug: _slug, ...r }) => r) }, path: 'slug', rule: 'SHAPE-1' },
  'a string where the docs say boolean': {
    change: { name: 'string flag', body: (b) => eachResource(b, (r) => ({ ...r, hasUnpublishedChanges: String(r['hasUnpublishedChanges']) })) },
    path: '/hasUnpublishedChanges', rule: 'SHAPE-1',
  },
  'a string where the docs say number': { change: { name: 'string id', body: (b) => eachResource(b, (r) => ({ ...r, id: String(r['id']) })) }, path: '/id', rule: 'SHAPE-1' },
  'name: null': { change: { name: 'null name', body: (b) => eachResource(b, (r) => ({ ...r, name: null })) }, path: '/name', rule: 'SHAPE-1' },
  'a wrong enum value': { change: { name: 'status published', body: (b) => eachResource(b, (r) => (r['status'] === 'active' ? { ...r, status: 'published' } : r)) }, path: '/status', rule: 'SHAPE-1' },
  'a documented optional field of another type': {
    change: { name: 'numeric description', body: (b) => eachResource(b, (r) => ({ ...r, description: 1 })) },
    path: '/description', rule: 'SHAPE-2',
  },
};

/** A fresh in-process mock behind `change`: what a suite sees of a deployment that differs that way. */
export function deployment(change: Change): { core: ReturnType<typeof coreFromFiles>; wrap: (inner: Transport) => Transport } {
  const core = coreFromFiles();
  return { core, wrap: (inner) => proxy(inner, change) };
}

/** The proxy itself: forwards, then rewrites the answer. */
export function proxy(inner: Transport, change: Change): Transport {
  let n = 0;
  return {
    async send(method, path, headers, body): Promise<Raw> {
      n++;
      if (change.throttle?.(n)) {
        const text = JSON.stringify({ error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: 'slow down' } });
        return { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '0' }, text };
      }
      const res = await inner.send(method, change.request ? change.request(path) : path, headers, body);
      const status = change.status ? change.status(res.status, method, path) : res.status;
      const headersOut = change.headers ? change.headers(res.headers, res.status) : res.headers;
      if (!change.body || res.text === '') return { ...res, status, headers: headersOut };
      return { ...res, status, headers: headersOut, text: JSON.stringify(change.body(JSON.parse(res.text), res.status, path)) };
    },
  };
}
