import { isDeepStrictEqual } from 'node:util';
import { NEVER_EXISTS_ID } from '../client.js';
/** An id that never exists, as a path segment (safe to write to: the write guard lets it through). */
export const MISSING = String(NEVER_EXISTS_ID);
/** The path of one resource, with an optional suffix (`/deploy`, `?view=active`). */
export function url(kind, id, suffix = '') {
    return `/api/v1/${kind}/${id}${suffix}`;
}
/** The id of a resource body as a path segment (ids are opaque: never computed). */
export function idOf(resource) {
    return String(resource['id']);
}
/** The JSON object body of an exchange ({} when there is none). */
export function bodyOf(e) {
    const b = e.response.body;
    return typeof b === 'object' && b !== null && !Array.isArray(b) ? b : {};
}
/** The `error` object of an error answer, or {} when the body has none. */
export function errorOf(e) {
    const err = bodyOf(e)['error'];
    return typeof err === 'object' && err !== null ? err : {};
}
/** The `variation` block of a resource ({} when absent). */
export function variationOf(resource) {
    return (resource['variation'] ?? {});
}
/** Structural equality that ignores key order. */
export function sameJson(a, b) {
    return isDeepStrictEqual(a, b);
}
/** True when ISO time `later` is strictly after `earlier` (times compare, never computed). */
export function isAfter(later, earlier) {
    return Date.parse(String(later)) > Date.parse(String(earlier));
}
/** GET one resource (optional query such as `?view=draft`). */
export function read(t, role, kind, id, query = '') {
    return t.call(role, 'GET', url(kind, id, query));
}
/** GET one resource that must answer 200; answers its body. */
export async function readOk(t, role, kind, id, query = '') {
    return t.status(await read(t, role, kind, id, query), 200, `${role} reads ${kind}/${id}${query}`);
}
/** POST /{id}/deploy. */
export function deploy(t, role, kind, id, body = {}) {
    return t.call(role, 'POST', url(kind, id, '/deploy'), body);
}
/** PATCH /{id} (optional query such as `?updateMask=name`). */
export function patch(t, role, kind, id, body, query = '') {
    return t.call(role, 'PATCH', url(kind, id, query), body);
}
/** The resource inside a deploy answer (`skill` or `agent`). */
export function deployed(kind, body) {
    return (body[kind === 'skills' ? 'skill' : 'agent'] ?? {});
}
/** The owner's draft view of a resource, to compare state before and after a request. */
export function snapshot(t, kind, id, role = 'owner') {
    return readOk(t, role, kind, id, '?view=draft');
}
/** Fails unless the resource reads exactly as `before`. */
export async function checkUnchanged(t, kind, id, before, why, role = 'owner') {
    const after = await snapshot(t, kind, id, role);
    t.check(sameJson(before, after), `${why}: ${kind}/${id} changed: ${JSON.stringify(before)} became ${JSON.stringify(after)}`);
}
/** A group both the owner and the teammate are in (the target file guarantees one). */
export function teammateGroup(t) {
    const owner = t.client.principal('owner').groups;
    const group = t.client.principal('teammate').groups.find((g) => owner.includes(g));
    if (group === undefined)
        throw new Error('the teammate shares no group with the owner');
    return group;
}
/** Create fields: visibility `shared`, the teammate's group gets `perm`. */
export function sharedWithTeam(t, use, manage) {
    return { accessConfig: { visibility: 'shared', groupPermissions: { [teammateGroup(t)]: { use, manage } }, sharedWith: [] } };
}
/** Create fields: visibility `private`, shared with one role's user. */
export function privateWith(t, role, use, manage) {
    const userId = t.client.principal(role).userId;
    return { accessConfig: { visibility: 'private', groupPermissions: {}, sharedWith: [{ userId, use, manage }] } };
}
/** Fails unless `hidden` answers 404 exactly like `missing`, but for the id in the message (HIDE, ERR-1). */
export function checkLikeMissing(t, hidden, missing, id, what) {
    t.status(missing, 404, `${what}: missing id`);
    t.status(hidden, 404, `${what}: hidden id`);
    const a = withoutId(hidden.response.body, id);
    const b = withoutId(missing.response.body, MISSING);
    t.check(sameJson(a, b), `${what}: hidden and missing 404 bodies differ: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
}
/** A JSON value with the id replaced by `<id>` wherever it stands alone inside a string (never in numbers such as `code`). */
function withoutId(value, id) {
    if (typeof value === 'string')
        return value.replace(new RegExp(`(?<![0-9])${id}(?![0-9])`, 'g'), '<id>');
    if (Array.isArray(value))
        return value.map((v) => withoutId(v, id));
    if (typeof value === 'object' && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutId(v, id)]));
    }
    return value;
}
/** Walks a list from the first page (`query` like `pageSize=100`), at most `maxPages` pages. */
export async function walkList(t, role, kind, query = 'pageSize=100', maxPages = 20) {
    const walk = { rows: [], pages: 0, complete: false, sizes: [] };
    let token;
    while (walk.pages < maxPages) {
        const q = [query, token === undefined ? '' : `pageToken=${encodeURIComponent(token)}`].filter(Boolean).join('&');
        const body = t.status(await t.call(role, 'GET', `/api/v1/${kind}${q ? `?${q}` : ''}`), 200, `${role} lists ${kind}`);
        const rows = (body[kind] ?? []);
        t.check(Array.isArray(rows), `list of ${kind} has no ${kind} array`);
        walk.rows.push(...rows);
        walk.sizes.push(rows.length);
        walk.pages++;
        token = body['nextPageToken'];
        if (token === undefined) {
            walk.complete = true;
            break;
        }
    }
    return walk;
}
/** Walks a whole list and fails when it is too long to walk within the page cap. */
export async function listAll(t, role, kind, query = 'pageSize=100') {
    const walk = await walkList(t, role, kind, query);
    t.check(walk.complete, `${role}'s list of ${kind} is longer than ${walk.pages} pages; cannot check it`);
    return walk.rows;
}
/** Whether a list holds a row with this id (ids compared as strings: opaque). */
export function hasRow(rows, id) {
    return rows.some((r) => String(r['id']) === id);
}
/**
 * A request outside the documented operations (405, unknown routes), so it is recorded but not
 * checked against openapi.json, which has nothing to say about it.
 */
export async function callUndocumented(t, role, method, path, extra = {}) {
    const e = await t.client.call({ method, path, role, ...extra });
    t.exchanges.push(e);
    return e;
}
/** The response's media type, lower-case, without parameters. */
export function mediaType(e) {
    const entry = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-type');
    return (entry?.[1] ?? '').split(';')[0].trim().toLowerCase();
}
//# sourceMappingURL=helpers.js.map