/** Loads the OpenAPI contract, compiles every response validator once, and checks responses against it. */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { asObject, derefPointer, encodePointer, escapeToken, indexPointers } from './json-pointer.js';
import { compilePathMatcher, stripQuery } from './path-match.js';
const SPEC_ID = 'openapi.json';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const DEFAULT_SPEC = new URL('../../openapi.json', import.meta.url);
/** Loads a spec (a JSON file path, a parsed document, or by default the bundled openapi.json) and compiles it; throws if any schema cannot compile. */
export function loadContract(spec) {
    const doc = readSpec(spec ?? DEFAULT_SPEC);
    // verbose: errors carry their parentSchema, which `where` maps back to an absolute pointer.
    const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
    const where = indexPointers(doc);
    addFormats.default(ajv);
    try {
        ajv.addSchema(doc, SPEC_ID);
    }
    catch (err) {
        throw new Error(`${SPEC_ID}: not a usable document: ${err.message}`);
    }
    const byPointer = new Map();
    const compile = (pointer, what) => {
        const cached = byPointer.get(pointer);
        if (cached)
            return cached;
        try {
            const validate = ajv.compile({ $ref: `${SPEC_ID}#${encodePointer(pointer)}` });
            byPointer.set(pointer, validate);
            return validate;
        }
        catch (err) {
            // A schema that cannot compile must never pass as valid: fail the load loudly.
            throw new Error(`${SPEC_ID}: cannot compile the schema of ${what}: ${err.message}`);
        }
    };
    for (const name of Object.keys(asObject(asObject(doc.components).schemas))) {
        compile(`/components/schemas/${escapeToken(name)}`, `components.schemas.${name}`);
    }
    const matcher = compileOperations(doc, compile);
    const find = (method, path) => matcher.match(path)?.value.get(method.toLowerCase());
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
function compileOperations(doc, compile) {
    const routes = [];
    for (const [template, item] of Object.entries(asObject(doc.paths))) {
        const methods = new Map();
        for (const method of METHODS) {
            const operation = asObject(item)[method];
            if (operation === undefined)
                continue;
            const opPointer = `/paths/${escapeToken(template)}/${method}`;
            const operationId = String(asObject(operation).operationId ?? `${method.toUpperCase()} ${template}`);
            const responses = new Map();
            for (const status of Object.keys(asObject(asObject(operation).responses))) {
                const [response, pointer] = derefPointer(doc, `${opPointer}/responses/${status}`, SPEC_ID);
                const contents = new Map();
                for (const [type, media] of Object.entries(asObject(response.content))) {
                    if (asObject(media).schema === undefined)
                        continue;
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
function checkBody(res, contents, where) {
    const hasBody = res.body !== undefined && res.body !== '';
    if (contents.size === 0) {
        return hasBody ? [{ jsonPath: '/', keyword: 'body', message: `status ${res.status} must have no body` }] : [];
    }
    const types = [...contents.keys()].join(', ');
    if (!hasBody)
        return [{ jsonPath: '/', keyword: 'body', message: `status ${res.status} must have a body (${types})` }];
    // Callers that pass no headers at all opt out of the content-type check (DET-12 is then theirs to test).
    const type = res.headers === undefined ? 'application/json' : mediaType(res.headers);
    const validate = contents.get(type) ?? (res.headers === undefined ? contents.values().next().value : undefined);
    if (!validate) {
        const message = `content-type ${type || '(none)'} is not documented for status ${res.status} (documented: ${types})`;
        return [{ jsonPath: '/', keyword: 'contentType', message }];
    }
    return validate(res.body) ? [] : toViolations(validate.errors, where);
}
function toViolations(errors, where) {
    return (errors ?? []).map((e) => {
        // ajv's own schemaPath is relative to the $ref target it was in; point into openapi.json instead.
        const parent = e.parentSchema && where.get(e.parentSchema);
        const schemaPath = parent === undefined ? e.schemaPath : `#${parent}/${e.keyword}`;
        return { jsonPath: e.instancePath || '/', keyword: e.keyword, message: describe(e), schemaPath };
    });
}
function describe(e) {
    const params = e.params;
    const message = e.message ?? e.keyword;
    if (e.keyword === 'additionalProperties')
        return `${message}: '${String(params.additionalProperty)}'`;
    if (e.keyword === 'enum')
        return `${message}: ${JSON.stringify(params.allowedValues)}`;
    if (e.keyword === 'const')
        return `${message}: ${JSON.stringify(params.allowedValue)}`;
    return message;
}
function result(operationId, violations) {
    return { valid: violations.length === 0, operationId, violations };
}
function mediaType(headers) {
    const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
    const value = Array.isArray(entry) ? entry[0] : entry;
    return (value ?? '').split(';')[0].trim().toLowerCase();
}
function readSpec(spec) {
    if (typeof spec === 'string' || spec instanceof URL)
        return JSON.parse(readFileSync(spec, 'utf8'));
    return spec;
}
//# sourceMappingURL=validation.js.map