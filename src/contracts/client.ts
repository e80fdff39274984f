import { deleteCreated } from './checks/cleanup.js';
import { type Role, ROLES, type TargetConfig, type TargetPrincipal } from './target-file.js';

/** A request as scenarios and property commands write it: by role, never by token. */
export interface ApiRequest {
  method: string;
  /** Path with optional query string, e.g. `/api/v1/skills/3?view=draft`. */
  path: string;
  /** Whose token to send; null sends none. */
  role: Role | null;
  /** JSON body (serialised by the client). */
  body?: unknown;
  /** Raw body text, sent as is (for malformed-input checks); wins over `body`. */
  rawBody?: string;
  headers?: Record<string, string>;
}

/** A response with its JSON body parsed (undefined when empty). */
export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** One request and its response. */
export interface Exchange {
  request: ApiRequest;
  response: ApiResponse;
  ms: number;
}

/** What carries bytes to a target: HTTP or the in-process core. */
export interface Transport {
  send(method: string, path: string, headers: Record<string, string>, body: string | undefined): Promise<{ status: number; headers: Record<string, string>; text: string }>;
}

/** A transport's answer as returned, with its body already parsed (see withParsedBody). */
type RawAnswer = Awaited<ReturnType<Transport['send']>>;
const PARSED = Symbol('parsed body');
/** The parsed body a transport attached, and the answer object it belongs to. */
type Parsed = { of: RawAnswer; body: unknown };

/**
 * Marks an answer whose body the transport already holds as the value its text parses to: the client takes
 * it instead of parsing the text. A wrapper that builds another answer object (a spread copies the mark) gets
 * its text parsed as usual: the mark names the one object it was attached to.
 */
export function withParsedBody<T extends RawAnswer>(raw: T, body: unknown): T {
  (raw as T & { [PARSED]?: Parsed })[PARSED] = { of: raw, body };
  return raw;
}

/** The body of an answer: the parsed value a transport attached, else its text parsed (kept as text when not JSON). */
function bodyOf(raw: RawAnswer): unknown {
  const parsed = (raw as RawAnswer & { [PARSED]?: Parsed })[PARSED];
  if (parsed !== undefined && parsed.of === raw) return parsed.body;
  if (raw.text === '') return undefined;
  try {
    return JSON.parse(raw.text);
  } catch {
    return raw.text; // not JSON: kept as text, the contract check will flag it
  }
}

/** Budget, rate and safety settings. */
export interface ClientOptions {
  /** Hard cap on requests sent (retries count); cleanup is exempt. Default: unlimited. */
  maxRequests?: number;
  /** Requests per second; default unlimited. */
  rps?: number;
  /** Retries of 429/503 answers, honouring Retry-After; default 3. */
  maxRetries?: number;
  /** Refuse writes to resources this client did not create (on for real deployments). */
  guardWrites?: boolean;
  onExchange?: (exchange: Exchange) => void;
}

/** The request budget ran out. */
export class BudgetExceededError extends Error {}
/** A write to a resource the run did not create was refused before it was sent. */
export class UnsafeWriteError extends Error {}

/** Replaces every principal's token in `text` with `$MODUS_TOKEN_<ROLE>`. */
export function redactTokens(principals: TargetConfig['principals'], text: string): string {
  let out = text;
  for (const role of ROLES) out = out.split(principals[role].token).join(`$MODUS_TOKEN_${role.toUpperCase()}`);
  return out;
}

/** Ids at or above this never exist; writes to them probe the 404 path safely. */
export const NEVER_EXISTS_ID = 900_000_000_000_000;
const RESOURCE = /^\/api\/v1\/(skills|agents)(?:\/([^/?]+))?/;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Seconds or an HTTP date in Retry-After, as milliseconds (capped). */
function retryAfterMs(value: string | undefined, attempt: number): number {
  const fallback = 250 * 2 ** attempt;
  if (!value) return fallback;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Math.min(Math.max(Number.isFinite(ms) ? ms : fallback, 0), 30_000);
}

