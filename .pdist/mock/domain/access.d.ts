import type { AccessConfig, Permission, Principal, ResourceRecord } from './types.js';
/** ACC-1 / AUTH-3: what `principal` may do with a resource configured by `config` in `orgUuid`. */
export declare function permissionsFor(principal: Principal, orgUuid: string, config: AccessConfig): Permission;
/** Permissions of `principal` on a stored resource. */
export declare function permissionsOn(principal: Principal, record: ResourceRecord): Permission;
