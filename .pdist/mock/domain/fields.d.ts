import type { Content, Kind } from './types.js';
/** Checks one field value; answers an error message or undefined when the value is fine. */
type Check = (value: unknown) => string | undefined;
interface FieldSpec {
    check: Check;
    /** DET-6: the value a masked-but-absent field resets to; undefined = no empty value (422). */
    empty?: () => unknown;
}
/** LIFE-4: the content fields of each kind, in the order the variation block shows them. */
export declare const CONTENT_FIELDS: Readonly<Record<Kind, Readonly<Record<string, FieldSpec>>>>;
/** The top-level body keys a PATCH of each kind accepts (UPD-4: anything else is 400). */
export declare const PATCH_KEYS: Readonly<Record<Kind, ReadonlySet<string>>>;
/** The top-level body keys a create of each kind accepts. */
export declare const CREATE_KEYS: Readonly<Record<Kind, ReadonlySet<string>>>;
/** Checks a content field value; an error message or undefined. */
export declare function checkContentField(kind: Kind, field: string, value: unknown): string | undefined;
/** DET-6: the empty value a field resets to, or undefined when it has none. */
export declare function emptyValue(kind: Kind, field: string): unknown;
/** The content of a new resource: every field at its empty value, then `name` (and `type`). */
export declare function blankContent(kind: Kind): Content;
export {};
