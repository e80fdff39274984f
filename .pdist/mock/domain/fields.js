import { isObject } from './body.js';
const codePoints = (s) => {
    let n = 0;
    for (const _ of s)
        n++;
    return n;
};
// UPD-4: name is 1 to 200 characters, counted as code points (an emoji is one).
const nameCheck = (v) => typeof v !== 'string' ? 'must be a string' : codePoints(v) < 1 || codePoints(v) > 200 ? 'must be 1 to 200 characters' : undefined;
const stringOrNull = (v) => (v === null || typeof v === 'string' ? undefined : 'must be a string or null');
const object = (v) => (isObject(v) ? undefined : 'must be an object');
const objectArray = (v) => Array.isArray(v) && v.every(isObject) ? undefined : 'must be an array of objects';
const stringArray = (v) => Array.isArray(v) && v.every((x) => typeof x === 'string') ? undefined : 'must be an array of strings';
const stringMap = (v) => isObject(v) && Object.values(v).every((x) => typeof x === 'string') ? undefined : 'must be an object of strings';
const agentType = (v) => (v === 'task' || v === 'workflow' ? undefined : 'must be "task" or "workflow"');
const SKILL_CONTENT = {
    name: { check: nameCheck },
    description: { check: stringOrNull, empty: () => null },
    expectedOutput: { check: stringOrNull, empty: () => null },
    instructions: { check: stringArray, empty: () => [] },
    toolset: { check: object, empty: () => ({}) },
    model: { check: stringOrNull, empty: () => null },
    connectionSet: { check: objectArray, empty: () => [] },
    contextSelections: { check: objectArray, empty: () => [] },
    interfaces: { check: objectArray, empty: () => [] },
    evaluations: { check: objectArray, empty: () => [] },
    supervisionSubordinateDescriptions: { check: stringMap, empty: () => ({}) },
};
const AGENT_CONTENT = {
    name: { check: nameCheck },
    type: { check: agentType },
    description: { check: stringOrNull, empty: () => null },
    trigger: { check: object, empty: () => ({}) },
    agentSelection: { check: object, empty: () => ({}) },
    workflowStructure: { check: object, empty: () => ({}) },
};
/** LIFE-4: the content fields of each kind, in the order the variation block shows them. */
export const CONTENT_FIELDS = {
    skill: SKILL_CONTENT,
    agent: AGENT_CONTENT,
};
/** The top-level body keys a PATCH of each kind accepts (UPD-4: anything else is 400). */
export const PATCH_KEYS = {
    skill: new Set([...Object.keys(SKILL_CONTENT), 'accessConfig', 'managerId']),
    agent: new Set([...Object.keys(AGENT_CONTENT), 'accessConfig']),
};
/** The top-level body keys a create of each kind accepts. */
export const CREATE_KEYS = {
    skill: new Set([...Object.keys(SKILL_CONTENT), 'accessConfig']),
    agent: new Set([...Object.keys(AGENT_CONTENT), 'accessConfig']),
};
/** Checks a content field value; an error message or undefined. */
export function checkContentField(kind, field, value) {
    const spec = CONTENT_FIELDS[kind][field];
    return spec ? spec.check(value) : 'is not a field';
}
/** DET-6: the empty value a field resets to, or undefined when it has none. */
export function emptyValue(kind, field) {
    return CONTENT_FIELDS[kind][field]?.empty?.();
}
/** The content of a new resource: every field at its empty value, then `name` (and `type`). */
export function blankContent(kind) {
    const content = {};
    for (const [field, spec] of Object.entries(CONTENT_FIELDS[kind]))
        content[field] = spec.empty ? spec.empty() : null;
    if (kind === 'agent')
        content['type'] = 'task'; // DET-1
    return content;
}
//# sourceMappingURL=fields.js.map