import type { IncomingMessage, ServerResponse } from 'node:http';
import { corsHeaders, errorAnswer, preflightHeaders, type MockRequest, type MockResponse } from '../domain/index.js';
import { serialize, type Serialized } from './answer-cache.js';

/** A node:http request as the API stages see it: the raw body (when one was read) and a noted read failure. */
export type ApiRequest = IncomingMessage & { body?: unknown; bodyError?: MockRequest['bodyError'] };
/** Continues with the next stage; an error skips to the error mapping. */
export type Next = (err?: unknown) => void;
/** One stage of a request on plain node:http objects; express can mount it as middleware too. */
export type Stage = (req: ApiRequest, res: ServerResponse, next: Next) => void;
/** What an error that escaped a stage becomes (app.ts `errors`). */
export type Fail = (err: unknown, req: ApiRequest, res: ServerResponse) => void;

/**
 * Runs `stages` in order on node:http objects without express's router (issue 14: the router, its
 * request decoration and its layers cost more CPU per API request than the rest of the answer).
 * Like express, a stage's throw or `next(err)` goes to `fail`.
 */
export function runStages(stages: readonly Stage[], req: ApiRequest, res: ServerResponse, fail: Fail): void {
  let i = 0;
  const next: Next = (err?: unknown) => {
    if (err) return fail(err, req, res);
    const stage = stages[i++];
    if (!stage) return;
    try {
      stage(req, res, next);
    } catch (e) {
      fail(e, req, res);
    }
  };
  next();
}

/** The path of an origin-form request target (`/a/b?q` -> `/a/b`). */
export function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

/** Writes an encoded answer in one `writeHead` + `end` (Content-Length, never chunked). */
export function writeSerialized(res: ServerResponse, out: Serialized): void {
  res.writeHead(out.response.status, out.headers);
  if (out.body === undefined) res.end();
  else res.end(out.body);
}

/**
 * The one writer of an answer (a core response or an `errorAnswer`) to a node:http or express response:
 * an explicit Content-Length, no chunked encoding, one write; headers set earlier (CORS) are kept.
 */
export function sendAnswer(res: ServerResponse, out: MockResponse): void {
  writeSerialized(res, serialize(out));
}

/** ERR-1: HTTP/1.1 requires Host (RFC 9112 3.2); Node's own check answers a bare 400, this one the JSON error. */
export const requireHost: Stage = (req, res, next) => {
  if (req.headers.host !== undefined || req.httpVersion !== '1.1') return next();
  res.setHeader('connection', 'close');
  sendAnswer(res, errorAnswer(400, 'an HTTP/1.1 request needs a Host header'));
};

/** CORS on for any origin on the API, so a browser app on another origin can call the mock (preflight answered here). */
export const cors: Stage = (req, res, next) => {
  const origin = req.headers.origin;
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
    const requested = req.headers['access-control-request-headers'];
    res.writeHead(204, preflightHeaders(origin, Array.isArray(requested) ? requested.join(', ') : requested)).end();
    return;
  }
  const headers = corsHeaders(origin);
  for (const name in headers) res.setHeader(name, headers[name]!);
  next();
};

/** `--log`: one line per request (method, path, status, ms) once it is answered. */
export function logger(log: (line: string) => void): Stage {
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    const path = pathOf(req.url ?? ''); // read now: express's /__mock mount rewrites req.url on the way
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      log(`${req.method} ${path} ${res.statusCode} ${ms.toFixed(1)}ms`);
    });
    next();
  };
}
