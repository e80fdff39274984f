/** Loads the OpenAPI contract, compiles every response validator once, and checks responses against it. */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { asObject, derefPointer, encodePointer, escapeToken, indexPointers, type Json } from './json-pointer.js';
import { compilePathMatcher, stripQuery, type PathMatcher } from './path-match.js';
import { tagOf, type RuleTag, type RuleId } from '../api/rules.js';
import { assumedMark, documentedRule, documentedView } from './shape.js';

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

/**
 * One way a response breaks openapi.json, located by JSON pointer into the body, with the rule it breaks:
 * SHAPE-1/2 [D] when it breaks what the docs state, SHAPE-3/4 (or the [A] rule the mark names) when it
 * breaks only what openapi.json assumes beyond the docs.
 */
export interface Violation {
  jsonPath: string;
  keyword: string;
  message: string;
  schemaPath?: string;
  rule: RuleId;
  tag: RuleTag;
}

/** The verdict on one response: every violation, not just the first. `valid` is the strict shape (what the mock answers). */
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
  /** Status (`200`, `4XX`, `default`) → content type → validators; an empty map means "no body". */
  responses: Map<string, Map<string, Validators>>;
}

/** The strict schema (openapi.json as written) and its documented view (x-assumed keywords dropped). */
interface Validators {
  strict: ValidateFunction;
  documented: ValidateFunction;
}

/** Where the schema objects of both documents are, to name and classify violations. */
interface Locator {
  strict: WeakMap<object, string>;
  documented: WeakMap<object, string>;
  documentedDoc: Json;
}

const SPEC_ID = 'openapi.json';
const DOCUMENTED_ID = 'openapi.documented.json';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const DEFAULT_SPEC = new URL('../../openapi.json', import.meta.url);

type Compile = (pointer: string, what: string) => Validators;
type FindOperation = (method: string, path: string) => Operation | undefined;

/** Compiles the strict and the documented validator of a schema pointer once, then answers them from a cache. */
function validatorCache(doc: Json, documentedDoc: Json): Compile {
  const strictAjv = newAjv(doc, SPEC_ID);
  const documentedAjv = newAjv(documentedDoc, DOCUMENTED_ID);
  const byPointer = new Map<string, Validators>();
  return (pointer, what) => {
    const cached = byPointer.get(pointer);
    if (cached) return cached;
    const validators = { strict: compileAt(strictAjv, SPEC_ID, pointer, what), documented: compileAt(documentedAjv, DOCUMENTED_ID, pointer, what) };
    byPointer.set(pointer, validators);
    return validators;
  };
}

/** The verdict on one response: its operation, its status, then its body. */
function checkResponse(find: FindOperation, res: ResponseLike, locate: Locator): ValidationResult {
  const op = find(res.method, res.path);
  if (!op) {
    const message = `${res.method.toUpperCase()} ${stripQuery(res.path)} is not an operation of the contract`;
    return result(undefined, [{ jsonPath: '/', keyword: 'operation', message, rule: 'SHAPE-1', tag: 'D' }]);
  }
  const s = String(res.status);
  const contents = op.responses.get(s) ?? op.responses.get(`${s[0]}XX`) ?? op.responses.get('default');
  if (!contents) {
    const documented = [...op.responses.keys()].join(', ');
    const message = `status ${s} is not documented for ${op.operationId} (documented: ${documented})`;
    // The docs list no error statuses: an undocumented one is an assumption broken; a 5xx is ERR-2.
    const rule = res.status >= 500 ? 'ERR-2' : 'SHAPE-4';
    return result(op.operationId, [{ jsonPath: '/', keyword: 'status', message, rule, tag: tagOf(rule) }]);
  }
  return result(op.operationId, checkBody(res, contents, locate));
}

