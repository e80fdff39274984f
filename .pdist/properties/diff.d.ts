/**
 * --diff: every request a run sends to the target also goes to a fresh in-process mock; answers that differ
 * (status, or body once ids, uuids, timestamps, slugs and principals are normalised) are grouped by
 * operation and rule: the report that keeps the mock honest.
 */
import type { ApiRequest, Exchange } from '../contracts/client.js';
import { type Role, type TargetPrincipal } from '../contracts/target-file.js';
import type { ContractValidator } from '../contracts/validation.js';
import type { Session } from './targets.js';
/** One kind of difference, with its first example. */
export interface DiffGroup {
    operation: string;
    /** Rules the operation's answers rest on. */
    rules: string;
    what: string;
    count: number;
    label: string;
    request: string;
    target: string;
    mock: string;
}
/** Mirrors each target exchange on the mock and records where the answers differ. */
export declare class DiffMirror {
    private readonly shadow;
    private readonly contract;
    private readonly target;
    private readonly ids;
    private readonly uuids;
    readonly groups: Map<string, DiffGroup>;
    constructor(shadow: Session, contract: ContractValidator, target: Record<Role, TargetPrincipal>);
    /** A new run: a fresh mock and no id correspondences. */
    reset(): void;
    /** Sends the same request (ids translated) to the mock and compares the answers. */
    mirror(request: ApiRequest, e: Exchange, label: string): Promise<void>;
    private translate;
    private learn;
    /** Ids and uuids translated to the mock's (others blanked), principals by role, times, slugs, tokens and numbers in messages blanked. */
    private normalise;
    /** An id as the mock's id of the same resource, or `<id>` when the run did not create it. */
    private sameId;
    private shadowUuids;
}
