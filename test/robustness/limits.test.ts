import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/server.js';
import { MAX_BODY_BYTES, MAX_DEPTH, MAX_PAGE_SIZE, MAX_VARIATIONS } from '../../src/mock/domain/index.js';
import { ADMIN_STATE_LIMIT } from '../../src/mock/http/index.js';
import { api, keepAliveAgent, send, type RawAnswer } from './helpers/http-client.js';
import { ensureBuilt, spawnCli, startCli } from './helpers/cli-process.js';

const ALICE = 'tok_alice_owner';
const ERIN = 'tok_erin_other_org';
const agent = keepAliveAgent();
const running: RunningMock[] = [];

async function start(options: Parameters<typeof startMock>[0] = {}): Promise<RunningMock> {
  const mock = await startMock(options);
  running.push(mock);
  return mock;
}

/** ERR-1, DET-2: a JSON error with the right code and status name, and a message that says what happened. */
function expectError(res: RawAnswer, code: number, status: string, message: RegExp): void {
  expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
  const error = (res.json as { error: { code: number; status: string; message: string } }).error;
  expect({ http: res.status, code: error.code, status: error.status }).toEqual({ http: code, code, status });
  expect(error.message).toMatch(message);
}

/** A create body of exactly `bytes` bytes. */
function createBodyOf(bytes: number): string {
  const head = '{"name":"big","description":"';
  const tail = '"}';
  return head + 'a'.repeat(bytes - head.length - tail.length) + tail;
}

function postRaw(mock: RunningMock, path: string, body: string | Buffer): Promise<RawAnswer> {
  return send(mock.url, agent, { method: 'POST', path, headers: { authorization: `Bearer ${ALICE}`, 'content-type': 'application/json' }, body });
}

beforeAll(() => ensureBuilt(), 180_000); // a rebuild of dist/ (only when stale) can be slow on a busy machine
afterEach(async () => {
  await Promise.all(running.splice(0).map((m) => m.close()));
});
afterAll(() => agent.destroy());

