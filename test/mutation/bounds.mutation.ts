/**
 * The body bounds and the request's first steps at their edges (issue 10, StrykerJS's suite:
 * vitest.mutation.config.ts). DET-5: a body over 1 MiB answers 413, JSON nested deeper than 64 levels 400;
 * the byte count is what a client's UTF-8 encoder writes (TextEncoder: a lone surrogate is U+FFFD, 3 bytes),
 * the depth is JSON's own nesting (computed here from the parsed value), brackets inside strings are text.
 * AUTH-1 (RFC 6750 / RFC 9110 credentials), DET-3 (the order of checks, an adapter's unreadable body after
 * auth and routing, ignored on GET: docs/decisions/004-security-model.md), DET-1 (no body: name missing, 422),
 * DET-2 / ERR-1 (the error body; every status name is one openapi.json's enum lists).
 * The core and its modules are imported fresh (vi.resetModules) so that what they build at load time (the
 * route tree, the status names) is built again for each mutant (the suite runs with isolate: false).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { MockCore, MockRequest, MockResponse } from '../../src/mock/domain/index.js';

type Domain = typeof import('../../src/mock/domain/index.js');
let domain: Domain;
let coreFromFiles: typeof import('../../src/mock/fixture-core.js').coreFromFiles;
beforeAll(async () => {
  vi.resetModules();
  domain = await import('../../src/mock/domain/index.js');
  ({ coreFromFiles } = await import('../../src/mock/fixture-core.js'));
});

const MIB = 1024 * 1024;
const TOKEN = 'tok_alice_owner';
const doc = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8')) as {
  components: { schemas: Record<string, { properties: { error: { properties: { status: { enum: string[] } } } } }> };
};
/** openapi.json: the status names an error body may carry (DET-2). */
const STATUS_ENUM: string[] = Object.values(doc.components.schemas).find((s) => s.properties?.error?.properties?.status?.enum)!.properties.error.properties.status.enum;

/** The bytes a client sends for this text (a lone surrogate is written as U+FFFD). */
const wire = (text: string): number => new TextEncoder().encode(text).length;

function send(core: MockCore, method: string, url: string, body?: string, extra: Partial<MockRequest> = {}, auth = `Bearer ${TOKEN}`): MockResponse {
  return core.handle({ method, url, headers: { authorization: auth, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body }), ...extra });
}

/** ERR-1 / DET-2: the one error body, with the status name DET-2 gives the code. */
function expectError(r: MockResponse, code: number, name?: string): void {
  expect(r.status).toBe(code);
  expect(r.headers['content-type']).toBe('application/json');
  const error = (r.body as { error: { code: number; status: string; message: string } }).error;
  expect(error.code).toBe(code);
  expect(STATUS_ENUM).toContain(error.status);
  if (name !== undefined) expect(error.status).toBe(name);
  expect(typeof error.message === 'string' && error.message.length > 0).toBe(true);
}

const HEAD = '{"name":"x","description":"';
const TAIL = '"}';
/** A create body of exactly `bytes` wire bytes: `chunk`, then ASCII padding, in the description. */
function bodyOf(chunk: string, bytes: number): { text: string; description: string } {
  const pad = bytes - wire(HEAD + chunk + TAIL);
  expect(pad).toBeGreaterThanOrEqual(0);
  const description = chunk + 'a'.repeat(pad);
  return { text: HEAD + description + TAIL, description };
}

/** Code units at the edges of UTF-8's widths, lone surrogates and pairs (well-formed or not, as a client may hold). */
const UNITS = [
  'a', '\u007f', '\u0080', '\u00e9', '\u07ff', '\u0800', '\u4e2d', '\ud7ff', '\ue000', '\uffff',
  '\ud800', '\udbff', '\udc00', '\udfff', '\ud800\udc00', '\udbff\udfff', '\ud83d\ude00',
  '\ud800a', '\ud800\ue000', '\udbff\u4e2d', '\ud800\udbff', '\udc00\ud800', '\ud7ff\udc00',
];
const LONE = ['\ud800', '\udbff', '\udc00', '\udfff'];
const chunkArb = fc.tuple(fc.array(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 30 }), fc.constantFrom(...LONE), fc.nat(30))
  .map(([units, lone, at]) => {
    const all = [...units];
    all.splice(at % (all.length + 1), 0, lone); // at least one lone surrogate: text that is not well-formed
    return all.join('');
  });

