import { availableParallelism } from 'node:os';
import { runCommands, runCommandsInWorkers } from './property-hook.js';
import { type BenchServer, freePort, mockSpec, startServer, stopServer } from './servers.js';

/** Property-suite throughput on one target. */
export interface PropertyRate {
  target: 'in-process' | 'in-process workers' | 'http';
  /** Worker threads (in-process workers only). */
  workers?: number;
  commands: number;
  ms: number;
  perSecond: number;
}

/** Settings of the property-throughput run. */
export interface PropertyOptions {
  inProcessCount: number;
  httpCount: number;
}

function rate(target: PropertyRate['target'], out: { commands: number; ms: number }, workers?: number): PropertyRate {
  return { target, commands: out.commands, ms: out.ms, perSecond: out.commands / (out.ms / 1000), ...(workers ? { workers } : {}) };
}

/**
 * Scenario 4: commands/s of the property suite in-process (one thread, and `--workers` one a core) and against a mock child over loopback
 * HTTP (the suite runs from source, as the bench does: bench/property-hook.ts).
 */
export async function runPropertyThroughput(options: PropertyOptions, log: (line: string) => void): Promise<PropertyRate[]> {
  // Warm up first, as every other scenario does: the rate is the steady state, not the JIT's first pass.
  await runCommands({ target: 'in-process', count: Math.ceil(options.inProcessCount / 4) });
  const rates = [rate('in-process', await runCommands({ target: 'in-process', count: options.inProcessCount }))];
  log(`  in-process: ${rates[0]!.commands} commands in ${rates[0]!.ms.toFixed(0)} ms`);
  // `--workers N` with one worker a core: the same run's shards side by side.
  const workers = Math.max(2, availableParallelism());
  const pooled = rate('in-process workers', await runCommandsInWorkers({ workers, count: options.inProcessCount * workers }), workers);
  rates.push(pooled);
  log(`  in-process, ${workers} workers: ${pooled.commands} commands in ${pooled.ms.toFixed(0)} ms`);
  let server: BenchServer | undefined;
  try {
    server = await startServer(mockSpec(await freePort()));
    await runCommands({ target: server.url, count: Math.ceil(options.httpCount / 4) });
    rates.push(rate('http', await runCommands({ target: server.url, count: options.httpCount })));
    log(`  http: ${rates.at(-1)!.commands} commands in ${rates.at(-1)!.ms.toFixed(0)} ms`);
  } finally {
    if (server) await stopServer(server);
  }
  return rates;
}
