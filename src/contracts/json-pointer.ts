/** JSON Pointer (RFC 6901) helpers for walking an OpenAPI document. */

/** A JSON object as parsed from the spec. */
export type { Json } from '../api/types.js';
import type { Json } from '../api/types.js';

/** Returns the value as an object, or an empty one for anything else, so walks never crash on odd specs. */
export function asObject(value: unknown): Json {
  return value !== null && typeof value === 'object' ? (value as Json) : {};
}

/** Escapes one pointer token (`application/json` → `application~1json`). */
export function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Percent-encodes a pointer for use as a URI fragment (`{id}` → `%7Bid%7D`). */
export function encodePointer(pointer: string): string {
  return pointer.split('/').map(encodeURIComponent).join('/');
}

/** Reads the value at a pointer such as `/components/schemas/Skill`; undefined when absent. */
export function resolvePointer(doc: unknown, pointer: string): unknown {
  const tokens = pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  return tokens.reduce<unknown>((node, token) => (node === undefined ? undefined : asObject(node)[token]), doc);
}

/** Follows local `$ref`s from a pointer (e.g. to `#/components/responses/NotFound`) and returns the target with its own pointer. */
export function derefPointer(doc: Json, pointer: string, docName: string): [Json, string] {
  for (let hops = 0; hops < 32; hops += 1) {
    const node = resolvePointer(doc, pointer);
    if (node === undefined) throw new Error(`${docName}: nothing at #${pointer}`);
    const ref = asObject(node).$ref;
    if (typeof ref !== 'string') return [asObject(node), pointer];
    if (!ref.startsWith('#')) throw new Error(`${docName}: only local $refs are supported (#${pointer} → ${ref})`);
    pointer = decodeURIComponent(ref.slice(1));
  }
  throw new Error(`${docName}: $ref cycle at #${pointer}`);
}

/** Maps every object in the document to its pointer, so a schema object found at run time can be named. */
export function indexPointers(doc: unknown, pointer = '', index = new WeakMap<object, string>()): WeakMap<object, string> {
  if (doc === null || typeof doc !== 'object' || index.has(doc)) return index;
  index.set(doc, pointer);
  for (const [key, child] of Object.entries(doc)) indexPointers(child, `${pointer}/${escapeToken(key)}`, index);
  return index;
}
