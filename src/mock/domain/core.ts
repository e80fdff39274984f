import { isObject, parseBody } from './body.js';
import { errorBody, fail } from './errors.js';
import { type Answer, type Ctx } from './context.js';
import { create } from './create.js';
import { deploy, remove, toggle, undelete } from './lifecycle.js';
import { list } from './list.js';
import { route, type Operation } from './router.js';
import { applySeed, type SeedFile } from './seed.js';
import { Store } from './store.js';
import { deterministicSequence, newestTime, type DeterministicOptions } from './deterministic.js';
import { acceptTransfer, cancelTransfer, requestTransfer } from './transfer.js';
import { getOne, getVariation } from './read.js';
import { patch } from './update.js';
import type { Kind, MockRequest, MockResponse, Principal, ResourceRecord, Result, StateExport } from './types.js';

/** How to build a mock core. */
export interface MockCoreOptions {
  principals: readonly Principal[];
  /** Friendly seed fixtures (v1 or v2) applied at start and on every reset; or a state export to start from and reset to. */
  seed?: SeedFile | StateExport;
  /** A full state export to start from instead of the seed (e.g. a state file). */
  state?: StateExport;
  /** Milliseconds since the epoch; defaults to Date.now. */
  clock?: () => number;
  /** Snapshot-stable data: a clock that steps per write and seeded uuids, replayed from the start on reset (overrides `clock`). */
  deterministic?: DeterministicOptions;
  /** Creates beyond this many resources of one kind in one org answer 409. */
  maxResourcesPerOrg?: number;
}

/** The framework-free mock: `handle(request) -> response` plus state admin. */
export interface MockCore {
  handle(request: MockRequest): MockResponse;
  /** Back to the seed fixtures. */
  reset(): void;
  exportState(): StateExport;
  /** The same export as JSON text, without the defensive copy (what a state file stores). */
  serializeState(): string;
  /** Replaces the state with an export that was already validated (see `parseState`); `asSeed`: reset returns to it too. */
  importState(state: StateExport, options?: { asSeed?: boolean }): void;
  /** The first `limit` records of a kind, live and read-only, and the total: a summary that copies nothing. */
  peekRecords(kind: Kind, limit: number): { rows: readonly ResourceRecord[]; total: number };
  /**
   * A counter that moves on every change of state (writes, reset, import, a newly minted page token):
   * while it stays put, the same GET with the same Authorization answers the same (adapters cache on it).
   */
  version(): number;
  readonly principals: readonly Principal[];
}

const JSON_HEADERS = { 'content-type': 'application/json' } as const;
/** Methods whose operations never change state (HEAD and OPTIONS are answered 405 by the core). */
const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Operations whose body is read (DET-3: a malformed one is 400 before any resource check); GET and DELETE ignore bodies. */
const WITH_BODY: ReadonlySet<Operation> = new Set(['create', 'patch', 'deploy', 'transfer', 'toggle', 'undelete', 'accept', 'cancel']);

