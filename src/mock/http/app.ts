import express, { type NextFunction, type Request, type Response } from 'express';
import { FixtureError, parseState } from '../fixtures.js';
import { MAX_BODY_BYTES, corsHeaders, errorBody, preflightHeaders, type MockCore, type MockRequest, type MockResponse } from '../domain/index.js';
import { StateSaveError } from '../persistence.js';
import { createAdminGuard, type AdminAccess } from './admin-guard.js';
import { createStateBudget, DEFAULT_MAX_STATE_MB } from './budget.js';
import { createFaults, type Latency } from './faults.js';
import { createInspector } from './inspector.js';
import { createRedactor } from './redact.js';
import { readBody, type BodyNote } from './read-body.js';
import type { Fallback } from './prism-fallback.js';
import { route } from '../domain/router.js';

/** Options of the express adapter. */
export interface AppOptions {
  core: MockCore;
  /** One line per request (method, path, status, ms); undefined = silent. */
  log?: (line: string) => void;
  /** Called with every API request and its response (validation, inspector, persistence hooks). */
  onExchange?: (request: MockRequest, response: MockResponse) => void;
  /** Delay every API response by a random time in this range (`--latency`). */
  latency?: Latency | undefined;
  /** Randomness for latency and fault probabilities (tests pin it); Math.random by default. */
  random?: (() => number) | undefined;
  /** Answers operations the stateful core does not model (prism-http over `--spec`). */
  fallback?: Fallback | undefined;
  /** Who may reach `/__mock/*`: the bound host, `--allow-origin`, `--admin-token`. */
  admin?: AdminAccess | undefined;
  /** More header names / query keys to redact in the inspector (`--redact NAME`), besides the built-in list. */
  redact?: readonly string[] | undefined;
  /** Stored bytes before writes with a body answer 413 (`--max-state-mb`); DEFAULT_MAX_STATE_MB MiB by default. */
  maxStateBytes?: number | undefined;
}

/** The largest body `PUT /__mock/state` accepts (docs/decisions/002-limits.md); larger answers 413. */
export const ADMIN_STATE_LIMIT = 64 * 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** ERR-1: HTTP/1.1 requires Host (RFC 9112 3.2); Node's own check answers a bare 400, this one the JSON error. */
function requireHost(req: Request, res: Response, next: NextFunction): void {
  if (req.headers.host !== undefined || req.httpVersion !== '1.1') return next();
  res.setHeader('connection', 'close');
  send(res, jsonError(400, 'an HTTP/1.1 request needs a Host header'));
}

/** CORS on for any origin on the API, so a browser app on another origin can call the mock (preflight answered here). */
function cors(req: Request, res: Response, next: NextFunction): void {
  const origin = req.headers.origin;
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
    const requested = req.headers['access-control-request-headers'];
    res.set(preflightHeaders(origin, Array.isArray(requested) ? requested.join(', ') : requested)).status(204).end();
    return;
  }
  res.set(corsHeaders(origin));
  next();
}

function logger(log: (line: string) => void) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      log(`${req.method} ${req.originalUrl.split('?')[0]} ${res.statusCode} ${ms.toFixed(1)}ms`);
    });
    next();
  };
}

/** Writes a core response with an explicit Content-Length (no chunked encoding: one write per answer). */
export function send(res: Response, out: MockResponse): void {
  if (out.body === undefined) {
    res.writeHead(out.status, out.headers).end(); // 204: no Content-Length at all (RFC 9110)
    return;
  }
  const text = JSON.stringify(out.body);
  res.writeHead(out.status, { ...out.headers, 'content-length': Buffer.byteLength(text) }).end(text);
}

/** ERR-2: the one place that turns an adapter-level failure into the JSON error body (never a crash). */
function errors(err: unknown, _req: Request, res: Response, _next: NextFunction): void {
  const e = err as { type?: string; status?: number; message?: string; limit?: number };
  let out: MockResponse;
  if (err instanceof FixtureError) out = jsonError(422, err.message);
  else if (err instanceof StateSaveError) out = jsonError(503, err.message); // README: a failed save answers 503, admin calls too
  else if (e.type === 'entity.too.large') out = jsonError(413, `request body exceeds ${e.limit ?? MAX_BODY_BYTES} bytes`); // DET-5; the admin import has its own limit
  else if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) out = jsonError(400, `bad request: ${e.message ?? 'unreadable body'}`);
  else {
    console.error('modus-mock: unexpected error', err);
    out = jsonError(500, 'internal mock error');
  }
  if (res.headersSent) return;
  send(res, out);
}

