/** PATCH of content fields, with and without ?updateMask (LIFE-3, LIFE-5, LIFE-6, UPD-3, DET-6). */
import type { Exchange } from '../../contracts/client.js';
import type { Role } from '../../contracts/target-file.js';
import type { Content, Model, ModelResource } from '../model.js';
import type { RunContext } from '../run-context.js';
import { ResourceCommand } from './base.js';
/** Content fields a patch may carry: a name token and/or a description. */
export interface ContentFields {
    name?: string;
    description?: string | null;
}
/**
 * Writes `write` into the model's draft after a 200. LIFE-5 [A]: with no draft pending the PATCH forks a new
 * draft variation (a new id, learned here); with one pending it keeps its id.
 */
export declare function applyContent(ctx: RunContext, r: ModelResource, write: Partial<Content>, e: Exchange): void;
/** PATCH /{kind}/#n {name?, description?}: written into the draft; the active view is untouched (LIFE-3, LIFE-6). */
export declare class PatchContentCommand extends ResourceCommand {
    readonly fields: ContentFields;
    constructor(pick: number, fields: ContentFields, role: Role);
    label(m: Model | undefined): string;
    protected exec(m: Model, ctx: RunContext): Promise<void>;
}
/** The fields an update mask may name here. */
export type MaskField = 'name' | 'description';
/** PATCH /{kind}/#n?updateMask=a,b: only masked fields are written (UPD-3); a masked absent field resets (DET-6 [A]). */
export declare class PatchMaskCommand extends ResourceCommand {
    readonly fields: ContentFields;
    readonly mask: MaskField[];
    constructor(pick: number, fields: ContentFields, mask: MaskField[], role: Role);
    label(m: Model | undefined): string;
    protected exec(m: Model, ctx: RunContext): Promise<void>;
}
