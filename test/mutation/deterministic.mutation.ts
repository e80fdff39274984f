/**
 * The property suite on a `--deterministic` mock, with README "Snapshot tests" as the oracle (issue 10,
 * StrykerJS's suite: vitest.mutation.config.ts). fast-check draws the mock's options (uuid seed, start,
 * step) and the suite's seeds; every answer the suite gets is recorded through a proxy core. What the
 * README promises, checked on the recordings:
 * - "timestamps come from a clock that starts at `start` and moves exactly `stepMs` per write": every
 *   timestamp an answer shows is on that grid, at or after the start;
 * - "variation uuids come from a seeded sequence (v4-shaped)", "the same seed gives the same uuids":
 *   v4 shape; two uuid seeds give two sequences;
 * - "`POST /__mock/reset` replays both from the start, so each test sees the same bytes whatever ran
 *   before": a run after another run and a reset records the same bytes as the run on a fresh mock;
 * - "after `PUT /__mock/state` the clock starts past the newest imported timestamp and imported uuids are
 *   never handed out again";
 * - `?seed=true` (importState asSeed): reset returns to the imported state;
 * - `version()`: "while it stays put, the same GET with the same Authorization answers the same".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MockCore, MockCoreOptions } from '../../src/mock/domain/index.js';
import type { MockRequest, StateExport } from '../../src/mock/domain/types.js';
import { coreFromFiles } from '../../src/mock/fixture-core.js';
import { runProperties, type Progress } from '../../src/properties/runner.js';

type Deterministic = NonNullable<MockCoreOptions['deterministic']>;

const RUNS = 6;
const MAX_COMMANDS = 40;
const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** Divisors of a minute: with a start on a whole minute, an import's "past the newest" stays on the grid. */
const STEPS = [1, 2, 5, 10, 50, 100, 250, 500, 1000, 2000, 3000, 5000, 6000, 10_000, 60_000];

/** One recorded exchange: what a snapshot test compares. */
interface Exchange {
  method: string;
  url: string;
  line: string;
  status: number;
  body: unknown;
}

/** A proxy core that records every exchange and checks the version's promise on every GET. */
function recording(core: MockCore): { core: MockCore; log: Exchange[]; cacheBreaks: string[] } {
  const log: Exchange[] = [];
  const cacheBreaks: string[] = [];
  // Every answer per GET and version: a version seen again (one that moved back) must answer as it did.
  const answers = new Map<string, string>();
  // The core's methods are closures (createMockCore), so a spread keeps them working.
  const proxy: MockCore = {
    ...core,
    handle(request: MockRequest) {
      const response = core.handle(request);
      const answer = `${response.status} ${JSON.stringify(response.body)}`;
      if (request.method === 'GET') {
        const key = `${core.version()} ${request.url} ${request.headers['authorization'] ?? ''}`;
        const before = answers.get(key);
        if (before !== undefined && before !== answer) cacheBreaks.push(`${key}: the same version answered otherwise`);
        answers.set(key, answer);
      }
      log.push({ method: request.method, url: request.url, line: `${request.method} ${request.url} ${request.headers['authorization'] ?? '-'} ${request.body ?? ''} -> ${answer}`, status: response.status, body: response.body });
      return response;
    },
  };
  return { core: proxy, log, cacheBreaks };
}

async function suite(core: MockCore, seed: number): Promise<void> {
  const stop = new AbortController();
  const onProgress = (p: Progress): void => void (p.shrinking && stop.abort());
  const r = await runProperties({ target: { core }, runs: RUNS, seed, runId: `det${seed}`, strict: true, maxCommands: MAX_COMMANDS, signal: stop.signal, onProgress });
  expect(r.failure?.message).toBeUndefined();
  expect(r.outcome).toBe('pass');
}

/** Every string under a key ending in `At` (createdAt, updatedAt, deletedAt, requestedAt), anywhere in a value. */
function timestamps(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) timestamps(v, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k.endsWith('At') && typeof v === 'string') out.push(v);
      else timestamps(v, out);
    }
  }
  return out;
}

/** Every variation uuid a value shows: activeVariationId, draftVariationId, and ids of variation rows. */
function variationIds(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) variationIds(v, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (/VariationId$|^variationId$/.test(k) && typeof v === 'string') out.push(v);
      else variationIds(v, out);
    }
  }
  return out;
}

function stateVariationIds(state: StateExport): Set<string> {
  return new Set([...state.skills, ...state.agents].flatMap((r) => Object.keys(r.variations)));
}

const deterministicOptions: fc.Arbitrary<Deterministic> = fc.record({
  seed: fc.oneof(fc.integer({ min: 0, max: 2 ** 31 }), fc.string({ minLength: 1, maxLength: 12 })),
  // Whole minutes between 2000 and 2090 (Date.parse of an ISO string, as users give it).
  start: fc.integer({ min: 15_778_080, max: 63_113_904 }).map((minute) => new Date(minute * 60_000).toISOString()),
  stepMs: fc.constantFrom(...STEPS),
});

const build = (deterministic: Deterministic): MockCore => coreFromFiles(undefined, undefined, { deterministic });
const PROPERTY = { numRuns: 3, seed: 11, endOnFailure: true } as const;

