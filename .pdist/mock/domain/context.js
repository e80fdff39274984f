import { permissionsOn } from './access.js';
import { fail, notFound, ok } from './errors.js';
import { pruneVariations } from './history.js';
export const KIND_LABEL = { skill: 'skill', agent: 'agent' };
/** DET-4: a path id is a plain positive integer. */
export function parseId(raw) {
    if (!/^[1-9][0-9]{0,15}$/.test(raw))
        return undefined;
    const n = Number(raw);
    return Number.isSafeInteger(n) ? n : undefined;
}
/**
 * HIDE-1/2/4, DEL-5: finds a resource the caller may act on. Missing, cross-org, unusable (and, for
 * reads and writes, deleted) all give the very same 404; usable but not manageable gives 403.
 */
export function locate(ctx, p, kind, rawId, need) {
    const id = parseId(rawId);
    const record = id === undefined ? undefined : ctx.store.get(kind, id);
    if (!record)
        return notFound(KIND_LABEL[kind], rawId);
    if (need !== 'tombstone' && record.status === 'deleted')
        return notFound(KIND_LABEL[kind], rawId);
    const perms = permissionsOn(p, record);
    const hidden = need === 'read' && kind === 'agent' ? !perms.manage : !perms.use;
    if (hidden)
        return ctx.planted.has('hidden-answers-403') ? fail(403, 'forbidden') : notFound(KIND_LABEL[kind], rawId);
    if (need !== 'read' && !perms.manage)
        return fail(403, `you cannot manage ${KIND_LABEL[kind]} ${rawId}`);
    return ok(record);
}
/** The caller's permissions on a record. */
export function perms(p, record) {
    return permissionsOn(p, record);
}
/** A query parameter given at most once (a repeated one is 400). */
export function single(query, name) {
    const all = query.getAll(name);
    if (all.length > 1)
        return fail(400, `query parameter ${name} is given more than once`);
    return ok(all[0]);
}
/** UPD-4: action bodies (undelete, toggle, accept, cancel) take no fields; any key is 400. */
export function noFields(body) {
    const key = Object.keys(body)[0];
    return key === undefined ? ok(undefined) : fail(400, `unknown field ${key}`);
}
/** Structural equality of JSON values. */
export function deepEqual(a, b) {
    if (a === b)
        return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
        return false;
    if (Array.isArray(a) !== Array.isArray(b))
        return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length)
        return false;
    for (const k of ka) {
        if (!Object.hasOwn(b, k))
            return false;
        if (!deepEqual(a[k], b[k]))
            return false;
    }
    return true;
}
/** LIFE-6: recomputes the cached hasUnpublishedChanges flag. */
export function refreshUnpublished(record) {
    if (record.draftVariationId === null)
        record.hasUnpublishedChanges = false;
    else if (record.activeVariationId === null)
        record.hasUnpublishedChanges = true;
    else {
        const draft = record.variations[record.draftVariationId];
        const active = record.variations[record.activeVariationId];
        record.hasUnpublishedChanges = !deepEqual(draft, active);
    }
}
/** LIFE-5: the pending draft's content, forking a new draft from the active variation when none is pending. */
export function ensureDraft(ctx, record) {
    if (record.draftVariationId !== null) {
        return { id: record.draftVariationId, content: record.variations[record.draftVariationId] };
    }
    const id = ctx.newId();
    const content = { ...record.variations[record.activeVariationId] };
    record.variations[id] = content;
    record.draftVariationId = id;
    pruneVariations(record); // docs/decisions/002-limits.md: bounded history
    return { id, content };
}
/** The view a kind shows when none is asked for (LIFE-10). */
export function defaultView(kind) {
    return kind === 'skill' ? 'active' : 'draft';
}
//# sourceMappingURL=context.js.map