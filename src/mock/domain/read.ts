/** GET of one resource and of one of its variations: reads that change nothing. */
import { fail, ok } from './errors.js';
import { type Answer, type Ctx, type Query, defaultView, locate, single } from './context.js';
import { type Shape, render } from './views.js';
import type { Kind, Principal, Result } from './types.js';

/** HIDE-1, HIDE-2, LIFE-10, DET-9: GET one resource in the asked view. */
export function getOne(ctx: Ctx, p: Principal, kind: Kind, rawId: string, query: Query): Result<Answer> {
  const found = locate(ctx, p, kind, rawId, 'read');
  if (!found.ok) return found;
  const view = single(query, 'view');
  if (!view.ok) return view;
  const v = view.value ?? defaultView(kind);
  if (v !== 'active' && v !== 'draft') return fail(400, 'view must be "active" or "draft"');
  return ok({ status: 200, body: render(ctx.store, found.value, p, v) });
}

/** LIFE-11: a skill with its `variation` block read from a historic variation. */
export function getVariation(ctx: Ctx, p: Principal, rawId: string, variationId: string): Result<Answer> {
  const found = locate(ctx, p, 'skill', rawId, 'read');
  if (!found.ok) return found;
  if (!Object.hasOwn(found.value.variations, variationId)) return fail(404, `variation ${variationId} not found`);
  const shape: Shape = { variationId };
  return ok({ status: 200, body: render(ctx.store, found.value, p, shape) });
}
