import { isDeepStrictEqual } from 'node:util';
import { MISSING_ID, judgeLikeMissing, onMissingId, walkList as walkPages, type ListWalk } from '../checks/index.js';
import type { ApiRequest, Exchange } from '../client.js';
import type { ScenarioContext } from '../scenario.js';
import type { Role } from '../target-file.js';

/** A collection of the API. */
export type { Json, Kind } from '../../api/types.js';
import type { Json, Kind } from '../../api/types.js';

/** An id that never exists, as a path segment (safe to write to: the write guard lets it through). */
export const MISSING = MISSING_ID;

/** The path of one resource, with an optional suffix (`/deploy`, `?view=active`). */
export function url(kind: Kind, id: string, suffix = ''): string {
  return `/api/v1/${kind}/${id}${suffix}`;
}

/** The id of a resource body as a path segment (ids are opaque: never computed). */
export function idOf(resource: Json): string {
  return String(resource['id']);
}

/** The JSON object body of an exchange ({} when there is none). */
export function bodyOf(e: Exchange): Json {
  const b = e.response.body;
  return typeof b === 'object' && b !== null && !Array.isArray(b) ? (b as Json) : {};
}

/** The `error` object of an error answer, or {} when the body has none. */
export function errorOf(e: Exchange): Json {
  const err = bodyOf(e)['error'];
  return typeof err === 'object' && err !== null ? (err as Json) : {};
}

/** The `variation` block of a resource ({} when absent). */
export function variationOf(resource: Json): Json {
  return (resource['variation'] ?? {}) as Json;
}

/** Structural equality that ignores key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(a, b);
}

/** True when ISO time `later` is strictly after `earlier` (times compare, never computed). */
export function isAfter(later: unknown, earlier: unknown): boolean {
  return Date.parse(String(later)) > Date.parse(String(earlier));
}

/** GET one resource (optional query such as `?view=draft`). */
export function read(t: ScenarioContext, role: Role, kind: Kind, id: string, query = ''): Promise<Exchange> {
  return t.call(role, 'GET', url(kind, id, query));
}

/** GET one resource that must answer 200; answers its body. */
export async function readOk(t: ScenarioContext, role: Role, kind: Kind, id: string, query = ''): Promise<Json> {
  return t.status(await read(t, role, kind, id, query), 200, `${role} reads ${kind}/${id}${query}`);
}

/** POST /{id}/deploy. */
export function deploy(t: ScenarioContext, role: Role, kind: Kind, id: string, body: unknown = {}): Promise<Exchange> {
  return t.call(role, 'POST', url(kind, id, '/deploy'), body);
}

/** PATCH /{id} (optional query such as `?updateMask=name`). */
export function patch(t: ScenarioContext, role: Role, kind: Kind, id: string, body: unknown, query = ''): Promise<Exchange> {
  return t.call(role, 'PATCH', url(kind, id, query), body);
}

/** The resource inside a deploy answer (`skill` or `agent`). */
export function deployed(kind: Kind, body: Json): Json {
  return (body[kind === 'skills' ? 'skill' : 'agent'] ?? {}) as Json;
}

/** The owner's draft view of a resource, to compare state before and after a request. */
export function snapshot(t: ScenarioContext, kind: Kind, id: string, role: Role = 'owner'): Promise<Json> {
  return readOk(t, role, kind, id, '?view=draft');
}

/** Fails unless the resource reads exactly as `before`. */
export async function checkUnchanged(t: ScenarioContext, kind: Kind, id: string, before: Json, why: string, role: Role = 'owner'): Promise<void> {
  const after = await snapshot(t, kind, id, role);
  t.check(sameJson(before, after), `${why}: ${kind}/${id} changed: ${JSON.stringify(before)} became ${JSON.stringify(after)}`);
}

/** A group both the owner and the teammate are in (the target file guarantees one). */
export function teammateGroup(t: ScenarioContext): string {
  const owner = t.client.principal('owner').groups;
  const group = t.client.principal('teammate').groups.find((g) => owner.includes(g));
  if (group === undefined) throw new Error('the teammate shares no group with the owner');
  return group;
}

/** Create fields: visibility `shared`, the teammate's group gets `perm`. */
export function sharedWithTeam(t: ScenarioContext, use: boolean, manage: boolean): Json {
  return { accessConfig: { visibility: 'shared', groupPermissions: { [teammateGroup(t)]: { use, manage } }, sharedWith: [] } };
}

/** Create fields: visibility `private`, shared with one role's user. */
export function privateWith(t: ScenarioContext, role: Role, use: boolean, manage: boolean): Json {
  const userId = t.client.principal(role).userId;
  return { accessConfig: { visibility: 'private', groupPermissions: {}, sharedWith: [{ userId, use, manage }] } };
}

/**
 * Sends the hidden exchange's request again on an id that never existed, and fails unless both answer 404
 * alike as the hiding rule states it (status, body shape, error code and status); a message that differs
 * beyond the id is ERR-1 [A] drift (judged by the kit, like the property suite's).
 */
export async function checkLikeMissing(t: ScenarioContext, hidden: Exchange, id: string, what: string): Promise<void> {
  const twin = onMissingId(hidden.request);
  const missing = await t.call(twin.role, twin.method, twin.path, twin.body);
  t.status(missing, 404, `${what}: missing id`);
  t.status(hidden, 404, `${what}: hidden id`);
  const verdict = judgeLikeMissing(hidden, missing, id, what);
  t.check(verdict.documented === undefined, verdict.documented ?? '');
  for (const message of verdict.assumed) t.note('ERR-1', message);
}

export type { ListWalk };

/** Walks a list from the first page (`query` like `pageSize=100`), at most `maxPages` pages; each page must answer 200. */
export function walkList(t: ScenarioContext, role: Role, kind: Kind, query = 'pageSize=100', maxPages = 20): Promise<ListWalk> {
  return walkPages((r) => t.call(r.role, r.method, r.path), {
    kind, role, query, maxPages,
    onPage: (page) => {
      t.status(page.exchange, 200, `${role} lists ${kind}`);
      t.check(Array.isArray(page.body[kind] ?? []), `list of ${kind} has no ${kind} array`);
    },
  });
}

/** Walks a whole list and fails when it is too long to walk within the page cap. */
export async function listAll(t: ScenarioContext, role: Role, kind: Kind, query = 'pageSize=100'): Promise<Json[]> {
  const walk = await walkList(t, role, kind, query);
  t.check(walk.complete, `${role}'s list of ${kind} is longer than ${walk.pages} pages; cannot check it`);
  return walk.rows;
}

/** Whether a list holds a row with this id (ids compared as strings: opaque). */
export function hasRow(rows: readonly Json[], id: string): boolean {
  return rows.some((r) => String(r['id']) === id);
}

/**
 * A request outside the documented operations (405, unknown routes), so it is recorded but not
 * checked against openapi.json, which has nothing to say about it.
 */
export async function callUndocumented(t: ScenarioContext, role: Role | null, method: string, path: string, extra: Partial<ApiRequest> = {}): Promise<Exchange> {
  const e = await t.client.call({ method, path, role, ...extra });
  t.exchanges.push(e);
  return e;
}

/** The response's media type, lower-case, without parameters. */
export function mediaType(e: Exchange): string {
  const entry = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-type');
  return (entry?.[1] ?? '').split(';')[0]!.trim().toLowerCase();
}
