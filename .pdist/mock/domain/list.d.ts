import { type Answer, type Ctx, type Query } from './context.js';
import type { Kind, Principal, Result } from './types.js';
/** LIST-1: the default and the largest page size. */
export declare const DEFAULT_PAGE_SIZE = 50;
export declare const MAX_PAGE_SIZE = 100;
/** HIDE-3, LIST-1..3, DEL-5: one page of the resources the caller can use, ascending by id. */
export declare function list(ctx: Ctx, p: Principal, kind: Kind, query: Query): Result<Answer>;
