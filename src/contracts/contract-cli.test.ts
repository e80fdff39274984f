import { runProcess, type ProcessRun } from '../../test/helpers/run-process.js';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../mock/server.js';
import { DEFAULT_PRINCIPALS } from '../mock/fixture-core.js';
import { SCENARIOS } from './scenarios/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/contracts/cli.js');
const ROLE_USERS = { owner: 'user_alice', teammate: 'user_bob', outsider: 'user_carol', otherOrg: 'user_erin' } as const;

type CliRun = ProcessRun;

/** Runs the built CLI (the HTTP mock lives in this process, so never block the event loop). */
function runCli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<CliRun> {
  return runProcess(process.execPath, [CLI, ...args], { env });
}

/** The bundled fixture principals, by role, as a target file document. */
function fixtureTarget(baseUrl: string): { baseUrl: string; principals: Record<string, unknown> } {
  const all = (JSON.parse(readFileSync(DEFAULT_PRINCIPALS, 'utf8')) as { principals: Array<Record<string, unknown>> }).principals;
  const principals = Object.fromEntries(Object.entries(ROLE_USERS).map(([role, user]) => [role, all.find((p) => p['userId'] === user)]));
  return { baseUrl, principals };
}

const tokens = (): string[] => Object.values(fixtureTarget('http://x').principals).map((p) => String((p as { token: string }).token));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'contract-cli-'));
  // Always build once, so the CLI under test is the current source (errors elsewhere still emit JS).
  spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore' });
  if (!existsSync(CLI)) throw new Error(`npm run build did not produce ${CLI}`);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('contract CLI in-process', () => {
  it('exits 0, prints the rule table and writes JUnit and JSON reports', async () => {
    const junit = join(dir, 'out/contract.xml');
    const json = join(dir, 'out/contract.json');
    const r = await runCli(['--junit', junit, '--json', json]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^AUTH-1 +\[D\] +pass/m);
    expect(r.stdout).toMatch(/\d+ passed, 0 failed/);
    const xml = readFileSync(junit, 'utf8');
    expect(xml.match(/<testcase /g)).toHaveLength(SCENARIOS.length);
    expect(xml).toContain('classname="contract.HIDE-1"');
    const doc = JSON.parse(readFileSync(json, 'utf8')) as { rules: Array<{ rule: string; outcome: string }> };
    expect(doc.rules.find((x) => x.rule === 'UPD-1')?.outcome).toBe('pass');
  }, 120_000);

  it('exits 2 naming an unset variable of the target file, and never prints a token', async () => {
    const doc = fixtureTarget('http://127.0.0.1:9');
    (doc.principals['teammate'] as Record<string, unknown>)['token'] = '${SOME_UNSET_VAR}';
    const file = join(dir, 'unset-var.json');
    writeFileSync(file, JSON.stringify(doc));
    const env = { ...process.env };
    delete env['SOME_UNSET_VAR'];
    const r = await runCli(['--target', file], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('SOME_UNSET_VAR');
    for (const token of tokens()) expect(r.stdout + r.stderr).not.toContain(token);
  });

  it('exits 2 when a role is missing from the target file', async () => {
    const doc = fixtureTarget('http://127.0.0.1:9');
    delete doc.principals['outsider'];
    const file = join(dir, 'missing-role.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = await runCli(['--target', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('outsider');
  });
});

describe('contract CLI against the mock over HTTP', () => {
  let mock: RunningMock;
  let file: string;

  beforeAll(async () => {
    mock = await startMock({ port: 0 });
    file = join(dir, 'http-target.json');
    writeFileSync(file, JSON.stringify(fixtureTarget(mock.url)));
  });
  afterAll(() => mock.close());

  it('exits 0 with the write guard on: no scenario touches what it did not create; all it created is deleted', async () => {
    const before = mock.core.exportState();
    const r = await runCli(['--target', file, '--rps', '5000']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('refused');
    const after = mock.core.exportState();
    const seeded = new Set([...before.skills, ...before.agents].map((x) => `${x.kind}/${x.id}`));
    for (const x of [...before.skills, ...before.agents]) {
      const now = [...after.skills, ...after.agents].find((y) => y.kind === x.kind && y.id === x.id);
      expect(now, `seeded ${x.kind}/${x.id} changed`).toEqual(x);
    }
    const made = [...after.skills, ...after.agents].filter((x) => !seeded.has(`${x.kind}/${x.id}`));
    expect(made.length).toBeGreaterThan(100);
    expect(made.filter((x) => x.status !== 'deleted').map((x) => `${x.kind}/${x.id}`)).toEqual([]);
  }, 120_000);

  it('exit code: a broken [A] rule is drift (0, or 1 with --strict); a broken [D] rule is 1', async () => {
    const rules = async (body: unknown): Promise<void> => {
      const res = await fetch(`${mock.url}/__mock/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status).toBe(200);
    };
    try {
      await rules({ rules: [{ method: 'PUT', path: '/api/v1/skills/*', status: 400 }] }); // DET-12 expects 405
      const drift = await runCli(['--target', file, '--rps', '5000', '--rule', 'DET-12']);
      expect(drift.code, drift.stdout).toBe(0);
      expect(drift.stdout).toMatch(/^DET-12 +\[A\] +drift/m);
      expect((await runCli(['--target', file, '--rps', '5000', '--rule', 'DET-12', '--strict'])).code).toBe(1);
      await rules({ rules: [{ method: 'DELETE', path: '/api/v1/skills/*', status: 409 }] }); // DEL-2 expects 204
      const fail = await runCli(['--target', file, '--rps', '5000', '--rule', 'DEL-2']);
      expect(fail.code, fail.stdout).toBe(1);
      expect(fail.stdout).toMatch(/^DEL-2 +\[D\] +FAIL/m);
    } finally {
      await fetch(`${mock.url}/__mock/faults`, { method: 'DELETE', headers: { 'content-type': 'application/json' } });
    }
  }, 120_000);
});
