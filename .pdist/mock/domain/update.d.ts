import { type Answer, type Ctx, type Query } from './context.js';
import type { Kind, Principal, Result } from './types.js';
type Body = Record<string, unknown>;
/** DET-1, LIFE-2, ACC-2: creates a resource in draft and answers 201 with its draft view. */
export declare function create(ctx: Ctx, p: Principal, kind: Kind, body: Body): Result<Answer>;
/** UPD-1..6, LIFE-3, LIFE-5, ACC-3..5, DET-6..8: PATCH of a skill or agent. */
export declare function patch(ctx: Ctx, p: Principal, kind: Kind, rawId: string, query: Query, body: Body): Result<Answer>;
export {};
