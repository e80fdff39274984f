import fc from 'fast-check';
import type { RawRequest } from './http-client.js';

/**
 * A body described, not materialized: shrunk counterexamples print `{deep: 65}` instead of a
 * megabyte of text; `materializeBody` builds the bytes.
 */
export type BodySpec =
  | { none: true }
  | { text: string }
  | { truncated: string; at: number }
  | { huge: string; length: number }
  | { deep: number; open: '[' | '{"a":' }
  | { bytes: number[] }
  | { invalidUtf8: string };

/** A request described for fast-check (printable when shrunk). */
export interface BadRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: BodySpec;
}

const printable = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 12 });
const unicode = fc.string({ unit: 'grapheme', maxLength: 8 });

// Mostly real methods, so most requests get past the HTTP layer into the domain; odd ones now and then.
const method = fc.oneof(
  { weight: 9, arbitrary: fc.constantFrom('GET', 'POST', 'POST', 'PATCH', 'PATCH', 'DELETE', 'PUT') },
  { weight: 1, arbitrary: fc.constantFrom('HEAD', 'OPTIONS', 'TRACE', 'CONNECT', 'PROPFIND', 'PURGE', 'LINK', 'MKCOL', 'SEARCH', 'QUERY', 'FOO', 'BREW', 'X-CUSTOM', 'M-SEARCH') },
);

const segment = fc.oneof(
  // Names every plain object has: a lookup table indexed by a path segment must not find them.
  { weight: 2, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'prototype', 'hasOwnProperty', 'valueOf') },
  { weight: 4, arbitrary: fc.constantFrom('skills', 'agents', '1', '2', '5', '0', '007', '-1',
    'abc', '1e3', '99999999999999999999', '%31', 'deploy', 'undelete', 'toggle', 'transfer-ownership', 'accept', 'cancel',
    'variations', '00000000-0000-4000-8000-000000000000', '..', '.', '', '%00', '%zz', '%', '%E0%A4%A', '%C0%AF') },
  { weight: 1, arbitrary: printable.map((s) => s.replace(/[?#]/g, '')) },
  { weight: 1, arbitrary: unicode.map((s) => encodeURIComponent(s)) },
);

const weird = <T>(valid: fc.Arbitrary<T>, odds = 8): fc.Arbitrary<T | string> =>
  fc.oneof({ weight: odds, arbitrary: valid }, { weight: 1, arbitrary: segment });
// Routes the mock has, with each part now and then replaced by a random segment.
const routedPath = fc
  .tuple(
    weird(fc.constantFrom('skills', 'agents')),
    fc.option(weird(fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '8', '9', '12')), { freq: 5 }),
    fc.option(weird(fc.constantFrom('deploy', 'undelete', 'toggle', 'transfer-ownership', 'transfer-ownership/accept',
      'transfer-ownership/cancel', 'variations/00000000-0000-4000-8000-000000000000')), { freq: 2 }),
    fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: segment }),
  )
  .map((parts) => {
    const present: string[] = [];
    for (const p of parts) {
      if (p === null) break;
      present.push(p);
    }
    return `/api/v1/${present.join('/')}`;
  });
const apiPath = fc.oneof(
  { weight: 6, arbitrary: routedPath },
  { weight: 1, arbitrary: fc.array(segment, { minLength: 0, maxLength: 5 }).map((s) => `/api/v1/${s.join('/')}`) },
);
const elsewhere = fc
  .oneof(
    fc.constantFrom('/', '/api', '/api/v1', '/api/v2/skills', '//api/v1/skills', '/API/V1/SKILLS', '/__mock/state', '/__mock/reset',
      '/__mock/requests', '/__mock/../api/v1/skills', '/api/v1/skills/', '/api/v1//skills', '/favicon.ico', '*'),
    fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => `/${s.join('/')}`),
  )
  .map((p) => (p.startsWith('/__mock/faults') ? `/x${p}` : p)); // fault rules would force 5xx on purpose

const queryValue = fc.oneof(
  fc.constantFrom('', '0', '-1', '1.5', '100', '101', '500', '99999999999', 'abc', 'true', 'TRUE', 'false', 'active', 'draft',
    'name', 'name,description', 'name,,', 'managerId', 'nope', '%', '%zz', 's1.a'),
  printable.map((s) => s.replace(/#/g, '')),
);
const query = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  {
    weight: 3,
    arbitrary: fc
      .array(fc.tuple(fc.constantFrom('pageSize', 'pageToken', 'showDeleted', 'view', 'updateMask', 'x', '', '__proto__'), queryValue), { maxLength: 5 })
      .map((kv) => `?${kv.map(([k, v]) => `${k}=${v}`).join('&')}`),
  },
  { weight: 1, arbitrary: printable.map((s) => `?${s.replace(/#/g, '')}`) },
);

const authorization = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom('Bearer tok_alice_owner', 'Bearer tok_alice_owner', 'Bearer tok_alice_owner', 'Bearer tok_bob_teammate', 'Bearer tok_carol_outsider', 'Bearer tok_dave_sales', 'Bearer tok_erin_other_org') },
  fc.constantFrom(undefined, 'Bearer tok_alice_owner', 'Bearer tok_alice_owner', 'Bearer tok_bob_teammate', 'Bearer tok_erin_other_org',
    'bearer  tok_carol_outsider ', 'Bearer', 'Bearer ', 'Basic dG9rOng=', 'Bearer tok_alice_owner extra', 'tok_alice_owner', 'Bearer tok_nobody'),
  printable.map((s) => `Bearer ${s}`),
);
const contentType = fc.constantFrom(undefined, 'application/json', 'application/json', 'application/json', 'application/json', 'text/plain', 'application/json; charset=utf-16',
  'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', '*/*', ';;;', 'application/merge-patch+json');
