/**
 * "A hidden resource answers like a missing one" (HIDE-1..5, AUTH-3, ERR-1), written once for the
 * contract scenarios and the property invariants.
 *
 * What the docs state ([D], the hiding rule): the same HTTP status and the same error body shape,
 * taken as the same JSON structure, `error.code` and `error.status`. What only ERR-1 [A] adds: the
 * same body but for the id (the message wording), so a message that differs is drift, not failure.
 */
import { isDeepStrictEqual } from 'node:util';
import { NEVER_EXISTS_ID, type ApiRequest, type ApiResponse, type Exchange } from '../client.js';

/** An id that never exists, as a path segment (safe to write to: the write guard lets it through). */
export const MISSING_ID = String(NEVER_EXISTS_ID);

/** The same request on an id that never existed: the answer a hidden resource must look like (HIDE, AUTH-3). */
export function onMissingId(request: ApiRequest): ApiRequest {
  // `/api/v1/{kind}/{id}...`: only the id segment changes, suffix and query stay.
  return { ...request, path: request.path.replace(/^(\/api\/v1\/[^/?]+\/)[^/?]+/, `$1${MISSING_ID}`) };
}

/** What differs between a hidden and a missing answer, split by what the docs state and what ERR-1 assumes. */
export interface LikeMissingFindings {
  /** Breaks the hiding rule itself ([D]): status, body structure, error code or status name. */
  documented: string[];
  /** Breaks only ERR-1 [A]: the rest of the body (the message) once the ids are replaced. */
  assumed: string[];
}

/** An answer as far as hiding is concerned: status and body (headers play no part). */
export type AnswerLike = Pick<ApiResponse, 'status' | 'body'>;

/** Compares the answer on a hidden id with the answer on a never-existing id. */
export function compareLikeMissing(hidden: AnswerLike, missing: AnswerLike, hiddenId: string, missingId: string): LikeMissingFindings {
  const out: LikeMissingFindings = { documented: [], assumed: [] };
  if (hidden.status !== missing.status) out.documented.push(`status ${hidden.status} differs from a never-existing id's ${missing.status}`);
  // The common case, every hidden 404 of a run: the same answer but for the id. Judged without building copies.
  else if (sameButId(hidden.body, missing.body, idPattern(hiddenId), idPattern(missingId))) return out;
  const h = withoutId(hidden.body, hiddenId);
  const m = withoutId(missing.body, missingId);
  if (!isDeepStrictEqual(shapeOf(h), shapeOf(m))) {
    out.documented.push(`body shape ${JSON.stringify(shapeOf(h))} differs from a never-existing id's ${JSON.stringify(shapeOf(m))}`);
    return out;
  }
  for (const key of ['code', 'status'] as const) {
    const a = errorOf(h)[key];
    const b = errorOf(m)[key];
    if (!isDeepStrictEqual(a, b)) out.documented.push(`error.${key} ${JSON.stringify(a)} differs from a never-existing id's ${JSON.stringify(b)}`);
  }
  if (out.documented.length === 0 && !isDeepStrictEqual(h, m)) {
    out.assumed.push(`body (ids replaced) ${JSON.stringify(h)} differs from a never-existing id's ${JSON.stringify(m)}`);
  }
  return out;
}

function errorOf(body: unknown): Record<string, unknown> {
  const e = (body as { error?: unknown } | undefined)?.error;
  return typeof e === 'object' && e !== null ? (e as Record<string, unknown>) : {};
}

/** The JSON structure of a value: keys and value types, no values. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value === null) return 'null';
  if (typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, shapeOf((value as Record<string, unknown>)[k])]));
  }
  return typeof value;
}

/** The id wherever it stands alone inside a string (never in numbers such as `code`); built once per id. */
const idPatterns = new Map<string, RegExp>();
function idPattern(id: string): RegExp {
  let pattern = idPatterns.get(id);
  if (pattern === undefined) {
    // Ids come from request paths: any text, so escaped; a run meets a few hundred at most, the cache stays small.
    if (idPatterns.size >= 1024) idPatterns.clear();
    const literal = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    pattern = new RegExp(`(?<![0-9])${literal}(?![0-9])`, 'g');
    idPatterns.set(id, pattern);
  }
  return pattern;
}

/** A JSON value with the id replaced by `<id>` wherever it stands alone inside a string (never in numbers such as `code`). */
function withoutId(value: unknown, id: string): unknown {
  return replaceId(value, idPattern(id));
}

/** Whether two JSON values are deep-equal once each one's id is replaced (withoutId), walked side by side. */
function sameButId(a: unknown, b: unknown, aId: RegExp, bId: RegExp): boolean {
  if (typeof a === 'string') return typeof b === 'string' && a.replace(aId, '<id>') === b.replace(bId, '<id>');
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameButId(v, b[i], aId, bId));
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && sameButId((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], aId, bId));
}

/** withoutId with its pattern built once for the whole value (`replace` restarts a global pattern each time). */
function replaceId(value: unknown, pattern: RegExp): unknown {
  if (typeof value === 'string') return value.replace(pattern, '<id>');
  if (Array.isArray(value)) return value.map((v) => replaceId(v, pattern));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceId(v, pattern)]));
  }
  return value;
}

/** What a hidden exchange broke against its never-existing twin, as messages that start with `what`. */
export interface LikeMissingVerdict {
  /** Set when the hiding rule itself ([D]) is broken: the message to fail with. */
  documented?: string;
  /** ERR-1 [A] drift, one message each. */
  assumed: string[];
}

/** Judges a hidden exchange against the same request on MISSING_ID (`what` defaults to `METHOD path as role`). */
export function judgeLikeMissing(hidden: Exchange, missing: Exchange, hiddenId: string | number, what = describeCall(hidden)): LikeMissingVerdict {
  const found = compareLikeMissing(hidden.response, missing.response, String(hiddenId), MISSING_ID);
  const verdict: LikeMissingVerdict = { assumed: found.assumed.map((m) => `${what}: ${m}`) };
  if (found.documented.length > 0) verdict.documented = `${what}: ${found.documented.join('; ')}`;
  return verdict;
}

function describeCall(e: Exchange): string {
  return `${e.request.method} ${e.request.path} as ${e.request.role}`;
}
