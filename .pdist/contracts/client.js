import { ROLES } from './target-file.js';
/** The request budget ran out. */
export class BudgetExceededError extends Error {
}
/** A write to a resource the run did not create was refused before it was sent. */
export class UnsafeWriteError extends Error {
}
/** Ids at or above this never exist; writes to them probe the 404 path safely. */
export const NEVER_EXISTS_ID = 900_000_000_000_000;
const RESOURCE = /^\/api\/v1\/(skills|agents)(?:\/([^/?]+))?/;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Seconds or an HTTP date in Retry-After, as milliseconds (capped). */
function retryAfterMs(value, attempt) {
    const fallback = 250 * 2 ** attempt;
    if (!value)
        return fallback;
    const seconds = Number(value);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
    return Math.min(Math.max(Number.isFinite(ms) ? ms : fallback, 0), 30_000);
}
/** One client for every target: roles instead of tokens, a budget, a rate limit, retries and a write guard. */
export class TargetClient {
    config;
    transport;
    options;
    requestsSent = 0;
    /** Resources this client created, by `skills/12` key, with the role that created them. */
    created = new Map();
    nextSlot = 0;
    constructor(config, transport, options = {}) {
        this.config = config;
        this.transport = transport;
        this.options = options;
    }
    /** The principal of a role. */
    principal(role) {
        return this.config.principals[role];
    }
    /** Replaces every token of the target in `text` with `$MODUS_TOKEN_<ROLE>`. */
    redact(text) {
        let out = text;
        for (const role of ROLES)
            out = out.split(this.config.principals[role].token).join(`$MODUS_TOKEN_${role.toUpperCase()}`);
        return out;
    }
    /** Sends one request (rate-limited, budgeted, retried on 429/503). */
    async call(request, exempt = false) {
        this.guard(request);
        const headers = { accept: 'application/json', ...request.headers };
        if (request.role)
            headers['authorization'] = `Bearer ${this.config.principals[request.role].token}`;
        let text = request.rawBody;
        if (text === undefined && request.body !== undefined)
            text = JSON.stringify(request.body);
        if (text !== undefined)
            headers['content-type'] ??= 'application/json';
        const maxRetries = this.options.maxRetries ?? 3;
        for (let attempt = 0;; attempt++) {
            await this.take(exempt);
            const start = performance.now();
            const raw = await this.transport.send(request.method, request.path, headers, text);
            const ms = performance.now() - start;
            if ((raw.status === 429 || raw.status === 503) && attempt < maxRetries) {
                await sleep(retryAfterMs(raw.headers['retry-after'], attempt));
                continue;
            }
            let body;
            try {
                body = raw.text === '' ? undefined : JSON.parse(raw.text);
            }
            catch {
                body = raw.text; // not JSON: kept as text, the contract check will flag it
            }
            const exchange = { request, response: { status: raw.status, headers: raw.headers, body }, ms };
            this.remember(exchange);
            this.options.onExchange?.(exchange);
            return exchange;
        }
    }
    /** Soft-deletes everything this client created (newest first), trying each same-org role; answers what failed. */
    async cleanup() {
        const failed = [];
        for (const [key, item] of [...this.created].reverse()) {
            const roles = [item.role, 'owner', 'teammate', 'outsider'];
            let done = false;
            for (const role of new Set(roles)) {
                const res = await this.call({ method: 'DELETE', path: `/api/v1/${key}`, role }, true).catch(() => undefined);
                if (res && res.response.status === 204) {
                    done = true;
                    break;
                }
            }
            if (!done)
                failed.push(key);
        }
        return failed;
    }
    guard(request) {
        if (!this.options.guardWrites || request.method.toUpperCase() === 'GET')
            return;
        const m = RESOURCE.exec(request.path);
        if (!m || m[2] === undefined)
            return; // collection POST (create) is always allowed
        const id = Number(m[2]);
        if (Number.isSafeInteger(id) && id >= NEVER_EXISTS_ID)
            return;
        if (!this.created.has(`${m[1]}/${m[2]}`)) {
            throw new UnsafeWriteError(`refused ${request.method} ${request.path}: the run did not create ${m[1]}/${m[2]}`);
        }
    }
    remember(e) {
        const m = RESOURCE.exec(e.request.path);
        if (!m || m[2] !== undefined || e.request.method.toUpperCase() !== 'POST' || e.response.status !== 201)
            return;
        const id = e.response.body?.id;
        if (typeof id === 'number' && e.request.role)
            this.created.set(`${m[1]}/${id}`, { kind: m[1], id, role: e.request.role });
    }
    async take(exempt) {
        if (!exempt && this.options.maxRequests !== undefined && this.requestsSent >= this.options.maxRequests) {
            throw new BudgetExceededError(`request budget of ${this.options.maxRequests} spent`);
        }
        this.requestsSent++;
        const rps = this.options.rps;
        if (!rps)
            return;
        const now = performance.now();
        const slot = Math.max(now, this.nextSlot);
        this.nextSlot = slot + 1000 / rps;
        if (slot > now)
            await sleep(slot - now);
    }
}
//# sourceMappingURL=client.js.map