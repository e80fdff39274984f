/** `modus-mock import`: read the mock itself as a deployment, start a mock on the result, and get the same GET answers. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/server.js';
import { coreFromFiles } from '../../src/mock/fixture-core.js';
import { runImport } from '../../src/importer/cli.js';
import { readTarget } from '../../src/importer/read-target.js';
import { TargetClient } from '../../src/contracts/client.js';
import { inProcessConfig } from '../../src/contracts/target.js';
import { inProcessTransport } from '../../src/contracts/transports.js';
import { ensureDist, MOCK_CLI } from '../helpers/cli-mock.js';
import { runProcess } from '../helpers/run-process.js';

const dir = mkdtempSync(join(tmpdir(), 'modus-import-'));
const TOKENS = { OWNER: 'tok_alice_owner', TEAMMATE: 'tok_bob_teammate', OUTSIDER: 'tok_carol_outsider', OTHERORG: 'tok_erin_other_org' };
const ENV = Object.fromEntries(Object.entries(TOKENS).map(([role, token]) => [`MODUS_TOKEN_${role}`, token]));
let source: RunningMock;
let targetFile: string;
let gets = 0;

beforeAll(async () => {
  ensureDist();
  source = await startMock({ port: 0, onExchange: (req) => void (req.method === 'GET' || gets++) });
  // More than the bundled seed: a skill deployed twice with a pending draft, a transfer, a toggled agent.
  const call = (method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(`${source.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${TOKENS.OWNER}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const id = ((await (await call('POST', '/skills', { name: 'Twice', description: 'one' })).json()) as { id: number }).id;
  await call('POST', `/skills/${id}/deploy`, {});
  await call('PATCH', `/skills/${id}`, { description: 'two', instructions: ['x'] });
  await call('POST', `/skills/${id}/deploy`, {});
  await call('PATCH', `/skills/${id}`, { description: 'three' });
  await call('POST', `/skills/${id}/transfer-ownership`, { newOwnerUserId: 'user_carol' });
  await call('POST', '/agents/1/toggle', {});
  gets = 0; // only what the import sends counts from here
  const target = JSON.parse(readFileSync(new URL('../../fixtures/targets/local-mock.json', import.meta.url), 'utf8')) as { baseUrl: string };
  target.baseUrl = source.url;
  targetFile = join(dir, 'target.json');
  writeFileSync(targetFile, JSON.stringify(target));
});

afterAll(async () => {
  await source?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every GET a frontend makes, as each role: lists (small pages, deleted rows too) and each resource in each view. */
