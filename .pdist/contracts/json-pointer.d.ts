/** JSON Pointer (RFC 6901) helpers for walking an OpenAPI document. */
/** A JSON object as parsed from the spec. */
export type Json = Record<string, unknown>;
/** Returns the value as an object, or an empty one for anything else, so walks never crash on odd specs. */
export declare function asObject(value: unknown): Json;
/** Escapes one pointer token (`application/json` → `application~1json`). */
export declare function escapeToken(token: string): string;
/** Percent-encodes a pointer for use as a URI fragment (`{id}` → `%7Bid%7D`). */
export declare function encodePointer(pointer: string): string;
/** Reads the value at a pointer such as `/components/schemas/Skill`; undefined when absent. */
export declare function resolvePointer(doc: unknown, pointer: string): unknown;
/** Follows local `$ref`s from a pointer (e.g. to `#/components/responses/NotFound`) and returns the target with its own pointer. */
export declare function derefPointer(doc: Json, pointer: string, docName: string): [Json, string];
/** Maps every object in the document to its pointer, so a schema object found at run time can be named. */
export declare function indexPointers(doc: unknown, pointer?: string, index?: WeakMap<object, string>): WeakMap<object, string>;
