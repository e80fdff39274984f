import type { RuleTag } from '../contracts/rules.js';
import type { Role, TargetPrincipal } from '../contracts/target-file.js';
import { type ContractValidator } from '../contracts/validation.js';
import { type DiffGroup } from './diff.js';
import { type Drift, type Step } from './run-context.js';
import { type Session, type TargetSpec } from './targets.js';
/** Settings of one suite invocation. */
export interface PropertyOptions {
    target?: TargetSpec;
    runs?: number;
    seed?: number;
    /** Replays one counterexample: fast-check's path, `~` and the commands' replayPath, as a failure prints it. */
    path?: string;
    maxCommands?: number;
    maxRequests?: number;
    rps?: number;
    strict?: boolean;
    diff?: boolean;
    /** Names written by the run start `prop-<runId>-`. */
    runId?: string;
    /** Stop after this many commands (the bench hook). */
    commandLimit?: number;
    signal?: AbortSignal;
    onProgress?: (p: Progress) => void;
    contract?: ContractValidator;
}
/** Where a run stands, for the progress line. */
export interface Progress {
    run: number;
    runs: number;
    shrinking: boolean;
    requests: number;
    commands: number;
}
/** The counterexample after shrinking. */
export interface Failure {
    /** The rule id, or `error` when the suite could not run (network, a bug). */
    rule: string;
    tag: RuleTag;
    message: string;
    steps: Step[];
}
/** What a suite invocation found. */
export interface PropertyResult {
    target: string;
    remote: boolean;
    seed: number;
    /** `--path` to replay the failure with `--seed`. */
    path?: string;
    runs: number;
    /** Sequences actually run, shrinking included. */
    executed: number;
    maxCommands: number;
    outcome: 'pass' | 'fail' | 'error';
    stopped?: 'budget' | 'interrupted' | 'count' | 'error';
    failure?: Failure;
    drifts: Drift[];
    stats: Record<string, number>;
    diff?: DiffGroup[];
    requests: number;
    commands: number;
    ms: number;
    cleanupFailed: string[];
    principals: Record<Role, TargetPrincipal>;
    /** Replaces tokens with `$MODUS_TOKEN_<ROLE>`. */
    redact: (text: string) => string;
}
/** Runs the suite; never throws for what it finds (only for configuration: TargetConfigError). */
export declare function runProperties(options?: PropertyOptions): Promise<PropertyResult>;
export type { Session };
