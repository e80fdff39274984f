/** POST /{kind}: create a skill or agent with an access setup (ACC-2, LIFE-2, DET-1, DEL-6). */
import type { Role } from '../../contracts/target-file.js';
import { type AccessPreset, type Kind, type Model, type ModelResource } from '../model.js';
import type { RunContext } from '../run-context.js';
import { PropertyCommand } from './base.js';
/** The accessConfig a request sends for a preset; `org` on create sends none (ACC-2: the default). */
export declare function accessBody(preset: AccessPreset, m: Model, onCreate: boolean): Record<string, unknown> | undefined;
/** Creates a resource as any role; the new resource takes the next position. */
export declare class CreateCommand extends PropertyCommand {
    readonly kind: Kind;
    readonly access: AccessPreset;
    readonly name: string;
    readonly description: string | null;
    constructor(kind: Kind, access: AccessPreset, name: string, description: string | null, role: Role);
    label(): string;
    protected applies(): boolean;
    protected touches(): ModelResource[];
    protected exec(m: Model, ctx: RunContext): Promise<void>;
}
