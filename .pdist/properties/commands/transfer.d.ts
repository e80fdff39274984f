/** The ownership transfer state machine: request, accept, cancel (XFER-1..5, DET-11). */
import type { Role } from '../../contracts/target-file.js';
import type { Model } from '../model.js';
import type { RunContext } from '../run-context.js';
import { ResourceCommand } from './base.js';
/** POST /{kind}/#n/transfer-ownership {newOwnerUserId}: only the owner (XFER-1); pending, owner unchanged (XFER-2). */
export declare class TransferRequestCommand extends ResourceCommand {
    readonly to: Role;
    constructor(pick: number, to: Role, role: Role);
    label(m: Model | undefined): string;
    protected exec(m: Model, ctx: RunContext): Promise<void>;
}
/** POST /{kind}/#n/transfer-ownership/accept: only the recipient; ownership moves, nothing pending (XFER-3). */
export declare class TransferAcceptCommand extends ResourceCommand {
    label(m: Model | undefined): string;
    protected exec(m: Model, ctx: RunContext): Promise<void>;
}
/** POST /{kind}/#n/transfer-ownership/cancel: the owner cancels or the recipient declines (XFER-4). */
export declare class TransferCancelCommand extends ResourceCommand {
    label(m: Model | undefined): string;
    protected exec(m: Model, ctx: RunContext): Promise<void>;
}