/** Builds the stateful core from principals and seed fixtures. */
export function createMockCore(options: MockCoreOptions): MockCore {
  const sequence = options.deterministic ? deterministicSequence(options.deterministic) : undefined;
  const clock = sequence?.clock ?? options.clock ?? Date.now;
  let last = 0;
  let version = 0;
  const byToken = new Map(options.principals.map((p) => [p.token, p]));
  const membersByUserId = new Map<string, Principal>();
  for (const p of options.principals) if (!membersByUserId.has(p.userId)) membersByUserId.set(p.userId, p);
  const ctx: Ctx = {
    store: new Store(),
    now() {
      last = Math.max(clock(), last + 1); // UPD-6: strictly increasing, so every write moves updatedAt
      return new Date(last).toISOString();
    },
    newId: sequence?.newId ?? (() => globalThis.crypto.randomUUID()),
    membersByUserId,
    maxResourcesPerOrg: options.maxResourcesPerOrg ?? 10_000,
  };
  // A state export given as the seed (or imported with asSeed) is what reset returns to, kept as text so it never aliases live state.
  let seedState = options.seed?.version === 1 ? JSON.stringify(options.seed) : undefined;
  const reset = (): void => {
    version++;
    if (seedState !== undefined) return adopt(JSON.parse(seedState) as StateExport);
    // --deterministic: a reset replays the same clock and uuids, so every test after reset sees the same bytes.
    if (sequence) {
      sequence.restart();
      last = 0;
    }
    ctx.store = new Store();
    if (options.seed && options.seed.version !== 1) applySeed(ctx, options.principals, options.seed);
    last = Math.max(last, newestTime(ctx.store.export())); // UPD-6: writes come after every seeded timestamp
  };
  function adopt(state: StateExport): void {
    version++;
    const newest = newestTime(state);
    ctx.store = Store.fromExport(state);
    if (sequence) sequence.rebase(state);
    last = sequence ? 0 : Math.max(last, newest); // UPD-6: writes after an import still move updatedAt forward
  }
  if (options.state) adopt(options.state);
  else reset();

  const dispatch = (request: MockRequest): Result<Answer> => {
    // DET-3: 401 -> unknown route 404 / wrong method 405 -> malformed body 400 -> resource -> fields.
    const auth = /^Bearer\s+(\S+)\s*$/i.exec(request.headers['authorization'] ?? '');
    const principal = auth ? byToken.get(auth[1]!) : undefined;
    if (!principal) return fail(401, 'missing or unknown bearer token'); // AUTH-1
    const q = request.url.indexOf('?');
    const path = q < 0 ? request.url : request.url.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : request.url.slice(q + 1));
    const routed = route(path);
    if (!routed.found) return fail(404, `no route for ${path}`);
    const method = request.method.toUpperCase();
    const operation = Object.hasOwn(routed.methods, method) ? routed.methods[method] : undefined;
    if (!operation) {
      return fail(405, `${method} is not allowed on ${path}`, { allow: Object.keys(routed.methods).join(', ') });
    }
    let body: Record<string, unknown> = {};
    if (WITH_BODY.has(operation)) {
      if (request.bodyError) return fail(request.bodyError.code, request.bodyError.message); // DET-3: after auth and routing
      const parsed = parseBody(request.body);
      if (!parsed.ok) return parsed;
      if (parsed.value !== undefined && !isObject(parsed.value)) return fail(400, 'request body must be a JSON object');
      body = (parsed.value as Record<string, unknown> | undefined) ?? {};
    }
    const { kind, id, variationId } = routed;
    switch (operation) {
      case 'list': return list(ctx, principal, kind, query);
      case 'create': return create(ctx, principal, kind, body);
      case 'get': return getOne(ctx, principal, kind, id, query);
      case 'variation': return getVariation(ctx, principal, id, variationId);
      case 'patch': return patch(ctx, principal, kind, id, query, body);
      case 'delete': return remove(ctx, principal, kind, id);
      case 'undelete': return undelete(ctx, principal, kind, id, body);
      case 'deploy': return deploy(ctx, principal, kind, id, body);
      case 'toggle': return toggle(ctx, principal, id, body);
      case 'transfer': return requestTransfer(ctx, principal, kind, id, body);
      case 'accept': return acceptTransfer(ctx, principal, kind, id, body);
      case 'cancel': return cancelTransfer(ctx, principal, kind, id, body);
    }
  };

  return {
    principals: options.principals,
    handle(request) {
      const minted = ctx.store.tokensIssued;
      const result = dispatch(request);
      // Any method that may write moves the version, failed or not: a spare bump costs one cache miss, a missed one a stale answer.
      if (!READ_METHODS.has(request.method.toUpperCase()) || ctx.store.tokensIssued !== minted) version++;
      if (!result.ok) {
        const { code, message, headers } = result.error;
        return { status: code, headers: { ...JSON_HEADERS, ...headers }, body: errorBody(code, message) };
      }
      const { status, body } = result.value;
      return body === undefined ? { status, headers: {} } : { status, headers: { ...JSON_HEADERS }, body };
    },
    reset,
    exportState: () => ctx.store.export(),
    serializeState: () => ctx.store.serialize(),
    importState(state, importOptions) {
      if (importOptions?.asSeed) seedState = JSON.stringify(state);
      adopt(state);
    },
    peekRecords: (kind, limit) => ctx.store.peek(kind, limit),
    version: () => version,
  };
}
