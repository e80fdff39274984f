import type { ApiRequest, Exchange, TargetClient } from './client.js';
import type { RuleTag } from './rules.js';
import type { Role } from './target-file.js';
import type { ContractValidator } from './validation.js';
/** A deterministic check of one rule against any target. */
export interface Scenario {
    rule: string;
    /** The tag of the sentence this scenario checks, when it differs from the rule's leading tag. */
    tag?: RuleTag;
    title: string;
    run(t: ScenarioContext): Promise<void>;
}
/** A check that did not hold; the runner reports it with the scenario's exchanges. */
export declare class CheckFailed extends Error {
}
type Json = Record<string, unknown>;
/** Formats an exchange for a report: request line, body, status and body (tokens never appear: roles do). */
export declare function formatExchange(e: Exchange, limit?: number): string;
/** What a scenario works with: calls validated against openapi.json, helpers to create what it needs. */
export declare class ScenarioContext {
    readonly client: TargetClient;
    private readonly contract;
    readonly runId: string;
    readonly exchanges: Exchange[];
    readonly violations: string[];
    private seq;
    constructor(client: TargetClient, contract: ContractValidator, runId: string);
    /** A name for a resource this run creates: `contract-<runId>-<label>-<n>`. */
    name(label?: string): string;
    /** Sends a request; every response is checked against openapi.json. */
    call(role: Role | null, method: string, path: string, body?: unknown, extra?: Partial<ApiRequest>): Promise<Exchange>;
    /** Fails unless `cond` holds. */
    check(cond: unknown, message: string): void;
    /** Fails unless the exchange answered `status`; returns its body. */
    status(e: Exchange, status: number, why?: string): Json;
    /** Creates a skill or agent as `role` (201 expected) and answers its body. */
    create(kind: 'skills' | 'agents', role?: Role, fields?: Json): Promise<Json>;
    /** Creates and deploys; answers the deployed resource. */
    createDeployed(kind: 'skills' | 'agents', role?: Role, fields?: Json): Promise<Json>;
    /** Private to the owner (visibility private, nobody shared). */
    static readonly PRIVATE: {
        accessConfig: {
            visibility: string;
            groupPermissions: {};
            sharedWith: never[];
        };
    };
}
export {};
