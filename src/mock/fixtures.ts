import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv as AjvType, ErrorObject, ValidateFunction } from 'ajv';
import { principalsSchema, seedSchema, stateSchema } from './fixture-schemas.js';
import { MAX_DEPTH, MAX_VARIATIONS, type Principal, type Result, type SeedFile, type StateExport } from './domain/index.js';

type SchemaName = 'principals' | 'seed' | 'state';
const SCHEMAS: Record<SchemaName, () => object> = { principals: () => principalsSchema, seed: () => seedSchema, state: stateSchema };
const compiled = new Map<SchemaName, ValidateFunction>();
let ajv: AjvType | undefined;

/**
 * Compiles a fixture schema on first use, loading ajv only then: `npm start` with the bundled fixtures
 * (checked by the test suite) never pays for it, which keeps the cold start short.
 */
function validator(name: SchemaName): ValidateFunction {
  let v = compiled.get(name);
  if (v) return v;
  if (!ajv) {
    const require = createRequire(import.meta.url);
    const { Ajv } = require('ajv') as typeof import('ajv');
    const addFormats = require('ajv-formats') as (a: AjvType) => AjvType;
    ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
  }
  compiled.set(name, (v = ajv.compile(SCHEMAS[name]())));
  return v;
}

/** A fixture or state file that cannot be used, with the file, JSON path and problem in its message. */
export class FixtureError extends Error {}

function describe(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.keyword === 'additionalProperties' ? ` (${String(e.params['additionalProperty'])})` : ''}`)
    .join('; ');
}

/** What is wrong with `value` by the schema of `validate`, or undefined when it passes. */
function schemaProblem(validate: ValidateFunction, value: unknown, source: string): string | undefined {
  return validate(value) ? undefined : `${source}: ${describe(validate.errors)}`;
}

function check<T>(validate: ValidateFunction, value: unknown, source: string): T {
  const problem = schemaProblem(validate, value, source);
  if (problem !== undefined) throw new FixtureError(problem);
  return value as T;
}

/** Reads and parses a JSON file, naming the file in any error. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new FixtureError(`${file}: cannot read: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new FixtureError(`${file}: / is not valid JSON: ${(e as Error).message}`);
  }
}

/** `${VAR}` in a token is read from the environment (what `modus-mock import` writes); a missing one is an error naming it. */
function expandTokens(doc: { principals: Principal[] }, source: string, env: NodeJS.ProcessEnv): void {
  doc.principals.forEach((p, i) => {
    p.token = p.token.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
      const v = env[name];
      if (v === undefined || v === '') throw new FixtureError(`${source}: /principals/${i}/token needs the environment variable ${name}, which is not set`);
      return v;
    });
    if (!/^[!-~]+$/.test(p.token)) throw new FixtureError(`${source}: /principals/${i}/token must be printable without spaces once its variables are read`);
  });
}

/** AUTH-2: validates a principals document (tokens may be `${VAR}` placeholders); tokens must be unique. */
export function parsePrincipals(value: unknown, source: string, env: NodeJS.ProcessEnv = process.env): Principal[] {
  const doc = check<{ principals: Principal[] }>(validator('principals'), value, source);
  expandTokens(doc, source, env);
  const seen = new Map<string, number>();
  doc.principals.forEach((p, i) => {
    const before = seen.get(p.token);
    if (before !== undefined) throw new FixtureError(`${source}: /principals/${i}/token repeats the token of /principals/${before}`);
    seen.set(p.token, i);
  });
  return doc.principals;
}

/** Validates a seed document's shape (the domain checks content while seeding); a state export (`"version": 1`) is one too. */
export function parseSeed(value: unknown, source: string): SeedFile | StateExport {
  // GET /__mock/state output as the seed: the mock starts on exactly that state and reset returns to it.
  if (typeof value === 'object' && value !== null && (value as { version?: unknown }).version === 1) {
    const state = parseState(value, source);
    if (!state.ok) throw new FixtureError(state.error);
    return state.value;
  }
  return check<SeedFile>(validator('seed'), value, source);
}

/**
 * How deep a state export may nest: content fields sit 4 levels below the root (skills, record, variations,
 * variation), and a request body may nest MAX_DEPTH levels, so everything the API can store fits.
 */
export const MAX_STATE_DEPTH = MAX_DEPTH + 4;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Issue 11 / ERR-2: bounds an import like a request body, walked without recursion, before anything else
 * touches it: deeper values made every later export (JSON.stringify, structuredClone) overflow the stack.
 */
function boundsProblem(value: unknown, source: string): string | undefined {
  const stack: Array<[unknown, number, string]> = [[value, 1, '']];
  while (stack.length > 0) {
    const [v, depth, at] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > MAX_STATE_DEPTH) return `${source}: ${at || '/'} nests deeper than ${MAX_STATE_DEPTH} levels`;
    if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push([item, depth + 1, `${at}/${i}`]));
      continue;
    }
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) return `${source}: ${at}/${key} is a forbidden key`;
      stack.push([(v as Record<string, unknown>)[key], depth + 1, `${at}/${key}`]);
    }
  }
  return undefined;
}

/** The first broken link between the fields of a state that has the right shape, or undefined. */
function linkProblem(state: StateExport, source: string): string | undefined {
  for (const [key, rows] of [['skills', state.skills], ['agents', state.agents]] as const) {
    const kindKey = key === 'skills' ? 'skill' : 'agent';
    const ids = new Set<number>();
    for (const [i, r] of rows.entries()) {
      const at = `${source}: /${key}/${i}`;
      if (ids.has(r.id)) return `${at}/id repeats id ${r.id}`;
      ids.add(r.id);
      for (const field of ['activeVariationId', 'draftVariationId'] as const) {
        const vid = r[field];
        if (vid !== null && !Object.hasOwn(r.variations, vid)) return `${at}/${field} names no variation of this resource`;
      }
      if (r.activeVariationId === null && r.draftVariationId === null) return `${at} has neither an active nor a draft variation`;
      // LIFE-11 keeps at most MAX_VARIATIONS (plus the active and the draft one): more could only come from outside.
      if (Object.keys(r.variations).length > MAX_VARIATIONS + 2) return `${at}/variations holds more than ${MAX_VARIATIONS + 2} variations`;
      if (r.id >= state.nextId[kindKey]) return `${source}: /nextId/${kindKey} must be greater than every id (${r.id})`;
    }
  }
  return undefined;
}

/**
 * Validates a state export: bounds, shape, then the links between fields. A bad export is a result, not a
 * throw: the message names `source`, the JSON path and the problem, and each caller says it its own way.
 */
export function parseState(value: unknown, source: string): Result<StateExport, string> {
  const problem = boundsProblem(value, source) ?? schemaProblem(validator('state'), value, source) ?? linkProblem(value as StateExport, source);
  return problem === undefined ? { ok: true, value: value as StateExport } : { ok: false, error: problem };
}

/** Loads principals from a file. */
export function loadPrincipals(file: string): Principal[] {
  return parsePrincipals(readJsonFile(file), file);
}

/** Loads a seed (v1, v2 or a state export) from a file. */
export function loadSeed(file: string): SeedFile | StateExport {
  return parseSeed(readJsonFile(file), file);
}
