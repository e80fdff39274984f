import { type PlantedFault } from './context.js';
import { type SeedFile } from './seed.js';
import type { MockRequest, MockResponse, Principal, StateExport } from './types.js';
/** How to build a mock core. */
export interface MockCoreOptions {
    principals: readonly Principal[];
    /** Friendly seed fixtures applied at start and on every reset. */
    seed?: SeedFile;
    /** A full state export to start from instead of the seed (e.g. a state file). */
    state?: StateExport;
    /** Milliseconds since the epoch; defaults to Date.now. */
    clock?: () => number;
    /** Creates beyond this many resources of one kind in one org answer 409. */
    maxResourcesPerOrg?: number;
    /** Test-only planted bugs (see PlantedFault). */
    planted?: readonly PlantedFault[];
}
/** The framework-free mock: `handle(request) -> response` plus state admin. */
export interface MockCore {
    handle(request: MockRequest): MockResponse;
    /** Back to the seed fixtures. */
    reset(): void;
    exportState(): StateExport;
    /** The same export as JSON text, without the defensive copy (what a state file stores). */
    serializeState(): string;
    /** Replaces the state with an export that was already validated (see `validateState`). */
    importState(state: StateExport): void;
    readonly principals: readonly Principal[];
}
/** Builds the stateful core from principals and seed fixtures. */
export declare function createMockCore(options: MockCoreOptions): MockCore;
