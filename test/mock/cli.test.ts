import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKENS, checkContract, type Reply } from '../helpers/mock-app.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'dist/cli/mock.js');
const dir = mkdtempSync(join(tmpdir(), 'modus-cli-'));
const children: ChildProcess[] = [];

beforeAll(() => {
  if (existsSync(CLI)) return;
  try {
    execSync('npm run build', { cwd: ROOT, stdio: 'pipe' });
  } catch (e) {
    // tsc still emits on type errors elsewhere; only a missing cli.js is fatal.
    if (!existsSync(CLI)) throw e;
  }
});

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the CLI and collects its output. */
function start(args: string[]): { child: ChildProcess; out: () => string; err: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, PORT: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exited };
}

/** Waits until `read()` matches `pattern` (or the process exits / time runs out). */
async function waitFor(read: () => string, pattern: RegExp, ms = 15_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + ms;
  for (;;) {
    const match = read().match(pattern);
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; got:\n${read()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** GET over real HTTP, checked against openapi.json like every other response in the suite. */
async function get(url: string, token?: string): Promise<Reply> {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => (headers[name] = value));
  const reply: Reply = { status: res.status, headers, text, body: text ? JSON.parse(text) : undefined };
  checkContract('GET', new URL(url).pathname, reply);
  return reply;
}

describe('CLI', () => {
  it('--port 0 prints the real URL and the token table, then answers GET /api/v1/skills', async () => {
    const cli = start(['--port', '0', '--quiet']);
    const [, url, port] = await waitFor(cli.out, /listening on (http:\/\/127\.0\.0\.1:(\d+))/);
    expect(Number(port)).toBeGreaterThan(0);
    await waitFor(cli.out, /tok_erin_other_org/);
    for (const token of Object.values(TOKENS)) expect(cli.out()).toContain(token);
    const res = await get(`${url}/api/v1/skills`, TOKENS.alice);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.skills.map((s: { id: number }) => s.id)).toEqual([1, 2, 3, 4, 6]);
    expect((await get(`${url}/api/v1/skills`)).status).toBe(401);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  });

  it('a bad --seed file exits 2 with a message naming the file', async () => {
    const seed = join(dir, 'bad-seed.json');
    writeFileSync(seed, JSON.stringify({ skills: [{ owner: 'user_nobody', name: 'x' }] }));
    const cli = start(['--port', '0', '--seed', seed]);
    expect(await cli.exited).toBe(2);
    expect(cli.err()).toContain(seed);
    expect(cli.err()).toMatch(/\/skills\/0\/owner/);
    expect(cli.out()).not.toMatch(/listening on/);
  });

  it('a --seed file that is not JSON, or missing, exits 2 naming the file', async () => {
    const seed = join(dir, 'not-json.json');
    writeFileSync(seed, '{ nope');
    const bad = start(['--port', '0', '--seed', seed]);
    expect(await bad.exited).toBe(2);
    expect(bad.err()).toContain(seed);
    const missing = join(dir, 'missing.json');
    const gone = start(['--port', '0', '--seed', missing]);
    expect(await gone.exited).toBe(2);
    expect(gone.err()).toContain(missing);
  });

  it('--port abc exits 2 with a message about --port', async () => {
    const cli = start(['--port', 'abc']);
    expect(await cli.exited).toBe(2);
    expect(cli.err()).toMatch(/--port/);
    expect(cli.err()).toContain('abc');
  });

  it('an unknown flag exits 2 and shows the usage', async () => {
    const cli = start(['--prot', '1']);
    expect(await cli.exited).toBe(2);
    expect(cli.err()).toMatch(/Usage: modus-mock/);
  });
});
