import { runProcess, type ProcessRun } from '../../test/helpers/run-process.js';
/** The CLI end to end: exit codes, a run against the mock over HTTP with a target file, the repro script replayed with curl. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutantTarget } from '../../test/helpers/mutants.js';
import { runCommands } from '../../bench/property-hook.js';
import { toCurlScript } from './curl-script.js';
import { runProperties } from './runner.js';
import { fixtureTargetConfig } from './targets.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TOKENS = { MODUS_TOKEN_OWNER: 'tok_alice_owner', MODUS_TOKEN_TEAMMATE: 'tok_bob_teammate', MODUS_TOKEN_OUTSIDER: 'tok_carol_outsider', MODUS_TOKEN_OTHERORG: 'tok_erin_other_org' };

type Run = ProcessRun;

/** Runs a command to its end (the mock answers from a child, but keep the event loop free anyway). */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}, input?: string): Promise<Run> {
  return runProcess(cmd, args, { env: { ...process.env, ...env }, input });
}

const cli = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> => run(process.execPath, ['--import', 'tsx', 'src/properties/cli.ts', ...args], env);

let mock: ChildProcess;
let url: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'properties-cli-'));
  // The mock as its own process (the suite must not import it): port 0, the URL read from its first line.
  mock = spawn(process.execPath, ['--import', 'tsx', 'src/cli/mock.ts', '--port', '0', '--quiet'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    mock.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    mock.once('exit', (code) => reject(new Error(`mock exited ${code}`)));
  });
  writeFileSync(join(dir, 'target.json'), JSON.stringify({ ...fixtureTargetConfig('${MODUS_BASE_URL}'), baseUrl: '${MODUS_BASE_URL}' }));
}, 60_000);

afterAll(() => {
  mock?.kill();
  rmSync(dir, { recursive: true, force: true });
});

const live = async (kind: string): Promise<string[]> => {
  const res = await fetch(`${url}/api/v1/${kind}?pageSize=100`, { headers: { authorization: 'Bearer tok_alice_owner' } });
  return ((await res.json()) as Record<string, Array<{ name: string }>>)[kind]!.map((r) => r.name).filter((n) => n.startsWith('prop-'));
};

