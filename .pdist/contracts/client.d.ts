import { type Role, type TargetConfig, type TargetPrincipal } from './target-file.js';
/** A request as scenarios and property commands write it: by role, never by token. */
export interface ApiRequest {
    method: string;
    /** Path with optional query string, e.g. `/api/v1/skills/3?view=draft`. */
    path: string;
    /** Whose token to send; null sends none. */
    role: Role | null;
    /** JSON body (serialised by the client). */
    body?: unknown;
    /** Raw body text, sent as is (for malformed-input checks); wins over `body`. */
    rawBody?: string;
    headers?: Record<string, string>;
}
/** A response with its JSON body parsed (undefined when empty). */
export interface ApiResponse {
    status: number;
    headers: Record<string, string>;
    body: unknown;
}
/** One request and its response. */
export interface Exchange {
    request: ApiRequest;
    response: ApiResponse;
    ms: number;
}
/** What carries bytes to a target: HTTP or the in-process core. */
export interface Transport {
    send(method: string, path: string, headers: Record<string, string>, body: string | undefined): Promise<{
        status: number;
        headers: Record<string, string>;
        text: string;
    }>;
}
/** Budget, rate and safety settings. */
export interface ClientOptions {
    /** Hard cap on requests sent (retries count); cleanup is exempt. Default: unlimited. */
    maxRequests?: number;
    /** Requests per second; default unlimited. */
    rps?: number;
    /** Retries of 429/503 answers, honouring Retry-After; default 3. */
    maxRetries?: number;
    /** Refuse writes to resources this client did not create (on for real deployments). */
    guardWrites?: boolean;
    onExchange?: (exchange: Exchange) => void;
}
/** The request budget ran out. */
export declare class BudgetExceededError extends Error {
}
/** A write to a resource the run did not create was refused before it was sent. */
export declare class UnsafeWriteError extends Error {
}
/** Ids at or above this never exist; writes to them probe the 404 path safely. */
export declare const NEVER_EXISTS_ID = 900000000000000;
/** One client for every target: roles instead of tokens, a budget, a rate limit, retries and a write guard. */
export declare class TargetClient {
    readonly config: TargetConfig;
    private readonly transport;
    private readonly options;
    requestsSent: number;
    /** Resources this client created, by `skills/12` key, with the role that created them. */
    readonly created: Map<string, {
        kind: "skills" | "agents";
        id: number;
        role: Role;
    }>;
    private nextSlot;
    constructor(config: TargetConfig, transport: Transport, options?: ClientOptions);
    /** The principal of a role. */
    principal(role: Role): TargetPrincipal;
    /** Replaces every token of the target in `text` with `$MODUS_TOKEN_<ROLE>`. */
    redact(text: string): string;
    /** Sends one request (rate-limited, budgeted, retried on 429/503). */
    call(request: ApiRequest, exempt?: boolean): Promise<Exchange>;
    /** Soft-deletes everything this client created (newest first), trying each same-org role; answers what failed. */
    cleanup(): Promise<string[]>;
    private guard;
    private remember;
    private take;
}
