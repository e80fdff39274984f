/**
 * `--workers N`: an in-process run split over worker threads, each its own mock core and its own shard of
 * the run (`--shard i/N` of the same seed), joined as `properties:merge` joins shards. The union of the
 * shards is the unsharded run's blocks, so the same sequences run, on as many cores as there are workers.
 */
import { Worker } from 'node:worker_threads';
import { redactTokens } from '../contracts/client.js';
import { mergeResults, type Shard } from './merge.js';
import { BLOCK_RUNS, drawSeed, type Progress, type PropertyOptions, type PropertyResult } from './runner.js';

/** What a worker runs: the options that cross a thread (no target, signal, callbacks or contract). */
export type WorkerRunOptions = Omit<PropertyOptions, 'target' | 'signal' | 'onProgress' | 'contract' | 'shard' | 'path' | 'diff'>;

/** Messages between the pool and its workers. */
export type ToWorker = { type: 'run'; options: PropertyOptions } | { type: 'abort' };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; progress: Progress }
  | { type: 'result'; result: Omit<PropertyResult, 'redact'> }
  | { type: 'error'; message: string };

/** The worker's module: its source next to this file under tsx or vitest, its build in dist/. */
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(FROM_SOURCE ? './worker-thread.ts' : './worker-thread.js', import.meta.url);
/**
 * A young generation of 192 MB (V8's semi-spaces of 64 MB; its default on a 64-bit host is 16): a command allocates
 * ~30 KB that dies young, so at the default a worker stops to scavenge every ~35 ms and promotes what a larger space
 * would let die. Measured (2026-12-07, 2 workers, 40,000-command rounds after the warm-up, 3 runs each side by side):
 * 26,948-30,328 commands/s at the default, 30,089-34,807 with this. The space grows to that size as a run allocates.
 */
export const WORKER_LIMITS = { maxYoungGenerationSizeMb: 192 } as const;

/**
 * From source (tsx, vitest), the worker loads TypeScript through tsx's API (a devDependency, as the sources are):
 * on Node 20 a worker does not inherit its parent's module hooks.
 */
