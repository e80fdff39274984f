/**
 * What a core starts on, resets to and how its clock runs (issue 10, StrykerJS's suite:
 * vitest.mutation.config.ts), with README "Fixture formats", "Snapshot tests" and UPD-6 as the oracle;
 * fast-check draws the clocks, timestamps and writes:
 * - a core without a seed starts empty (MockCoreOptions.seed is optional) and counts ids from 1 (DET-4);
 * - "`--seed` also takes a `GET /__mock/state` export: the mock starts on exactly that state and
 *   `POST /__mock/reset` returns to it"; "a plain `PUT /__mock/state` leaves reset going to the seed",
 *   `?seed=true` makes the import what reset returns to;
 * - UPD-6 [A] / README "writes made later are always later": every write moves `updatedAt` forward, even
 *   when the clock stands still or runs back, and after a seed or an import with timestamps ahead of the
 *   clock; with `--deterministic` the clock starts at `start` and past the newest imported timestamp;
 * - `seededRandom` (the fault dice under `--deterministic`): in [0, 1), the same seed the same numbers;
 * - docs/decisions/002-limits.md: "never drop the active or the draft one" when the history is pruned,
 *   on an imported resource whose active variation is among the oldest.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMockCore, seededRandom, type MockCore } from '../../src/mock/domain/index.js';
import type { ResourceRecord, StateExport } from '../../src/mock/domain/types.js';
import { coreFromFiles } from '../../src/mock/fixture-core.js';
import { parseState } from '../../src/mock/fixtures.js';
import { call } from './seed-oracle.js';
import { PRINCIPALS } from './seed-world.js';

const SEEDED = coreFromFiles().exportState();
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const DAY = 86_400_000;

/** Creates, patches and deletes as Alice and Erin, drawn by fast-check. */
const writes = fc.array(fc.record({ kind: fc.constantFrom('skills', 'agents'), member: fc.constantFrom('user_alice', 'user_erin'), remove: fc.boolean() }), { minLength: 1, maxLength: 6 });

function write(core: MockCore, steps: { kind: string; member: string; remove: boolean }[]): void {
  for (const { kind, member, remove } of steps) {
    const r = call(core, member, 'POST', `/${kind}`, { name: 'written' });
    expect(r.status).toBe(201);
    if (remove) expect(call(core, member, 'DELETE', `/${kind}/${String(r.body['id'])}`).status).toBe(204);
  }
}

/** A copy of the seeded export with every timestamp moved by `shift` ms. */
function shifted(shift: number): StateExport {
  const state = copy(SEEDED);
  const move = (at: string): string => new Date(Date.parse(at) + shift).toISOString();
  for (const r of [...state.skills, ...state.agents]) {
    r.createdAt = move(r.createdAt);
    r.updatedAt = move(r.updatedAt);
    if (r.deletedAt) r.deletedAt = move(r.deletedAt);
    if (r.pendingOwnershipTransfer) r.pendingOwnershipTransfer.requestedAt = move(r.pendingOwnershipTransfer.requestedAt);
  }
  return state;
}

const newest = (state: StateExport): number =>
  Math.max(...[...state.skills, ...state.agents].flatMap((r) => [r.createdAt, r.updatedAt, r.deletedAt, r.pendingOwnershipTransfer?.requestedAt]).filter((at): at is string => !!at).map(Date.parse));

/** A live skill Alice owns in `state` (the seed has several). */
const alicesSkill = (state: StateExport): ResourceRecord => state.skills.find((s) => s.accessConfig.ownerUserId === 'user_alice' && s.status !== 'deleted')!;

describe('what a core starts on and resets to', () => {
  it('starts empty without a seed, on a state export given as the seed, and resets to the seed unless an import asked to be the seed', () => {
    fc.assert(
      fc.property(writes, writes, fc.boolean(), (before, after, asSeed) => {
        const empty = createMockCore({ principals: PRINCIPALS });
        for (const kind of ['skills', 'agents']) expect(call(empty, 'user_alice', 'GET', `/${kind}`).body).toEqual({ [kind]: [] });
        expect(call(empty, 'user_alice', 'POST', '/skills', { name: 'first' }).body['id'], 'DET-4: ids count from 1').toBe(1);

        const seed = copy(SEEDED);
        write(empty, before);
        const seeded = createMockCore({ principals: PRINCIPALS, seed: copy(seed) });
        expect(seeded.exportState(), 'starts on exactly that state').toEqual(seed);
        write(seeded, after);
        seeded.reset();
        expect(seeded.exportState(), 'reset returns to it').toEqual(seed);

        const imported = empty.exportState();
        seeded.importState(copy(imported), asSeed ? { asSeed: true } : undefined);
        expect(seeded.exportState()).toEqual(imported);
        write(seeded, after);
        seeded.reset();
        expect(seeded.exportState(), asSeed ? 'reset returns to an import made the seed' : 'a plain import leaves reset going to the seed').toEqual(asSeed ? imported : seed);
      }),
      { numRuns: 12, seed: 71 },
    );
  });
});

