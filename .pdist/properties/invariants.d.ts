/** The invariants every command checks, each named by its contract rule id. */
import { type ApiRequest, type Exchange } from '../contracts/client.js';
import type { RuleTag } from '../contracts/rules.js';
import type { Role } from '../contracts/target-file.js';
import type { Model, ModelResource } from './model.js';
import type { RunContext } from './run-context.js';
type Json = Record<string, unknown>;
/** How a call the caller has no right to should be answered, and by which rule. */
export interface Denial {
    status: 403 | 404;
    rule: string;
    /** The answer must look exactly like the one for a missing id (HIDE, AUTH-3). */
    hidden: boolean;
    /** When the status code itself is an [A] detail of a [D] rule (XFER-1: others get 403). */
    tag?: RuleTag;
}
/** What an operation needs (HIDE-1/2/4, DEL-5). */
export interface Need {
    right: 'use' | 'manage';
    /** A read (GET): HIDE-1 / HIDE-2 instead of HIDE-4. */
    read?: boolean;
    /** DELETE and undelete still work on a deleted resource (DEL-2, DEL-3). */
    onDeleted?: boolean;
    /** Rule of a cross-org call (AUTH-3; HIDE-5 for undelete). */
    crossOrg?: string;
}
/** The answer the contract requires when `role` lacks what `need` asks on `r`; undefined when allowed. */
export declare function gate(m: Model, r: ModelResource, role: Role, need: Need): Denial | undefined;
/** The rule an allowed call's success rests on: `documented`, or ACC-1 [A] when the right comes from a group or share. */
export declare function allowedRule(m: Model, r: ModelResource, role: Role, documented: string): string;
/** The body of an exchange as an object ({} when there is none). */
export declare function bodyOf(e: Exchange): Json;
/** Checks the status; `rule` names what the expected status rests on. */
export declare function expectStatus(ctx: RunContext, e: Exchange, status: number, rule: string, tag?: RuleTag): void;
/**
 * A refused call: the status of the denial, and for hidden resources the very answer a missing id gets.
 * A 2xx where the contract refuses breaks `granted` (the operation's own rule: DEL-1 for delete, XFER-3 for accept, ...).
 */
export declare function expectDenied(ctx: RunContext, e: Exchange, r: ModelResource, denial: Denial, granted: string): Promise<void>;
/** HIDE-1/2/4, AUTH-3: same status and error shape as a missing id; ERR-1 [A]: same body but for the id. */
export declare function expectLikeMissing(ctx: RunContext, hidden: Exchange, missing: Exchange, id: number, rule: string): void;
/** DET-3 order for a write: 404 / 403 first; then nothing (allowed). Wraps `gate` for writes that need manage. */
export declare function writeGate(m: Model, r: ModelResource, role: Role, onDeleted?: boolean): Denial | undefined;
/** "Nothing changes": reads the draft view as the owner and checks it against the (unchanged) model under `rule`. */
export declare function verifyUnchanged(ctx: RunContext, r: ModelResource, rule: string): Promise<void>;
/** Which content a body should show: a view, a historic variation, or none to check. */
export type ViewCheck = 'active' | 'draft' | {
    variation: string;
} | null;
/** Options of a body check. */
export interface BodyCheck {
    view: ViewCheck;
    role: Role;
    /** Report every mismatch under this rule (e.g. UPD-1 "nothing changes"). */
    rule?: string;
    /** Rule of a content mismatch, when the command knows better (LIFE-7 after a deploy). */
    contentRule?: string;
}
/** Checks a resource body (GET, PATCH, deploy, undelete, transfer, toggle answers and list rows) against the model. */
export declare function checkBody(ctx: RunContext, r: ModelResource, body: Json, opts: BodyCheck): void;
/** DEL-6: a created id (and slug) this run has never seen before. */
export declare function expectNewIdentity(ctx: RunContext, kind: string, body: Json): void;
/** A request on a resource by role. */
export declare function request(method: string, r: ModelResource, suffix: string, role: Role, body?: unknown): ApiRequest;
export {};
