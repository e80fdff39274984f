/** "Walk every page" (LIST-1..4): pages through a list and tells which rows a walk repeats or skips. */
import { pathFor } from '../../api/operations.js';
import type { Json, Kind } from '../../api/types.js';
import type { ApiRequest, Exchange } from '../client.js';
import type { Role } from '../target-file.js';

/** Sends one request and records it the caller's way (a scenario's or a property command's call). */
export type Send = (request: ApiRequest) => Promise<Exchange>;

/** One page of a walk: its exchange, its body, its rows ([] when the body has no array) and the next token. */
export interface ListPage {
  exchange: Exchange;
  body: Json;
  rows: Json[];
  /** `nextPageToken` when it is a string; anything else ends the walk. */
  token: string | undefined;
}

/** What to walk: a collection as a role, the query of every page (`pageSize=2&showDeleted=true`), a page cap. */
export interface WalkOptions {
  kind: Kind;
  role: Role | null;
  query: string;
  maxPages: number;
  /** Judges each page before the walk goes on (throw to stop it): the status, the page size. */
  onPage?: (page: ListPage, index: number) => void;
}

/** Rows of a walk, whether it reached the last page, and the size of each page in order. */
export interface ListWalk {
  rows: Json[];
  pages: number;
  complete: boolean;
  sizes: number[];
}

/** Walks a list from the first page, following nextPageToken, at most `maxPages` pages. */
export async function walkList(send: Send, options: WalkOptions): Promise<ListWalk> {
  const { kind, role, query, maxPages } = options;
  const walk: ListWalk = { rows: [], pages: 0, complete: false, sizes: [] };
  let token: string | undefined;
  while (walk.pages < maxPages) {
    const q = [query, token === undefined ? '' : `pageToken=${encodeURIComponent(token)}`].filter(Boolean).join('&');
    const exchange = await send({ method: 'GET', path: `${pathFor('list', kind)}${q ? `?${q}` : ''}`, role });
    const page = pageOf(kind, exchange);
    options.onPage?.(page, walk.pages);
    walk.rows.push(...page.rows);
    walk.sizes.push(page.rows.length);
    walk.pages++;
    token = page.token;
    if (token === undefined) {
      walk.complete = true;
      break;
    }
  }
  return walk;
}

function pageOf(kind: Kind, exchange: Exchange): ListPage {
  const raw = exchange.response.body;
  const body = typeof raw === 'object' && raw !== null ? (raw as Json) : {};
  const rows = Array.isArray(body[kind]) ? (body[kind] as Json[]) : [];
  const next = body['nextPageToken'];
  return { exchange, body, rows, token: typeof next === 'string' ? next : undefined };
}

/** The ids of rows as strings (ids are opaque: compared, never computed). */
export function idsOf(rows: readonly Json[]): string[] {
  return rows.map((r) => String(r['id']));
}

/** Every second and later visit of an id, in walk order (LIST-4: each row once). */
export function repeatsOf(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => seen.has(id) || !seen.add(id));
}

/** How a walk differs from the rows one large page holds. */
export interface WalkDiff {
  repeated: string[];
  /** In the reference (before and after the walk) but not walked: a skipped row. */
  missing: string[];
  /** Walked but in neither reference read: a row the list should not hold. */
  extra: string[];
}

/**
 * LIST-4: compares walked ids with a reference read before the walk and one after (the same when there is
 * one): rows other clients create or delete meanwhile are in one read only, so they count neither way.
 */
export function compareWalk(walked: readonly string[], before: Iterable<string>, after: Iterable<string> = before): WalkDiff {
  const once = new Set(walked);
  const [pre, post] = [new Set(before), new Set(after)];
  return {
    repeated: repeatsOf(walked),
    missing: [...pre].filter((id) => post.has(id) && !once.has(id)),
    extra: [...once].filter((id) => !pre.has(id) && !post.has(id)),
  };
}
