/** Loads the OpenAPI contract, compiles every response validator once, and checks responses against it. */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { asObject, derefPointer, encodePointer, escapeToken, indexPointers, type Json } from './json-pointer.js';
import { compilePathMatcher, stripQuery, type PathMatcher } from './path-match.js';

/** A response as any client (fetch, supertest, the in-process mock) observed it. */
export interface ResponseLike {
  method: string;
  /** Path, optionally with a query string or as a full URL. */
  path: string;
  status: number;
  /** When omitted entirely, the content type is not checked and the JSON schema is used. */
  headers?: Record<string, string | string[] | undefined>;
  /** Parsed JSON body; `undefined` (or `''`) means no body. */
  body?: unknown;
}

/** One way a response breaks the contract, located by JSON pointer into the body. */
export interface Violation {
  jsonPath: string;
  keyword: string;
  message: string;
  schemaPath?: string;
}

/** The verdict on one response: every violation, not just the first. */
export interface ValidationResult {
  valid: boolean;
  operationId?: string;
  violations: Violation[];
}

/** Checks responses against one OpenAPI document whose validators were all compiled at load. */
export interface ContractValidator {
  validateResponse(res: ResponseLike): ValidationResult;
  matchOperation(method: string, path: string): { operationId: string; pathTemplate: string } | undefined;
  /** Validates a value against the schema at a JSON pointer (`#/components/schemas/Skill`); compiles on first use. */
  validateValue(pointer: string, value: unknown): Violation[];
}

interface Operation {
  operationId: string;
  pathTemplate: string;
  /** Status (`200`, `4XX`, `default`) → content type → validator; an empty map means "no body". */
  responses: Map<string, Map<string, ValidateFunction>>;
}

const SPEC_ID = 'openapi.json';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const DEFAULT_SPEC = new URL('../../openapi.json', import.meta.url);