describe('DET-5: the byte bound, counted as a client encodes the body', () => {
  it('DET-5, DET-1: a create body of exactly 1 MiB on the wire is read (201), one byte more is 413, whatever its characters', () => {
    const core = coreFromFiles();
    fc.assert(
      fc.property(chunkArb, fc.boolean(), (chunk, repeat) => {
        const c = repeat ? chunk.repeat(200) : chunk;
        const at = bodyOf(c, MIB);
        const past = bodyOf(c, MIB + 1);
        expect([wire(at.text), wire(past.text)]).toEqual([MIB, MIB + 1]);
        const created = send(core, 'POST', '/api/v1/skills', at.text);
        expect(created.status).toBe(201);
        expect((created.body as Record<string, unknown>)['description']).toBe(at.description);
        expectError(send(core, 'POST', '/api/v1/skills', past.text), 413, 'INVALID_ARGUMENT');
      }),
      { seed: 5, numRuns: 40 },
    );
  });

  it('DET-5 (README: MSW handlers run the same core in a browser, where there is no Buffer): the same bound, counted without Buffer', async () => {
    vi.resetModules();
    vi.stubGlobal('Buffer', undefined);
    let browserCore: MockCore;
    try {
      browserCore = (await import('../../src/mock/fixture-core.js')).coreFromFiles();
    } finally {
      vi.unstubAllGlobals();
    }
    for (const chunk of ['\u00e9\u4e2d\ud83d\ude00'.repeat(300), '\ud800'.repeat(300)]) {
      const created = send(browserCore, 'POST', '/api/v1/skills', bodyOf(chunk, MIB).text);
      expect(created.status).toBe(201);
      expectError(send(browserCore, 'POST', '/api/v1/skills', bodyOf(chunk, MIB + 1).text), 413, 'INVALID_ARGUMENT');
    }
  });

  it('DET-5: a body that ends in a lone high surrogate counts its 3 bytes (400 as not JSON within the bound, 413 past it)', () => {
    const core = coreFromFiles();
    for (const lone of ['\ud800', '\udbff']) {
      const at = (bytes: number): string => bodyOf('\u4e2d'.repeat(1000), bytes - 3).text + lone;
      expect([wire(at(MIB)), wire(at(MIB + 1))]).toEqual([MIB, MIB + 1]);
      expectError(send(core, 'POST', '/api/v1/skills', at(MIB)), 400, 'INVALID_ARGUMENT');
      expectError(send(core, 'POST', '/api/v1/skills', at(MIB + 1)), 413, 'INVALID_ARGUMENT');
    }
  });

  it('DET-5: 1 MiB of UTF-16 units with one 2-byte character is 1 MiB + 1 on the wire: 413; all ASCII: read', () => {
    const core = coreFromFiles();
    for (const [unit, status] of [['\u00e9', 413], ['b', 201]] as const) {
      const text = HEAD + unit + 'a'.repeat(MIB - HEAD.length - TAIL.length - 1) + TAIL;
      expect(text.length).toBe(MIB);
      expect(wire(text)).toBe(status === 413 ? MIB + 1 : MIB);
      const r = send(core, 'POST', '/api/v1/skills', text);
      if (status === 413) expectError(r, 413, 'INVALID_ARGUMENT');
      else expect(r.status).toBe(201);
    }
  });
});

/** JSON's nesting depth of a parsed value: a container is one level more than its deepest member. */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  return 1 + Math.max(0, ...Object.values(value as object).map(depthOf));
}

