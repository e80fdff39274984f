import { createInstance, getHttpOperationsFromSpec, type IHttpRequest } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import { errorAnswer, type MockRequest, type MockResponse, type Result } from '../domain/index.js';

/** Answers a request the stateful core does not model from a spec with prism-http's mocker; undefined = not in the spec. */
export type Fallback = (request: MockRequest) => Promise<MockResponse | undefined>;

/** Prism wants a pino logger; the mock has its own request log, so every call is a no-op. */
function silentLogger(): never {
  const logger: Record<string, unknown> = {};
  for (const level of ['trace', 'debug', 'info', 'success', 'warn', 'error', 'fatal', 'silent', 'log']) logger[level] = () => undefined;
  logger['child'] = () => logger;
  logger['level'] = 'silent';
  return logger as never;
}

const PRISM_TO_OURS: Record<string, number> = { NO_PATH_MATCHED_ERROR: 404, NO_SERVER_MATCHED_ERROR: 404, NO_METHOD_MATCHED_ERROR: 405 };

type PrismInstance = ReturnType<typeof createInstance>;
type PrismOutput = Extract<Awaited<ReturnType<ReturnType<PrismInstance['request']>>>, { _tag: 'Right' }>['right'];
type PrismFailure = Error & { name: string; status?: number; detail?: string; additional?: { validation?: Array<{ message: string; path?: string[] }> } };

async function readOperations(specFile: string): Promise<IHttpOperation[]> {
  try {
    return await getHttpOperationsFromSpec(specFile);
  } catch (e) {
    throw new Error(`${specFile}: cannot read the spec: ${(e as Error).message}`);
  }
}

/** The mock's request as prism-http reads it; a body that is no JSON is the 400 answer instead. */
function toPrismRequest(request: MockRequest): Result<IHttpRequest, MockResponse> {
  const q = request.url.indexOf('?');
  const path = q < 0 ? request.url : request.url.slice(0, q);
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(q < 0 ? '' : request.url.slice(q + 1))) {
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.headers)) if (v !== undefined) headers[k] = v;
  let body: unknown = request.body;
  if (request.body) {
    try {
      body = JSON.parse(request.body);
    } catch {
      return { ok: false, error: errorAnswer(400, 'request body is not valid JSON') };
    }
  }
  return { ok: true, value: { method: request.method.toLowerCase() as IHttpRequest['method'], url: { path, query }, headers, body } };
}

/** What prism-http answered, as the mock's response. */
function fromPrismOutput({ output: out, validations }: PrismOutput): MockResponse {
  const invalid = validations.input;
  if (invalid.length > 0 && out.statusCode >= 400) {
    // Prism picked the spec's error response for an invalid request: say what was wrong, in the ERR-1 body.
    const message = invalid.map((v) => `${(v.path ?? []).join('.') || 'request'}: ${v.message}`).join('; ');
    return errorAnswer(out.statusCode, message);
  }
  const h: Record<string, string> = {};
  for (const [k, v] of Object.entries(out.headers ?? {})) h[k.toLowerCase()] = String(v);
  return out.body === undefined ? { status: out.statusCode, headers: h } : { status: out.statusCode, headers: { 'content-type': 'application/json', ...h }, body: out.body };
}

/** A prism-http failure as the ERR-1 answer; undefined when the spec has no such path (the core answers then). */
function fromPrismFailure(err: PrismFailure): MockResponse | undefined {
  const code = PRISM_TO_OURS[err.name] ?? err.status ?? 400;
  if (code === 404 && PRISM_TO_OURS[err.name] === 404) return undefined;
  const details = (err.additional?.validation ?? []).map((v) => `${(v.path ?? []).join('.')}: ${v.message}`);
  const message = [err.detail ?? err.message, ...details].filter(Boolean).join('; ');
  return errorAnswer(code, message);
}

/** Loads `specFile` and builds the prism-http fallback: examples first (static mode), with request validation. */
export async function createPrismFallback(specFile: string): Promise<Fallback> {
  const operations = await readOperations(specFile);
  const prism = createInstance(
    { mock: { dynamic: false }, checkSecurity: true, validateRequest: true, validateResponse: false, errors: true, upstreamProxy: undefined, isProxy: false },
    { logger: silentLogger() },
  );
  return async (request) => {
    const input = toPrismRequest(request);
    if (!input.ok) return input.error;
    const result = await prism.request(input.value, operations)();
    return result._tag === 'Right' ? fromPrismOutput(result.right) : fromPrismFailure(result.left as PrismFailure);
  };
}