/** One client for every target: roles instead of tokens, a budget, a rate limit, retries and a write guard. */
export class TargetClient {
  requestsSent = 0;
  /** Resources this client created, by `skills/12` key, with the role that created them. */
  readonly created = new Map<string, { kind: 'skills' | 'agents'; id: number; role: Role }>();
  private nextSlot = 0;

  constructor(readonly config: TargetConfig, private readonly transport: Transport, private readonly options: ClientOptions = {}) {}

  /** The principal of a role. */
  principal(role: Role): TargetPrincipal {
    return this.config.principals[role];
  }

  /** Replaces every token of the target in `text` with `$MODUS_TOKEN_<ROLE>`. */
  redact(text: string): string {
    return redactTokens(this.config.principals, text);
  }

  /** Sends one request (rate-limited, budgeted, retried on 429/503). */
  async call(request: ApiRequest, exempt = false): Promise<Exchange> {
    this.guard(request);
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (request.role) headers['authorization'] = `Bearer ${this.config.principals[request.role].token}`;
    let text = request.rawBody;
    if (text === undefined && request.body !== undefined) text = JSON.stringify(request.body);
    if (text !== undefined) headers['content-type'] ??= 'application/json';
    const maxRetries = this.options.maxRetries ?? 3;
    for (let attempt = 0; ; attempt++) {
      const wait = this.take(exempt);
      if (wait) await wait; // no rate limit: no extra await per request
      const start = performance.now();
      const raw = await this.transport.send(request.method, request.path, headers, text);
      const ms = performance.now() - start;
      if ((raw.status === 429 || raw.status === 503) && attempt < maxRetries) {
        await sleep(retryAfterMs(raw.headers['retry-after'], attempt));
        continue;
      }
      const exchange: Exchange = { request, response: { status: raw.status, headers: raw.headers, body: bodyOf(raw) }, ms };
      this.remember(exchange);
      this.options.onExchange?.(exchange);
      return exchange;
    }
  }

  /** Soft-deletes everything this client created (newest first), trying each same-org role; answers what failed. */
  async cleanup(): Promise<string[]> {
    const items = [...this.created].reverse().map(([key, item]) => ({ key, roles: [item.role, 'owner', 'teammate', 'outsider'] as Role[] }));
    return (await deleteCreated(this, items)).failed;
  }

  private guard(request: ApiRequest): void {
    if (!this.options.guardWrites || request.method.toUpperCase() === 'GET') return;
    const m = RESOURCE.exec(request.path);
    if (!m) return;
    if (m[2] === undefined) {
      // A collection takes a create; any other write there (a bulk DELETE, a PUT) could reach what the run did not make.
      if (request.method.toUpperCase() === 'POST') return;
      throw new UnsafeWriteError(`refused ${request.method} ${request.path}: a write to a whole collection is not the run's to make`);
    }
    const id = Number(m[2]);
    if (Number.isSafeInteger(id) && id >= NEVER_EXISTS_ID) return;
    if (!this.created.has(`${m[1]}/${m[2]}`)) {
      throw new UnsafeWriteError(`refused ${request.method} ${request.path}: the run did not create ${m[1]}/${m[2]}`);
    }
  }

  private remember(e: Exchange): void {
    const m = RESOURCE.exec(e.request.path);
    if (!m || m[2] !== undefined || e.request.method.toUpperCase() !== 'POST' || e.response.status < 200 || e.response.status > 299) return;
    const id = (e.response.body as { id?: unknown } | undefined)?.id;
    if (typeof id === 'number' && e.request.role) this.created.set(`${m[1]}/${id}`, { kind: m[1] as 'skills' | 'agents', id, role: e.request.role });
  }

  /** Counts a request against the budget; answers a promise only when the rate limit makes it wait. */
  private take(exempt: boolean): Promise<void> | undefined {
    if (!exempt && this.options.maxRequests !== undefined && this.requestsSent >= this.options.maxRequests) {
      throw new BudgetExceededError(`request budget of ${this.options.maxRequests} spent`);
    }
    this.requestsSent++;
    const rps = this.options.rps;
    if (!rps) return undefined;
    const now = performance.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + 1000 / rps;
    return slot > now ? sleep(slot - now) : undefined;
  }
}
