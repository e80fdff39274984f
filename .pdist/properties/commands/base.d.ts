/** The shape every property command shares: check / run / toString, positions instead of ids. */
import type fc from 'fast-check';
import type { Role } from '../../contracts/target-file.js';
import type { Kind, Model, ModelResource } from '../model.js';
import { type RunContext } from '../run-context.js';
/** One operation of the API, run as one role on resources referred to by position. */
export declare abstract class PropertyCommand implements fc.AsyncCommand<Model, RunContext> {
    readonly role: Role;
    private shown;
    constructor(role: Role);
    /** fast-check asks before running: the resources it refers to exist and the run is not stopping. */
    check(m: Readonly<Model>): boolean;
    /** Runs the request(s) and checks the answers against the model; an [A] drift ends the command quietly. */
    run(m: Model, ctx: RunContext): Promise<void>;
    /** What a person would type, e.g. `PATCH /skills/#2 {managerId:#1} as teammate`. */
    toString(): string;
    /** The label with positions resolved against `m` (or as generated, without a model). */
    abstract label(m: Model | undefined): string;
    protected abstract applies(m: Model): boolean;
    protected abstract touches(m: Model): ModelResource[];
    protected abstract exec(m: Model, ctx: RunContext): Promise<void>;
}
/** A command on one resource picked by position (picks wrap around what exists). */
export declare abstract class ResourceCommand extends PropertyCommand {
    readonly pick: number;
    readonly kind?: Kind | undefined;
    constructor(pick: number, role: Role, kind?: Kind | undefined);
    protected target(m: Model): ModelResource | undefined;
    protected applies(m: Model): boolean;
    protected touches(m: Model): ModelResource[];
    /** `/skills/#2` (or `/{kind}/~2` before a model resolves the pick). */
    protected at(m: Model | undefined, suffix?: string): string;
}
/** Prints a body the way the labels show it: `{name:b, description:null}`. */
export declare function showBody(fields: Record<string, unknown>): string;