describe('UPD-6: writes made later are always later', () => {
  it('moves updatedAt forward on every write, whatever the clock does and however far ahead a seed or an import is', () => {
    const clockSteps = fc.array(fc.integer({ min: -5_000, max: 1 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), clockSteps, fc.boolean(), (daysAhead, steps, viaImport) => {
        // A clock that stands still or runs back: every drawn step is at most 1 ms forward.
        let now = Date.parse('2026-06-01T00:00:00.000Z');
        let i = 0;
        const clock = (): number => (now += steps[i++ % steps.length]!);
        const ahead = shifted(daysAhead * DAY + (Date.parse('2026-06-01T00:00:00.000Z') - newest(SEEDED)));
        const v2 = { version: 2, skills: ahead.skills.filter((s) => s.status !== 'deleted').slice(0, 1).map((s) => ({ id: s.id, owner: 'user_alice', name: 'ahead', createdAt: s.createdAt, updatedAt: s.updatedAt })) };
        const core = viaImport ? createMockCore({ principals: PRINCIPALS, clock }) : createMockCore({ principals: PRINCIPALS, clock, seed: v2 as never });
        if (viaImport) core.importState(copy(ahead));
        const state = core.exportState();
        const skill = viaImport ? alicesSkill(state) : state.skills[0]!;
        let last = newest(state);
        for (let n = 0; n < steps.length + 1; n++) {
          const r = call(core, 'user_alice', 'PATCH', `/skills/${skill.id}`, { description: `write ${n}` });
          expect(r.status).toBe(200);
          const at = Date.parse(r.body['updatedAt'] as string);
          expect(at, `write ${n + 1} after ${new Date(last).toISOString()}`).toBeGreaterThan(last);
          last = at;
        }
      }),
      { numRuns: 20, seed: 72 },
    );
  });

  it('with --deterministic starts the clock at start, and past an import whose newest timestamp is on the grid', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(-1, 0, 1), fc.integer({ min: -30, max: 3 })), fc.constantFrom(1000, 60_000), (stepsFromStart, stepMs) => {
        const start = Date.parse('2026-01-01T00:00:00.000Z');
        const core = createMockCore({ principals: PRINCIPALS, deterministic: { stepMs } });
        // The import's newest timestamp on the clock's grid: before the start, at it, or past it.
        const state = shifted(start + stepsFromStart * stepMs - newest(SEEDED));
        core.importState(copy(state));
        const r = call(core, 'user_alice', 'PATCH', `/skills/${alicesSkill(state).id}`, { description: 'after the import' });
        expect(r.status).toBe(200);
        const at = Date.parse(r.body['updatedAt'] as string);
        expect(at, 'past the newest imported timestamp').toBeGreaterThan(newest(state));
        expect(at, 'never before the clock\'s start').toBeGreaterThanOrEqual(start);
        expect((at - start) % stepMs, 'on the grid').toBe(0);
      }),
      { numRuns: 20, seed: 73 },
    );
  });
});

describe('seededRandom', () => {
  it('draws in [0, 1), the same numbers for the same seed', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.string()), fc.integer({ min: 1, max: 50 }), (seed, n) => {
        const a = seededRandom(seed);
        const b = seededRandom(seed);
        const drawn = Array.from({ length: n }, () => a());
        expect(drawn.every((x) => typeof x === 'number' && x >= 0 && x < 1)).toBe(true);
        expect(Array.from({ length: n }, () => b())).toEqual(drawn);
      }),
      { numRuns: 30, seed: 74 },
    );
    const fallback = seededRandom();
    expect(Array.from({ length: 5 }, () => fallback())).toEqual(Array.from({ length: 5 }, seededRandom(1)));
  });
});

describe('the history bound on an imported resource', () => {
  it('keeps the active variation when a fork prunes the oldest ones, wherever the active one sits', () => {
    // 002-limits.md keeps 100; the loader takes up to 100 + the active and the draft one.
    const KEPT = 102;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), (activeAt) => {
        const state = copy(SEEDED);
        const skill = alicesSkill(state);
        const base = skill.variations[skill.activeVariationId ?? skill.draftVariationId!]!;
        const ids = Array.from({ length: KEPT }, (_, i) => `00000000-0000-4000-8000-${(i + 1).toString(16).padStart(12, '0')}`);
        skill.variations = Object.fromEntries(ids.map((id, i) => [id, { ...base, description: `v${i}` }]));
        Object.assign(skill, { status: 'active', deployed: true, activeVariationId: ids[activeAt]!, draftVariationId: null, hasUnpublishedChanges: false });
        const loaded = parseState(copy(state), 'generated');
        expect(loaded.ok ? undefined : loaded.error).toBeUndefined();
        const core = createMockCore({ principals: PRINCIPALS, state });
        // LIFE-5: a PATCH forks a draft from the active one, which prunes the history.
        const patched = call(core, 'user_alice', 'PATCH', `/skills/${skill.id}`, { expectedOutput: 'forked' });
        expect(patched.status).toBe(200);
        const active = call(core, 'user_alice', 'GET', `/skills/${skill.id}?view=active`);
        expect([active.status, active.body['activeVariationId'], active.body['description']]).toEqual([200, ids[activeAt], `v${activeAt}`]);
        expect(call(core, 'user_alice', 'GET', `/skills/${skill.id}/variations/${ids[activeAt]!}`).status, 'the active one by its id').toBe(200);
        expect(call(core, 'user_alice', 'GET', `/skills/${skill.id}?view=draft`).body['description']).toBe(`v${activeAt}`);
      }),
      { numRuns: 5, seed: 75 },
    );
  });
});
