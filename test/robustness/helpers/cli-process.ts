import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli/mock.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function isStale(): boolean {
  let built = 0;
  try {
    built = statSync(CLI).mtimeMs;
  } catch {
    built = 0;
  }
  return built < Math.max(newestMtime(join(ROOT, 'src/mock')), newestMtime(join(ROOT, 'src/cli')));
}

const LOCK = join(tmpdir(), `modus-contract-build-${createHash('sha1').update(ROOT).digest('hex').slice(0, 8)}.lock`);

/** Takes the build lock (test files run in parallel; two tsc runs writing dist/ at once could tear cli.js). */
function lockBuild(): void {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch {
      const held = statSync(LOCK, { throwIfNoEntry: false });
      if (Date.now() > deadline || (held && Date.now() - held.mtimeMs > 120_000)) rmSync(LOCK, { recursive: true, force: true }); // stale
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}

/** Rebuilds dist/ when any source under src/mock or src/cli is newer than dist/cli/mock.js (CI builds in `npm ci`). */
export function ensureBuilt(): void {
  if (!isStale()) return;
  lockBuild();
  try {
    if (!isStale()) return; // another test file built it while we waited
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    // tsc still emits on type errors elsewhere in src/; the spawned CLI tells us if the emit is unusable.
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** A spawned `modus-mock` process. */
export interface CliProcess {
  child: ChildProcess;
  /** Resolves with the exit code (or the signal name) when the process ends. */
  exited: Promise<number | string>;
  stdout(): string;
  stderr(): string;
}

/** Spawns `node dist/cli/mock.js ...args`. */
export function spawnCli(args: readonly string[]): CliProcess {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return { child, exited, stdout: () => out, stderr: () => err };
}

/** Spawns the CLI on port 0 and resolves with the URL it prints; rejects if it exits first. */
export async function startCli(args: readonly string[]): Promise<CliProcess & { url: string }> {
  const proc = spawnCli(['--port', '0', '--quiet', ...args]);
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (): void => {
      const m = /listening on (http:\/\/\S+)/.exec(proc.stdout());
      if (m) {
        proc.child.stdout!.off('data', onData);
        resolve(m[1]!);
      }
    };
    proc.child.stdout!.on('data', onData);
    void proc.exited.then((code) => reject(new Error(`modus-mock exited (${code}) before listening: ${proc.stderr()}`)));
  });
  return { ...proc, url };
}
