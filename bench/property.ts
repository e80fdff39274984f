import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { type BenchServer, ROOT, freePort, mockSpec, startServer, stopServer } from './servers.js';

/** Where the property suite's bench hook is expected once src/properties is built. */
export const BENCH_HOOK = `${ROOT}dist/properties/bench-hook.js`;

/** The contract the property suite's bench hook must meet. */
export interface BenchHook {
  runCommands(options: { target: 'in-process' | string; count: number }): Promise<{ commands: number; ms: number }>;
}

/** Property-suite throughput on one target. */
export interface PropertyRate {
  target: 'in-process' | 'http';
  commands: number;
  ms: number;
  perSecond: number;
}

/** Settings of the property-throughput run. */
export interface PropertyOptions {
  inProcessCount: number;
  httpCount: number;
}

/** Loads the hook, or explains why it cannot be used. */
async function loadHook(): Promise<BenchHook | string> {
  if (!existsSync(BENCH_HOOK)) return 'src/properties not built yet';
  const mod = (await import(pathToFileURL(BENCH_HOOK).href)) as Partial<BenchHook>;
  if (typeof mod.runCommands !== 'function') return 'dist/properties/bench-hook.js does not export runCommands';
  return mod as BenchHook;
}

function rate(target: PropertyRate['target'], out: { commands: number; ms: number }): PropertyRate {
  return { target, commands: out.commands, ms: out.ms, perSecond: out.commands / (out.ms / 1000) };
}

/**
 * Scenario 4: commands/s of the property suite in-process and against a mock child over loopback
 * HTTP; answers the reason as a string when the hook is not there yet.
 */
export async function runPropertyThroughput(options: PropertyOptions, log: (line: string) => void): Promise<PropertyRate[] | string> {
  const hook = await loadHook();
  if (typeof hook === 'string') return hook;
  // Warm up first, as every other scenario does: the rate is the steady state, not the JIT's first pass.
  await hook.runCommands({ target: 'in-process', count: Math.ceil(options.inProcessCount / 4) });
  const rates = [rate('in-process', await hook.runCommands({ target: 'in-process', count: options.inProcessCount }))];
  log(`  in-process: ${rates[0]!.commands} commands in ${rates[0]!.ms.toFixed(0)} ms`);
  let server: BenchServer | undefined;
  try {
    server = await startServer(mockSpec(await freePort()));
    await hook.runCommands({ target: server.url, count: Math.ceil(options.httpCount / 4) });
    rates.push(rate('http', await hook.runCommands({ target: server.url, count: options.httpCount })));
    log(`  http: ${rates[1]!.commands} commands in ${rates[1]!.ms.toFixed(0)} ms`);
  } finally {
    if (server) await stopServer(server);
  }
  return rates;
}
