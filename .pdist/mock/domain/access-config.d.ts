import type { AccessConfig, Kind, Principal, Result } from './types.js';
/** ACC-2: the access config of a resource created without one. */
export declare function defaultAccess(kind: Kind, owner: Principal): AccessConfig;
/**
 * DET-8, ACC-3, ACC-4: merges an `accessConfig` patch at the top level onto `current` for `caller`.
 * Refuses (422) bad shapes, owner changes, and results that lock the caller out of use + manage.
 */
export declare function mergeAccess(kind: Kind, current: AccessConfig, patch: unknown, caller: Principal, orgUuid: string): Result<AccessConfig>;
