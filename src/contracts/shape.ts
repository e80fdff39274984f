/**
 * SHAPE-1..4: which parts of a response schema the docs state and which openapi.json assumes.
 *
 * openapi.json marks every assumed keyword of a schema object in `x-assumed`, next to the keyword it
 * qualifies: `"x-assumed": {"format": "SHAPE-4"}` (the docs state no format: the documented view drops
 * the keyword) or `{"required": {"rule": "SHAPE-4", "documented": ["id", ...]}}` (the documented view
 * keeps the keyword with the documented value). The value names the rule a finding is reported under.
 */
import { asRuleId, type RuleId } from '../api/rules.js';
import { asObject, resolvePointer, type Json } from './json-pointer.js';

/** The extension that marks assumed keywords. */
export const ASSUMED = 'x-assumed';

/** One mark: the rule a finding is reported under, and the documented value if the keyword stays. */
export interface AssumedMark {
  rule: RuleId;
  /** The keyword's value in the documented view; absent: the keyword is dropped there. */
  documented?: unknown;
  hasDocumented: boolean;
}

/** Reads the mark of `keyword` on a schema object, or undefined when the keyword is documented. */
export function assumedMark(schema: unknown, keyword: string): AssumedMark | undefined {
  const entry = asObject(asObject(schema)[ASSUMED])[keyword];
  if (typeof entry === 'string') return { rule: asRuleId(entry), hasDocumented: false };
  if (entry !== null && typeof entry === 'object') {
    const e = entry as Json;
    return { rule: asRuleId(String(e['rule'])), documented: e['documented'], hasDocumented: 'documented' in e };
  }
  return undefined;
}

/** A deep copy of the document with every assumed keyword dropped or replaced by its documented value. */
export function documentedView<T>(doc: T): T {
  return strip(doc) as T;
}

function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strip);
  if (node === null || typeof node !== 'object') return node;
  const marks = asObject((node as Json)[ASSUMED]);
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === ASSUMED) continue;
    const mark = assumedMark(node, key);
    if (!mark) out[key] = strip(value);
    else if (mark.hasDocumented) out[key] = strip(mark.documented);
  }
  // A mark may also add a keyword the strict schema lacks (never used today, but then it is documented only).
  for (const key of Object.keys(marks)) {
    const mark = assumedMark(node, key);
    if (mark?.hasDocumented && !(key in out)) out[key] = strip(mark.documented);
  }
  return out;
}

/** The extension that names the [D] rule a documented keyword checks (`"x-rule": {"not": "LIFE-13"}`). */
export const RULE_OF = 'x-rule';

/**
 * The [D] rule a violation of the documented view breaks: the keyword's `x-rule` when it has one; else a
 * missing required field, or a wrong type of a required field, is SHAPE-1, and a wrong type of a
 * documented optional field is SHAPE-2.
 */
export function documentedRule(documented: Json, keyword: string, schema: unknown, schemaPointer: string | undefined): RuleId {
  const named = asObject(asObject(schema)[RULE_OF])[keyword];
  if (typeof named === 'string') return asRuleId(named);
  if (keyword === 'required' || schemaPointer === undefined) return 'SHAPE-1';
  // `/components/schemas/Skill/properties/description` → the object schema and the field name.
  const tokens = schemaPointer.split('/');
  const at = tokens.lastIndexOf('properties');
  if (at < 0 || at !== tokens.length - 2) return 'SHAPE-1';
  const parent = asObject(resolvePointer(documented, tokens.slice(0, at).join('/')));
  const field = tokens[at + 1]!.replace(/~1/g, '/').replace(/~0/g, '~');
  const required = Array.isArray(parent['required']) ? (parent['required'] as unknown[]) : [];
  return required.includes(field) ? 'SHAPE-1' : 'SHAPE-2';
}
