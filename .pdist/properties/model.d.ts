/**
 * The model of the property suite: what the contract text (shared/modus-contract.md) says a target
 * should hold for the resources one run created, and nothing more. Written from the contract, never
 * from the mock: it is the yardstick the target is measured against.
 */
import type { Role, TargetPrincipal } from '../contracts/target-file.js';
/** The two resource kinds, as they appear in paths. */
export type Kind = 'skills' | 'agents';
/** What a caller may do with a resource (ACC-1: manage implies use). */
export interface Perm {
    use: boolean;
    manage: boolean;
}
/** The access part of a resource the model tracks (ACC-1). */
export interface AccessModel {
    visibility: 'org' | 'private' | 'shared';
    groupPermissions: Record<string, Perm>;
    sharedWith: Array<{
        userId: string;
    } & Perm>;
}
/** The access setups commands use, by name (toString prints the name). */
export declare const ACCESS_PRESETS: readonly ["org", "private", "group-use", "group-manage", "share-outsider"];
export type AccessPreset = (typeof ACCESS_PRESETS)[number];
/** The content the model follows: the name token (after the run prefix) and the description. */
export interface Content {
    name: string;
    description: string | null;
}
/** One resource the run created, referred to by its position (#1, #2, ...). */
export interface ModelResource {
    pos: number;
    kind: Kind;
    id: number;
    orgUuid: string;
    owner: Role;
    /** True once ownership moved by transfer (XFER-3). */
    transferred: boolean;
    access: AccessModel;
    deleted: boolean;
    deployed: boolean;
    draft: Content;
    /** Content of the active variation; null until the first deploy (LIFE-2). */
    active: Content | null;
    activeVariationId: string | null;
    /** The pending draft's id; null when no draft is pending (LIFE-8); undefined when not yet seen. */
    draftVariationId: string | null | undefined;
    /** Every variation id seen, with its content (LIFE-11). */
    variations: Map<string, Content>;
    /** Agents only (LIFE-12). */
    isEnabled: boolean | undefined;
    /** The pending transfer's recipient (XFER-2). */
    pending: Role | null;
    /** Set when a delete happened while a transfer was pending: the contract leaves its fate open. */
    pendingUncertain: boolean;
    /** The manager skill's position (UPD-2); null when detached. */
    managerPos: number | null;
    createdAt: string;
    /** The target drifted from an [A] rule on this resource: commands leave it alone. */
    tainted: boolean;
}
/** The group the teammate shares with the owner (target files guarantee one). */
export declare function sharedGroup(principals: Record<Role, TargetPrincipal>): string;
/** The model access of a preset (ACC-2: `org` is also what a create without accessConfig gives). */
export declare function presetAccess(preset: AccessPreset, principals: Record<Role, TargetPrincipal>): AccessModel;
/** Whether two contents are the same (LIFE-6 compares the draft with the active variation). */
export declare function sameContent(a: Content, b: Content): boolean;
/** The state of one run: the resources it created, by position, and every id it has seen. */
export declare class Model {
    readonly principals: Record<Role, TargetPrincipal>;
    /** Prefix of every name this run writes, e.g. `prop-1a2b3c-`. */
    readonly prefix: string;
    /** Shared with the runner: set to stop generating (budget, Ctrl-C). */
    readonly control: {
        stopped: boolean;
    };
    readonly resources: ModelResource[];
    private readonly skills;
    private readonly agents;
    /** `skills/12` for every id seen in this run, created or listed (DEL-6). */
    readonly seenIds: Set<string>;
    /** Slugs seen per org (DEL-6). */
    readonly slugs: Map<string, Set<string>>;
    constructor(principals: Record<Role, TargetPrincipal>, 
    /** Prefix of every name this run writes, e.g. `prop-1a2b3c-`. */
    prefix: string, 
    /** Shared with the runner: set to stop generating (budget, Ctrl-C). */
    control: {
        stopped: boolean;
    });
    /** The resource a command's pick refers to: picks wrap around the resources (of `kind`) created so far. */
    resolve(pick: number, kind?: Kind): ModelResource | undefined;
    /** Adds a created resource at the next position. */
    add(r: ModelResource): void;
    /** The role whose user id this is, if any. */
    roleOf(userId: string): Role | undefined;
    /** ACC-1: what `role` may do with `r` (AUTH-3: nothing across orgs; the owner everything). */
    rights(r: ModelResource, role: Role, access?: AccessModel): Perm;
    /** Where `role`'s rights on `r` come from: ownership and org visibility are documented (ACC-2); grants are ACC-1 [A]. */
    grantedBy(r: ModelResource, role: Role): 'owner' | 'org' | 'grant' | null;
    /** LIFE-6: true exactly when the draft differs from the active variation; never deployed: true. */
    hasUnpublished(r: ModelResource): boolean;
    /** LIFE-1: the status the target should show. */
    status(r: ModelResource): 'draft' | 'active' | 'deleted';
    /** The full name the target stores for a name token. */
    name(token: string): string;
    /** UPD-2: skills whose manager is `r` (all of them, and those not deleted). */
    subordinates(r: ModelResource): {
        all: Set<string>;
        live: Set<string>;
    };
    /** Whether making `manager` the manager of `r` would close a cycle (UPD-2). */
    wouldCycle(r: ModelResource, manager: ModelResource): boolean;
}
