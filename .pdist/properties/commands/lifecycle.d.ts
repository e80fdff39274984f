/** Deploy (LIFE-7..9, LIFE-12), delete (DEL-1, DEL-2), undelete (DEL-3, DEL-4, HIDE-5) and toggle (LIFE-12). */
import type { Role } from '../../contracts/target-file.js';
import type { Model } from '../model.js';
import type { RunContext } from '../run-context.js';
import { ResourceCommand } from './base.js';
/** The skill deploy body (LIFE-9): none, an empty override (= absent), or one over 200 characters (422). */
export type ShaChoice = 'none' | 'empty' | 'long';
/** POST /{kind}/#n/deploy: promotes the draft; hasUnpublishedChanges false; activeVariationId the promoted draft. */
export declare class DeployCommand extends ResourceCommand {
    readonly sha: ShaChoice;
    constructor(pick: number, sha: ShaChoice, role: Role);
    private body;
    label(m: Model | undefined): string;
    protected exec(m: Model, ctx: RunContext): Promise<void>;
}
/** DELETE /{kind}/#n: needs manage, 204, hides the resource (DEL-1); again: 204, no change (DEL-2). */
export declare class DeleteCommand extends ResourceCommand {
    label(m: Model | undefined): string;
    protected exec(m: Model, ctx: RunContext): Promise<void>;
}
/** POST /{kind}/#n/undelete: needs manage; clears the tombstone, answers the draft view (DEL-3); not deleted: unchanged (DEL-4). */
export declare class UndeleteCommand extends ResourceCommand {
    label(m: Model | undefined): string;
    protected exec(m: Model, ctx: RunContext): Promise<void>;
}
/** POST /agents/#n/toggle: needs manage; flips isEnabled (LIFE-12); answers the agent [A]. */
export declare class ToggleCommand extends ResourceCommand {
    constructor(pick: number, role: Role);
    label(m: Model | undefined): string;
    protected exec(m: Model, ctx: RunContext): Promise<void>;
}