/** Loads a spec (a JSON file path, a parsed document, or by default the bundled openapi.json) and compiles it; throws if any schema cannot compile. */
export function loadContract(spec?: object | string): ContractValidator {
  const doc = readSpec(spec ?? DEFAULT_SPEC);
  const documentedDoc = documentedView(doc);
  const compile = validatorCache(doc, documentedDoc);
  const locate: Locator = { strict: indexPointers(doc), documented: indexPointers(documentedDoc), documentedDoc };
  for (const name of Object.keys(asObject(asObject(doc.components).schemas))) {
    compile(`/components/schemas/${escapeToken(name)}`, `components.schemas.${name}`);
  }
  const matcher = compileOperations(doc, compile);
  const find: FindOperation = (method, path) => matcher.match(path)?.value.get(method.toLowerCase());
  return {
    matchOperation(method, path) {
      const op = find(method, path);
      return op && { operationId: op.operationId, pathTemplate: op.pathTemplate };
    },
    validateResponse: (res) => checkResponse(find, res, locate),
    validateValue(pointer, value) {
      const validators = compile(decodeURIComponent(pointer.replace(/^#/, '')), pointer);
      return classify(validators, value, locate);
    },
  };
}

/** Distinct strings a format keeps the verdicts of before it starts over (timestamps and ids repeat across answers). */
const FORMAT_MEMO_SIZE = 50_000;

/**
 * The string formats of ajv-formats, each answering from its verdicts so far: the same full check (date-time
 * parses the date and the time), run once per distinct string instead of once per occurrence.
 */
function rememberFormats(ajv: Ajv2020): void {
  for (const [name, format] of Object.entries(ajv.formats)) {
    const def = typeof format === 'function' || format instanceof RegExp ? { validate: format } : format;
    if (def === undefined || def === true || def.async || (def.type !== undefined && def.type !== 'string')) continue;
    const check = def.validate instanceof RegExp ? ((re: RegExp) => (s: string) => re.test(s))(def.validate) : (def.validate as (s: string) => boolean);
    const verdicts = new Map<string, boolean>();
    const validate = (s: string): boolean => {
      let ok = verdicts.get(s);
      if (ok === undefined) {
        if (verdicts.size >= FORMAT_MEMO_SIZE) verdicts.clear();
        verdicts.set(s, (ok = check(s)));
      }
      return ok;
    };
    ajv.addFormat(name, { ...def, type: 'string', validate } as Parameters<Ajv2020['addFormat']>[1]);
  }
}

function newAjv(doc: Json, id: string): Ajv2020 {
  // verbose: errors carry their parentSchema, which the locator maps back to an absolute pointer.
  const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
  addFormats.default(ajv);
  rememberFormats(ajv);
  try {
    ajv.addSchema(doc, id);
  } catch (err) {
    throw new Error(`${SPEC_ID}: not a usable document: ${(err as Error).message}`);
  }
  return ajv;
}

function compileAt(ajv: Ajv2020, id: string, pointer: string, what: string): ValidateFunction {
  try {
    return ajv.compile({ $ref: `${id}#${encodePointer(pointer)}` });
  } catch (err) {
    // A schema that cannot compile must never pass as valid: fail the load loudly.
    throw new Error(`${SPEC_ID}: cannot compile the schema of ${what}: ${(err as Error).message}`);
  }
}

function compileOperations(
  doc: Json,
  compile: Compile,
): PathMatcher<Map<string, Operation>> {
  const routes: Array<[string, Map<string, Operation>]> = [];
  for (const [template, item] of Object.entries(asObject(doc.paths))) {
    const methods = new Map<string, Operation>();
    for (const method of METHODS) {
      const operation = asObject(item)[method];
      if (operation === undefined) continue;
      const opPointer = `/paths/${escapeToken(template)}/${method}`;
      const operationId = String(asObject(operation).operationId ?? `${method.toUpperCase()} ${template}`);
      const responses = new Map<string, Map<string, Validators>>();
      for (const status of Object.keys(asObject(asObject(operation).responses))) {
        const [response, pointer] = derefPointer(doc, `${opPointer}/responses/${status}`, SPEC_ID);
        const contents = new Map<string, Validators>();
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

function checkBody(res: ResponseLike, contents: Map<string, Validators>, locate: Locator): Violation[] {
  const hasBody = res.body !== undefined && res.body !== '';
  if (contents.size === 0) {
    // A body where the docs show none is something beyond what they list.
    return hasBody ? [{ jsonPath: '/', keyword: 'body', message: `status ${res.status} must have no body`, rule: 'SHAPE-3', tag: 'A' }] : [];
  }
  if (!hasBody) {
    const rule = res.status < 400 ? 'SHAPE-1' : 'ERR-1';
    return [{ jsonPath: '/', keyword: 'body', message: `status ${res.status} must have a body (${[...contents.keys()].join(', ')})`, rule, tag: tagOf(rule) }];
  }
  // Callers that pass no headers at all opt out of the content-type check (DET-12 is then theirs to test).
  const type = res.headers === undefined ? 'application/json' : mediaType(res.headers);
  const validators = contents.get(type) ?? (res.headers === undefined ? contents.values().next().value : undefined);
  if (!validators) {
    const message = `content-type ${type || '(none)'} is not documented for status ${res.status} (documented: ${[...contents.keys()].join(', ')})`;
    return [{ jsonPath: '/', keyword: 'contentType', message, rule: 'DET-12', tag: 'A' }];
  }
  return classify(validators, res.body, locate);
}

/**
 * Violations of the documented view are SHAPE-1/2 [D]; those only the strict schema finds are named by the
 * x-assumed mark of the keyword that failed (SHAPE-3 for an added field, SHAPE-4, DET-2, ...).
 */
function classify(validators: Validators, value: unknown, locate: Locator): Violation[] {
  if (validators.strict(value)) return [];
  const strictErrors = validators.strict.errors ?? [];
  const documentedErrors = validators.documented(value) ? [] : (validators.documented.errors ?? []);
  const key = (e: ErrorObject): string => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`;
  const out = documentedErrors.map((e) => {
    const rule = documentedRule(locate.documentedDoc, e.keyword, e.parentSchema, e.parentSchema && locate.documented.get(e.parentSchema));
    return toViolation(e, locate.documented, rule, 'D');
  });
  const seen = new Set(documentedErrors.map(key));
  for (const e of strictErrors) {
    if (seen.has(key(e))) continue;
    const rule = assumedMark(e.parentSchema, e.keyword)?.rule ?? 'SHAPE-4';
    out.push(toViolation(e, locate.strict, rule, tagOf(rule)));
  }
  return out;
}

function toViolation(e: ErrorObject, where: WeakMap<object, string>, rule: RuleId, tag: RuleTag): Violation {
  // ajv's own schemaPath is relative to the $ref target it was in; point into openapi.json instead.
  const parent = e.parentSchema && where.get(e.parentSchema);
  const schemaPath = parent === undefined ? e.schemaPath : `#${parent}/${e.keyword}`;
  return { jsonPath: e.instancePath || '/', keyword: e.keyword, message: describe(e), schemaPath, rule, tag };
}

function describe(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>;
  const message = e.message ?? e.keyword;
  if (e.keyword === 'not' && e.schemaPath.endsWith('/not')) return `must not have ${JSON.stringify((e.schema as { required?: unknown })?.required ?? e.schema)}`;
  if (e.keyword === 'required') return `must have required property '${String(params.missingProperty)}'`;
  if (e.keyword === 'additionalProperties') return `${message}: '${String(params.additionalProperty)}'`;
  if (e.keyword === 'enum') return `${message}: ${JSON.stringify(params.allowedValues)}`;
  if (e.keyword === 'const') return `${message}: ${JSON.stringify(params.allowedValue)}`;
  return message;
}

function result(operationId: string | undefined, violations: Violation[]): ValidationResult {
  return { valid: violations.length === 0, operationId, violations };
}

function mediaType(headers: Record<string, string | string[] | undefined>): string {
  let entry: string | string[] | undefined;
  for (const name of Object.keys(headers)) {
    if (name.toLowerCase() !== 'content-type') continue;
    entry = headers[name];
    break;
  }
  const value = Array.isArray(entry) ? entry[0] : entry;
  return (value ?? '').split(';')[0]!.trim().toLowerCase();
}

function readSpec(spec: object | string | URL): Json {
  if (typeof spec === 'string' || spec instanceof URL) return JSON.parse(readFileSync(spec, 'utf8')) as Json;
  return spec as Json;
}