/** Siblings a level may hold: strings with escapes and brackets in them (text, not nesting), empty containers, scalars. */
const SIBLINGS = [
  '"a"', '"\\""', '"\\\\"', '"\\\\\\""', '"x\\\\"', '"\\n"', `"${'['.repeat(70)}"`, `"${'{'.repeat(70)}"`,
  `"\\"${'['.repeat(70)}\\""`, `"\\\\${'{'.repeat(70)}"`, '"\\u005b\\u007b"', '"]}]}"', '{}', '[]', '[{}]', '{"k":[]}', '0', 'true', 'null', '-1.5e3',
];
const levelArb = fc.record({
  open: fc.constantFrom<'obj' | 'arr'>('obj', 'arr'),
  before: fc.array(fc.constantFrom(...SIBLINGS), { maxLength: 2 }),
  after: fc.array(fc.constantFrom(...SIBLINGS), { maxLength: 2 }),
});
type Level = { open: 'obj' | 'arr'; before: string[]; after: string[] };
const KEYS = ['k', 'a\\"b', 'c\\\\', 'x\\n', '[{', 'q'];

/** A JSON container text from the outermost level in: each level wraps the next one with its siblings. */
function nest(levels: Level[], inner: string): string {
  let text = inner;
  for (const level of [...levels].reverse()) {
    const members = [...level.before, text, ...level.after];
    text = level.open === 'arr' ? `[${members.join(',')}]` : `{${members.map((m, i) => `"${KEYS[i % KEYS.length]}${i}":${m}`).join(',')}}`;
  }
  return text;
}

describe('DET-5: the nesting bound, 64 levels', () => {
  it('DET-5: an agent body nested to 64 levels is read (201, the trigger as sent), 65 and more are 400 (ERR-1)', () => {
    const core = coreFromFiles();
    fc.assert(
      fc.property(fc.integer({ min: 58, max: 68 }), fc.array(levelArb, { minLength: 68, maxLength: 68 }), fc.constantFrom('1', '"\\\\"', '{}', '[]', '"[{"'), fc.constantFrom('"x"', '"a\\\\b"', '"\\"q\\""'), (depth, pool, inner, name) => {
        // The trigger is an object (its own level); the body is one more.
        const levels: Level[] = [{ ...pool[0]!, open: 'obj' }, ...pool.slice(1, depth - 2)];
        const trigger = nest(levels, inner);
        const text = `{"name":${name},"description":"\\\\ [","trigger":${trigger}}`;
        const value = JSON.parse(text) as Record<string, unknown>;
        const want = depthOf(value);
        const r = send(core, 'POST', '/api/v1/agents', text);
        if (want <= 64) {
          expect(r.status, `depth ${want}`).toBe(201);
          expect(((r.body as Record<string, unknown>)['variation'] as Record<string, unknown>)['trigger']).toEqual(value['trigger']);
        } else expectError(r, 400, 'INVALID_ARGUMENT');
      }),
      { seed: 64, numRuns: 120 },
    );
  });

  it('DET-5: only objects, only arrays, wide and shallow: 64 levels read, 65 refused', () => {
    const core = coreFromFiles();
    const objects = (n: number): string => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
    const arrays = (n: number): string => '['.repeat(n) + ']'.repeat(n);
    for (const [body, depth] of [
      [`{"name":"x","trigger":${objects(63)}}`, 64], [`{"name":"x","trigger":${objects(64)}}`, 65],
      [`{"name":"x","trigger":{"a":${arrays(63)}}}`, 65], [`{"name":"x","trigger":{"a":${arrays(62)}}}`, 64],
      [`{"name":"x","trigger":{"a":[${'{},'.repeat(80)}{}],"b":[${'[],'.repeat(80)}[]],"c":"${']}'.repeat(40)}"}}`, 4],
      [`{"name":"x","trigger":{"a":[${'{},'.repeat(80)}${arrays(62)}]}}`, 65],
    ] as const) {
      expect(depthOf(JSON.parse(body))).toBe(depth);
      const r = send(core, 'POST', '/api/v1/agents', body);
      if (depth <= 64) expect(r.status, `depth ${depth}`).toBe(201);
      else expectError(r, 400, 'INVALID_ARGUMENT');
    }
  });

  it('ERR-2: unterminated strings and a body ending in a backslash are 400, never a hang or a 5xx', () => {
    const core = coreFromFiles();
    for (const body of ['"abc', '  "a\\"', '{"name":"abc', '{"name":"x","trigger":{"a":"\\', '{"name":"x\\"', '["\\\\', `{"name":"x","trigger":${'['.repeat(10)}"${'['.repeat(70)}`]) {
      expectError(send(core, 'POST', '/api/v1/agents', body), 400, 'INVALID_ARGUMENT');
    }
  });
});

