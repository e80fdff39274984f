/** POST of a skill or agent: a new resource in draft. */
import { defaultAccess, mergeAccess } from './access-config.js';
import { fail, ok } from './errors.js';
import { CONTENT_FIELDS, CREATE_KEYS, blankContent, checkFields, unknownKey } from './fields.js';
import type { Answer, Ctx } from './context.js';
import { render } from './views.js';
import type { Content, Kind, Principal, ResourceRecord, Result } from './types.js';

type Body = Record<string, unknown>;

/** A slug unique per org (DEL-6): the name made URL-safe plus the never-reused id. */
function slugFor(kind: Kind, name: string, id: number): string {
  const base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `${base || kind}-${id.toString(36).padStart(3, '0')}`;
}

/** DET-1, LIFE-2, ACC-2: creates a resource in draft and answers 201 with its draft view. */
export function create(ctx: Ctx, p: Principal, kind: Kind, body: Body): Result<Answer> {
  const unknown = unknownKey(body, CREATE_KEYS[kind]);
  if (unknown !== undefined) return fail(400, `unknown field ${unknown}`);
  if (body['name'] === undefined) return fail(422, 'name is required');
  const checked = checkFields(kind, body);
  if (!checked.ok) return checked;
  let access = defaultAccess(kind, p);
  if (body['accessConfig'] !== undefined) {
    const merged = mergeAccess(kind, access, body['accessConfig'], p, p.orgUuid);
    if (!merged.ok) return merged;
    access = merged.value;
  }
  if (ctx.store.countInOrg(kind, p.orgUuid) >= ctx.maxResourcesPerOrg) {
    return fail(409, `your org has reached the limit of ${ctx.maxResourcesPerOrg} ${kind}s`);
  }
  const content: Content = blankContent(kind);
  for (const field of Object.keys(CONTENT_FIELDS[kind])) if (body[field] !== undefined) content[field] = body[field];
  const id = ctx.store.allocateId(kind);
  const variationId = ctx.newId();
  const now = ctx.now();
  const record: ResourceRecord = {
    kind, id, slug: slugFor(kind, String(content['name']), id), orgUuid: p.orgUuid, status: 'draft', deployed: false,
    createdAt: now, updatedAt: now, deletedAt: null, accessConfig: access,
    activeVariationId: null, draftVariationId: variationId, variations: { [variationId]: content },
    hasUnpublishedChanges: true,
  };
  if (kind === 'skill') record.managerId = null;
  else record.isEnabled = false;
  ctx.store.insert(record);
  return ok({ status: 201, body: render(ctx.store, record, p, 'draft') });
}
