import { type ApiRequest, type Exchange } from '../client.js';
import type { ScenarioContext } from '../scenario.js';
import type { Role } from '../target-file.js';
/** A collection of the API. */
export type Kind = 'skills' | 'agents';
/** A JSON object as scenarios read it. */
export type Json = Record<string, unknown>;
/** An id that never exists, as a path segment (safe to write to: the write guard lets it through). */
export declare const MISSING: string;
/** The path of one resource, with an optional suffix (`/deploy`, `?view=active`). */
export declare function url(kind: Kind, id: string, suffix?: string): string;
/** The id of a resource body as a path segment (ids are opaque: never computed). */
export declare function idOf(resource: Json): string;
/** The JSON object body of an exchange ({} when there is none). */
export declare function bodyOf(e: Exchange): Json;
/** The `error` object of an error answer, or {} when the body has none. */
export declare function errorOf(e: Exchange): Json;
/** The `variation` block of a resource ({} when absent). */
export declare function variationOf(resource: Json): Json;
/** Structural equality that ignores key order. */
export declare function sameJson(a: unknown, b: unknown): boolean;
/** True when ISO time `later` is strictly after `earlier` (times compare, never computed). */
export declare function isAfter(later: unknown, earlier: unknown): boolean;
/** GET one resource (optional query such as `?view=draft`). */
export declare function read(t: ScenarioContext, role: Role, kind: Kind, id: string, query?: string): Promise<Exchange>;
/** GET one resource that must answer 200; answers its body. */
export declare function readOk(t: ScenarioContext, role: Role, kind: Kind, id: string, query?: string): Promise<Json>;
/** POST /{id}/deploy. */
export declare function deploy(t: ScenarioContext, role: Role, kind: Kind, id: string, body?: unknown): Promise<Exchange>;
/** PATCH /{id} (optional query such as `?updateMask=name`). */
export declare function patch(t: ScenarioContext, role: Role, kind: Kind, id: string, body: unknown, query?: string): Promise<Exchange>;
/** The resource inside a deploy answer (`skill` or `agent`). */
export declare function deployed(kind: Kind, body: Json): Json;
/** The owner's draft view of a resource, to compare state before and after a request. */
export declare function snapshot(t: ScenarioContext, kind: Kind, id: string, role?: Role): Promise<Json>;
/** Fails unless the resource reads exactly as `before`. */
export declare function checkUnchanged(t: ScenarioContext, kind: Kind, id: string, before: Json, why: string, role?: Role): Promise<void>;
/** A group both the owner and the teammate are in (the target file guarantees one). */
export declare function teammateGroup(t: ScenarioContext): string;
/** Create fields: visibility `shared`, the teammate's group gets `perm`. */
export declare function sharedWithTeam(t: ScenarioContext, use: boolean, manage: boolean): Json;
/** Create fields: visibility `private`, shared with one role's user. */
export declare function privateWith(t: ScenarioContext, role: Role, use: boolean, manage: boolean): Json;
/** Fails unless `hidden` answers 404 exactly like `missing`, but for the id in the message (HIDE, ERR-1). */
export declare function checkLikeMissing(t: ScenarioContext, hidden: Exchange, missing: Exchange, id: string, what: string): void;
/** Rows of a list walk and whether it reached the last page. */
export interface ListWalk {
    rows: Json[];
    pages: number;
    complete: boolean;
    /** The page sizes seen, in order. */
    sizes: number[];
}
/** Walks a list from the first page (`query` like `pageSize=100`), at most `maxPages` pages. */
export declare function walkList(t: ScenarioContext, role: Role, kind: Kind, query?: string, maxPages?: number): Promise<ListWalk>;
/** Walks a whole list and fails when it is too long to walk within the page cap. */
export declare function listAll(t: ScenarioContext, role: Role, kind: Kind, query?: string): Promise<Json[]>;
/** Whether a list holds a row with this id (ids compared as strings: opaque). */
export declare function hasRow(rows: readonly Json[], id: string): boolean;
/**
 * A request outside the documented operations (405, unknown routes), so it is recorded but not
 * checked against openapi.json, which has nothing to say about it.
 */
export declare function callUndocumented(t: ScenarioContext, role: Role | null, method: string, path: string, extra?: Partial<ApiRequest>): Promise<Exchange>;
/** The response's media type, lower-case, without parameters. */
export declare function mediaType(e: Exchange): string;
