import { createInstance, getHttpOperationsFromSpec } from '@stoplight/prism-http';
import { errorBody } from '../domain/index.js';
/** Prism wants a pino logger; the mock has its own request log, so every call is a no-op. */
function silentLogger() {
    const logger = {};
    for (const level of ['trace', 'debug', 'info', 'success', 'warn', 'error', 'fatal', 'silent', 'log'])
        logger[level] = () => undefined;
    logger['child'] = () => logger;
    logger['level'] = 'silent';
    return logger;
}
const PRISM_TO_OURS = { NO_PATH_MATCHED_ERROR: 404, NO_SERVER_MATCHED_ERROR: 404, NO_METHOD_MATCHED_ERROR: 405 };
/** Loads `specFile` and builds the prism-http fallback: examples first (static mode), with request validation. */
export async function createPrismFallback(specFile) {
    let operations;
    try {
        operations = await getHttpOperationsFromSpec(specFile);
    }
    catch (e) {
        throw new Error(`${specFile}: cannot read the spec: ${e.message}`);
    }
    const prism = createInstance({ mock: { dynamic: false }, checkSecurity: true, validateRequest: true, validateResponse: false, errors: true, upstreamProxy: undefined, isProxy: false }, { logger: silentLogger() });
    return async (request) => {
        const q = request.url.indexOf('?');
        const path = q < 0 ? request.url : request.url.slice(0, q);
        const query = {};
        for (const [k, v] of new URLSearchParams(q < 0 ? '' : request.url.slice(q + 1))) {
            const prev = query[k];
            query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
        }
        const headers = {};
        for (const [k, v] of Object.entries(request.headers))
            if (v !== undefined)
                headers[k] = v;
        let body = request.body;
        if (request.body) {
            try {
                body = JSON.parse(request.body);
            }
            catch {
                return { status: 400, headers: { 'content-type': 'application/json' }, body: errorBody(400, 'request body is not valid JSON') };
            }
        }
        const input = { method: request.method.toLowerCase(), url: { path, query }, headers, body };
        const result = await prism.request(input, operations)();
        if (result._tag === 'Right') {
            const out = result.right.output;
            const invalid = result.right.validations.input;
            if (invalid.length > 0 && out.statusCode >= 400) {
                // Prism picked the spec's error response for an invalid request: say what was wrong, in the ERR-1 body.
                const message = invalid.map((v) => `${(v.path ?? []).join('.') || 'request'}: ${v.message}`).join('; ');
                return { status: out.statusCode, headers: { 'content-type': 'application/json' }, body: errorBody(out.statusCode, message) };
            }
            const h = {};
            for (const [k, v] of Object.entries(out.headers ?? {}))
                h[k.toLowerCase()] = String(v);
            return out.body === undefined ? { status: out.statusCode, headers: h } : { status: out.statusCode, headers: { 'content-type': 'application/json', ...h }, body: out.body };
        }
        const err = result.left;
        const code = PRISM_TO_OURS[err.name] ?? err.status ?? 400;
        if (code === 404 && PRISM_TO_OURS[err.name] === 404)
            return undefined;
        const details = (err.additional?.validation ?? []).map((v) => `${(v.path ?? []).join('.')}: ${v.message}`);
        const message = [err.detail ?? err.message, ...details].filter(Boolean).join('; ');
        return { status: code, headers: { 'content-type': 'application/json' }, body: errorBody(code, message) };
    };
}
//# sourceMappingURL=prism-fallback.js.map