const extraHeaders = fc.oneof(
  { weight: 20, arbitrary: fc.constant<Record<string, string>>({}) },
  { weight: 1, arbitrary: fc.constantFrom<Record<string, string>>({ 'content-encoding': 'gzip' }, { 'content-encoding': 'x-foo' },
    { 'content-encoding': 'deflate' }, { 'x-http-method-override': 'DELETE' }, { accept: 'text/html' }, { 'access-control-request-method': 'PATCH', origin: 'http://x' },
    { 'content-type': 'application/json', 'content-language': 'xx' }) },
);

const FIELDS = ['name', 'description', 'instructions', 'toolset', 'model', 'evaluations', 'supervisionSubordinateDescriptions', 'accessConfig',
  'managerId', 'type', 'trigger', 'workflowStructure', 'expectedMainShaOverride', 'newOwnerUserId', 'visibility', 'sharedWith', '__proto__', 'constructor'];
const fieldBody = fc.dictionary(fc.constantFrom(...FIELDS), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 3 }).map((o) => JSON.stringify(o));
const pollutingBody = fc.constantFrom('{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}',
  '{"name":"x","accessConfig":{"__proto__":{"visibility":"org"}}}', '{"name":"x","toolset":{"prototype":1}}', '[{"__proto__":1}]');

const body: fc.Arbitrary<BodySpec> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ none: true as const }) },
  { weight: 6, arbitrary: fieldBody.map((text) => ({ text })) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => ({ text: JSON.stringify(v) ?? 'null' })) },
  { weight: 2, arbitrary: fieldBody.chain((t) => fc.nat(Math.max(t.length - 1, 0)).map((at) => ({ truncated: t, at }))) },
  { weight: 1, arbitrary: fc.record({ huge: fc.constantFrom('name', 'description', 'model'), length: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(201, 5000, 100_000) }, { weight: 1, arbitrary: fc.constantFrom(1_048_550, 1_048_600, 2_000_000) }) }) },
  { weight: 1, arbitrary: fc.record({ deep: fc.constantFrom(2, 63, 64, 65, 1000, 100_000), open: fc.constantFrom('[' as const, '{"a":' as const) }) },
  { weight: 2, arbitrary: pollutingBody.map((text) => ({ text })) },
  { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 40 }).map((bytes) => ({ bytes })) },
  { weight: 1, arbitrary: fieldBody.map((invalidUtf8) => ({ invalidUtf8 })) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((text) => ({ text })) },
);

/** Materializes a body spec as the bytes to send (undefined: no body). */
export function materializeBody(spec: BodySpec): string | Buffer | undefined {
  if ('none' in spec) return undefined;
  if ('text' in spec) return spec.text;
  if ('truncated' in spec) return spec.truncated.slice(0, spec.at);
  if ('huge' in spec) return `{"${spec.huge}":"${'x'.repeat(spec.length)}"}`;
  if ('deep' in spec) return `${spec.open.repeat(spec.deep)}1${(spec.open === '[' ? ']' : '}').repeat(spec.deep)}`;
  if ('bytes' in spec) return Buffer.from(spec.bytes);
  const text = Buffer.from(spec.invalidUtf8, 'utf8');
  const cut = Math.floor(text.length / 2);
  return Buffer.concat([text.subarray(0, cut), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]), text.subarray(cut)]);
}

const OPERATIONS: ReadonlyArray<[string, string]> = [
  ['GET', ''], ['POST', ''], ['GET', '/#'], ['PATCH', '/#'], ['PATCH', '/#'], ['DELETE', '/#'], ['POST', '/#/undelete'], ['POST', '/#/deploy'],
  ['POST', '/#/toggle'], ['POST', '/#/transfer-ownership'], ['POST', '/#/transfer-ownership/accept'], ['POST', '/#/transfer-ownership/cancel'],
  ['GET', '/#/variations/00000000-0000-4000-8000-000000000000'],
];
// A real operation of the contract (so the body and query reach the domain's checks), its id now and then odd.
const operation = fc
  .tuple(fc.constantFrom(...OPERATIONS), weird(fc.constantFrom('skills', 'agents'), 6), weird(fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '8', '9', '12')))
  .map(([[m, tail], kind, id]) => ({ method: m, path: `/api/v1/${kind}${tail.replace('#', id)}` }));
const target = fc.oneof(
  { weight: 3, arbitrary: operation },
  { weight: 2, arbitrary: fc.record({ method, path: fc.oneof({ weight: 4, arbitrary: apiPath }, { weight: 1, arbitrary: elsewhere }) }) },
);

/** ERR-2 fuzz input: odd methods, paths in and out of /api/v1, bad headers, query strings and bodies. */
export const badRequest: fc.Arbitrary<BadRequest> = fc
  .record({
    target,
    query,
    authorization,
    contentType,
    extra: extraHeaders,
    body,
  })
  .map(({ target: { method: m, path }, query: q, authorization: auth, contentType: ct, extra, body: b }) => {
    const headers: Record<string, string> = { ...extra };
    if (auth !== undefined) headers['authorization'] = auth;
    if (ct !== undefined) headers['content-type'] = ct;
    return { method: m, path: `${path}${q}`, headers, body: b };
  });

/** The raw request to send for a described one. */
export function toRawRequest(r: BadRequest): RawRequest {
  const body = materializeBody(r.body);
  return body === undefined ? { method: r.method, path: r.path, headers: r.headers } : { method: r.method, path: r.path, headers: r.headers, body };
}
