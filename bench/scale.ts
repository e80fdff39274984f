import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALICE } from './compare.js';
import { type LoadOptions, type LoadRequest, type LoadResult, foldRounds, runLoad } from './load.js';
import { type BenchServer, freePort, mockSpec, readCpuMs, readRssMb, startServer, stopServer } from './servers.js';

type Row = Record<string, unknown> & { id: number; slug: string; variations: Record<string, unknown> };

/** The shape of GET /__mock/state (only what the generator touches). */
interface StateShape {
  version: 1;
  nextId: { skill: number; agent: number };
  skills: Row[];
  agents: Row[];
}

/** One seeded size's figures. */
export interface ScaleResult {
  skills: number;
  seedMs: number;
  rssAfterSeedMb: number;
  rssAfterLoadMb: number;
  /** The largest size only: RSS after the sustained list-page load (ScaleOptions.soakSeconds), and its figures. */
  soak?: { seconds: number; pages: number; rssMb: number; result: LoadResult };
  firstPage: LoadResult;
  deepPage: LoadResult;
  getById: LoadResult;
}

/** Settings of the scale run. */
export interface ScaleOptions extends LoadOptions {
  sizes: readonly number[];
  /** Seconds of list-page load on the largest size before its RSS is read again (issue 14: 60). */
  soakSeconds: number;
  rounds: number;
  warmupSeconds: number;
}

/** Renames a record's variations to fresh uuids, keeping its active/draft pointers consistent. */
function cloneRow(template: Row, id: number): Row {
  const rename = new Map<string, string>();
  const variations: Record<string, unknown> = {};
  for (const [old, content] of Object.entries(template.variations)) {
    const fresh = randomUUID();
    rename.set(old, fresh);
    variations[fresh] = content; // shared by reference here; JSON.stringify writes a copy per row
  }
  const pointer = (v: unknown): string | null => (typeof v === 'string' ? rename.get(v)! : null);
  const base = template.slug.replace(/-[0-9a-z]+$/, '');
  return {
    ...template,
    id,
    slug: `${base}-${id.toString(36).padStart(3, '0')}`,
    variations,
    activeVariationId: pointer(template['activeVariationId']),
    draftVariationId: pointer(template['draftVariationId']),
    ...(template['kind'] === 'skill' ? { managerId: null } : {}),
  };
}

/**
 * A state file with `count` skills cycled from the seed's skills (all orgs, owners, statuses), in the
 * one-record-per-line layout the mock itself writes with --state-file (valid JSON either way).
 */
export function generateState(seed: StateShape, count: number): string {
  const skills: string[] = [];
  for (let i = 0; i < count; i++) skills.push(JSON.stringify(cloneRow(seed.skills[i % seed.skills.length]!, i + 1)));
  const nextId = JSON.stringify({ skill: count + 1, agent: seed.nextId.agent });
  const agents = seed.agents.map((a) => JSON.stringify(a));
  return [`{"version":1,"nextId":${nextId},"skills":[`, skills.join(',\n'), '],"agents":[', agents.join(',\n'), ']}', ''].join('\n');
}

/** An id near the middle whose template is seed skill 2, which the fixture owner can read. */
function middleReadableId(count: number, templates: number): number {
  const mid = Math.floor(count / 2);
  return mid - (mid % templates) + 2;
}

/** Pages through the list (pageSize 50) until the cursor passes the middle; returns that page token. */
async function deepToken(url: string, count: number): Promise<string> {
  let token = '';
  for (;;) {
    const res = await fetch(`${url}/api/v1/skills?pageSize=50${token ? `&pageToken=${token}` : ''}`, { headers: ALICE });
    const body = (await res.json()) as { skills: { id: number }[]; nextPageToken?: string };
    if (res.status !== 200 || !body.nextPageToken) throw new Error(`paging stopped early (${res.status})`);
    token = body.nextPageToken;
    if (body.skills[body.skills.length - 1]!.id >= count / 2) return token;
  }
}

/** The first `pages` list pages as a client paging through would ask them (each a token the mock issued). */
async function pagePaths(url: string, pages: number): Promise<string[]> {
  const paths = ['/api/v1/skills?pageSize=50'];
  while (paths.length < pages) {
    const res = await fetch(url + paths[paths.length - 1]!, { headers: ALICE });
    const body = (await res.json()) as { nextPageToken?: string };
    if (res.status !== 200 || !body.nextPageToken) break;
    paths.push(`/api/v1/skills?pageSize=50&pageToken=${body.nextPageToken}`);
  }
  return paths;
}

