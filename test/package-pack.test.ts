/** `npm pack`, installed into an empty project: `npx modus-mock` (and the other bins) work from the packed package. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDist } from './helpers/cli-mock.js';
import { ROOT, runProcess } from './helpers/run-process.js';

const dir = mkdtempSync(join(tmpdir(), 'modus-pack-'));
const app = join(dir, 'app');

beforeAll(async () => {
  ensureDist();
  // --ignore-scripts: dist/ is already built; prepare would run tsc once more.
  const packed = await runProcess('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir]);
  expect(packed.code, packed.stderr).toBe(0);
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
  await runProcess('mkdir', [app]);
  writeFileSync(join(app, 'package.json'), '{"name":"app","private":true}\n');
  // The registry as a new user has it; --prefer-offline reuses the cache npm ci filled.
  const installed = await runProcess('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(dir, tarball)], { cwd: app });
  expect(installed.code, installed.stderr).toBe(0);
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the packed package', () => {
  it.each(['modus-mock', 'modus-contract', 'modus-properties'])('npx %s --version prints the package version on stdout', async (bin) => {
    const run = await runProcess('npx', ['--no-install', bin, '--version'], { cwd: app });
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(new RegExp(`^${bin} \\d+\\.\\d+\\.\\d+$`));
    expect(run.stderr).toBe('');
  });

  it('npx modus-mock starts on the bundled fixtures and answers GET /api/v1/skills', async () => {
    const child = spawn('npx', ['--no-install', 'modus-mock', '--port', '0'], { cwd: app, detached: true, env: { ...process.env, PORT: '' } });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    try {
      const deadline = Date.now() + 30_000;
      while (!/listening on (\S+)/.test(out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const url = /listening on (\S+)/.exec(out)?.[1];
      expect(url, out).toBeDefined();
      const res = await fetch(`${url}/api/v1/skills`, { headers: { authorization: 'Bearer tok_alice_owner' } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { skills: unknown[] }).skills.length).toBeGreaterThan(0);
      expect(out).toContain('tok_alice_owner');
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
  });

  it('ships dist, fixtures and openapi.json, and no sources or tests', async () => {
    const listed = await runProcess('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: ROOT });
    const files = (JSON.parse(listed.stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['dist/cli/mock.js', 'fixtures/seed.json', 'openapi.json', 'package.json']));
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/') || f.endsWith('.test.js'))).toEqual([]);
  });
});
