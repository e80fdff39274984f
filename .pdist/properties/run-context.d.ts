/** What commands run against: the target client, the checks' bookkeeping, and the log of one run's steps. */
import { type ApiRequest, type Exchange, type TargetClient } from '../contracts/client.js';
import type { RuleTag } from '../contracts/rules.js';
import type { ContractValidator } from '../contracts/validation.js';
import type { DiffMirror } from './diff.js';
import type { Model, ModelResource } from './model.js';
/** A broken invariant: names the rule (and its tag) so reports can trace it to the contract. */
export declare class RuleViolation extends Error {
    readonly rule: string;
    readonly tag: RuleTag;
    readonly detail: string;
    readonly exchange?: Exchange | undefined;
    constructor(rule: string, tag: RuleTag, detail: string, exchange?: Exchange | undefined);
}
/** Thrown to end a command after an [A] rule drifted (not strict): the run goes on without that resource. */
export declare class DriftStop extends Error {
}
/** One executed command: what a person would type, and every request it sent. */
export interface Step {
    label: string;
    exchanges: Exchange[];
}
/** An [A] rule the target answers differently from the model: a warning, not a failure. */
export interface Drift {
    rule: string;
    message: string;
    label: string;
    exchange?: Exchange;
    count: number;
}
/** Rule tag by id; the schema pseudo-rule OPENAPI is documented. */
export declare function tagOf(rule: string): RuleTag;
/** State shared by every run of one suite invocation. */
export declare class SuiteState {
    client: TargetClient;
    readonly contract: ContractValidator;
    readonly strict: boolean;
    readonly diff?: DiffMirror | undefined;
    /** Shared with each model: set to stop generating. */
    readonly control: {
        stopped: boolean;
    };
    stopReason: 'budget' | 'interrupted' | 'count' | 'error' | undefined;
    runs: number;
    commands: number;
    /** How many times each rule was checked. */
    readonly stats: Record<string, number>;
    readonly drifts: Map<string, Drift>;
    /** Never-exists answers by request line and role: they do not change, so each is asked once. */
    readonly probes: Map<string, Exchange>;
    /** Counts towards the command budget of the bench hook. */
    commandLimit: number;
    constructor(client: TargetClient, contract: ContractValidator, strict: boolean, diff?: DiffMirror | undefined);
    /** Stops generating: the remaining runs and commands are skipped. */
    stop(reason: NonNullable<SuiteState['stopReason']>): void;
}
/** The `real` side of one fast-check model run. */
export declare class RunContext {
    readonly suite: SuiteState;
    readonly model: Model;
    readonly steps: Step[];
    private step;
    private touched;
    private pendingSchema;
    constructor(suite: SuiteState, model: Model);
    /** Starts logging a command; `resources` are tainted if an [A] rule drifts during it. */
    begin(label: string, resources: ModelResource[]): void;
    /** Ends a command: an undocumented status its own checks let pass still breaks openapi.json. */
    end(): void;
    /** Adds a resource the current command made to those an [A] drift taints. */
    touch(r: ModelResource): void;
    /** Appends to the current step's label (e.g. the position a create produced). */
    note(text: string): void;
    /** Sends a request; every answer is checked for 5xx (ERR-2) and against openapi.json. */
    call(request: ApiRequest): Promise<Exchange>;
    /** The same request on an id that never existed (HIDE, AUTH-3 compare against it); asked once per suite. */
    missing(request: ApiRequest, id: number): Promise<Exchange>;
    /** Counts one check of `rule` (the report shows which rules the run exercised). */
    count(rule: string): void;
    /** Checks `cond`; the message is built only when it fails. */
    expect(cond: boolean, rule: string, message: () => string, tag?: RuleTag): void;
    /** Checks `actual === expected`. */
    expectEq(actual: unknown, expected: unknown, rule: string, what: string, tag?: RuleTag): void;
    /** A check did not hold: [D] (or strict) throws a RuleViolation; [A] records drift and leaves the resources alone. */
    fail(rule: string, message: string, tag?: RuleTag): never;
}
