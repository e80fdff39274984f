/** Reads: GET one resource in a view, a historic variation, and a walk over every list page. */
import type { Role } from '../../contracts/target-file.js';
import type { Kind, Model, ModelResource } from '../model.js';
import type { RunContext } from '../run-context.js';
import { PropertyCommand, ResourceCommand } from './base.js';
/** A view query: none (the default, LIFE-10), active or draft. */
export type ViewChoice = 'default' | 'active' | 'draft';
/** A variation id no target issued (LIFE-11: unknown variation: 404). */
export declare const UNKNOWN_VARIATION = "5d41402a-bc4b-4a76-b971-9d911017c592";
/** GET /{kind}/#n[?view=]: HIDE-1 (skills need use), HIDE-2 (agents need manage), AUTH-3, DEL-1, LIFE-10. */
export declare class GetCommand extends ResourceCommand {
    readonly view: ViewChoice;
    constructor(pick: number, view: ViewChoice, role: Role);
    label(m: Model | undefined): string;
    protected exec(m: Model, ctx: RunContext): Promise<void>;
}
/** GET /skills/#n/variations/{v}: LIFE-11 (the live activeVariationId, the variation's content), HIDE-1. */
export declare class HistoricCommand extends ResourceCommand {
    readonly variation: number;
    constructor(pick: number, /** 0: a variation id no target issued; k: the k-th one seen (wrapping). */ variation: number, role: Role);
    private variationOf;
    label(m: Model | undefined): string;
    protected exec(m: Model, ctx: RunContext): Promise<void>;
}
/** Pages a list walk may take before it stops (a big org on a real target); then only absences are checked. */
export declare const MAX_PAGES = 200;
/** GET /{kind}?pageSize=k, every page: LIST-1..3, HIDE-3, DEL-1, AUTH-3, LIFE-13 (rows are checked by the schema). */
export declare class ListCommand extends PropertyCommand {
    readonly kind: Kind;
    readonly pageSize: number;
    constructor(kind: Kind, pageSize: number, role: Role);
    label(): string;
    protected applies(): boolean;
    protected touches(): ModelResource[];
    protected exec(m: Model, ctx: RunContext): Promise<void>;
    private checkRows;
}