describe('ERR-3: prototype keys at any depth', () => {
  it('ERR-3: __proto__, constructor or prototype as a key anywhere in an agent body (objects in arrays in objects) is 400, nothing created; as a value or a string it is fine', () => {
    const core = coreFromFiles();
    const place = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.constant('HOLE'),
        fc.tuple(fc.array(fc.constantFrom('1', '"__proto__"', '{"k":"constructor"}', '[]'), { maxLength: 2 }), tie('node')).map(([xs, n]) => `[${[...xs, n].join(',')}]`),
        fc.tuple(fc.constantFrom('a', 'b'), tie('node')).map(([k, n]) => `{"${k}":"prototype","z${k}":${n}}`),
      ),
    })).node as fc.Arbitrary<string>;
    const count = (): number => core.exportState().agents.length;
    fc.assert(
      fc.property(place, fc.constantFrom('__proto__', 'constructor', 'prototype', 'ok'), (shape, key) => {
        const trigger = `{"t":${shape.replace('HOLE', `{"${key}":{"x":1}}`)}}`;
        const body = `{"name":"n","trigger":${trigger}}`;
        const before = count();
        const r = send(core, 'POST', '/api/v1/agents', body);
        if (key === 'ok') expect(r.status).toBe(201);
        else {
          expectError(r, 400, 'INVALID_ARGUMENT');
          expect(count()).toBe(before);
        }
      }),
      { seed: 3, numRuns: 60 },
    );
  });
});

describe('DEL-6: derived slugs', () => {
  it('DEL-6, README (fixture formats): a created slug is lowercase, digits and dashes, unique per org and kind, whatever the name (cut at any length)', () => {
    const core = coreFromFiles();
    const seen = new Set<string>();
    const nameArb = fc.tuple(fc.integer({ min: 0, max: 45 }), fc.constantFrom(' ', '-', '--', ' & ', 'É', '\u00e9', '!'), fc.string({ unit: fc.constantFrom('a', 'Z', '9', ' ', '-', '\u00e9', '_'), maxLength: 8 }))
      .map(([n, sep, rest]) => `${'a'.repeat(n)}${sep}${rest}`.slice(0, 200))
      .filter((name) => name.length > 0);
    for (const n of [38, 39, 40]) for (const kind of ['skills', 'agents']) {
      const slug = (send(core, 'POST', `/api/v1/${kind}`, JSON.stringify({ name: `${'a'.repeat(n)} - b` })).body as { slug: string }).slug;
      expect(slug).toMatch(/^[a-z0-9-]+$/);
      expect(seen.has(`${kind} ${slug}`)).toBe(false);
      seen.add(`${kind} ${slug}`);
    }
    fc.assert(
      fc.property(fc.constantFrom('skills', 'agents'), nameArb, (kind, name) => {
        const r = send(core, 'POST', `/api/v1/${kind}`, JSON.stringify({ name }));
        expect(r.status).toBe(201);
        const slug = (r.body as { slug: string }).slug;
        expect(slug, JSON.stringify(name)).toMatch(/^[a-z0-9-]+$/);
        expect(seen.has(`${kind} ${slug}`)).toBe(false);
        seen.add(`${kind} ${slug}`);
      }),
      { seed: 40, numRuns: 80 },
    );
  });
});

