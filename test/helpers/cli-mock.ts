/** Starts the built `modus-mock` CLI (dist/) as its own process on a free port, for tests that need a real start. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './run-process.js';

/** The built mock CLI. */
export const MOCK_CLI = join(ROOT, 'dist/cli/mock.js');

/** A mock process the test started. */
export interface CliMock {
  url: string;
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Builds dist/ when a source is newer than the last build (the same check `npm start` makes). */
export function ensureDist(): void {
  try {
    execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--if-stale'], { cwd: ROOT, stdio: 'pipe' });
  } catch (e) {
    // tsc still emits on type errors elsewhere in src/; only a missing CLI is fatal.
    if (!existsSync(MOCK_CLI)) throw e;
  }
}

/** Spawns `node dist/cli/mock.js --port 0 ...args` and waits for its "listening on" line. */
export async function startCliMock(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliMock> {
  const child = spawn(process.execPath, [MOCK_CLI, '--port', '0', ...args], { cwd: ROOT, env: { ...process.env, PORT: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 20_000;
  for (;;) {
    const match = /listening on (http:\/\/\S+)/.exec(out + err);
    if (match) {
      const stop = async (): Promise<number | null> => {
        if (child.exitCode === null) child.kill('SIGTERM');
        return exited;
      };
      return { url: match[1]!, child, stdout: () => out, stderr: () => err, stop };
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`modus-mock did not start (exit ${child.exitCode}):\n${out}\n${err}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}
