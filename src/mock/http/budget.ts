import type { MockCore, MockRequest, MockResponse } from '../domain/index.js';

/** The default `--max-state-mb`: stored bytes the mock accepts before writes with a body answer 413. */
export const DEFAULT_MAX_STATE_MB = 256;

/** The byte budget of one app's state (docs/decisions/004-security-model.md, "Memory"). */
export interface StateBudget {
  /** The answer for a write whose body would overspend the budget, else undefined. */
  check(request: MockRequest): MockRequest['bodyError'];
  /** Counts the body of an acknowledged write. */
  note(request: MockRequest, response: MockResponse): void;
  /** Recounts from the whole state (after a reset or an import). */
  recount(): void;
  /** Bytes counted so far (undefined until first needed). */
  used(): number | undefined;
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bytesOf(body: string | undefined): number {
  return body === undefined ? 0 : Buffer.byteLength(body);
}

/**
 * Issue 11: limits that hold together. `--max-resources` caps counts, but 10,000 creates of 1 MiB each
 * would need ~23 GB of heap; this caps what the state holds: the serialized state at start, reset or
 * import, plus every acknowledged write body since. Soft deletes free nothing, so the count only grows
 * until a reset or an import (an overestimate when old variations are dropped: safe, never an under-count).
 */
export function createStateBudget(core: MockCore, maxBytes: number): StateBudget {
  let total: number | undefined; // counted on first need: a 100k-row state file should not slow the start
  const count = (): number => (total ??= Buffer.byteLength(core.serializeState()));
  return {
    check(request) {
      const bytes = bytesOf(request.body);
      if (bytes === 0 || READS.has(request.method.toUpperCase())) return undefined;
      if (count() + bytes <= maxBytes) return undefined;
      const mb = (maxBytes / 1024 / 1024).toFixed(0);
      return { code: 413, message: `the mock's state budget (--max-state-mb ${mb}) is spent: this ${bytes}-byte body cannot be stored; POST /__mock/reset or restart with a larger --max-state-mb` };
    },
    note(request, response) {
      const method = request.method.toUpperCase();
      // DELETE ignores its body (the core never reads it), so it stores nothing.
      if (response.status < 200 || response.status >= 300 || READS.has(method) || method === 'DELETE') return;
      total = count() + bytesOf(request.body);
    },
    recount() {
      total = undefined;
    },
    used: () => total,
  };
}
