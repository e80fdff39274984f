import type { Ctx } from './context.js';
import type { Principal } from './types.js';
/** One seeded skill or agent: content fields and `accessConfig` as in a create body, plus how to shape its state. */
export interface SeedResource {
    /** userId of the owning principal; the resource lands in that principal's org. */
    owner: string;
    name: string;
    /** Deploy after create (status active). */
    deploy?: boolean;
    /** Content fields patched after the deploy, leaving a pending draft (hasUnpublishedChanges). */
    draft?: Record<string, unknown>;
    /** Skills: the seed id (1-based position in `skills`) of the manager skill. */
    managerId?: number;
    /** Agents: the wanted isEnabled after deploy. */
    isEnabled?: boolean;
    /** userId of a same-org principal who has a pending ownership transfer offer. */
    pendingTransferTo?: string;
    /** Soft-delete it last. */
    deleted?: boolean;
    [field: string]: unknown;
}
/** The seed fixture file: resources get ids 1, 2, 3... in file order, per kind. */
export interface SeedFile {
    skills?: SeedResource[];
    agents?: SeedResource[];
}
/** A seed problem, with the JSON path of the item that caused it. */
export declare class SeedError extends Error {
    readonly jsonPath: string;
    constructor(jsonPath: string, message: string);
}
/** Builds state from seed fixtures through the same operations the API uses, so every seeded state is reachable. */
export declare function applySeed(ctx: Ctx, principals: readonly Principal[], seed: SeedFile): void;