describe('properties CLI', () => {
  it('exits 2 on bad flags, a --path without --seed, and a target file it cannot use, before any request', async () => {
    expect((await cli(['--runs', 'many'])).code).toBe(2);
    expect((await cli(['--frobnicate'])).code).toBe(2);
    expect((await cli(['--path', '1:2'])).code).toBe(2);
    const r = await cli(['--target', join(dir, 'target.json')], { MODUS_BASE_URL: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('needs the environment variable MODUS_BASE_URL');
    expect((await cli(['--target', join(dir, 'missing.json')])).code).toBe(2);
  });

  it('passes in-process and prints the rule table, the run line and the seed', async () => {
    const r = await cli(['--runs', '30', '--seed', '9']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^UPD-1 +\[D\] +pass +\d+/m);
    expect(r.stdout).toMatch(/30 runs: [\d,]+ commands, [\d,]+ requests in [\d.]+ s against in-process; seed 9/);
  });

  it('--workers N runs the shards of one seed on N threads: the same commands as one thread; Ctrl-C reaches an in-process run', async () => {
    const [one, two] = await Promise.all([cli(['--runs', '30', '--seed', '9']), cli(['--runs', '30', '--seed', '9', '--workers', '2'])]);
    expect(two.code, two.stderr).toBe(0);
    const line = (r: Run) => /30 runs: ([\d,]+) commands/.exec(r.stdout)?.[1];
    expect(line(two)).toBeDefined();
    expect(line(two)).toBe(line(one));
    for (const flags of [['--target', join(dir, 'target.json')], ['--shard', '1/2', '--seed', '1'], ['--diff']]) {
      const r = await cli(['--workers', '2', ...flags], { MODUS_BASE_URL: url });
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`--workers runs in-process shards of one run; it does not take ${flags[0]}`));
    }
    expect((await cli(['--workers', '0'])).code).toBe(2);
    // In-process every request resolves at once: Ctrl-C must still reach the run (one thread) and each worker.
    for (const workers of [[], ['--workers', '2']]) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/properties/cli.ts', '--runs', '100000', ...workers], { cwd: ROOT });
      let stderr = '';
      let stdout = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString();
        if (/run \d+\/100000/.test(stderr)) setTimeout(() => child.kill('SIGINT'), 300);
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code, stderr).toBe(130);
      expect(stdout).toMatch(/\d+ runs, interrupted: [\d,]+ commands/);
    }
  });

  it('runs against a target file over HTTP, within its budget, and cleans up everything it created', async () => {
    const json = join(dir, 'out', 'run.json');
    const before = [await live('skills'), await live('agents')];
    const r = await cli(['--target', join(dir, 'target.json'), '--runs', '40', '--seed', '4', '--rps', '1000', '--max-requests', '400', '--diff', '--json', json], { MODUS_BASE_URL: url });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/diff: the target and the mock answered alike/);
    const doc = JSON.parse(readFileSync(json, 'utf8')) as { requests: number; outcome: string; cleanupFailed: string[] };
    expect(doc.outcome).toBe('pass');
    expect(doc.cleanupFailed).toEqual([]);
    expect([await live('skills'), await live('agents')]).toEqual(before);
    expect(readFileSync(json, 'utf8')).not.toMatch(/tok_/);
  });

  it('on Ctrl-C stops generating, cleans up what it created and exits 130', async () => {
    const before = [await live('skills'), await live('agents')];
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/properties/cli.ts', '--target', join(dir, 'target.json'), '--runs', '100000', '--rps', '200'], {
      cwd: ROOT, env: { ...process.env, MODUS_BASE_URL: url },
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      if (/run \d+\/100000/.test(stderr)) setTimeout(() => child.kill('SIGINT'), 300);
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, stderr).toBe(130);
    expect(stderr).toContain('interrupted; finishing the current request, then cleaning up');
    expect([await live('skills'), await live('agents')]).toEqual(before);
  });

  it('writes a repro script that replays with curl against any target', async () => {
    const r = await runProperties({ target: mutantTarget('accept-by-anyone'), runs: 300, seed: 3, runId: 'curl' });
    const out = await run('bash', ['-s'], { ...TOKENS, MODUS_BASE_URL: url }, toCurlScript(r));
    expect(out.code, out.stderr).toBe(0);
    // The mock without the mutant refuses what the faulty one accepted.
    expect(out.stdout).toMatch(/transfer-ownership\/accept as \w+\n {2}<- 403 /);
    expect(out.stdout).toMatch(/^expected: XFER-3 \[D\]/m);
  });

  it('reports an [A] rule a target breaks as drift, and fails it under --strict', async () => {
    // A proxy whose 404 messages for real ids differ from those for never-existing ids: ERR-1 [A].
    const proxy: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== 'host' && k !== 'connection')) as Record<string, string>;
        void fetch(url + req.url, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined }).then(async (up) => {
          let text = await up.text();
          if (up.status === 404 && !req.url!.includes('900000000000000')) text = JSON.stringify({ error: { code: 404, status: 'NOT_FOUND', message: 'no such thing' } });
          res.writeHead(up.status, { 'content-type': up.headers.get('content-type') ?? 'application/json' }).end(text);
        });
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const target = { config: fixtureTargetConfig(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`) };
    try {
      const lax = await runProperties({ target, runs: 40, seed: 6, runId: 'drift' });
      expect(lax.outcome, lax.failure?.message).toBe('pass');
      expect(lax.drifts.map((d) => d.rule)).toContain('ERR-1');
      const strict = await runProperties({ target, runs: 40, seed: 6, runId: 'drift', strict: true });
      expect(strict.outcome).toBe('fail');
      expect(strict.failure).toMatchObject({ rule: 'ERR-1', tag: 'A' });
    } finally {
      proxy.close();
    }
  });

  it('runs the benchmark hook over loopback HTTP', async () => {
    const r = await runCommands({ target: url, count: 200 });
    expect(r.commands).toBeGreaterThanOrEqual(200);
    expect(r.ms).toBeGreaterThan(0);
  });
});
