import type { Result } from './types.js';
/** DET-5: the largest body accepted, in bytes. */
export declare const MAX_BODY_BYTES: number;
/** DET-5: the deepest JSON nesting accepted. */
export declare const MAX_DEPTH = 64;
/** ERR-2/DET-5: parses a request body; undefined when there is none. */
export declare function parseBody(text: string | undefined): Result<unknown>;
/** True for a plain JSON object (not null, not an array). */
export declare function isObject(value: unknown): value is Record<string, unknown>;
