/** `--deterministic`: a fixed clock that steps once per write and variation uuids from a seeded sequence. */
import type { StateExport } from './types.js';

/** How the deterministic clock and uuid sequence start; every field is optional. */
export interface DeterministicOptions {
  /** Seeds the uuid sequence: the same seed gives the same uuids on every machine (default 1). */
  seed?: number | string;
  /** The first timestamp handed out (default 2026-01-01T00:00:00.000Z). */
  start?: string;
  /** How far the clock moves per write, in milliseconds (default 1000). */
  stepMs?: number;
}

/** A restartable source of timestamps and uuids; a pure function of its options and of the state it was based on. */
export interface Sequence {
  /** Milliseconds since the epoch; each call is one write and moves the clock one step. */
  clock(): number;
  /** The next v4-shaped uuid of the seeded sequence, skipping any the state already holds. */
  newId(): string;
  /** Back to the first timestamp and uuid (a reset to the seed replays the same sequence). */
  restart(): void;
  /** Restarts after an imported state: the clock past its newest timestamp, its variation uuids never handed out. */
  rebase(state: StateExport): void;
}

export const DEFAULT_START = '2026-01-01T00:00:00.000Z';

/** FNV-1a over the seed's text: a 32-bit start for the generator. */
function hashSeed(seed: number | string): number {
  let h = 0x811c9dc5;
  for (const ch of String(seed)) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

/** mulberry32: tiny, fast and the same on every JS engine (no node:crypto, so it runs in MSW's browser build too). */
function generator(state: number): () => number {
  let s = state;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** 128 bits from the generator, shaped as an RFC 4122 version-4 uuid (what the real API returns). */
function uuidFrom(next: () => number): string {
  const hex = [next(), next(), next(), next()].map((n) => n.toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The newest timestamp an export holds (ms), or -Infinity for an empty one. */
function newestTime(state: StateExport): number {
  let newest = -Infinity;
  for (const r of [...state.skills, ...state.agents]) {
    for (const at of [r.createdAt, r.updatedAt, r.deletedAt, r.pendingOwnershipTransfer?.requestedAt]) {
      if (at) newest = Math.max(newest, Date.parse(at));
    }
  }
  return newest;
}

/** Builds the deterministic clock and uuid sequence. */
export function deterministicSequence(options: DeterministicOptions = {}): Sequence {
  const stepMs = options.stepMs ?? 1000;
  const first = Date.parse(options.start ?? DEFAULT_START);
  if (!Number.isFinite(first)) throw new Error(`deterministic start must be an ISO date-time, got ${JSON.stringify(options.start)}`);
  if (!Number.isInteger(stepMs) || stepMs < 1) throw new Error(`deterministic stepMs must be a positive integer, got ${stepMs}`);
  let base = first;
  let writes = 0;
  let next = generator(hashSeed(options.seed ?? 1));
  let taken = new Set<string>();
  const restart = (): void => {
    base = first;
    writes = 0;
    next = generator(hashSeed(options.seed ?? 1));
    taken = new Set();
  };
  return {
    clock: () => base + stepMs * writes++,
    newId() {
      let id = uuidFrom(next);
      while (taken.has(id)) id = uuidFrom(next);
      return id;
    },
    restart,
    rebase(state) {
      restart();
      // UPD-6: writes after an import must still move updatedAt forward, so the clock starts past the state.
      const newest = newestTime(state);
      if (newest >= base) base = (Math.floor(newest / stepMs) + 1) * stepMs;
      for (const r of [...state.skills, ...state.agents]) for (const v of Object.keys(r.variations)) taken.add(v);
    },
  };
}

/** A seeded Math.random stand-in in [0, 1) (fault probabilities and latency under `--deterministic`). */
export function seededRandom(seed: number | string = 1): () => number {
  const next = generator(hashSeed(seed));
  return () => next() / 2 ** 32;
}