function jsonError(code: number, message: string): MockResponse {
  return { status: code, headers: { 'content-type': 'application/json' }, body: errorBody(code, message) };
}

/** The mock's admin API: reset, export and import state (outside /api, behind the admin guard). */
function adminRoutes(core: MockCore, onReplaced: () => void): express.Router {
  const router = express.Router({ caseSensitive: true, strict: false });
  router.post('/reset', (_req, res) => {
    try {
      core.reset();
    } finally {
      onReplaced(); // a failed save rolls back to the file: recount either way
    }
    res.status(200).json({ reset: true });
  });
  router.get('/state', (_req, res) => {
    res.status(200).json(core.exportState());
  });
  router.put('/state', express.text({ type: () => true, limit: ADMIN_STATE_LIMIT }), (req, res) => {
    let value: unknown;
    try {
      value = JSON.parse(typeof req.body === 'string' ? req.body : '');
    } catch (e) {
      send(res, jsonError(400, `state is not valid JSON: ${(e as Error).message}`));
      return;
    }
    const state = parseState(value, 'PUT /__mock/state');
    try {
      // ?seed=true: POST /__mock/reset returns to this state instead of the seed fixtures.
      core.importState(state, { asSeed: req.query['seed'] === 'true' });
    } finally {
      onReplaced();
    }
    res.status(200).json({ imported: true });
  });
  return router;
}

/** Builds the express app around a mock core. */
export function createApp(options: AppOptions): express.Express {
  const { core, log } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('case sensitive routing', true); // `/__MOCK/STATE` is no admin route (issue 11): it is an unknown API path
  const faults = createFaults({ latency: options.latency, random: options.random });
  const inspector = createInspector(core, createRedactor(options.redact));
  const budget = createStateBudget(core, options.maxStateBytes ?? DEFAULT_MAX_STATE_MB * 1024 * 1024);
  const onExchange = (request: MockRequest, response: MockResponse): void => {
    budget.note(request, response);
    options.onExchange?.(request, response);
  };
  app.use(inspector.record); // first, so preflights and fault answers show up too
  app.use(requireHost);
  if (log) app.use(logger(log));
  // Admin first and behind its guard: no CORS for foreign origins there (docs/decisions/004-security-model.md).
  app.use('/__mock', createAdminGuard(options.admin), adminRoutes(core, budget.recount), faults.routes, inspector.routes);
  app.use(cors);

  /** The API: the stateful core, or prism-http for what it does not model. */
  const answer = (req: Request, res: Response, next: NextFunction): void => {
    let body: string | undefined;
    let bodyError = (req as BodyNote).bodyError;
    if (!bodyError && Buffer.isBuffer(req.body) && req.body.length > 0) {
      try {
        body = utf8.decode(req.body);
      } catch {
        bodyError = { code: 400, message: 'request body is not valid UTF-8' };
      }
    }
    // DET-3: an unreadable body is the core's to answer, after auth and routing.
    const request: MockRequest = { method: req.method, url: req.originalUrl, headers: req.headers as Record<string, string>, body };
    bodyError ??= budget.check(request);
    if (bodyError) request.bodyError = bodyError;
    const fallback = options.fallback;
    if (fallback && !bodyError && !route(req.path).found) {
      // Not modelled by the stateful core: prism-http answers from the spec, or the core's 401/404 if not there either.
      fallback(request)
        .then((answered) => {
          const response = answered ?? core.handle(request);
          onExchange(request, response);
          send(res, response);
        })
        .catch(next);
      return;
    }
    const response = core.handle(request);
    onExchange(request, response);
    send(res, response);
  };
  // One layer for body, faults and answer: every API request walks the router once, not three times.
  app.use((req: Request, res: Response, next: NextFunction) => {
    readBody(req, res, (err?: unknown) => {
      if (err) return next(err);
      // Latency, Prefer and fault rules; a forced status never reaches the core.
      faults.middleware(req, res, () => answer(req, res, next));
    });
  });
  app.use(errors);
  return app;
}
