import type { Store } from './store.js';
import type { Content, Kind, Permission, Principal, ResourceRecord, Result } from './types.js';
/**
 * Test-only switches that plant known bugs, so the property suite can prove it finds them.
 * Never set by the CLI defaults.
 */
export type PlantedFault = 'hidden-answers-403' | 'manager-mixed-accepted' | 'deploy-keeps-unpublished' | 'delete-not-idempotent' | 'list-repeats-rows' | 'accept-by-anyone' | 'toggle-ignored' | 'undelete-keeps-deleted';
/** Everything an operation needs besides its request. */
export interface Ctx {
    store: Store;
    /** Current time as an ISO string; strictly increasing (UPD-6 needs every write to move updatedAt). */
    now(): string;
    newId(): string;
    membersByUserId: ReadonlyMap<string, Principal>;
    maxResourcesPerOrg: number;
    planted: ReadonlySet<PlantedFault>;
}
export type Query = URLSearchParams;
/** What an operation answers on success. */
export interface Answer {
    status: number;
    body?: unknown;
}
/** What a caller must hold to reach a resource (HIDE-1, HIDE-2, HIDE-4, DEL-5). */
export type Need = 'read' | 'write' | 'tombstone';
export declare const KIND_LABEL: Record<Kind, string>;
/** DET-4: a path id is a plain positive integer. */
export declare function parseId(raw: string): number | undefined;
/**
 * HIDE-1/2/4, DEL-5: finds a resource the caller may act on. Missing, cross-org, unusable (and, for
 * reads and writes, deleted) all give the very same 404; usable but not manageable gives 403.
 */
export declare function locate(ctx: Ctx, p: Principal, kind: Kind, rawId: string, need: Need): Result<ResourceRecord>;
/** The caller's permissions on a record. */
export declare function perms(p: Principal, record: ResourceRecord): Permission;
/** A query parameter given at most once (a repeated one is 400). */
export declare function single(query: Query, name: string): Result<string | undefined>;
/** UPD-4: action bodies (undelete, toggle, accept, cancel) take no fields; any key is 400. */
export declare function noFields(body: Record<string, unknown>): Result<void>;
/** Structural equality of JSON values. */
export declare function deepEqual(a: unknown, b: unknown): boolean;
/** LIFE-6: recomputes the cached hasUnpublishedChanges flag. */
export declare function refreshUnpublished(record: ResourceRecord): void;
/** LIFE-5: the pending draft's content, forking a new draft from the active variation when none is pending. */
export declare function ensureDraft(ctx: Ctx, record: ResourceRecord): {
    id: string;
    content: Content;
};
/** The view a kind shows when none is asked for (LIFE-10). */
export declare function defaultView(kind: Kind): 'active' | 'draft';
