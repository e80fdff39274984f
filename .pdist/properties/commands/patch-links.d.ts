/** PATCH of accessConfig (ACC-3, ACC-5) and of managerId alone or mixed with other fields (UPD-1, UPD-2). */
import type { Role } from '../../contracts/target-file.js';
import { type AccessPreset, type Model, type ModelResource } from '../model.js';
import type { RunContext } from '../run-context.js';
import { ResourceCommand } from './base.js';
/** PATCH /{kind}/#n {accessConfig}: applies at once (ACC-5); an edit that locks the caller out is 422 and changes nothing (ACC-3). */
export declare class PatchAccessCommand extends ResourceCommand {
    readonly access: AccessPreset;
    constructor(pick: number, access: AccessPreset, role: Role);
    label(m: Model | undefined): string;
    protected exec(m: Model, ctx: RunContext): Promise<void>;
}
/** PATCH /skills/#n {managerId}: re-parent (UPD-2); the manager must be usable (404) and no cycle may form (422) [A]. */
export declare class PatchManagerCommand extends ResourceCommand {
    readonly manager: number;
    constructor(pick: number, manager: number, role: Role);
    label(m: Model | undefined): string;
    protected applies(m: Model): boolean;
    protected touches(m: Model): ModelResource[];
    protected exec(m: Model, ctx: RunContext): Promise<void>;
}
/** PATCH /skills/#n {managerId, name}: UPD-1, 422 and nothing changes, whatever the manager. */
export declare class PatchMixedCommand extends ResourceCommand {
    readonly manager: number;
    readonly name: string;
    constructor(pick: number, manager: number, name: string, role: Role);
    label(m: Model | undefined): string;
    protected applies(m: Model): boolean;
    protected exec(m: Model, ctx: RunContext): Promise<void>;
}
