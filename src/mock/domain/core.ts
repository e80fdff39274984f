import type { Ctx } from './context.js';
import { applySeed, type SeedFile } from './seed.js';
import { DEFAULT_STAGES, runStages, type CoreStages } from './stages.js';
import { Store } from './store.js';
import { deterministicSequence, newestTime, type DeterministicOptions, type Sequence } from './deterministic.js';
import type { Kind, MockRequest, MockResponse, Principal, ResourceRecord, StateExport } from './types.js';

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
  /** Stages to run instead of the default ones (src/mock/domain/stages.ts), e.g. another authentication. */
  stages?: Partial<CoreStages>;
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

/** Methods whose operations never change state (HEAD and OPTIONS are answered 405 by the core). */
const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The clock and ids of a core: strictly increasing time (UPD-6), and a sequence to replay with --deterministic. */
interface Timeline {
  sequence: Sequence | undefined;
  /** The last time handed out, in ms; writes come after it. */
  last: number;
}

function operationContext(options: MockCoreOptions, timeline: Timeline): Ctx {
  const clock = timeline.sequence?.clock ?? options.clock ?? Date.now;
  const membersByUserId = new Map<string, Principal>();
  for (const p of options.principals) if (!membersByUserId.has(p.userId)) membersByUserId.set(p.userId, p);
  return {
    store: new Store(),
    now() {
      timeline.last = Math.max(clock(), timeline.last + 1); // UPD-6: strictly increasing, so every write moves updatedAt
      return new Date(timeline.last).toISOString();
    },
    newId: timeline.sequence?.newId ?? (() => globalThis.crypto.randomUUID()),
    membersByUserId,
    maxResourcesPerOrg: options.maxResourcesPerOrg ?? 10_000,
  };
}

/** The state side of a core: what reset returns to, and how an export is adopted. */
class CoreState {
  version = 0;
  /** A state export given as the seed (or imported with asSeed), kept as text so it never aliases live state. */
  seedState: string | undefined;

  constructor(readonly ctx: Ctx, private readonly timeline: Timeline, private readonly options: MockCoreOptions) {
    this.seedState = options.seed?.version === 1 ? JSON.stringify(options.seed) : undefined;
  }

  reset(): void {
    this.version++;
    if (this.seedState !== undefined) return this.adopt(JSON.parse(this.seedState) as StateExport);
    // --deterministic: a reset replays the same clock and uuids, so every test after reset sees the same bytes.
    if (this.timeline.sequence) {
      this.timeline.sequence.restart();
      this.timeline.last = 0;
    }
    this.ctx.store = new Store();
    const { seed, principals } = this.options;
    if (seed && seed.version !== 1) applySeed(this.ctx, principals, seed);
    this.timeline.last = Math.max(this.timeline.last, newestTime(this.ctx.store.export())); // UPD-6: writes after every seeded timestamp
  }

  adopt(state: StateExport): void {
    this.version++;
    const newest = newestTime(state);
    this.ctx.store = Store.fromExport(state);
    if (this.timeline.sequence) this.timeline.sequence.rebase(state);
    this.timeline.last = this.timeline.sequence ? 0 : Math.max(this.timeline.last, newest); // UPD-6: writes after an import move updatedAt forward
  }
}

/** Builds the stateful core from principals and seed fixtures. */
export function createMockCore(options: MockCoreOptions): MockCore {
  const timeline: Timeline = { sequence: options.deterministic ? deterministicSequence(options.deterministic) : undefined, last: 0 };
  const state = new CoreState(operationContext(options, timeline), timeline, options);
  if (options.state) state.adopt(options.state);
  else state.reset();
  const { ctx } = state;
  const stages: CoreStages = { ...DEFAULT_STAGES, ...options.stages };
  const byToken = new Map(options.principals.map((p) => [p.token, p]));
  return {
    principals: options.principals,
    handle(request) {
      const minted = ctx.store.tokensIssued;
      const response = runStages(stages, ctx, byToken, request);
      // Any method that may write moves the version, failed or not: a spare bump costs one cache miss, a missed one a stale answer.
      if (!READ_METHODS.has(request.method.toUpperCase()) || ctx.store.tokensIssued !== minted) state.version++;
      return response;
    },
    reset: () => state.reset(),
    exportState: () => ctx.store.export(),
    serializeState: () => ctx.store.serialize(),
    importState(imported, importOptions) {
      if (importOptions?.asSeed) state.seedState = JSON.stringify(imported);
      state.adopt(imported);
    },
    peekRecords: (kind, limit) => ctx.store.peek(kind, limit),
    version: () => state.version,
  };
}
