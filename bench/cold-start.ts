import { ALICE } from './compare.js';
import { median } from './load.js';
import { type ServerSpec, freePort, mockSpec, prismSpec, probe, spawnTracked, stopServer } from './servers.js';

/** Cold-start times of one server kind, in ms from spawn to the first 200. */
export interface ColdStartResult {
  server: string;
  runs: number[];
  medianMs: number;
}

/** A bare node:http server: the floor any Node server's cold start sits on. */
function nodeFloorSpec(port: number): ServerSpec {
  const script = `require('node:http').createServer((q, s) => s.end('{}')).listen(${port}, '127.0.0.1')`;
  return { name: 'node:http hello (floor)', command: process.execPath, args: ['-e', script], port };
}

/** Spawns `spec` and polls GET /api/v1/skills (with a bearer token) until it answers 200. */
export async function timeColdStart(spec: ServerSpec, timeoutMs = 30_000): Promise<number> {
  const url = `http://127.0.0.1:${spec.port}/api/v1/skills`;
  const started = performance.now();
  const { child, stderr } = spawnTracked(spec.command, spec.args);
  try {
    for (;;) {
      const status = await probe(url, ALICE);
      if (status === 200) return performance.now() - started;
      if (child.exitCode !== null) throw new Error(`${spec.name} exited with ${child.exitCode}: ${stderr()}`);
      if (performance.now() - started > timeoutMs) throw new Error(`${spec.name}: no 200 within ${timeoutMs} ms (last ${status})`);
      if (status === undefined) await new Promise((r) => setTimeout(r, 2)); // not listening yet
      else throw new Error(`${spec.name} answered ${status}, not 200`);
    }
  } finally {
    await stopServer({ child });
  }
}

/**
 * Scenario 3: median cold start of our mock, Prism and a bare node:http server, `runs` each,
 * interleaved (mock, prism, floor, mock, ...) so background noise spreads evenly.
 */
export async function runColdStart(runs: number, log: (line: string) => void): Promise<ColdStartResult[]> {
  const kinds = [mockSpec, prismSpec, nodeFloorSpec];
  const times = kinds.map(() => [] as number[]);
  const names = kinds.map((make) => make(0).name);
  for (let run = 1; run <= runs; run++) {
    for (const [i, make] of kinds.entries()) {
      const ms = await timeColdStart(make(await freePort()));
      times[i]!.push(ms);
      log(`  start ${run} ${names[i]!.padEnd(24)} ${ms.toFixed(0)} ms`);
    }
  }
  return names.map((server, i) => ({ server, runs: times[i]!, medianMs: median(times[i]!) }));
}
