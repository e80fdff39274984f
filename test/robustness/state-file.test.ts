import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/server.js';
import { coreFromFiles } from '../../src/mock/fixture-core.js';
import { StateFileError } from '../../src/mock/persistence.js';
import { api, keepAliveAgent } from './helpers/http-client.js';
import { ensureBuilt, spawnCli, startCli } from './helpers/cli-process.js';
import { runWriteLoad } from './helpers/write-load.js';

const ALICE = 'tok_alice_owner';
const dirs: string[] = [];
const running: RunningMock[] = [];
const agent = keepAliveAgent();

function stateFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'modus-state-'));
  dirs.push(dir);
  return join(dir, 'state.json');
}

async function start(file: string, extra: Parameters<typeof startMock>[0] = {}): Promise<RunningMock> {
  const mock = await startMock({ stateFile: file, ...extra });
  running.push(mock);
  return mock;
}

async function stop(mock: RunningMock): Promise<void> {
  running.splice(running.indexOf(mock), 1);
  await mock.close();
}

beforeAll(() => ensureBuilt(), 180_000); // a rebuild of dist/ (only when stale) can be slow on a busy machine
afterEach(async () => {
  await Promise.all(running.splice(0).map((m) => m.close()));
});
afterAll(() => {
  agent.destroy();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('--state-file: restart-safe state', () => {
  it('a missing file is created from the fixtures', async () => {
    const file = stateFile();
    const mock = await start(file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(mock.core.exportState());
  });

  it('a restart keeps every acknowledged write (DEL-6: ids are not reused after the restart)', async () => {
    const file = stateFile();
    let mock = await start(file);
    const created = await api(mock.url, agent, 'POST', '/api/v1/skills', ALICE, { name: 'kept' });
    expect(created.status).toBe(201);
    const id = (created.json as { id: number }).id;
    expect((await api(mock.url, agent, 'PATCH', `/api/v1/skills/${id}`, ALICE, { description: 'survives' })).status).toBe(200);
    expect((await api(mock.url, agent, 'DELETE', '/api/v1/skills/1', ALICE)).status).toBe(204);
    const before = mock.core.exportState();
    await stop(mock);
    mock = await start(file);
    expect(mock.core.exportState()).toEqual(before);
    const draft = await api(mock.url, agent, 'GET', `/api/v1/skills/${id}?view=draft`, ALICE);
    expect(draft.json).toMatchObject({ id, name: 'kept', description: 'survives' });
    const next = await api(mock.url, agent, 'POST', '/api/v1/skills', ALICE, { name: 'after restart' });
    expect((next.json as { id: number }).id).toBe(id + 1);
  });

  it('admin reset and import are persisted too', async () => {
    const file = stateFile();
    const mock = await start(file);
    await api(mock.url, agent, 'POST', '/api/v1/agents', ALICE, { name: 'gone after reset' });
    await api(mock.url, agent, 'POST', '/__mock/reset', ALICE, {}); // admin writes need a JSON content type (issue 11)
    expect(readFileSync(file, 'utf8')).toBe(mock.core.serializeState());
    const state = mock.core.exportState();
    state.skills = state.skills.slice(0, 2);
    const put = await api(mock.url, agent, 'PUT', '/__mock/state', ALICE, state);
    expect(put.status).toBe(200);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
  });

  it('reads and rejected writes (4xx) do not touch the file', async () => {
    const file = stateFile();
    const mock = await start(file);
    const before = statSync(file).mtimeMs;
    const bytes = readFileSync(file);
    await api(mock.url, agent, 'GET', '/api/v1/skills', ALICE);
    await api(mock.url, agent, 'PATCH', '/api/v1/skills/1', ALICE, { nope: 1 });
    await api(mock.url, agent, 'POST', '/api/v1/skills', 'tok_nobody', { name: 'x' });
    expect(statSync(file).mtimeMs).toBe(before);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('a write that cannot be saved answers 503 and is rolled back (never acknowledged, never kept)', async () => {
    // A 240-character name is fine, its temp file's (name + 22 random characters) is too long: every save fails.
    const file = join(stateFile(), '..', `${'s'.repeat(235)}.json`);
    writeFileSync(file, coreFromFiles().serializeState());
    const mock = await start(file);
    const before = mock.core.serializeState();
    const r = await api(mock.url, agent, 'PATCH', '/api/v1/skills/1', ALICE, { description: 'lost' });
    expect(r.status).toBe(503);
    expect((r.json as { error: { message: string } }).error.message).toContain(file);
    expect(mock.core.serializeState()).toBe(before);
  });

  it('a persisted write stays fast at 1,000 resources', async () => {
    const file = stateFile();
    const plain = coreFromFiles();
    for (let i = 0; i < 1000; i++) {
      plain.handle({ method: 'POST', url: i % 2 ? '/api/v1/skills' : '/api/v1/agents', headers: { authorization: `Bearer ${ALICE}` }, body: JSON.stringify({ name: `bulk ${i}`, description: 'a description of some length' }) });
    }
    writeFileSync(file, plain.serializeState());
    const mock = await start(file);
    const n = 50;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const r = mock.core.handle({ method: 'PATCH', url: `/api/v1/skills/${10 + i}`, headers: { authorization: `Bearer ${ALICE}` }, body: `{"description":"d${i}"}` });
      expect(r.status).toBe(200);
    }
    const ms = (performance.now() - t0) / n;
    console.log(`state file: ${statSync(file).size} bytes at 1,000+ resources, ${ms.toFixed(2)} ms per persisted write`);
    expect(ms).toBeLessThan(50);
  });
});

describe('--state-file: an unusable file stops the start and is never overwritten', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['truncated JSON', '{"version":1,"nextId":{"skill":', /is not valid JSON/],
    ['a wrong shape', '{"version":2,"nextId":{"skill":1,"agent":1},"skills":[],"agents":[]}', /\/version/],
  ];
  for (const [what, content, problem] of cases) {
    it(`in-process: ${what}`, async () => {
      const file = stateFile();
      writeFileSync(file, content);
      const err = await startMock({ stateFile: file }).then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(StateFileError);
      expect((err as Error).message).toContain(file);
      expect((err as Error).message).toMatch(problem);
      expect(readFileSync(file, 'utf8')).toBe(content);
    });

    it(`CLI: ${what} exits 2 naming the file and the problem`, async () => {
      const file = stateFile();
      writeFileSync(file, content);
      const proc = spawnCli(['--port', '0', '--quiet', '--state-file', file]);
      expect(await proc.exited).toBe(2);
      expect(proc.stderr()).toContain(file);
      expect(proc.stderr()).toMatch(problem);
      expect(readFileSync(file, 'utf8')).toBe(content);
    });
  }

  it('CLI: an unreadable path (a directory) exits 2', async () => {
    const file = stateFile();
    mkdirSync(file);
    const proc = spawnCli(['--port', '0', '--quiet', '--state-file', file]);
    expect(await proc.exited).toBe(2);
    expect(proc.stderr()).toContain(file);
  });
});

describe('--state-file: kill -9 under load', () => {
  it('every write acknowledged with a 2xx before the kill is there after the restart', async () => {
    const file = stateFile();
    const first = await startCli(['--state-file', file]);
    const load = await runWriteLoad(first.url, { loops: 8, killAfterAcks: 150, kill: () => first.child.kill('SIGKILL') });
    expect(await first.exited).toBe('SIGKILL');
    expect(load.acks).toBeGreaterThanOrEqual(150);
    const second = await startCli(['--state-file', file]);
    try {
      for (const [id, name] of load.created) {
        const r = await api(second.url, agent, 'GET', `/api/v1/skills/${id}?view=draft`, ALICE);
        expect(r.status, `created skill ${id}`).toBe(200);
        expect((r.json as { name: string }).name).toBe(name);
        const expected = load.descriptions.get(id);
        if (expected) expect(expected.allowed, `description of skill ${id}`).toContain((r.json as { description: string | null }).description);
      }
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });
});