describe('property suite on a --deterministic mock (README "Snapshot tests")', () => {
  it('shows only timestamps on the clock grid and v4 uuids; after a run and a reset, the same run records the same bytes', async () => {
    await fc.assert(
      fc.asyncProperty(deterministicOptions, fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), async (options, before, seed) => {
        const fresh = recording(build(options));
        await suite(fresh.core, seed);
        const start = Date.parse(options.start ?? '');
        const step = options.stepMs ?? 1000;
        for (const e of fresh.log) {
          for (const at of timestamps(e.body)) {
            expect(at, e.line).toMatch(ISO_AT);
            const ms = Date.parse(at);
            expect(ms >= start && (ms - start) % step === 0, `${at} is not on the grid ${options.start} + k * ${step} ms: ${e.line}`).toBe(true);
          }
          for (const id of variationIds(e.body)) expect(id, e.line).toMatch(V4);
        }
        expect(fresh.cacheBreaks).toEqual([]);

        // The same core after another run and a reset, then the same run: byte-identical answers.
        const used = recording(build(options));
        await suite(used.core, before);
        const moved = used.core.version();
        used.core.reset();
        expect(used.core.version(), 'version() is a counter: a reset moves it up').toBeGreaterThan(moved);
        expect(used.core.serializeState()).toBe(build(options).serializeState());
        used.log.length = 0;
        await suite(used.core, seed);
        expect(used.log.length).toBe(fresh.log.length);
        for (let i = 0; i < fresh.log.length; i++) expect(used.log[i]?.line, `exchange ${i}`).toBe(fresh.log[i]?.line);
        expect(used.cacheBreaks).toEqual([]);
      }),
      PROPERTY,
    );
  });

  it('two uuid seeds give two sequences; the same seed the same one', () => {
    fc.assert(
      fc.property(deterministicOptions, fc.oneof(fc.integer({ min: 0, max: 2 ** 31 }), fc.string({ minLength: 1, maxLength: 12 })), (options, other) => {
        fc.pre(String(other) !== String(options.seed));
        const ids = (o: Deterministic): string[] => [...stateVariationIds(build(o).exportState())].sort();
        expect(ids(options)).toEqual(ids({ ...options }));
        expect(ids({ ...options, seed: other })).not.toEqual(ids(options));
      }),
      { numRuns: 20, seed: 12 },
    );
  });

  it('after an import, writes come past the newest imported timestamp and no imported uuid is handed out again', async () => {
    await fc.assert(
      fc.asyncProperty(deterministicOptions, deterministicOptions, fc.integer({ min: 1, max: 1000 }), async (exporter, other, seed) => {
        // A state a deterministic mock left, loaded by one with the same uuid seed (`--deterministic --state-file`
        // after a restart: its sequence starts over, so it would hand out the imported uuids) and another clock.
        const importer = { ...other, seed: exporter.seed };
        const source = build(exporter);
        await suite(source, seed);
        const imported = source.exportState();
        const newest = Math.max(...[...imported.skills, ...imported.agents].flatMap((r) => timestamps(r)).map((t) => Date.parse(t)));
        const taken = stateVariationIds(imported);
        const target = recording(build(importer));
        const version = target.core.version();
        target.core.importState(JSON.parse(JSON.stringify(imported)) as StateExport);
        expect(target.core.version(), 'version() is a counter: an import moves it up').toBeGreaterThan(version);
        expect(target.core.exportState()).toEqual(imported);
        await suite(target.core, seed + 1);
        let writes = 0;
        let created = 0;
        for (const e of target.log) {
          if (e.method === 'GET' || e.status >= 300) continue;
          writes++;
          const body = (e.body ?? {}) as Record<string, unknown>;
          if (typeof body['updatedAt'] === 'string') expect(Date.parse(body['updatedAt']), e.line).toBeGreaterThan(newest);
          // A create's variations are all new: none may be one the import brought.
          if (e.method === 'POST' && /^\/api\/v1\/(skills|agents)(\?|$)/.test(e.url)) {
            created++;
            for (const id of variationIds(body)) expect(taken.has(id), `${id} was imported: ${e.line}`).toBe(false);
          }
        }
        expect(writes).toBeGreaterThan(0);
        expect(created).toBeGreaterThan(0);
      }),
      PROPERTY,
    );
  });

  it('an import as the seed (`PUT /__mock/state?seed=true`): reset returns to it, whatever ran since', async () => {
    await fc.assert(
      fc.asyncProperty(deterministicOptions, fc.integer({ min: 1, max: 1000 }), async (options, seed) => {
        const source = build(options);
        await suite(source, seed);
        const text = source.serializeState();
        const core = build({ ...options, seed: `${String(options.seed)}+` });
        core.importState(JSON.parse(text) as StateExport, { asSeed: true });
        await suite(core, seed + 1);
        const version = core.version();
        core.reset();
        expect(core.version(), 'version() is a counter: a reset moves it up').toBeGreaterThan(version);
        expect(core.serializeState()).toBe(text);
      }),
      PROPERTY,
    );
  });

  it('refuses a clock it cannot run: a start that is not a date-time, a step that is not a positive integer', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ start: fc.string({ maxLength: 8 }).filter((s) => !Number.isFinite(Date.parse(s))) }),
          fc.record({ stepMs: fc.oneof(fc.integer({ min: -1000, max: 0 }), fc.double({ min: 0.001, max: 999, noInteger: true }), fc.constant(Number.NaN)) }),
        ),
        (bad) => {
          expect(() => build(bad)).toThrow('start' in bad ? /start/ : /stepMs/);
        },
      ),
      { numRuns: 30, seed: 13 },
    );
  });
});
