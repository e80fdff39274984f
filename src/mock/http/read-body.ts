import type { ServerResponse } from 'node:http';
import express from 'express';
import { MAX_BODY_BYTES, type MockRequest } from '../domain/index.js';
import type { ApiRequest, Next } from './stages.js';

/** A request whose unreadable body was noted for the core to answer (DET-3). */
export type BodyNote = ApiRequest;
// body-parser's raw reader needs nothing of express: it reads a plain node:http request.
const readRaw = express.raw({ type: () => true, limit: MAX_BODY_BYTES });

/** What an unreadable body becomes: 413 over 1 MiB (DET-5), else 400 naming the problem. */
function bodyProblem(err: { type?: string; message?: string }, req: ApiRequest): NonNullable<MockRequest['bodyError']> {
  if (err.type === 'entity.too.large') return { code: 413, message: `request body exceeds ${MAX_BODY_BYTES} bytes` };
  if (err.type === 'encoding.unsupported') {
    return { code: 400, message: `unsupported Content-Encoding ${JSON.stringify(req.headers['content-encoding'] ?? '')} (identity, gzip, deflate and br are)` };
  }
  return { code: 400, message: `request body cannot be read: ${err.message ?? 'bad encoding'}` };
}

/**
 * Reads the API body; an unreadable one (over 1 MiB, a corrupt gzip, an unsupported Content-Encoding) is
 * noted on the request rather than answered here: DET-3 wants 401 and 404/405 first, and GET ignores bodies.
 */
export function readBody(req: ApiRequest, res: ServerResponse, next: Next): void {
  // Most calls (every GET) carry no body: skip the body parser altogether.
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return next();
  readRaw(req, res, (err?: unknown) => {
    const e = err as { status?: number; type?: string; message?: string } | undefined;
    if (!e || typeof e.status !== 'number' || e.status < 400 || e.status >= 500) return next(err);
    req.bodyError = bodyProblem(e, req);
    next();
  });
}