describe('limits: request bodies (DET-5)', () => {
  it(`DET-5: a body of exactly ${MAX_BODY_BYTES} bytes is read; one byte more answers 413`, async () => {
    const mock = await start();
    expect((await postRaw(mock, '/api/v1/skills', createBodyOf(MAX_BODY_BYTES))).status).toBe(201);
    const before = mock.core.serializeState();
    const res = await postRaw(mock, '/api/v1/skills', createBodyOf(MAX_BODY_BYTES + 1));
    expectError(res, 413, 'INVALID_ARGUMENT', new RegExp(`exceeds ${MAX_BODY_BYTES} bytes`));
    expect(mock.core.serializeState()).toBe(before);
  });

  it(`DET-5: nesting ${MAX_DEPTH} deep is parsed; ${MAX_DEPTH + 1} or 100,000 deep answers 400 without a stack overflow`, async () => {
    const mock = await start();
    const nested = (depth: number): string => `{"name":"x","description":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
    expectError(await postRaw(mock, '/api/v1/skills', nested(MAX_DEPTH)), 422, 'UNPROCESSABLE_ENTITY', /description/);
    expectError(await postRaw(mock, '/api/v1/skills', nested(MAX_DEPTH + 1)), 400, 'INVALID_ARGUMENT', /nested deeper than 64/);
    expectError(await postRaw(mock, '/api/v1/skills', nested(100_000)), 400, 'INVALID_ARGUMENT', /nested deeper than 64/);
  });
});

describe('limits: what the HTTP parser rejects (ERR-1)', () => {
  it('headers over 16 KiB answer 431 and an unknown method 400, both with the JSON error body', async () => {
    const mock = await start();
    const big = await send(mock.url, agent, { method: 'GET', path: '/api/v1/skills', headers: { authorization: `Bearer ${ALICE}`, 'x-big': 'a'.repeat(20_000) } });
    expect(big.status).toBe(431);
    expect((big.json as { error: { code: number } }).error.code).toBe(431);
    expectError(await send(mock.url, agent, { method: 'BREW', path: '/api/v1/skills', headers: {} }), 400, 'INVALID_ARGUMENT', /malformed HTTP request/);
  });
});

describe('limits: lists (LIST-1)', () => {
  it(`LIST-1: a page never holds more than ${MAX_PAGE_SIZE} rows, whatever pageSize asks for`, async () => {
    const mock = await start();
    for (let i = 0; i < 130; i++) expect((await api(mock.url, agent, 'POST', '/api/v1/skills', ALICE, { name: `row ${i}` })).status).toBe(201);
    for (const [asked, rows] of [['500', 100], ['101', 100], ['100', 100], ['99999999999999999999', 100], ['0', 50]] as const) {
      const res = await api(mock.url, agent, 'GET', `/api/v1/skills?pageSize=${asked}`, ALICE);
      expect(res.status).toBe(200);
      const page = res.json as { skills: unknown[]; nextPageToken?: string };
      expect(page.skills.length, `pageSize=${asked}`).toBe(rows);
      expect(typeof page.nextPageToken).toBe('string');
    }
    expectError(await api(mock.url, agent, 'GET', '/api/v1/skills?pageSize=-1', ALICE), 400, 'INVALID_ARGUMENT', /pageSize/);
  });
});

describe('limits: resources per org', () => {
  it('a create beyond maxResourcesPerOrg answers 409 with the limit in the message; other orgs and kinds are not affected', async () => {
    const mock = await start({ core: { maxResourcesPerOrg: 10 } });
    let created = 0;
    let res: RawAnswer;
    while ((res = await api(mock.url, agent, 'POST', '/api/v1/skills', ALICE, { name: `n ${created}` })).status === 201) created++;
    expect(created).toBe(4); // alice's org holds 6 seeded skills (deleted ones count: ids are never freed)
    const before = mock.core.serializeState();
    expectError(res, 409, 'FAILED_PRECONDITION', /limit of 10 skills/);
    expect(mock.core.serializeState()).toBe(before);
    expect((await api(mock.url, agent, 'POST', '/api/v1/agents', ALICE, { name: 'still fine' })).status).toBe(201);
    expect((await api(mock.url, agent, 'POST', '/api/v1/skills', ERIN, { name: 'other org' })).status).toBe(201);
  });

  it('CLI: --max-resources N sets the cap; a bad value stops the start with exit code 2', async () => {
    const cli = await startCli(['--max-resources', '8']);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await api(cli.url, agent, 'POST', '/api/v1/skills', ALICE, { name: `cli ${i}` })).status);
      expect(statuses).toEqual([201, 201, 409]);
    } finally {
      cli.child.kill('SIGTERM');
      await cli.exited;
    }
    const bad = spawnCli(['--port', '0', '--max-resources', 'lots']);
    expect(await bad.exited).toBe(2);
    expect(bad.stderr()).toMatch(/--max-resources must be a positive integer/);
  });
});

describe('limits: state import and variation history', () => {
  it(`PUT /__mock/state over ${ADMIN_STATE_LIMIT} bytes answers 413 naming the limit; the state is unchanged`, async () => {
    const mock = await start();
    const before = mock.core.serializeState();
    const res = await send(mock.url, agent, { method: 'PUT', path: '/__mock/state', headers: { 'content-type': 'application/json' }, body: Buffer.alloc(ADMIN_STATE_LIMIT + 1, 0x20) });
    expectError(res, 413, 'INVALID_ARGUMENT', new RegExp(`exceeds ${ADMIN_STATE_LIMIT} bytes`));
    expect(mock.core.serializeState()).toBe(before);
    const ok = await send(mock.url, agent, { method: 'PUT', path: '/__mock/state', headers: { 'content-type': 'application/json' }, body: before });
    expect(ok.status).toBe(200);
  });

  it(`LIFE-11: a resource keeps at most ${MAX_VARIATIONS} variations; older ones answer 404, active and draft stay readable`, async () => {
    const mock = await start();
    const seenIds: string[] = [];
    for (let i = 0; i < MAX_VARIATIONS + 30; i++) {
      const patched = await api(mock.url, agent, 'PATCH', '/api/v1/skills/2', ALICE, { description: `cycle ${i}` });
      seenIds.push((patched.json as { draftVariationId: string }).draftVariationId);
      expect((await api(mock.url, agent, 'POST', '/api/v1/skills/2/deploy', ALICE, {})).status).toBe(200);
    }
    await api(mock.url, agent, 'PATCH', '/api/v1/skills/2', ALICE, { description: 'pending' });
    const record = mock.core.exportState().skills.find((r) => r.id === 2)!;
    expect(Object.keys(record.variations).length).toBe(MAX_VARIATIONS);
    const oldest = seenIds[0]!;
    expectError(await api(mock.url, agent, 'GET', `/api/v1/skills/2/variations/${oldest}`, ALICE), 404, 'NOT_FOUND', /variation/);
    for (const vid of [record.activeVariationId!, record.draftVariationId!, seenIds[seenIds.length - 2]!]) {
      expect((await api(mock.url, agent, 'GET', `/api/v1/skills/2/variations/${vid}`, ALICE)).status).toBe(200);
    }
  });
});
