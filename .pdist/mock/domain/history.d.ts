import type { ResourceRecord } from './types.js';
/**
 * The most variations one resource keeps (docs/decisions/002-limits.md): every deploy + PATCH cycle
 * forks a variation, so without a bound a client could grow the history, and memory, forever.
 */
export declare const MAX_VARIATIONS = 100;
/** Drops the oldest variations beyond MAX_VARIATIONS, never the active or the draft one (LIFE-11 then answers 404 for them). */
export declare function pruneVariations(record: ResourceRecord): void;