/** Loads a spec (a JSON file path, a parsed document, or by default the bundled openapi.json) and compiles it; throws if any schema cannot compile. */
export function loadContract(spec?: object | string): ContractValidator {
  const doc = readSpec(spec ?? DEFAULT_SPEC);
  // verbose: errors carry their parentSchema, which `where` maps back to an absolute pointer.
  const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
  const where = indexPointers(doc);
  addFormats.default(ajv);
  try {
    ajv.addSchema(doc, SPEC_ID);
  } catch (err) {
    throw new Error(`${SPEC_ID}: not a usable document: ${(err as Error).message}`);
  }
  const byPointer = new Map<string, ValidateFunction>();
  const compile = (pointer: string, what: string): ValidateFunction => {
    const cached = byPointer.get(pointer);
    if (cached) return cached;
    try {
      const validate = ajv.compile({ $ref: `${SPEC_ID}#${encodePointer(pointer)}` });
      byPointer.set(pointer, validate);
      return validate;
    } catch (err) {
      // A schema that cannot compile must never pass as valid: fail the load loudly.
      throw new Error(`${SPEC_ID}: cannot compile the schema of ${what}: ${(err as Error).message}`);
    }
  };
  for (const name of Object.keys(asObject(asObject(doc.components).schemas))) {
    compile(`/components/schemas/${escapeToken(name)}`, `components.schemas.${name}`);
  }
  const matcher = compileOperations(doc, compile);
  const find = (method: string, path: string): Operation | undefined =>
    matcher.match(path)?.value.get(method.toLowerCase());

  return {
    matchOperation(method, path) {
      const op = find(method, path);
      return op && { operationId: op.operationId, pathTemplate: op.pathTemplate };
    },
    validateResponse(res) {
      const op = find(res.method, res.path);
      if (!op) {
        const message = `${res.method.toUpperCase()} ${stripQuery(res.path)} is not an operation of the contract`;
        return result(undefined, [{ jsonPath: '/', keyword: 'operation', message }]);
      }
      const s = String(res.status);
      const contents = op.responses.get(s) ?? op.responses.get(`${s[0]}XX`) ?? op.responses.get('default');
      if (!contents) {
        const documented = [...op.responses.keys()].join(', ');
        const message = `status ${s} is not documented for ${op.operationId} (documented: ${documented})`;
        return result(op.operationId, [{ jsonPath: '/', keyword: 'status', message }]);
      }
      return result(op.operationId, checkBody(res, contents, where));
    },
    validateValue(pointer, value) {
      const validate = compile(decodeURIComponent(pointer.replace(/^#/, '')), pointer);
      return validate(value) ? [] : toViolations(validate.errors, where);
    },
  };
}

function compileOperations(
  doc: Json,
  compile: (pointer: string, what: string) => ValidateFunction,
): PathMatcher<Map<string, Operation>> {
  const routes: Array<[string, Map<string, Operation>]> = [];
  for (const [template, item] of Object.entries(asObject(doc.paths))) {
    const methods = new Map<string, Operation>();
    for (const method of METHODS) {
      const operation = asObject(item)[method];
      if (operation === undefined) continue;
      const opPointer = `/paths/${escapeToken(template)}/${method}`;
      const operationId = String(asObject(operation).operationId ?? `${method.toUpperCase()} ${template}`);
      const responses = new Map<string, Map<string, ValidateFunction>>();
      for (const status of Object.keys(asObject(asObject(operation).responses))) {
        const [response, pointer] = derefPointer(doc, `${opPointer}/responses/${status}`, SPEC_ID);
        const contents = new Map<string, ValidateFunction>();
        for (const [type, media] of Object.entries(asObject(response.content))) {
          if (asObject(media).schema === undefined) continue;
          const what = `${operationId} ${status} ${type}`;
          contents.set(type.toLowerCase(), compile(`${pointer}/content/${escapeToken(type)}/schema`, what));
        }
        responses.set(/^[1-5]xx$/i.test(status) ? status.toUpperCase() : status, contents);
      }
      methods.set(method, { operationId, pathTemplate: template, responses });
    }
    routes.push([template, methods]);
  }
  return compilePathMatcher(routes);
}

function checkBody(res: ResponseLike, contents: Map<string, ValidateFunction>, where: WeakMap<object, string>): Violation[] {
  const hasBody = res.body !== undefined && res.body !== '';
  if (contents.size === 0) {
    return hasBody ? [{ jsonPath: '/', keyword: 'body', message: `status ${res.status} must have no body` }] : [];
  }
  const types = [...contents.keys()].join(', ');
  if (!hasBody) return [{ jsonPath: '/', keyword: 'body', message: `status ${res.status} must have a body (${types})` }];
  // Callers that pass no headers at all opt out of the content-type check (DET-12 is then theirs to test).
  const type = res.headers === undefined ? 'application/json' : mediaType(res.headers);
  const validate = contents.get(type) ?? (res.headers === undefined ? contents.values().next().value : undefined);
  if (!validate) {
    const message = `content-type ${type || '(none)'} is not documented for status ${res.status} (documented: ${types})`;
    return [{ jsonPath: '/', keyword: 'contentType', message }];
  }
  return validate(res.body) ? [] : toViolations(validate.errors, where);
}

function toViolations(errors: ErrorObject[] | null | undefined, where: WeakMap<object, string>): Violation[] {
  return (errors ?? []).map((e) => {
    // ajv's own schemaPath is relative to the $ref target it was in; point into openapi.json instead.
    const parent = e.parentSchema && where.get(e.parentSchema);
    const schemaPath = parent === undefined ? e.schemaPath : `#${parent}/${e.keyword}`;
    return { jsonPath: e.instancePath || '/', keyword: e.keyword, message: describe(e), schemaPath };
  });
}

function describe(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>;
  const message = e.message ?? e.keyword;
  if (e.keyword === 'additionalProperties') return `${message}: '${String(params.additionalProperty)}'`;
  if (e.keyword === 'enum') return `${message}: ${JSON.stringify(params.allowedValues)}`;
  if (e.keyword === 'const') return `${message}: ${JSON.stringify(params.allowedValue)}`;
  return message;
}

function result(operationId: string | undefined, violations: Violation[]): ValidationResult {
  return { valid: violations.length === 0, operationId, violations };
}

function mediaType(headers: Record<string, string | string[] | undefined>): string {
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  const value = Array.isArray(entry) ? entry[0] : entry;
  return (value ?? '').split(';')[0]!.trim().toLowerCase();
}

function readSpec(spec: object | string | URL): Json {
  if (typeof spec === 'string' || spec instanceof URL) return JSON.parse(readFileSync(spec, 'utf8')) as Json;
  return spec as Json;
}
