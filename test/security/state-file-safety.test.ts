/** Issue 11, finding 6: the state file is locked to one process, saved through a random exclusive temp file, symlinks kept, failed saves 503. */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StateFileError } from '../../src/mock/persistence.js';
import { startMock, type RunningMock } from '../../src/mock/server.js';
import { coreFromFiles } from '../../src/mock/fixture-core.js';
import { api, keepAliveAgent } from '../robustness/helpers/http-client.js';
import { ensureBuilt, spawnCli, startCli } from '../robustness/helpers/cli-process.js';

const ALICE = 'tok_alice_owner';
const dirs: string[] = [];
const running: RunningMock[] = [];
const agent = keepAliveAgent();

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'modus-safety-'));
  dirs.push(dir);
  return dir;
}

async function start(file: string): Promise<RunningMock> {
  const mock = await startMock({ stateFile: file });
  running.push(mock);
  return mock;
}

beforeAll(() => ensureBuilt(), 180_000);
afterEach(async () => {
  await Promise.all(running.splice(0).map((m) => m.close()));
});
afterAll(() => {
  agent.destroy();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('one process per state file', () => {
  it('a second mock on the same file refuses to start, naming the holder pid; after close the file is free again', async () => {
    const file = join(tempDir(), 'state.json');
    const first = await start(file);
    expect(readFileSync(`${file}.lock`, 'utf8').trim()).toBe(String(process.pid));
    const err = await startMock({ stateFile: file }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(StateFileError);
    expect((err as Error).message).toContain(`in use by process ${process.pid}`);
    await first.close();
    running.splice(running.indexOf(first), 1);
    expect(existsSync(`${file}.lock`)).toBe(false);
    await start(file);
  });

  it('CLI: a second process exits 2 naming the first one\'s pid, and the first one\'s acknowledged writes are kept', async () => {
    const file = join(tempDir(), 'state.json');
    const first = await startCli(['--state-file', file]);
    try {
      const created = await api(first.url, agent, 'POST', '/api/v1/skills', ALICE, { name: 'only writer' });
      expect(created.status).toBe(201);
      const second = spawnCli(['--port', '0', '--quiet', '--state-file', file]);
      expect(await second.exited).toBe(2);
      expect(second.stderr()).toContain(`in use by process ${first.child.pid}`);
      expect(readFileSync(file, 'utf8')).toContain('only writer');
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }
    expect(existsSync(`${file}.lock`)).toBe(false); // a clean stop gives the lock back
  });

  it('a stale lock (its holder died, e.g. kill -9) is taken over', async () => {
    const file = join(tempDir(), 'state.json');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(`${file}.lock`, `${dead}\n`);
    await start(file);
    expect(readFileSync(`${file}.lock`, 'utf8').trim()).toBe(String(process.pid));
  });
});

describe('saving', () => {
  it('a planted symlink at the old fixed temp name is never followed: its target is untouched, no temp file is left', async () => {
    const dir = tempDir();
    const file = join(dir, 'state.json');
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, join(dir, '.state.json.tmp'));
    const mock = await start(file);
    for (let i = 0; i < 5; i++) expect((await api(mock.url, agent, 'POST', '/api/v1/skills', ALICE, { name: `w${i}` })).status).toBe(201);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readdirSync(dir).sort()).toEqual(['.state.json.tmp', 'state.json', 'state.json.lock', 'victim.txt']);
    expect(statSync(file).mode & 0o077).toBe(0); // only the user can read the saved state
  });

  it('a --state-file that is a symlink stays one: saves replace its target', async () => {
    const dir = tempDir();
    const target = join(dir, 'real-state.json');
    const link = join(dir, 'state.json');
    symlinkSync(target, link); // dangling at first: the first save creates the target
    const mock = await start(link);
    expect((await api(mock.url, agent, 'POST', '/api/v1/skills', ALICE, { name: 'through the link' })).status).toBe(201);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toContain('through the link');
    expect(existsSync(`${target}.lock`)).toBe(true); // the lock is on the real file, so another link to it conflicts too
  });

  it('a failed save answers 503 on admin reset and import too (README), and nothing changes', async () => {
    // A 240-character name is fine, its temp file's (name + 22 random characters) is too long: every save fails.
    const file = join(tempDir(), `${'s'.repeat(235)}.json`);
    writeFileSync(file, coreFromFiles().serializeState());
    const mock = await start(file);
    const before = readFileSync(file, 'utf8');
    const reset = await api(mock.url, agent, 'POST', '/__mock/reset', ALICE, {});
    expect(reset.status).toBe(503);
    expect(reset.json).toMatchObject({ error: { code: 503, status: 'UNAVAILABLE' } });
    const state = mock.core.exportState();
    state.skills = state.skills.slice(0, 1);
    const put = await api(mock.url, agent, 'PUT', '/__mock/state', ALICE, state);
    expect(put.status).toBe(503);
    expect((put.json as { error: { message: string } }).error.message).toContain('could not persist the import');
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(mock.core.exportState().skills).toHaveLength(7);
  });
});
