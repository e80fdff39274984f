/** The benchmark's entry: how many property commands per second the suite runs against a target. */
import { loadContract } from '../src/contracts/validation.js';
import { runProperties } from '../src/properties/runner.js';
import { fixtureTargetConfig } from '../src/properties/targets.js';
import { PropertyWorkers } from '../src/properties/workers.js';

/**
 * Independent suites run side by side over HTTP: each waits on the network most of the time, so a few in
 * parallel keep both the client and the server busy. They never touch each other's resources (each run
 * creates, checks and deletes its own; lists ignore rows a run did not create, as on a shared deployment).
 */
export const HTTP_WORKERS = 4;

let contract: ReturnType<typeof loadContract> | undefined;

/** Runs the property suite (fixed seeds) until `count` commands ran; in-process, or against a mock URL started with the bundled fixtures. */
export async function runCommands(options: { target: 'in-process' | string; count: number }): Promise<{ commands: number; ms: number }> {
  const remote = options.target !== 'in-process';
  const target = remote ? { config: fixtureTargetConfig(options.target) } : undefined;
  // Compiling openapi.json happens once per process, before the clock starts: the rate is the steady state.
  contract ??= loadContract();
  const start = performance.now();
  let commands = 0;
  let batch = 0;
  const workers = remote ? HTTP_WORKERS : 1;
  const worker = async (): Promise<void> => {
    while (commands < options.count) {
      const n = batch++;
      const result = await runProperties({ target, contract, runs: 200, seed: 0x5eed + n, runId: `bench${n}`, commandLimit: Math.ceil((options.count - commands) / workers) });
      if (result.outcome !== 'pass') throw new Error(`the property suite failed during the benchmark: ${result.failure?.message ?? result.outcome}`);
      commands += result.commands;
      if (result.commands === 0) return;
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return { commands, ms: performance.now() - start };
}

/**
 * The suite as `npm run properties -- --workers N` runs it in-process: one run of fixed seed split over N
 * worker threads (each its own core and contract), `count` commands a round. The pool runs `warmup` commands
 * before the clock starts, as the one-thread rate does: each worker's JIT and heap settle on its own thread.
 */
export async function runCommandsInWorkers(options: { workers: number; count: number; rounds?: number; warmup?: number }): Promise<Array<{ commands: number; ms: number }>> {
  const pool = new PropertyWorkers(options.workers);
  try {
    const run = async (seed: number, count: number) => {
      const result = await pool.run({ runs: 1_000_000, seed, runId: 'benchw', commandLimit: count });
      if (result.outcome !== 'pass') throw new Error(`the property suite failed during the benchmark: ${result.failure?.message ?? result.outcome}`);
      return result;
    };
    await run(0x5eed - 1, options.warmup ?? Math.ceil(options.count / 4));
    const rounds: Array<{ commands: number; ms: number }> = [];
    for (let i = 0; i < (options.rounds ?? 1); i++) {
      const result = await run(0x5eed, options.count);
      rounds.push({ commands: result.commands, ms: result.ms });
    }
    return rounds;
  } finally {
    await pool.close();
  }
}
