import { type Answer, type Ctx } from './context.js';
import type { Kind, Principal, Result } from './types.js';
type Body = Record<string, unknown>;
/** XFER-1, XFER-2, DET-11: the owner asks to hand the resource to another org member. */
export declare function requestTransfer(ctx: Ctx, p: Principal, kind: Kind, rawId: string, body: Body): Result<Answer>;
/** XFER-3: the recipient accepts; ownership moves to them. */
export declare function acceptTransfer(ctx: Ctx, p: Principal, kind: Kind, rawId: string, body?: Body): Result<Answer>;
/** XFER-4: the owner cancels or the recipient declines; ownership stays. */
export declare function cancelTransfer(ctx: Ctx, p: Principal, kind: Kind, rawId: string, body?: Body): Result<Answer>;
export {};
