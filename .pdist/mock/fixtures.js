import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { principalsSchema, seedSchema, stateSchema } from './fixture-schemas.js';
// ajv-formats ships CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule;
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
const SCHEMAS = { principals: principalsSchema, seed: seedSchema, state: stateSchema };
const compiled = new Map();
/** Compiles a fixture schema on first use: start-up pays only for the files it reads. */
function validator(name) {
    let v = compiled.get(name);
    if (!v)
        compiled.set(name, (v = ajv.compile(SCHEMAS[name])));
    return v;
}
/** A fixture or state file that cannot be used, with the file, JSON path and problem in its message. */
export class FixtureError extends Error {
}
function describe(errors) {
    return (errors ?? [])
        .slice(0, 5)
        .map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.keyword === 'additionalProperties' ? ` (${String(e.params['additionalProperty'])})` : ''}`)
        .join('; ');
}
function check(validate, value, source) {
    if (!validate(value))
        throw new FixtureError(`${source}: ${describe(validate.errors)}`);
    return value;
}
/** Reads and parses a JSON file, naming the file in any error. */
export function readJsonFile(file) {
    let text;
    try {
        text = readFileSync(file, 'utf8');
    }
    catch (e) {
        throw new FixtureError(`${file}: cannot read: ${e.message}`);
    }
    try {
        return JSON.parse(text);
    }
    catch (e) {
        throw new FixtureError(`${file}: / is not valid JSON: ${e.message}`);
    }
}
/** AUTH-2: validates a principals document; tokens must be unique. */
export function parsePrincipals(value, source) {
    const doc = check(validator('principals'), value, source);
    const seen = new Map();
    doc.principals.forEach((p, i) => {
        const before = seen.get(p.token);
        if (before !== undefined)
            throw new FixtureError(`${source}: /principals/${i}/token repeats the token of /principals/${before}`);
        seen.set(p.token, i);
    });
    return doc.principals;
}
/** Validates a seed document's shape (the domain checks content while seeding). */
export function parseSeed(value, source) {
    return check(validator('seed'), value, source);
}
/** Validates a state export: shape, then the links between fields. */
export function parseState(value, source) {
    const state = check(validator('state'), value, source);
    for (const [key, rows] of [['skills', state.skills], ['agents', state.agents]]) {
        const ids = new Set();
        rows.forEach((r, i) => {
            const at = `${source}: /${key}/${i}`;
            if (ids.has(r.id))
                throw new FixtureError(`${at}/id repeats id ${r.id}`);
            ids.add(r.id);
            for (const field of ['activeVariationId', 'draftVariationId']) {
                const vid = r[field];
                if (vid !== null && !Object.hasOwn(r.variations, vid))
                    throw new FixtureError(`${at}/${field} names no variation of this resource`);
            }
            if (r.activeVariationId === null && r.draftVariationId === null)
                throw new FixtureError(`${at} has neither an active nor a draft variation`);
            const kindKey = key === 'skills' ? 'skill' : 'agent';
            if (r.id >= state.nextId[kindKey])
                throw new FixtureError(`${source}: /nextId/${kindKey} must be greater than every id (${r.id})`);
        });
    }
    return state;
}
/** Loads principals from a file. */
export function loadPrincipals(file) {
    return parsePrincipals(readJsonFile(file), file);
}
/** Loads a seed from a file. */
export function loadSeed(file) {
    return parseSeed(readJsonFile(file), file);
}
//# sourceMappingURL=fixtures.js.map