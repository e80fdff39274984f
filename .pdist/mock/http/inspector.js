import express from 'express';
import { errorBody } from '../domain/index.js';
import { renderInspectorPage } from './inspector-page.js';
/** How many exchanges the ring buffer keeps, and how many `GET /__mock/requests` returns by default. */
export const RING_SIZE = 200;
export const DEFAULT_LIMIT = 50;
const MAX_BODY_CHARS = 8 * 1024;
const MAX_OVERVIEW_ROWS = 1000;
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
/** Redacts a credential header: `Bearer tok_a…` (5 chars at most, only for long tokens) or `[redacted]`. */
export function redactAuthorization(value) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(value);
    if (!m || m[1].length < 12)
        return '[redacted]';
    return `Bearer ${m[1].slice(0, 5)}…`;
}
function redactHeaders(headers) {
    const out = {};
    for (const [name, raw] of Object.entries(headers)) {
        if (raw === undefined)
            continue;
        const value = Array.isArray(raw) ? raw.join(', ') : raw;
        if (name === 'authorization')
            out[name] = redactAuthorization(value);
        else
            out[name] = SECRET_HEADERS.has(name) ? '[redacted]' : value;
    }
    return out;
}
/** A body as text, cut at MAX_BODY_CHARS; parsing waits until someone asks (recording stays cheap). */
function bodyText(chunk) {
    let text;
    if (typeof chunk === 'string')
        text = chunk;
    else if (chunk instanceof Uint8Array)
        text = Buffer.from(chunk.subarray(0, MAX_BODY_CHARS * 4)).toString('utf8');
    else
        return undefined;
    if (text === '')
        return undefined;
    return text.length > MAX_BODY_CHARS ? `${text.slice(0, MAX_BODY_CHARS)}…(cut)` : text;
}
function readable(text) {
    if (text === undefined)
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
/** A row of the inspector's state table. */
function overviewRow(r) {
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
/** Builds the inspector: records every non-admin exchange (ring buffer) and serves the page and its JSON. */
export function createInspector(core) {
    const ring = [];
    let seq = 0;
    const record = (req, res, next) => {
        if (req.path === '/__mock' || req.path.startsWith('/__mock/'))
            return next();
        const start = performance.now();
        const at = Date.now();
        let sent;
        const end = res.end.bind(res);
        // Capture the body on its way out: the core, faults, CORS and the error handler all end here.
        res.end = ((...args) => {
            if (typeof args[0] !== 'function')
                sent = args[0];
            return end(...args);
        });
        res.once('finish', () => {
            // Keep raw references only; formatting, redaction and parsing wait until someone reads the inspector.
            const big = (v) => (typeof v === 'string' || v instanceof Uint8Array) && v.length > MAX_BODY_CHARS;
            ring.push({
                seq: ++seq, at, ms: performance.now() - start, method: req.method, url: req.originalUrl, headers: req.headers, status: res.statusCode,
                // Large bodies are cut now, so the ring never holds megabytes; small ones are kept as they are.
                requestBody: big(req.body) ? bodyText(req.body) : req.body,
                sent: big(sent) ? bodyText(sent) : sent,
            });
            if (ring.length > RING_SIZE)
                ring.shift();
        });
        next();
    };
    const recent = (limit = DEFAULT_LIMIT) => ring.slice(-limit).reverse().map(({ seq: n, at, ms, method, url, headers, status, requestBody, sent }) => {
        const out = {
            seq: n,
            time: new Date(at).toISOString(),
            method,
            url,
            status,
            ms: Math.round(ms * 100) / 100,
            requestHeaders: redactHeaders(headers),
        };
        const requestText = bodyText(requestBody);
        const responseText = bodyText(sent);
        if (requestText !== undefined)
            out.requestBody = readable(requestText);
        if (responseText !== undefined)
            out.responseBody = readable(responseText);
        return out;
    });
    const routes = express.Router();
    routes.get('/', (_req, res) => {
        const nonce = globalThis.crypto.randomUUID();
        res.setHeader('content-security-policy', `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'`);
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.setHeader('cache-control', 'no-store');
        res.status(200).end(renderInspectorPage(core.principals, nonce));
    });
    routes.get('/requests', (req, res) => {
        const text = req.query['limit'];
        const limit = text === undefined ? DEFAULT_LIMIT : Number(text);
        if (!Number.isInteger(limit) || limit < 1 || limit > RING_SIZE) {
            res.status(400).json(errorBody(400, `limit must be an integer from 1 to ${RING_SIZE}`));
            return;
        }
        res.status(200).json({ requests: recent(limit) });
    });
    routes.delete('/requests', (_req, res) => {
        ring.length = 0;
        res.status(204).end();
    });
    routes.get('/overview', (_req, res) => {
        const state = core.exportState();
        res.status(200).json({
            skills: state.skills.slice(0, MAX_OVERVIEW_ROWS).map(overviewRow),
            agents: state.agents.slice(0, MAX_OVERVIEW_ROWS).map(overviewRow),
        });
    });
    return { record, routes, recent };
}
//# sourceMappingURL=inspector.js.map