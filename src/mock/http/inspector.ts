import { ServerResponse, type IncomingMessage } from 'node:http';
import express from 'express';
import { errorAnswer, type MockCore, type ResourceRecord } from '../domain/index.js';
import { renderInspectorPage } from './inspector-page.js';
import { createRedactor, type Redactor } from './redact.js';
import { pathOf, sendAnswer, type ApiRequest, type Next, type Stage } from './stages.js';

/** One API exchange as `GET /__mock/requests` shows it (tokens redacted). */
export interface ExchangeRecord {
  seq: number;
  time: string;
  method: string;
  url: string;
  status: number;
  ms: number;
  requestHeaders: Record<string, string>;
  /** Parsed JSON when the body is JSON, else the text (cut at 8 KiB); absent when empty. */
  requestBody?: unknown;
  responseBody?: unknown;
}

/** The request inspector of one app: a recorder middleware and the `/__mock` routes that show it. */
export interface Inspector {
  /** Express middleware: records every request outside `/__mock`. */
  record: Stage;
  /** Records this request, whatever its path (the API fast path has already told it from admin ones). */
  recordApi: Stage;
  routes: express.Router;
  recent(limit?: number): ExchangeRecord[];
}

/** How many exchanges the ring buffer keeps, and how many `GET /__mock/requests` returns by default. */
export const RING_SIZE = 200;
export const DEFAULT_LIMIT = 50;
const MAX_BODY_CHARS = 8 * 1024;
const MAX_OVERVIEW_ROWS = 1000;

export { redactAuthorization } from './redact.js';

/** A body as text, cut at MAX_BODY_CHARS; parsing waits until someone asks (recording stays cheap). */
function bodyText(chunk: unknown): string | undefined {
  let text: string;
  if (typeof chunk === 'string') text = chunk;
  else if (chunk instanceof Uint8Array) text = Buffer.from(chunk.buffer, chunk.byteOffset, Math.min(chunk.byteLength, MAX_BODY_CHARS * 4)).toString('utf8');
  else return undefined;
  if (text === '') return undefined;
  return text.length > MAX_BODY_CHARS ? `${text.slice(0, MAX_BODY_CHARS)}…(cut)` : text;
}

const big = (v: unknown): boolean => (typeof v === 'string' || v instanceof Uint8Array) && v.length > MAX_BODY_CHARS;
/**
 * Issue 14: cached answers hand the same Buffer to many requests; its cut text is made once, not once
 * per request (a 50-row page cut per request was most of the garbage, and the RSS, of a list-page load).
 */
const cuts = new WeakMap<Uint8Array, string | undefined>();
function keptBody(v: unknown): unknown {
  if (!big(v)) return v;
  if (!(v instanceof Uint8Array)) return bodyText(v);
  if (!cuts.has(v)) cuts.set(v, bodyText(v));
  return cuts.get(v);
}

