import type { Result } from './types.js';
/** DET-2: the status name each HTTP error code carries in the error body. */
export declare const STATUS_NAMES: Readonly<Record<number, string>>;
/** ERR-1: the one JSON error body every adapter sends. */
export declare function errorBody(code: number, message: string): {
    error: {
        code: number;
        status: string;
        message: string;
    };
};
/** Builds a failed result. */
export declare function fail<T = never>(code: number, message: string, headers?: Record<string, string>): Result<T>;
/** Builds a successful result. */
export declare function ok<T>(value: T): Result<T>;
/** HIDE-1/ERR-1: the single not-found message, so a hidden resource reads exactly like a missing one. */
export declare function notFound(kind: string, id: string | number): Result<never>;