describe('the steps before an operation (DET-3, AUTH-1)', () => {
  it('DET-1, DET-3: no body, or an empty one, is no body: a create answers 422 (name is required), a deploy 200', () => {
    const core = coreFromFiles();
    for (const body of [undefined, '']) {
      expectError(send(core, 'POST', '/api/v1/skills', body), 422, 'UNPROCESSABLE_ENTITY');
      const created = send(core, 'POST', '/api/v1/skills', '{"name":"n"}');
      expect(created.status).toBe(201);
      const id = (created.body as { id: number }).id;
      expect(send(core, 'POST', `/api/v1/skills/${id}/deploy`, body).status).toBe(200);
    }
  });

  it('DET-3 (004): a body the adapter could not read is answered after auth and routing, and ignored on GET', () => {
    const core = coreFromFiles();
    for (const code of [400, 413] as const) {
      const bodyError = { code, message: 'the adapter could not read the body' };
      expectError(send(core, 'POST', '/api/v1/skills', undefined, { bodyError }), code, 'INVALID_ARGUMENT');
      expectError(send(core, 'POST', '/api/v1/skills', '{"name":"n"}', { bodyError }), code, 'INVALID_ARGUMENT');
      expectError(send(core, 'POST', '/api/v1/skills', undefined, { bodyError }, 'Bearer tok_nobody'), 401, 'UNAUTHENTICATED');
      expectError(send(core, 'POST', '/api/v1/nothing', undefined, { bodyError }), 404, 'NOT_FOUND');
      expect(send(core, 'GET', '/api/v1/skills', undefined, { bodyError }).status).toBe(200);
    }
    // A GET reads no body: not JSON, or nested past the bound, it is not looked at.
    expect(send(core, 'GET', '/api/v1/skills', '{').status).toBe(200);
    expect(send(core, 'GET', '/api/v1/skills', '['.repeat(100)).status).toBe(200);
  });

  it('AUTH-1: `Bearer <token>` names the principal (any case, one or more spaces, surrounding whitespace is not the value); anything else is 401', () => {
    const core = coreFromFiles();
    for (const auth of [`Bearer ${TOKEN}`, `bearer ${TOKEN}`, `BEARER  ${TOKEN}`, `Bearer \t${TOKEN}`, `Bearer ${TOKEN} `, `Bearer ${TOKEN}\t`]) {
      expect(send(core, 'GET', '/api/v1/skills', undefined, {}, auth).status, JSON.stringify(auth)).toBe(200);
    }
    for (const auth of [`XBearer ${TOKEN}`, `NotBearer ${TOKEN}`, ` Bearer${TOKEN}`, `Bearer${TOKEN}`, `Bearer ${TOKEN} x`, `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN, '']) {
      expectError(send(core, 'GET', '/api/v1/skills', undefined, {}, auth), 401, 'UNAUTHENTICATED');
    }
    expectError(core.handle({ method: 'GET', url: '/api/v1/skills', headers: {} }), 401, 'UNAUTHENTICATED');
  });

  it('DET-3, DET-12: a target that is not an API path is 404; a method the path lacks is 405 with Allow; every path of the table routes', () => {
    const core = coreFromFiles();
    for (const url of ['api/v1/skills', 'x/api/v1/skills', 'v1/skills', '*', '', '?x=1', 'skills/1']) {
      expectError(send(core, 'GET', url), 404, 'NOT_FOUND');
    }
    const r = send(core, 'PUT', '/api/v1/skills');
    expectError(r, 405, 'METHOD_NOT_ALLOWED');
    expect(r.headers['allow']?.split(',').map((m) => m.trim()).sort()).toEqual(['GET', 'POST']);
    expect(send(core, 'GET', '/api/v1/skills').status).toBe(200);
    expect(send(core, 'GET', '/api/v1/agents').status).toBe(200);
    const created = send(core, 'POST', '/api/v1/agents', '{"name":"n"}');
    expect(created.status).toBe(201);
    const id = (created.body as { id: number }).id;
    expect(send(core, 'GET', `/api/v1/agents/${id}?view=draft`).status).toBe(200);
    expect(send(core, 'POST', `/api/v1/agents/${id}/deploy`, '{}').status).toBe(200);
  });

  it('DET-2, ERR-1: every status name an error body can carry is one openapi.json lists; 405 is METHOD_NOT_ALLOWED', () => {
    for (let code = 400; code <= 599; code++) {
      expect(STATUS_ENUM, String(code)).toContain(domain.statusName(code));
      expect(domain.errorBody(code, 'm').error.status).toBe(domain.statusName(code));
    }
    const named: Record<number, string> = { 400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 409: 'FAILED_PRECONDITION', 413: 'INVALID_ARGUMENT', 422: 'UNPROCESSABLE_ENTITY' };
    for (const [code, name] of Object.entries(named)) expect(domain.statusName(Number(code))).toBe(name);
  });
});
