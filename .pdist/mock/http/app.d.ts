import express, { type Response } from 'express';
import { type MockCore, type MockRequest, type MockResponse } from '../domain/index.js';
import { type Latency } from './faults.js';
import type { Fallback } from './prism-fallback.js';
/** Options of the express adapter. */
export interface AppOptions {
    core: MockCore;
    /** One line per request (method, path, status, ms); undefined = silent. */
    log?: (line: string) => void;
    /** Called with every API request and its response (validation, inspector, persistence hooks). */
    onExchange?: (request: MockRequest, response: MockResponse) => void;
    /** Delay every API response by a random time in this range (`--latency`). */
    latency?: Latency | undefined;
    /** Randomness for latency and fault probabilities (tests pin it); Math.random by default. */
    random?: (() => number) | undefined;
    /** Answers operations the stateful core does not model (prism-http over `--spec`). */
    fallback?: Fallback | undefined;
}
/** The largest body `PUT /__mock/state` accepts (docs/decisions/002-limits.md); larger answers 413. */
export declare const ADMIN_STATE_LIMIT: number;
/** Writes a core response with an explicit Content-Length (no chunked encoding: one write per answer). */
export declare function send(res: Response, out: MockResponse): void;
/** Builds the express app around a mock core. */
export declare function createApp(options: AppOptions): express.Express;