async function answers(url: string): Promise<string[]> {
  const out: string[] = [];
  for (const token of Object.values(TOKENS)) {
    const get = async (path: string): Promise<void> => {
      const res = await fetch(`${url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
      // Page tokens are opaque and issued per server: compare that there is one, not its text.
      out.push(`${token} ${path} ${res.status} ${(await res.text()).replace(/"nextPageToken":"[^"]+"/, '"nextPageToken":"…"')}`);
    };
    for (const kind of ['skills', 'agents']) {
      await get(`/${kind}?pageSize=3`);
      await get(`/${kind}?pageSize=100&showDeleted=true`);
      for (let id = 1; id <= 9; id++) for (const view of ['', '?view=active', '?view=draft']) await get(`/${kind}/${id}${view}`);
    }
  }
  return out;
}

describe('modus-mock import', () => {
  it('round trip: import the mock over HTTP (GET only), start a mock on the files, every GET answers the same', async () => {
    const seed = join(dir, 'seed.json');
    const run = await runProcess(process.execPath, [MOCK_CLI, 'import', '--target', targetFile, '--out', seed, '--rps', '0']);
    expect(run.code, run.stderr).toBe(0);
    expect(gets).toBe(0); // GET only: the source saw no write
    expect(run.stdout).toBe(`${seed}\n${join(dir, 'seed.principals.json')}\n`); // data on stdout, progress on stderr
    expect(run.stderr).toMatch(/read \d+ resources .* in \d+ requests/);
    const principals = readFileSync(join(dir, 'seed.principals.json'), 'utf8');
    for (const token of Object.values(TOKENS)) expect(principals + readFileSync(seed, 'utf8')).not.toContain(token); // placeholders only
    expect(principals).toContain('"token": "${MODUS_TOKEN_OWNER}"');

    const saved = { ...process.env };
    Object.assign(process.env, ENV);
    const copy = await startMock({ port: 0, principalsFile: join(dir, 'seed.principals.json'), seedFile: seed });
    process.env = saved;
    try {
      const [want, got] = [await answers(source.url), await answers(copy.url)];
      // The comparison has teeth: most answers are full resources, the extra skill's draft and transfer among them.
      expect(want.filter((line) => / 200 \{"id"/.test(line)).length).toBeGreaterThan(60);
      expect(want.join('\n')).toContain('"description":"three"');
      expect(want.join('\n')).toContain('"pendingOwnerUserId":"user_carol"');
      expect(got.length).toBe(want.length);
      for (let i = 0; i < want.length; i++) expect(got[i]).toBe(want[i]);
    } finally {
      await copy.close();
    }
  });

  it('a missing token variable stops the start naming the variable; the budget is honoured', async () => {
    const seed = join(dir, 'seed-budget.json');
    const run = await runProcess(process.execPath, [MOCK_CLI, 'import', '--target', targetFile, '--out', seed, '--rps', '0', '--max-requests', '3']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/request budget of 3 spent/);
    const imported = await runImport({ target: targetFile, rps: 0 });
    const file = join(dir, 'p.json');
    writeFileSync(file, JSON.stringify(imported.principals));
    const saved = { ...process.env };
    delete process.env['MODUS_TOKEN_OWNER'];
    try {
      expect(() => coreFromFiles(file)).toThrow(/\/principals\/0\/token needs the environment variable MODUS_TOKEN_OWNER, which is not set/);
    } finally {
      process.env = saved;
    }
  });

  it('--anonymize: no name, email or free text of the source is left, the fakes are stable, and the seed still loads', async () => {
    const plain = await runImport({ target: targetFile, rps: 0 });
    const first = await runImport({ target: targetFile, rps: 0, anonymize: true });
    const second = await runImport({ target: targetFile, rps: 0, anonymize: true });
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    const text = JSON.stringify(first);
    for (const secret of ['Customer Churn Analyzer', 'alice@acme.example', 'user_alice', 'Predicts churn risk', 'Be concise.']) {
      expect(JSON.stringify(plain)).toContain(secret);
      expect(text).not.toContain(secret);
    }
    const p = join(dir, 'anon.principals.json');
    const s = join(dir, 'anon.json');
    writeFileSync(p, JSON.stringify(first.principals));
    writeFileSync(s, JSON.stringify(first.seed));
    const saved = { ...process.env };
    Object.assign(process.env, ENV);
    try {
      const state = coreFromFiles(p, s).exportState();
      expect(state.skills.map((r) => [r.id, r.status])).toEqual(plain.seed.skills!.map((r) => [r.id, r.deleted ? 'deleted' : r.deploy ? 'active' : 'draft']));
    } finally {
      process.env = saved;
    }
  });
});

describe('import reads like the suites do', () => {
  it('waits out 429/503 Retry-After and sends only GETs, counting retries against the budget', async () => {
    const core = coreFromFiles();
    const inner = inProcessTransport(core);
    const methods: string[] = [];
    let calls = 0;
    const flaky = {
      send: async (method: string, path: string, headers: Record<string, string>, body: string | undefined) => {
        methods.push(method);
        // Every third request is throttled once: 429 with Retry-After: 0, then the real answer.
        if (++calls % 3 === 0) return { status: 429, headers: { 'retry-after': '0' }, text: '{"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"slow down"}}' };
        return inner.send(method, path, headers, body);
      },
    };
    const client = new TargetClient(inProcessConfig(core), flaky, { guardWrites: true, maxRequests: 500 });
    const observed = await readTarget(client);
    expect(new Set(methods)).toEqual(new Set(['GET']));
    expect(methods.length).toBe(client.requestsSent); // retries are counted
    expect(observed.resources.size).toBe(13);
    expect([...observed.resources.values()].filter((s) => s.active ?? s.draft).length).toBeGreaterThan(8);
  });
});
