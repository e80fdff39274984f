import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The repository root (bench/..). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The built mock CLI that `npm run build` writes. */
export const MOCK_CLI = `${ROOT}dist/cli/mock.js`;
/** Prism's CLI entry (what node_modules/.bin/prism points at), run with node so the pid is the server. */
export const PRISM_CLI = `${ROOT}node_modules/@stoplight/prism-cli/dist/index.js`;
/** json-server 1.0's CLI (the devDependency), run with node so the pid is the server. */
export const JSON_SERVER_CLI = `${ROOT}node_modules/json-server/lib/bin.js`;
const CANNED_SERVER = `${ROOT}bench/canned-server.ts`;
const HOST = '127.0.0.1';

/** A server child process listening on loopback. */
export interface BenchServer {
  name: string;
  url: string;
  pid: number;
  child: ChildProcess;
}

/** How to start one server under test. */
export interface ServerSpec {
  name: string;
  command: string;
  args: string[];
  port: number;
}

const children = new Set<ChildProcess>();

/** Kills every child still running (synchronously, so it also works from an 'exit' handler). */
export function killAll(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
}

/** Makes sure no server outlives the bench: on normal exit, on Ctrl-C and on SIGTERM. */
export function installCleanup(): void {
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(130);
    });
  }
}

/** An ephemeral loopback port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, HOST, () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** One GET on a fresh connection; resolves to the status, or undefined when nothing answers. */
export function probe(url: string, headers: Record<string, string> = {}): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', headers, agent: false, timeout: 2000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', () => resolve(undefined));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

/** Spawns a child and registers it for cleanup; stderr is kept (tail) for error messages. */
export function spawnTracked(command: string, args: string[]): { child: ChildProcess; stderr: () => string } {
  const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-2000);
  });
  return { child, stderr: () => tail };
}

/** Starts a server and waits until its port answers HTTP (any status). */
export async function startServer(spec: ServerSpec, timeoutMs = 30_000): Promise<BenchServer> {
  const { child, stderr } = spawnTracked(spec.command, spec.args);
  const url = `http://${HOST}:${spec.port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${spec.name} exited with ${child.exitCode}: ${stderr()}`);
    if ((await probe(`${url}/`)) !== undefined) return { name: spec.name, url, pid: child.pid!, child };
    await new Promise((r) => setTimeout(r, 25));
  }
  child.kill('SIGKILL');
  throw new Error(`${spec.name} did not answer on ${url} within ${timeoutMs} ms: ${stderr()}`);
}

/** Stops a server: SIGTERM, then SIGKILL if it lingers. */
export async function stopServer(server: { child: ChildProcess }): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
  await exited;
  clearTimeout(timer);
}

/** The argv that runs our mock CLI on `port` (extra flags appended, e.g. `--state-file`). */
export function mockSpec(port: number, name = 'modus mock', extra: readonly string[] = []): ServerSpec {
  return { name, command: process.execPath, args: [MOCK_CLI, '--port', String(port), '--quiet', ...extra], port };
}

/** The argv that runs the Prism CLI in static mode on `port`. */
export function prismSpec(port: number): ServerSpec {
  const args = [PRISM_CLI, 'mock', `${ROOT}openapi.json`, '--port', String(port), '--host', HOST, '--errors', 'false', '-v', 'error'];
  return { name: 'prism mock', command: process.execPath, args, port };
}

/** The argv that runs json-server 1.0 on `dbFile` (its own routes: `/skills/:id`, `/skills?_page=&_per_page=`). */
export function jsonServerSpec(port: number, dbFile: string): ServerSpec {
  return { name: 'json-server', command: process.execPath, args: [JSON_SERVER_CLI, dbFile, '--port', String(port), '--host', HOST], port };
}

/** The argv that runs a canned-JSON server (raw node:http or express) answering from `cannedFile`. */
export function cannedSpec(kind: 'raw' | 'express', port: number, cannedFile: string): ServerSpec {
  const name = kind === 'raw' ? 'node:http canned' : 'express canned';
  return { name, command: process.execPath, args: ['--import', 'tsx', CANNED_SERVER, kind, String(port), cannedFile], port };
}

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux build Node runs on

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat. */
export function readCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the ")" closing the command name; utime and stime are fields 14 and 15 of the line.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** Resident set size of a process in MB (VmRSS of /proc/<pid>/status). */
export function readRssMb(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(match[1]) / 1024;
}

/** Starts several servers at once; if any fails, the others are stopped before the error is thrown. */
export async function startAll(specs: readonly ServerSpec[]): Promise<BenchServer[]> {
  const settled = await Promise.allSettled(specs.map((spec) => startServer(spec)));
  const started = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await Promise.all(started.map(stopServer));
    throw failed.reason;
  }
  return started;
}
