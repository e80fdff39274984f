import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CannedFile } from './canned-server.js';
import { type LoadOptions, type LoadRequest, type LoadResult, foldRounds, runLoad } from './load.js';
import { type BenchServer, cannedSpec, freePort, jsonServerSpec, mockSpec, prismSpec, readCpuMs, startAll, startServer, stopServer } from './servers.js';

/** The bearer header of the fixture owner of skill 2. */
export const ALICE = { authorization: 'Bearer tok_alice_owner' } as const;

/** An endpoint measured against every server. */
export interface Endpoint {
  label: string;
  request: LoadRequest;
  /** The same read on json-server's own routes; json-server is left out of endpoints without one. */
  peerPath?: string;
}

/** Scenario 1's endpoints; skill 2 ("Warehouse Facts Reader") is owned by tok_alice_owner. */
export const ENDPOINTS: readonly Endpoint[] = [
  { label: 'GET skill by id', request: { method: 'GET', path: '/api/v1/skills/2', headers: ALICE }, peerPath: '/skills/2' },
  { label: 'list page (pageSize=50)', request: { method: 'GET', path: '/api/v1/skills?pageSize=50', headers: ALICE }, peerPath: '/skills?_page=1&_per_page=50' },
  {
    label: 'PATCH description',
    request: { method: 'PATCH', path: '/api/v1/skills/2', headers: ALICE, body: JSON.stringify({ description: 'Reads warehouse facts (bench).' }) },
  },
  { label: 'deploy', request: { method: 'POST', path: '/api/v1/skills/2/deploy', headers: ALICE, body: '{}' } },
];

/** One server's folded figures for one endpoint. */
export interface CompareRow {
  server: string;
  result: LoadResult;
}

/** Scenario 1's outcome: per endpoint, the mock first and then each baseline. */
export interface CompareResult {
  endpoint: string;
  /** Size of the canned body in bytes (what every server sends back). */
  bodyBytes: number;
  rows: CompareRow[];
}

/** Settings of a comparison run. */
export interface CompareOptions extends LoadOptions {
  rounds: number;
  warmupSeconds: number;
}

/** Asks the running mock once per endpoint and keeps status + exact body text as the canned answer. */
async function captureCanned(mockUrl: string): Promise<CannedFile> {
  const canned: CannedFile = {};
  for (const { request } of ENDPOINTS) {
    const headers: Record<string, string> = { ...request.headers };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(mockUrl + request.path, { method: request.method, headers, body: request.body ?? null });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`mock answered ${res.status} to ${request.method} ${request.path}: ${body}`);
    canned[`${request.method} ${request.path}`] = { status: res.status, body };
  }
  return canned;
}

/**
 * json-server's db: the very records the mock answered (the list page's rows, skill 2 in full as GET by
 * id shows it), so both serve the same kind and count of skill-shaped records.
 */
function jsonServerDb(canned: CannedFile): string {
  const byId = JSON.parse(canned['GET /api/v1/skills/2']!.body) as { id: number };
  const page = JSON.parse(canned['GET /api/v1/skills?pageSize=50']!.body) as { skills: { id: number }[] };
  return JSON.stringify({ skills: page.skills.map((row) => (row.id === byId.id ? byId : row)) });
}

/** What `server` is asked for `endpoint`: json-server on its own routes (or nothing), the others the mock's request. */
function requestFor(server: BenchServer, endpoint: Endpoint): LoadRequest | undefined {
  if (server.name !== 'json-server') return endpoint.request;
  return endpoint.peerPath === undefined ? undefined : { method: 'GET', path: endpoint.peerPath };
}

/**
 * Scenario 1: our mock vs raw node:http canned JSON (the limit) vs express canned JSON (our stack's
 * floor) vs Prism's static mock vs json-server 1.0 (the peer, on its own routes), in interleaved rounds
 * so drift hits every server alike.
 */
export async function runCompare(options: CompareOptions, log: (line: string) => void): Promise<CompareResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'modus-bench-'));
  const servers: BenchServer[] = [];
  try {
    const mock = await startServer(mockSpec(await freePort()));
    servers.push(mock);
    const canned = await captureCanned(mock.url);
    const cannedPath = join(dir, 'canned.json');
    writeFileSync(cannedPath, JSON.stringify(canned));
    const dbPath = join(dir, 'db.json');
    writeFileSync(dbPath, jsonServerDb(canned));
    const specs = [
      cannedSpec('raw', await freePort(), cannedPath), cannedSpec('express', await freePort(), cannedPath),
      prismSpec(await freePort()), jsonServerSpec(await freePort(), dbPath),
    ];
    servers.push(...(await startAll(specs)));
    const rounds = new Map<string, LoadResult[]>();
    for (let round = 1; round <= options.rounds; round++) {
      for (const endpoint of ENDPOINTS) {
        for (const server of servers) {
          const request = requestFor(server, endpoint);
          if (!request) continue;
          if (round === 1 && options.warmupSeconds > 0) {
            await runLoad(server.url, request, { ...options, seconds: options.warmupSeconds });
          }
          const result = await runLoad(server.url, request, options, () => readCpuMs(server.pid));
          const key = `${endpoint.label}\u0000${server.name}`;
          rounds.set(key, [...(rounds.get(key) ?? []), result]);
          log(`  round ${round} ${endpoint.label.padEnd(24)} ${server.name.padEnd(17)} ${result.rps.toFixed(0).padStart(7)} req/s  p50 ${result.p50.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms  cpu ${result.cpuUs.toFixed(0)} µs/req${result.non2xx + result.errors > 0 ? `  (${result.non2xx} non-2xx, ${result.errors} errors)` : ''}`);
        }
      }
    }
    return ENDPOINTS.map((endpoint) => ({
      endpoint: endpoint.label,
      bodyBytes: Buffer.byteLength(canned[`${endpoint.request.method} ${endpoint.request.path}`]!.body),
      rows: servers.flatMap((s) => {
        const measured = rounds.get(`${endpoint.label}\u0000${s.name}`);
        return measured ? [{ server: s.name, result: foldRounds(measured) }] : [];
      }),
    }));
  } finally {
    await Promise.all(servers.map(stopServer));
    rmSync(dir, { recursive: true, force: true });
  }
}
