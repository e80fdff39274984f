import type { Server } from 'node:http';
import { type MockCore, type MockCoreOptions } from './domain/index.js';
import { type AppOptions } from './http/index.js';
/** The fixtures bundled with the package. */
export declare const DEFAULT_PRINCIPALS: string;
export declare const DEFAULT_SEED: string;
/** Options to start a mock server. */
export interface StartOptions extends Omit<AppOptions, 'core'> {
    port?: number;
    host?: string;
    principalsFile?: string;
    seedFile?: string;
    core?: Partial<MockCoreOptions>;
    /** Restart-safe state: load this file if it exists (else write it) and persist every acknowledged write. */
    stateFile?: string;
    /** An OpenAPI document whose operations the stateful core does not model are answered by prism-http. */
    specFile?: string;
    /** Check every response against the spec (`--validate`) and report each violation here. */
    onViolation?: (line: string) => void;
}
/** A running mock server. */
export interface RunningMock {
    url: string;
    core: MockCore;
    server: Server;
    close(): Promise<void>;
}
/** Builds a core from fixture files (bundled ones by default); throws FixtureError/SeedError on bad files. */
export declare function coreFromFiles(principalsFile?: string, seedFile?: string, extra?: Partial<MockCoreOptions>): MockCore;
/** Starts the mock on `host:port` (127.0.0.1 and an ephemeral port by default). */
export declare function startMock(options?: StartOptions): Promise<RunningMock>;
