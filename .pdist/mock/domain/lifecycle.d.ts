import { type Answer, type Ctx, type Query } from './context.js';
import type { Kind, Principal, Result } from './types.js';
type Body = Record<string, unknown>;
/** HIDE-1, HIDE-2, LIFE-10, DET-9: GET one resource in the asked view. */
export declare function getOne(ctx: Ctx, p: Principal, kind: Kind, rawId: string, query: Query): Result<Answer>;
/** LIFE-11: a skill with its `variation` block read from a historic variation. */
export declare function getVariation(ctx: Ctx, p: Principal, rawId: string, variationId: string): Result<Answer>;
/** LIFE-7, LIFE-8, LIFE-12: promotes the pending draft to active. */
export declare function deploy(ctx: Ctx, p: Principal, kind: Kind, rawId: string, body: Body): Result<Answer>;
/** DEL-1, DEL-2: soft delete; idempotent. */
export declare function remove(ctx: Ctx, p: Principal, kind: Kind, rawId: string): Result<Answer>;
/** DEL-3, DEL-4, HIDE-5: clears the tombstone and answers the draft view. */
export declare function undelete(ctx: Ctx, p: Principal, kind: Kind, rawId: string, body?: Body): Result<Answer>;
/** LIFE-12: flips an agent's isEnabled; needs manage. */
export declare function toggle(ctx: Ctx, p: Principal, rawId: string, body: Body): Result<Answer>;
export {};
