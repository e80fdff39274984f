import express, { type NextFunction, type Request, type Response } from 'express';
import { type MockCore } from '../domain/index.js';
/** One API exchange as `GET /__mock/requests` shows it (tokens redacted). */
export interface ExchangeRecord {
    seq: number;
    time: string;
    method: string;
    url: string;
    status: number;
    ms: number;
    requestHeaders: Record<string, string>;
    /** Parsed JSON when the body is JSON, else the text (cut at 8 KiB); absent when empty. */
    requestBody?: unknown;
    responseBody?: unknown;
}
/** The request inspector of one app: a recorder middleware and the `/__mock` routes that show it. */
export interface Inspector {
    record: (req: Request, res: Response, next: NextFunction) => void;
    routes: express.Router;
    recent(limit?: number): ExchangeRecord[];
}
/** How many exchanges the ring buffer keeps, and how many `GET /__mock/requests` returns by default. */
export declare const RING_SIZE = 200;
export declare const DEFAULT_LIMIT = 50;
/** Redacts a credential header: `Bearer tok_a…` (5 chars at most, only for long tokens) or `[redacted]`. */
export declare function redactAuthorization(value: string): string;
/** Builds the inspector: records every non-admin exchange (ring buffer) and serves the page and its JSON. */
export declare function createInspector(core: MockCore): Inspector;
