import { isObject } from './body.js';
import { fail, ok } from './errors.js';
import type { Content, Kind, Result } from './types.js';

/** Checks one field value; answers an error message or undefined when the value is fine. */
type Check = (value: unknown) => string | undefined;

interface FieldSpec {
  check: Check;
  /** DET-6: the value a masked-but-absent field resets to; undefined = no empty value (422). */
  empty?: () => unknown;
}

const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

// UPD-4: name is 1 to 200 characters, counted as code points (an emoji is one).
const nameCheck: Check = (v) =>
  typeof v !== 'string' ? 'must be a string' : codePoints(v) < 1 || codePoints(v) > 200 ? 'must be 1 to 200 characters' : undefined;
const stringOrNull: Check = (v) => (v === null || typeof v === 'string' ? undefined : 'must be a string or null');
// The docs type description and expectedOutput `string` in requests (not nullable, unlike `model`).
const string: Check = (v) => (typeof v === 'string' ? undefined : 'must be a string');
const object: Check = (v) => (isObject(v) ? undefined : 'must be an object');
const objectArray: Check = (v) =>
  Array.isArray(v) && v.every(isObject) ? undefined : 'must be an array of objects';
const stringArray: Check = (v) =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? undefined : 'must be an array of strings';
const stringMap: Check = (v) =>
  isObject(v) && Object.values(v).every((x) => typeof x === 'string') ? undefined : 'must be an object of strings';
const agentType: Check = (v) => (v === 'task' || v === 'workflow' ? undefined : 'must be "task" or "workflow"');

const SKILL_CONTENT: Record<string, FieldSpec> = {
  name: { check: nameCheck },
  description: { check: string, empty: () => null },
  expectedOutput: { check: string, empty: () => '' },
  instructions: { check: stringArray, empty: () => [] },
  toolset: { check: object, empty: () => ({}) },
  model: { check: stringOrNull, empty: () => null },
  connectionSet: { check: objectArray, empty: () => [] },
  contextSelections: { check: objectArray, empty: () => [] },
  interfaces: { check: objectArray, empty: () => [] },
  evaluations: { check: objectArray, empty: () => [] },
  supervisionSubordinateDescriptions: { check: stringMap, empty: () => ({}) },
};

const AGENT_CONTENT: Record<string, FieldSpec> = {
  name: { check: nameCheck },
  type: { check: agentType },
  description: { check: string, empty: () => null },
  trigger: { check: object, empty: () => ({}) },
  agentSelection: { check: object, empty: () => ({}) },
  workflowStructure: { check: object, empty: () => ({}) },
};

/** LIFE-4: the content fields of each kind, in the order the variation block shows them. */
export const CONTENT_FIELDS: Readonly<Record<Kind, Readonly<Record<string, FieldSpec>>>> = {
  skill: SKILL_CONTENT,
  agent: AGENT_CONTENT,
};

/** The top-level body keys a PATCH of each kind accepts (UPD-4: anything else is 400). */
export const PATCH_KEYS: Readonly<Record<Kind, ReadonlySet<string>>> = {
  skill: new Set([...Object.keys(SKILL_CONTENT), 'accessConfig', 'managerId']),
  agent: new Set([...Object.keys(AGENT_CONTENT), 'accessConfig']),
};

/** The top-level body keys a create of each kind accepts. */
export const CREATE_KEYS: Readonly<Record<Kind, ReadonlySet<string>>> = {
  skill: new Set([...Object.keys(SKILL_CONTENT), 'accessConfig']),
  agent: new Set([...Object.keys(AGENT_CONTENT), 'accessConfig']),
};

/** Checks a content field value; an error message or undefined. */
export function checkContentField(kind: Kind, field: string, value: unknown): string | undefined {
  const spec = CONTENT_FIELDS[kind][field];
  return spec ? spec.check(value) : 'is not a field';
}

/** DET-6: the empty value a field resets to, or undefined when it has none. */
export function emptyValue(kind: Kind, field: string): unknown {
  return CONTENT_FIELDS[kind][field]?.empty?.();
}

/** The content of a new resource: every field at its empty value, then `name` (and `type`). */
export function blankContent(kind: Kind): Content {
  const content: Content = {};
  for (const [field, spec] of Object.entries(CONTENT_FIELDS[kind])) content[field] = spec.empty ? spec.empty() : null;
  if (kind === 'agent') content['type'] = 'task'; // DET-1
  return content;
}

/** UPD-4: the first content field of `fields` with a wrong value, as a 422 (accessConfig is checked on its own). */
export function checkFields(kind: Kind, fields: Record<string, unknown>): Result<void> {
  for (const [field, value] of Object.entries(fields)) {
    if (field === 'accessConfig') continue;
    const problem = checkContentField(kind, field, value);
    if (problem) return fail(422, `${field} ${problem}`);
  }
  return ok(undefined);
}

/** The first key of `body` that `allowed` does not list (UPD-4, DET-1: a 400). */
export function unknownKey(body: Record<string, unknown>, allowed: ReadonlySet<string>): string | undefined {
  return Object.keys(body).find((k) => !allowed.has(k));
}
