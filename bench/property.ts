import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommands, runCommandsInWorkers } from './property-hook.js';
import { type BenchServer, ROOT, freePort, mockSpec, startServer, stopServer } from './servers.js';

/** Property-suite throughput on one target. */
export interface PropertyRate {
  target: 'in-process' | 'in-process workers' | 'cli' | 'cli workers' | 'http';
  /** Worker threads (the workers rows only). */
  workers?: number;
  /** The median round's commands and ms (a cli row: the whole process, start to exit). */
  commands: number;
  ms: number;
  perSecond: number;
  /** commands/s of every round, in the order run. */
  rounds: number[];
}

/** Settings of the property-throughput run. */
export interface PropertyOptions {
  inProcessCount: number;
  httpCount: number;
  /** Rounds measured in-process; the table shows the median one. */
  rounds: number;
  /** `--runs` of the cli rows. */
  cliRuns: number;
}

/**
 * Commands run in-process before the clock starts. Measured here (2026-12-07, 10,000-command slices of one
 * process): the first slice runs at ~7k commands/s, the next two at 12-15k, flat from ~30,000 on: the JIT and
 * the heap settling. The 5,000 of before measured that climb, not the steady state its comment named.
 */
export const WARMUP_COMMANDS = 40_000;

function rate(target: PropertyRate['target'], rounds: ReadonlyArray<{ commands: number; ms: number }>, workers?: number): PropertyRate {
  const perSecond = (r: { commands: number; ms: number }): number => r.commands / (r.ms / 1000);
  const median = [...rounds].sort((a, b) => perSecond(a) - perSecond(b))[Math.floor(rounds.length / 2)]!;
  return { target, commands: median.commands, ms: median.ms, perSecond: perSecond(median), rounds: rounds.map(perSecond), ...(workers ? { workers } : {}) };
}

/** `npm run properties -- --runs N [--workers W]` as a person runs it: the built CLI, start to exit (its load, compile and warm-up included). */
function runCli(runs: number, workers: number | undefined): { commands: number; ms: number } {
  const dir = mkdtempSync(join(tmpdir(), 'modus-bench-'));
  try {
    const json = join(dir, 'result.json');
    // `npm run properties` gives node a 64 MB semi-space (package.json): the row runs the CLI the same way.
    const args = ['--max-semi-space-size=64', join(ROOT, 'dist/properties/cli.js'), '--runs', String(runs), '--seed', '7', '--json', json, ...(workers ? ['--workers', String(workers)] : [])];
    const start = performance.now();
    const out = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const ms = performance.now() - start;
    if (out.status !== 0) throw new Error(`the property CLI failed during the benchmark (exit ${out.status}): ${out.stderr.slice(-500)}`);
    return { commands: (JSON.parse(readFileSync(json, 'utf8')) as { commands: number }).commands, ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Scenario 4: commands/s of the property suite in-process (one thread, and `--workers` one a core) after a
 * warm-up, the CLI as a person runs it (start to exit), and against a mock child over loopback HTTP (the
 * in-process and HTTP rows run the suite from source, as the bench does: bench/property-hook.ts).
 */
export async function runPropertyThroughput(options: PropertyOptions, log: (line: string) => void): Promise<PropertyRate[]> {
  const show = (r: PropertyRate): string => `${r.commands} commands in ${r.ms.toFixed(0)} ms (rounds: ${r.rounds.map((x) => x.toFixed(0)).join(', ')} commands/s)`;
  await runCommands({ target: 'in-process', count: WARMUP_COMMANDS });
  const one: Array<{ commands: number; ms: number }> = [];
  for (let i = 0; i < options.rounds; i++) one.push(await runCommands({ target: 'in-process', count: options.inProcessCount }));
  const rates = [rate('in-process', one)];
  log(`  in-process: ${show(rates[0]!)}`);
  // `--workers N` with one worker a core: the same run's shards side by side.
  const workers = Math.max(2, availableParallelism());
  const pooled = rate('in-process workers', await runCommandsInWorkers({ workers, count: options.inProcessCount * workers, rounds: options.rounds, warmup: WARMUP_COMMANDS * workers }), workers);
  rates.push(pooled);
  log(`  in-process, ${workers} workers: ${show(pooled)}`);
  for (const w of [undefined, workers]) {
    const r = rate(w ? 'cli workers' : 'cli', [runCli(options.cliRuns, w)], w);
    rates.push(r);
    log(`  npm run properties -- --runs ${options.cliRuns}${w ? ` --workers ${w}` : ''}: ${show(r)}`);
  }
  let server: BenchServer | undefined;
  try {
    server = await startServer(mockSpec(await freePort()));
    await runCommands({ target: server.url, count: options.httpCount });
    rates.push(rate('http', [await runCommands({ target: server.url, count: options.httpCount })]));
    log(`  http: ${show(rates.at(-1)!)}`);
  } finally {
    if (server) await stopServer(server);
  }
  return rates;
}
