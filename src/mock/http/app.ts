import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import { parseState } from '../fixtures.js';
import { MAX_BODY_BYTES, errorAnswer, type MockCore, type MockRequest, type MockResponse } from '../domain/index.js';
import { createAnswerCache, type AnswerCache } from './answer-cache.js';
import { StateSaveError } from '../persistence.js';
import { createAdminGuard, type AdminAccess } from './admin-guard.js';
import { createStateBudget, DEFAULT_MAX_STATE_MB, type StateBudget } from './budget.js';
import { createFaults, type Latency } from './faults.js';
import { createInspector } from './inspector.js';
import { createRedactor } from './redact.js';
import { readBody } from './read-body.js';
import { cors, logger, pathOf, requireHost, runStages, sendAnswer, writeSerialized, type Stage } from './stages.js';
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

/** ERR-2: the one place that turns an adapter-level failure into the JSON error body (never a crash). */
function errors(err: unknown, _req: IncomingMessage, res: ServerResponse, _next?: unknown): void {
  const e = err as { type?: string; status?: number; message?: string; limit?: number };
  let out: MockResponse;
  if (err instanceof StateSaveError) out = errorAnswer(503, err.message); // README: a failed save answers 503, admin calls too
  else if (e.type === 'entity.too.large') out = errorAnswer(413, `request body exceeds ${e.limit ?? MAX_BODY_BYTES} bytes`); // DET-5; the admin import has its own limit
  else if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) out = errorAnswer(400, `bad request: ${e.message ?? 'unreadable body'}`);
  else {
    console.error('modus-mock: unexpected error', err);
    out = errorAnswer(500, 'internal mock error');
  }
  if (res.headersSent) return;
  sendAnswer(res, out);
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
      sendAnswer(res, errorAnswer(400, `state is not valid JSON: ${(e as Error).message}`));
      return;
    }
    const state = parseState(value, 'PUT /__mock/state');
    if (!state.ok) {
      sendAnswer(res, errorAnswer(422, state.error));
      return;
    }
    try {
      // ?seed=true: POST /__mock/reset returns to this state instead of the seed fixtures.
      core.importState(state.value, { asSeed: req.query['seed'] === 'true' });
    } finally {
      onReplaced();
    }
    res.status(200).json({ imported: true });
  });
  return router;
}

/** The API's last stage: the stateful core (through the answer cache), or prism-http for what it does not model. */
function answerStage(options: AppOptions, cache: AnswerCache, budget: StateBudget): Stage {
  const { core, fallback } = options;
  const onExchange = (request: MockRequest, response: MockResponse): void => {
    budget.note(request, response);
    options.onExchange?.(request, response);
  };
  return (req, res, next) => {
    let body: string | undefined;
    let bodyError = req.bodyError;
    if (!bodyError && Buffer.isBuffer(req.body) && req.body.length > 0) {
      try {
        body = utf8.decode(req.body);
      } catch {
        bodyError = { code: 400, message: 'request body is not valid UTF-8' };
      }
    }
    // DET-3: an unreadable body is the core's to answer, after auth and routing.
    const request: MockRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers as Record<string, string>, body };
    bodyError ??= budget.check(request);
    if (bodyError) request.bodyError = bodyError;
    if (fallback && !bodyError && !route(pathOf(request.url)).found) {
      // Not modelled by the stateful core: prism-http answers from the spec, or the core's 401/404 if not there either.
      fallback(request)
        .then((answered) => {
          const response = answered ?? core.handle(request);
          onExchange(request, response);
          sendAnswer(res, response);
        })
        .catch(next);
      return;
    }
    const out = cache.answer(request);
    onExchange(request, out.response);
    writeSerialized(res, out);
  };
}

/** Whether a request target is an origin-form path that the fast path may take (anything else goes to express). */
function isPlainTarget(url: string): boolean {
  // express's parseurl treats these characters specially; such rare targets keep express's reading of them.
  return url.charCodeAt(0) === 47 /* / */ && !/[#\s\u00a0\ufeff]/.test(url);
}

/** Builds the express app around a mock core; API requests skip express (docs/decisions/006-fast-path.md). */
export function createApp(options: AppOptions): express.Express {
  const { core, log } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('case sensitive routing', true); // `/__MOCK/STATE` is no admin route (issue 11): it is an unknown API path
  const faults = createFaults({ latency: options.latency, random: options.random });
  const inspector = createInspector(core, createRedactor(options.redact));
  const budget = createStateBudget(core, options.maxStateBytes ?? DEFAULT_MAX_STATE_MB * 1024 * 1024);
  const front: Stage[] = [requireHost, ...(log ? [logger(log)] : [])];
  // After the front stages: CORS, body, faults (latency, Prefer, rules: a forced status never reaches the core), answer.
  const api: Stage[] = [cors, readBody, faults.middleware, answerStage(options, createAnswerCache(core), budget)];
  app.use(inspector.record); // first, so preflights and fault answers show up too
  for (const stage of front) app.use(stage);
  // Admin first and behind its guard: no CORS for foreign origins there (docs/decisions/004-security-model.md).
  app.use('/__mock', createAdminGuard(options.admin), adminRoutes(core, budget.recount), faults.routes, inspector.routes);
  app.use((req, res, next) => runStages(api, req, res, (err) => next(err)));
  app.use(errors);
  // Issue 14: an API request runs the same stages straight on node:http, without express's router and
  // request decoration (most of the CPU of a cached GET); express keeps /__mock/* and unusual targets.
  // express calls app.handle both when it is the server's listener and when it is mounted in another app.
  const fast = [inspector.recordApi, ...front, ...api];
  type Handle = (req: IncomingMessage, res: ServerResponse, next?: unknown) => void;
  const handled = app as unknown as { handle: Handle };
  const viaExpress = handled.handle.bind(app);
  handled.handle = (req, res, next) => {
    const url = req.url ?? '';
    const path = pathOf(url);
    if (!isPlainTarget(url) || path === '/__mock' || path.startsWith('/__mock/')) return viaExpress(req, res, next);
    runStages(fast, req, res, errors);
  };
  return app;
}
