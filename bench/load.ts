import autocannon from 'autocannon';

/** One request shape to fire repeatedly. */
export interface LoadRequest {
  method: 'GET' | 'PATCH' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** More paths asked in turn after `path` on every connection (a walk through pages), same method and headers. */
  thenPaths?: readonly string[];
}

/** How hard and how long to push. */
export interface LoadOptions {
  seconds: number;
  connections: number;
}

/** Reads a server's CPU time in ms (see readCpuMs); lets a run report CPU per request. */
export type CpuProbe = () => number;

/** What one autocannon run measured; latencies in ms from 2xx answers only. */
export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** Server CPU time (user + system) per answered request in µs; steadier than req/s on a busy machine. */
  cpuUs: number;
}

/** The q-quantile (0..1) of ascending `sorted`, nearest rank. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  return quantile(Float64Array.from(values).sort(), 0.5);
}

/**
 * Runs autocannon against `url` + `request.path` in this process (the server is another process).
 * Latency percentiles come from autocannon's per-response times in full float precision, because
 * its own histogram rounds to whole milliseconds and loopback answers take well under one.
 */
export function runLoad(url: string, request: LoadRequest, options: LoadOptions, cpu?: CpuProbe): Promise<LoadResult> {
  const times: number[] = [];
  let non2xx = 0;
  let errors = 0;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const cpuBefore = cpu?.() ?? 0;
    const instance = autocannon(
      {
        url: url + request.path,
        method: request.method,
        headers: { ...request.headers, ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(request.body !== undefined ? { body: request.body } : {}),
        ...(request.thenPaths ? { requests: [request.path, ...request.thenPaths].map((path) => ({ method: request.method, path })) } : {}),
        connections: options.connections,
        duration: options.seconds,
      },
      (err: unknown) => {
        if (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
          return;
        }
        const seconds = (performance.now() - started) / 1000;
        const sorted = Float64Array.from(times).sort();
        const answered = times.length + non2xx;
        const cpuUs = cpu && answered > 0 ? ((cpu() - cpuBefore) * 1000) / answered : Number.NaN;
        resolve({ rps: times.length / seconds, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), ok: times.length, non2xx, errors, cpuUs });
      },
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) times.push(ms);
      else non2xx++;
    });
    instance.on('reqError', () => {
      errors++;
    });
  });
}

/** Several rounds of one target folded into one figure: mean req/s, median p50, p99 and CPU per request. */
export function foldRounds(rounds: readonly LoadResult[]): LoadResult {
  const sum = (f: (r: LoadResult) => number): number => rounds.reduce((a, r) => a + f(r), 0);
  return {
    rps: sum((r) => r.rps) / rounds.length,
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    ok: sum((r) => r.ok),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    cpuUs: median(rounds.map((r) => r.cpuUs)),
  };
}