function readable(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A row of the inspector's state table. */
function overviewRow(r: ResourceRecord): Record<string, unknown> {
  const variation = r.variations[r.draftVariationId ?? r.activeVariationId ?? ''] ?? {};
  return {
    id: r.id,
    name: variation['name'] ?? null,
    status: r.status,
    orgUuid: r.orgUuid,
    owner: r.accessConfig.ownerUserId,
    visibility: r.accessConfig.visibility,
    pendingOwner: r.pendingOwnershipTransfer?.pendingOwnerUserId ?? null,
    hasUnpublishedChanges: r.hasUnpublishedChanges,
  };
}

const SENT = Symbol('modus.sent');
type Recorded = ServerResponse & { [SENT]?: unknown };
const plainEnd = ServerResponse.prototype.end;

/** The one `end` every recorded response gets: notes the body, then ends as usual. */
function endNoting(this: Recorded, ...args: unknown[]): ServerResponse {
  if (typeof args[0] !== 'function') this[SENT] = args[0];
  return (plainEnd as (...a: unknown[]) => ServerResponse).apply(this, args);
}

/**
 * Captures the body on its way out: the core, faults, CORS and the error handler all end here. Issue 14:
 * the same function on every response, not a fresh closure each (V8 then allocated every request's
 * closure state in the old generation, which grew by ~8 MB/s under load); a `res.end` someone else
 * wrapped first keeps a wrapper of its own.
 */
function captureBody(res: ServerResponse): () => unknown {
  const recorded = res as Recorded;
  if (res.end === plainEnd) {
    res.end = endNoting as ServerResponse['end'];
    return () => recorded[SENT];
  }
  let sent: unknown;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((...args: unknown[]) => {
    if (typeof args[0] !== 'function') sent = args[0];
    return end(...args);
  }) as ServerResponse['end'];
  return () => sent;
}

/** One recorded exchange, raw: formatting, redaction and parsing wait until someone reads the inspector. */
interface Slot {
  seq: number;
  at: number;
  ms: number;
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  status: number;
  requestBody: unknown;
  sent: unknown;
}

/**
 * The last RING_SIZE exchanges in slots made once and overwritten in turn (issue 14): a new object per
 * request, pushed and shifted, lived just long enough to be promoted by every young-generation GC.
 * `next` numbers the slot it hands out (seq 1, 2, ...; a clear does not restart the count).
 */
type Ring = { next(): Slot; newest(limit: number): Slot[]; clear(): void };
function createRing(): Ring {
  const slots: Slot[] = Array.from({ length: RING_SIZE }, () => ({ seq: 0, at: 0, ms: 0, method: '', url: '', headers: {}, status: 0, requestBody: undefined, sent: undefined }));
  let head = 0; // the slot the next exchange overwrites
  let count = 0;
  let seq = 0;
  return {
    next() {
      const slot = slots[head]!;
      slot.seq = ++seq;
      head = (head + 1) % RING_SIZE;
      count = Math.min(count + 1, RING_SIZE);
      return slot;
    },
    newest(limit) {
      const out: Slot[] = [];
      for (let i = 1; i <= Math.min(limit, count); i++) out.push(slots[(head - i + RING_SIZE) % RING_SIZE]!);
      return out;
    },
    clear() {
      count = 0;
      for (const slot of slots) Object.assign(slot, { headers: {}, requestBody: undefined, sent: undefined }); // drop the references
    },
  };
}

/** The stage that records an exchange once it is answered, whatever its path. */
function recorder(ring: Ring): Stage {
  return (req: ApiRequest, res: ServerResponse, next: Next): void => {
    const start = performance.now();
    const at = Date.now();
    const url = req.url ?? '';
    const sent = captureBody(res);
    res.on('finish', () => {
      // Keep raw references only; formatting, redaction and parsing wait until someone reads the inspector.
      const slot = ring.next();
      slot.at = at;
      slot.ms = performance.now() - start;
      slot.method = req.method ?? '';
      slot.url = url;
      slot.headers = req.headers;
      slot.status = res.statusCode;
      // Large bodies are cut now, so the ring never holds megabytes; small ones are kept as they are.
      slot.requestBody = keptBody(req.body);
      slot.sent = keptBody(sent());
    });
    next();
  };
}

/** A recorded exchange as the inspector shows it: times formatted, credentials redacted, JSON bodies parsed. */
function showExchange({ seq, at, ms, method, url, headers, status, requestBody, sent }: Slot, redactor: Redactor): ExchangeRecord {
  const out: ExchangeRecord = {
    seq,
    time: new Date(at).toISOString(),
    method,
    url: redactor.url(url),
    status,
    ms: Math.round(ms * 100) / 100,
    requestHeaders: redactor.headers(headers),
  };
  const requestText = bodyText(requestBody);
  const responseText = bodyText(sent);
  if (requestText !== undefined) out.requestBody = redactor.body(readable(requestText));
  if (responseText !== undefined) out.responseBody = redactor.body(readable(responseText));
  return out;
}

/** `GET /__mock/`: the page; frame-ancestors and DENY: no other page may frame it (it shows the principals' tokens). */
function sendPage(res: express.Response, core: MockCore): void {
  const nonce = globalThis.crypto.randomUUID();
  res.setHeader('content-security-policy', `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; frame-ancestors 'none'`);
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.status(200).end(renderInspectorPage(core.principals, nonce));
}

/** The inspector's `/__mock` routes: the page, the recorded requests and the state overview. */
function inspectorRoutes(core: MockCore, ring: Ring, recent: (limit: number) => ExchangeRecord[]): express.Router {
  const routes = express.Router();
  routes.get('/', (_req, res) => sendPage(res, core));
  routes.get('/requests', (req, res) => {
    const text = req.query['limit'];
    const limit = text === undefined ? DEFAULT_LIMIT : Number(text);
    if (!Number.isInteger(limit) || limit < 1 || limit > RING_SIZE) {
      return sendAnswer(res, errorAnswer(400, `limit must be an integer from 1 to ${RING_SIZE}`));
    }
    res.status(200).json({ requests: recent(limit) });
  });
  routes.delete('/requests', (_req, res) => {
    ring.clear();
    res.status(204).end();
  });
  routes.get('/overview', (_req, res) => {
    // Issue 11: the first rows straight from the store; copying the whole state stalled every 2 s refresh.
    const skills = core.peekRecords('skill', MAX_OVERVIEW_ROWS);
    const agents = core.peekRecords('agent', MAX_OVERVIEW_ROWS);
    res.status(200).json({
      skills: skills.rows.map(overviewRow),
      agents: agents.rows.map(overviewRow),
      totals: { skills: skills.total, agents: agents.total },
    });
  });
  return routes;
}

/** Builds the inspector: records every non-admin exchange (ring buffer) and serves the page and its JSON, credentials redacted. */
export function createInspector(core: MockCore, redactor: Redactor = createRedactor()): Inspector {
  const ring = createRing();
  const recordApi = recorder(ring);
  const record = (req: ApiRequest, res: ServerResponse, next: Next): void => {
    // express's req.path: the pathname of any request target form (origin or absolute).
    const path = (req as { path?: string }).path ?? pathOf(req.url ?? '');
    if (path === '/__mock' || path.startsWith('/__mock/')) return next();
    recordApi(req, res, next);
  };
  const recent = (limit = DEFAULT_LIMIT): ExchangeRecord[] => ring.newest(limit).map((slot) => showExchange(slot, redactor));
  return { record, recordApi, routes: inspectorRoutes(core, ring, recent), recent };
}