const startWorker = (): Worker => FROM_SOURCE
  ? new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(WORKER_URL.href)}, ${JSON.stringify(import.meta.url)}))`, { eval: true, resourceLimits: WORKER_LIMITS })
  : new Worker(WORKER_URL, { resourceLimits: WORKER_LIMITS });

/** One worker thread: started once (it compiles openapi.json), then runs one shard per `run`. */
class PropertyWorker {
  private readonly worker: Worker;
  private readonly ready: Promise<void>;
  private pending: { resolve: (r: Omit<PropertyResult, 'redact'>) => void; reject: (e: Error) => void; onProgress?: (p: Progress) => void } | undefined;
  private failed: Error | undefined;

  constructor() {
    this.worker = startWorker();
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('message', (m: FromWorker) => (m.type === 'ready' ? resolve() : reject(new Error(`a property worker did not start: ${JSON.stringify(m)}`))));
      this.worker.once('error', reject);
    });
    // Awaited by run(); a pool closed before its first run has no one to tell.
    this.ready.catch(() => undefined);
    this.worker.on('message', (m: FromWorker) => this.receive(m));
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => this.fail(new Error(`a property worker exited (code ${code})`)));
    // A worker waiting for its next run keeps no process alive (while it starts, it does).
    this.ready.then(() => this.pending ?? this.worker.unref(), () => undefined);
  }

  private receive(m: FromWorker): void {
    const p = this.pending;
    if (!p) return;
    if (m.type === 'progress') p.onProgress?.(m.progress);
    else if (m.type === 'result') {
      this.pending = undefined;
      p.resolve(m.result);
    } else if (m.type === 'error') {
      this.pending = undefined;
      p.reject(new Error(m.message));
    }
  }

  private fail(e: Error): void {
    this.failed ??= e;
    const p = this.pending;
    this.pending = undefined;
    p?.reject(e);
  }

  /** Runs one shard; an abort of `signal` reaches the worker after the run it sent (messages keep their order). */
  async run(options: PropertyOptions, onProgress?: (p: Progress) => void, signal?: AbortSignal): Promise<Omit<PropertyResult, 'redact'>> {
    await this.ready;
    if (this.failed) throw this.failed;
    if (this.pending) throw new Error('a property worker runs one shard at a time');
    const abort = (): void => this.worker.postMessage({ type: 'abort' } satisfies ToWorker);
    this.worker.ref();
    try {
      return await new Promise((resolve, reject) => {
        this.pending = { resolve, reject, onProgress };
        this.worker.postMessage({ type: 'run', options } satisfies ToWorker);
        if (signal?.aborted) abort();
        signal?.addEventListener('abort', abort);
      });
    } finally {
      signal?.removeEventListener('abort', abort);
      this.worker.unref();
    }
  }

  async close(): Promise<void> {
    this.failed ??= new Error('the property workers were closed');
    await this.worker.terminate();
  }
}

/** Settings of a run over workers: what crosses to the threads, and the signal and progress that stay here. */
export type PoolRunOptions = WorkerRunOptions & Pick<PropertyOptions, 'signal' | 'onProgress'>;

/** A pool of N property workers: `run` splits one run into N shards and joins their results. */
export class PropertyWorkers {
  private readonly workers: PropertyWorker[];

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`workers must be a positive integer, got ${size}`);
    this.workers = Array.from({ length: size }, () => new PropertyWorker());
  }

  /**
   * Runs `options` as `size` shards of one seed (drawn when absent, as the runner draws it), in-process on
   * every worker's own core; the result is the shards' merge: counts summed, coverage joined, the earliest
   * block's failure (replayable with `--seed <failedSeed> --path <path>` alone).
   */
  async run(options: PoolRunOptions): Promise<PropertyResult> {
    const start = performance.now();
    const { signal, onProgress, ...rest } = options;
    const seed = rest.seed ?? drawSeed();
    const runs = rest.runs ?? 100;
    // No more shards than blocks: a shard without a block would only start a core.
    const count = Math.max(1, Math.min(this.size, Math.ceil(runs / BLOCK_RUNS)));
    const split = (n: number | undefined): number | undefined => (n === undefined || !Number.isFinite(n) ? n : Math.max(1, Math.floor(n / count)));
    const progress = Array.from({ length: count }, (): Progress => ({ run: 0, runs, shrinking: false, requests: 0, commands: 0 }));
    const report = (i: number, p: Progress): void => {
      progress[i] = p;
      onProgress?.({ run: sum(progress, 'run'), runs, shrinking: progress.some((q) => q.shrinking), requests: sum(progress, 'requests'), commands: sum(progress, 'commands') });
    };
    const shards = await Promise.all(this.workers.slice(0, count).map((w, i) => w.run({
      ...rest, seed, runs, shard: { index: i + 1, count },
      // A budget or a command limit is the whole run's: each shard takes its part.
      maxRequests: split(rest.maxRequests), commandLimit: split(rest.commandLimit),
      runId: `${rest.runId ?? 'run'}w${i + 1}`,
    }, (p) => report(i, p), signal)));
    return joined(shards, performance.now() - start);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}

function sum(list: Progress[], key: 'run' | 'requests' | 'commands'): number {
  return list.reduce((n, p) => n + p[key], 0);
}

/** The shards as one result: the whole run's, not a shard's (merge.ts), with the wall time of the pool. */
function joined(shards: Array<Omit<PropertyResult, 'redact'>>, ms: number): PropertyResult {
  const principals = shards[0]!.principals;
  const { shards: _parts, ...merged } = mergeResults(shards as Shard[]);
  const result: PropertyResult = { ...merged, ms, principals, redact: (t) => redactTokens(principals, t) };
  // A shard that stopped stopped the run: an interruption first, then the worst shard's reason, then any.
  const stopped = shards.find((s) => s.stopped === 'interrupted')?.stopped ?? merged.stopped ?? shards.find((s) => s.stopped)?.stopped;
  if (stopped) result.stopped = stopped;
  else delete result.stopped;
  return result;
}

/** Runs one run over `workers` threads and closes them (the CLI's `--workers N`). */
export async function runPropertiesInWorkers(workers: number, options: PoolRunOptions): Promise<PropertyResult> {
  const pool = new PropertyWorkers(workers);
  try {
    return await pool.run(options);
  } finally {
    await pool.close();
  }
}