/** Issue 14's memory check: `seconds` of clients walking the first 100 list pages, then the server's RSS. */
async function soakListPages(server: BenchServer, options: ScaleOptions, log: (line: string) => void): Promise<NonNullable<ScaleResult['soak']>> {
  const [first, ...rest] = await pagePaths(server.url, 100);
  const request: LoadRequest = { method: 'GET', path: first!, headers: ALICE, thenPaths: rest };
  const result = await runLoad(server.url, request, { ...options, seconds: options.soakSeconds }, () => readCpuMs(server.pid));
  const rssMb = readRssMb(server.pid);
  log(`  soak ${server.name}: ${options.soakSeconds} s over ${rest.length + 1} pages, ${result.rps.toFixed(0)} req/s, cpu ${result.cpuUs.toFixed(0)} µs/req, RSS ${rssMb.toFixed(0)} MB`);
  return { seconds: options.soakSeconds, pages: rest.length + 1, rssMb, result };
}

/** Fetches the fixture state from a throwaway mock (the template rows of every generated state). */
async function fixtureState(): Promise<StateShape> {
  const server = await startServer(mockSpec(await freePort()));
  try {
    return (await (await fetch(`${server.url}/__mock/state`)).json()) as StateShape;
  } finally {
    await stopServer(server);
  }
}

/** Writes a `count`-skill state file and starts the CLI on it; answers the server and ms to ready. */
async function startSeeded(dir: string, seed: StateShape, count: number): Promise<{ server: BenchServer; seedMs: number }> {
  const file = join(dir, `state-${count}.json`);
  writeFileSync(file, generateState(seed, count));
  const started = performance.now();
  const server = await startServer(mockSpec(await freePort(), `mock ${count}`, ['--state-file', file]), 180_000);
  return { server, seedMs: performance.now() - started };
}

/**
 * Scenario 2: one mock per size, started on a generated `--state-file` (PUT /__mock/state caps the
 * body at 64 MiB, under a 100k export), then first page, a page in the middle (via an issued
 * pageToken) and GET by id, in interleaved rounds; RSS read from /proc.
 */
export async function runScale(options: ScaleOptions, log: (line: string) => void): Promise<ScaleResult[]> {
  const servers: BenchServer[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'modus-bench-scale-'));
  try {
    const seed = await fixtureState();
    const seeded: { seedMs: number; rssAfterSeedMb: number }[] = [];
    for (const count of options.sizes) {
      const { server, seedMs } = await startSeeded(dir, seed, count);
      servers.push(server);
      seeded.push({ seedMs, rssAfterSeedMb: readRssMb(server.pid) });
      log(`  ${count} skills: spawn to ready ${seedMs.toFixed(0)} ms, RSS ${seeded[seeded.length - 1]!.rssAfterSeedMb.toFixed(0)} MB`);
    }
    const kinds = ['firstPage', 'deepPage', 'getById'] as const;
    const rounds = servers.map(() => ({ firstPage: [] as LoadResult[], deepPage: [] as LoadResult[], getById: [] as LoadResult[] }));
    for (let round = 1; round <= options.rounds; round++) {
      for (const kind of kinds) {
        for (const [i, server] of servers.entries()) {
          const count = options.sizes[i]!;
          let path = '/api/v1/skills?pageSize=50';
          // Re-issued each round: the store keeps only the newest 50,000 page tokens.
          if (kind === 'deepPage') path += `&pageToken=${await deepToken(server.url, count)}`;
          if (kind === 'getById') path = `/api/v1/skills/${middleReadableId(count, seed.skills.length)}`;
          const request: LoadRequest = { method: 'GET', path, headers: ALICE };
          if (round === 1 && options.warmupSeconds > 0) await runLoad(server.url, request, { ...options, seconds: options.warmupSeconds });
          const result = await runLoad(server.url, request, options, () => readCpuMs(server.pid));
          rounds[i]![kind].push(result);
          log(`  round ${round} ${kind.padEnd(9)} ${String(count).padStart(6)} skills ${result.rps.toFixed(0).padStart(7)} req/s  p50 ${result.p50.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms  cpu ${result.cpuUs.toFixed(0)} µs/req${result.non2xx + result.errors > 0 ? `  (${result.non2xx} non-2xx, ${result.errors} errors)` : ''}`);
        }
      }
    }
    const rssAfterLoad = servers.map((server) => readRssMb(server.pid));
    const soak = await soakListPages(servers[servers.length - 1]!, options, log);
    return servers.map((server, i) => ({
      skills: options.sizes[i]!,
      ...seeded[i]!,
      rssAfterLoadMb: rssAfterLoad[i]!,
      ...(i === servers.length - 1 ? { soak } : {}),
      firstPage: foldRounds(rounds[i]!.firstPage),
      deepPage: foldRounds(rounds[i]!.deepPage),
      getById: foldRounds(rounds[i]!.getById),
    }));
  } finally {
    await Promise.all(servers.map(stopServer));
    rmSync(dir, { recursive: true, force: true });
  }
}
