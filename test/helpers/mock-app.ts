/** Test helper: a fresh mock app per test, and a supertest wrapper that checks every response against openapi.json. */
import request from 'supertest';
import type { Express } from 'express';
import { expect } from 'vitest';
import { checkResponse, compareLikeMissing, findingOf, type Finding } from '../../src/contracts/checks/index.js';
import { loadContract, type Violation } from '../../src/contracts/validation.js';
import { createApp } from '../../src/mock/http/index.js';
import { coreFromFiles } from '../../src/mock/fixture-core.js';
import type { MockCore } from '../../src/mock/domain/index.js';

/** The seeded principals by short name (fixtures/principals.json). */
export const TOKENS = {
  alice: 'tok_alice_owner',
  bob: 'tok_bob_teammate',
  carol: 'tok_carol_outsider',
  dave: 'tok_dave_sales',
  erin: 'tok_erin_other_org',
} as const;
export type Who = keyof typeof TOKENS;

/** Seeded ids (fixtures/seed.json, 1-based in file order per kind). */
export const SKILL = { churn: 1, warehouse: 2, drafter: 3, privateNotes: 4, legacy: 5, salesScorer: 6, globex: 7 } as const;
export const AGENT = { dailySales: 1, onboarding: 2, draftTriage: 3, retired: 4, quarterly: 5, globexSync: 6 } as const;

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE' | 'OPTIONS' | 'HEAD';

/** What a call may carry; `as` picks a seeded principal, `token` sends any raw bearer token. */
export interface CallOptions {
  as?: Who;
  token?: string;
  /** Serialized as JSON. */
  body?: unknown;
  /** Sent as-is (content-type application/json unless `headers` say otherwise). */
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
}

/** A response as the tests see it. */
export interface Reply {
  status: number;
  body: any; // tests index into JSON bodies freely
  headers: Record<string, string>;
  text: string;
}

/** One fresh app with its own core (tests never share state). */
export interface MockApp {
  core: MockCore;
  app: Express;
  call(method: Method, path: string, options?: CallOptions): Promise<Reply>;
  /** The state export as JSON text, to compare before/after a request (ERR-2). */
  snapshot(): string;
}

const contract = loadContract();

function parseJson(text: string, headers: Record<string, string>): unknown {
  if (text === '' || !(headers['content-type'] ?? '').startsWith('application/json')) return undefined;
  return JSON.parse(text) as unknown;
}

/** Every response is checked: contract operations by the kit's checkResponse, anything else must be a well-formed error. */
function findingsOf(method: string, path: string, reply: Reply): Finding[] {
  const pathOnly = path.split('?')[0]!;
  // The admin API (/__mock) and CORS preflights are outside openapi.json; their errors still use the Error schema.
  if (contract.matchOperation(method, pathOnly)) return checkResponse(contract, { method, path }, reply);
  if (reply.status >= 400) {
    const type = (reply.headers['content-type'] ?? '').split(';')[0];
    const ct: Violation[] = type === 'application/json' ? [] : [{ jsonPath: '/', keyword: 'contentType', message: `error content-type ${type}`, rule: 'DET-12', tag: 'A' }];
    return [...ct, ...contract.validateValue('#/components/schemas/Error', reply.body)].map(findingOf);
  }
  if (pathOnly.startsWith('/__mock/') || (method === 'OPTIONS' && reply.status === 204)) return [];
  return [findingOf({ jsonPath: '/', keyword: 'operation', message: `${method} ${pathOnly} is not in the contract but answered ${reply.status}`, rule: 'SHAPE-1', tag: 'D' })];
}

/** Throws, listing every violation, when a response breaks openapi.json (used by `call`, and by tests using fetch). */
export function checkContract(method: string, path: string, reply: Reply): void {
  const findings = findingsOf(method.toUpperCase(), path, reply);
  if (findings.length === 0) return;
  const lines = findings.map((f) => `  ${f.message}`).join('\n');
  throw new Error(`${method} ${path} -> ${reply.status} breaks openapi.json:\n${lines}\nbody: ${reply.text.slice(0, 500)}`);
}

/** Builds a fresh app around a fresh core loaded from the bundled fixtures. */
export function mockApp(): MockApp {
  const core = coreFromFiles();
  const app = createApp({ core });
  const call = async (method: Method, path: string, options: CallOptions = {}): Promise<Reply> => {
    let req = request(app)[method.toLowerCase() as 'get'](path).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
    });
    const token = options.token ?? (options.as ? TOKENS[options.as] : undefined);
    if (token !== undefined) req = req.set('authorization', `Bearer ${token}`);
    const sending = options.rawBody !== undefined || options.body !== undefined;
    if (sending) req = req.set('content-type', 'application/json');
    for (const [name, value] of Object.entries(options.headers ?? {})) req = req.set(name, value);
    // identity serializer: superagent would otherwise JSON-encode a Buffer as {"type":"Buffer","data":[...]}
    if (options.rawBody !== undefined) req = req.serialize((raw: unknown) => raw as string).send(options.rawBody);
    else if (options.body !== undefined) req = req.send(JSON.stringify(options.body));
    const res = await req;
    const headers = res.headers as Record<string, string>;
    const text = typeof res.body === 'string' ? res.body : '';
    const reply: Reply = { status: res.status, headers, text, body: parseJson(text, headers) };
    checkContract(method, path, reply);
    return reply;
  };
  return { core, app, call, snapshot: () => JSON.stringify(core.exportState()) };
}

/** Asserts an ERR-1 error answer with the DET-2 status name and a JSON content type (DET-12). */
export function expectError(reply: Reply, code: number, status: string): void {
  expect({ status: reply.status, code: reply.body?.error?.code, name: reply.body?.error?.status }).toEqual({ status: code, code, name: status });
  expect(typeof reply.body.error.message).toBe('string');
  expect(Object.keys(reply.body)).toEqual(['error']);
  expect(reply.headers['content-type']).toMatch(/^application\/json/);
}

/** ERR-1/HIDE: a hidden resource's answer equals a missing id's, except the id (the kit's like-missing, [D] and [A] alike). */
export function expectSameAsMissing(hidden: Reply, missing: Reply, hiddenId: number | string, missingId: number | string): void {
  expectError(hidden, 404, 'NOT_FOUND');
  expect(compareLikeMissing(hidden, missing, String(hiddenId), String(missingId))).toEqual({ documented: [], assumed: [] });
  expect(hidden.headers['content-type']).toBe(missing.headers['content-type']);
}

/** A sample of every write on one resource path, for HIDE-4 / AUTH-3 / DEL-5 sweeps. */
export function writesOn(kind: 'skills' | 'agents', id: number | string): Array<[Method, string, unknown]> {
  const base = `/api/v1/${kind}/${id}`;
  const writes: Array<[Method, string, unknown]> = [
    ['PATCH', base, { description: 'x' }],
    ['DELETE', base, undefined],
    ['POST', `${base}/deploy`, {}],
    ['POST', `${base}/undelete`, undefined],
    ['POST', `${base}/transfer-ownership`, { newOwnerUserId: 'user_bob' }],
    ['POST', `${base}/transfer-ownership/accept`, undefined],
    ['POST', `${base}/transfer-ownership/cancel`, undefined],
  ];
  if (kind === 'agents') writes.push(['POST', `${base}/toggle`, undefined]);
  return writes;
}
