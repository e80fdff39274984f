import { TargetClient, type ClientOptions } from '../contracts/client.js';
import { type TargetConfig } from '../contracts/target-file.js';
/** Which target to open: a target file, a ready config with a baseUrl, or (neither) the in-process mock. */
export interface TargetSpec {
    file?: string;
    config?: TargetConfig;
    /** In-process only: test-only planted faults of the mock core. */
    planted?: readonly string[];
}
/** An opened target. */
export interface Session {
    name: string;
    client: TargetClient;
    /** A shared deployment: runs clean up after themselves instead of starting from a fresh state. */
    remote: boolean;
    /**
     * Starts a run. In-process: back to the seeded state when `fresh` is asked (shrinking, replays) or every
     * RESET_EVERY runs; in between, runs clean up after themselves like on a remote target. Remote: nothing.
     */
    begin(fresh: boolean): void;
}
/**
 * In-process runs restore the seeded state this often. A run deletes what it created, so in between the
 * lists and reads a run sees are those of a fresh mock but for the id values; restoring is the costliest
 * step of a run, and the model does not depend on id values.
 */
export declare const RESET_EVERY = 64;
/** Opens a target; throws TargetConfigError on a bad target file. */
export declare function openSession(spec?: TargetSpec, options?: ClientOptions): Session;
/** The bundled fixture principals as a target config for `baseUrl` (a mock started with the default fixtures). */
export declare function fixtureTargetConfig(baseUrl: string): TargetConfig;
