import { permissionsOn } from './access.js';
import { fail, ok } from './errors.js';
import { type Answer, type Ctx, type Query, single } from './context.js';
import { render } from './views.js';
import type { Kind, Principal, ResourceRecord, Result } from './types.js';

/** LIST-1: the default and the largest page size. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

/** LIST-1, DET-9: reads pageSize, pageToken and showDeleted; anything malformed is 400. */
function readListQuery(ctx: Ctx, kind: Kind, query: Query): Result<{ size: number; afterId: number; showDeleted: boolean }> {
  const size = single(query, 'pageSize');
  if (!size.ok) return size;
  const token = single(query, 'pageToken');
  if (!token.ok) return token;
  const deleted = single(query, 'showDeleted');
  if (!deleted.ok) return deleted;
  let n = DEFAULT_PAGE_SIZE;
  if (size.value !== undefined) {
    if (!/^[0-9]+$/.test(size.value)) return fail(400, 'pageSize must be a non-negative integer');
    n = Number(size.value) || DEFAULT_PAGE_SIZE; // LIST-1: any larger integer (even Infinity) is cut to 100 below
  }
  let afterId = 0;
  if (token.value !== undefined && token.value !== '') {
    const cursor = ctx.store.readToken(kind, token.value);
    if (!cursor) return fail(400, 'pageToken was not issued by this server');
    afterId = cursor.afterId;
  }
  if (deleted.value !== undefined && deleted.value !== 'true' && deleted.value !== 'false') {
    return fail(400, 'showDeleted must be true or false');
  }
  return ok({ size: Math.min(n, MAX_PAGE_SIZE), afterId, showDeleted: deleted.value === 'true' });
}

/** HIDE-3, LIST-1..3, DEL-5: one page of the resources the caller can use, ascending by id. */
export function list(ctx: Ctx, p: Principal, kind: Kind, query: Query): Result<Answer> {
  const q = readListQuery(ctx, kind, query);
  if (!q.ok) return q;
  const { size, afterId, showDeleted } = q.value;
  const rows: ResourceRecord[] = [];
  let more = false;
  ctx.store.walkOrg(kind, p.orgUuid, afterId, (record) => {
    const can = permissionsOn(p, record);
    const visible = record.status === 'deleted' ? showDeleted && can.manage : can.use;
    if (!visible) return true;
    if (rows.length === size) {
      more = true; // one visible row beyond the page: there is a next page
      return false;
    }
    rows.push(record);
    return true;
  });
  const items = rows.map((r) => render(ctx.store, r, p, 'row'));
  const body: Record<string, unknown> = { [kind === 'skill' ? 'skills' : 'agents']: items };
  if (more) body['nextPageToken'] = ctx.store.issueToken(kind, rows[rows.length - 1]!.id);
  return ok({ status: 200, body });
}
