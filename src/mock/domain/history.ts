import type { ResourceRecord } from './types.js';

/**
 * The most variations one resource keeps (docs/decisions/002-limits.md): every deploy + PATCH cycle
 * forks a variation, so without a bound a client could grow the history, and memory, forever.
 */
export const MAX_VARIATIONS = 100;

/** Drops the oldest variations beyond MAX_VARIATIONS, never the active or the draft one (LIFE-11 then answers 404 for them). */
export function pruneVariations(record: ResourceRecord): void {
  const ids = Object.keys(record.variations); // insertion order: oldest first (uuid keys are never index-like)
  let excess = ids.length - MAX_VARIATIONS;
  for (const id of ids) {
    if (excess <= 0) return;
    if (id === record.activeVariationId || id === record.draftVariationId) continue;
    delete record.variations[id];
    excess--;
  }
}
