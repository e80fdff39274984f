import express, { type NextFunction, type Request, type Response } from 'express';
/** A response delay range in milliseconds (`--latency 50-300`). */
export interface Latency {
    min: number;
    max: number;
}
/** A fault rule set through `POST /__mock/faults`: matching API requests get a status and/or a delay. */
export interface FaultRule {
    /** HTTP method, or `*` for any (default). */
    method: string;
    /** Path glob: `*` matches within one segment, `**` across segments; the query string is ignored. */
    path: string;
    /** Chance in [0, 1] that a matching request is hit (default 1). */
    probability: number;
    /** Forced error status (400-599); the request never reaches the core. */
    status?: number;
    /** Extra delay in ms before answering. */
    delayMs?: number;
}
/** Options of the fault layer. */
export interface FaultOptions {
    latency?: Latency | undefined;
    /** Source of randomness for latency and probabilities (tests pin it). */
    random?: (() => number) | undefined;
}
/** The fault layer of one app: the API middleware plus the `/__mock/faults` admin routes. */
export interface Faults {
    middleware: (req: Request, res: Response, next: NextFunction) => void;
    routes: express.Router;
    rules(): readonly FaultRule[];
}
/** Every delay is capped here, so a typo cannot hang a client forever. */
export declare const MAX_DELAY_MS = 60000;
/** Parses `--latency`: `MIN-MAX` or a single number of ms; returns an error message on bad input. */
export declare function parseLatency(text: string): Latency | string;
/** The `Prefer` header as Prism reads it: `code=503`, `delay=2000`, comma or semicolon separated. */
export declare function parsePrefer(header: string | undefined): {
    code?: number;
    delayMs?: number;
} | string;
/** Validates one rule of a `POST /__mock/faults` body; returns the rule or an error message. */
export declare function parseRule(value: unknown, at: string): FaultRule | string;
/** Compiles a path glob to a RegExp (`*` one segment, `**` anything). */
export declare function globToRegExp(glob: string): RegExp;
/** Builds the fault layer: latency, `Prefer` and rules; a forced status never calls the core (state unchanged). */
export declare function createFaults(options?: FaultOptions): Faults;
