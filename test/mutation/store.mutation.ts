/**
 * The store behind the API at its edges (issue 10, StrykerJS's suite: vitest.mutation.config.ts), with the
 * docs as the oracle; fast-check draws the requests:
 * - docs/decisions/002-limits.md, README "--max-resources": "10,000 per kind", creates past the cap answer
 *   409 `FAILED_PRECONDITION` "your org has reached the limit of N skills", and deleted ones count;
 * - LIST-1/DET-9: no `pageSize` or `pageSize=0` is the default 50, a larger one is cut to 100; an empty
 *   `pageToken` is no token (AIP-158: the first page); `showDeleted=false` is the default;
 * - README `GET /__mock/overview`: the first rows of each kind and the totals (MockCore.peekRecords);
 *   `serializeState` is the export as text (what a state file stores);
 * - UPD-2: a manager's `supervisionSubordinateIds` are its live subordinates after re-parenting, deleting and
 *   undeleting them, and the mock started on its own export answers the same (README: "the mock starts on
 *   exactly that state");
 * - DET-1: create answers 201 with the draft view; README: a slug is "the name plus the id".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MockCore } from '../../src/mock/domain/index.js';
import type { StateExport } from '../../src/mock/domain/types.js';
import { coreFromFiles } from '../../src/mock/fixture-core.js';
import { call } from './seed-oracle.js';
import { byUser } from './seed-world.js';

type Kind = 'skill' | 'agent';
const KINDS: readonly Kind[] = ['skill', 'agent'];
const SEEDED = coreFromFiles().exportState();
/** One member of each org of the bundled principals. */
const MEMBERS = ['user_alice', 'user_erin'] as const;

const rowsOf = (state: StateExport, kind: Kind): StateExport['skills'] => (kind === 'skill' ? state.skills : state.agents);
const idsOf = (r: { body: Record<string, unknown> }, kind: Kind): number[] => ((r.body[`${kind}s`] as { id: number }[] | undefined) ?? []).map((x) => x.id);

/** LIST-4: every id `userId` can list, walking pages of 100. */
function walk(core: MockCore, userId: string, kind: Kind, query = ''): number[] {
  const ids: number[] = [];
  let token: string | undefined;
  do {
    const r = call(core, userId, 'GET', `/${kind}s?pageSize=100${query}${token === undefined ? '' : `&pageToken=${encodeURIComponent(token)}`}`);
    expect(r.status).toBe(200);
    ids.push(...idsOf(r, kind));
    token = r.body['nextPageToken'] as string | undefined;
  } while (token !== undefined && ids.length <= 10_000); // a token leading back would walk forever
  return ids;
}

describe('the per-org cap on creates', () => {
  it('answers 409 at the cap, per kind and per org, deleted resources counting', () => {
    const step = fc.record({ member: fc.constantFrom(...MEMBERS), kind: fc.constantFrom(...KINDS), remove: fc.boolean() });
    fc.assert(
      fc.property(fc.nat({ max: 3 }), fc.array(step, { minLength: 4, maxLength: 24 }), (headroom, steps) => {
        // The cap sits just above the fullest org of the seed, so some org reaches it within a few creates.
        const count = new Map<string, number>();
        const key = (org: string, kind: Kind): string => `${org} ${kind}`;
        for (const kind of KINDS) for (const r of rowsOf(SEEDED, kind)) count.set(key(r.orgUuid, kind), (count.get(key(r.orgUuid, kind)) ?? 0) + 1);
        const cap = Math.max(...count.values()) + 1 + headroom;
        const core = coreFromFiles(undefined, undefined, { maxResourcesPerOrg: cap });
        for (const { member, kind, remove } of steps) {
          const at = key(byUser(member).orgUuid, kind);
          const r = call(core, member, 'POST', `/${kind}s`, { name: `${kind} ${count.get(at) ?? 0}` });
          if ((count.get(at) ?? 0) >= cap) {
            expect(r.status, `create #${(count.get(at) ?? 0) + 1} of ${at} at a cap of ${cap}`).toBe(409);
            expect(r.body['error']).toMatchObject({ status: 'FAILED_PRECONDITION', message: `your org has reached the limit of ${cap} ${kind}s` });
            continue;
          }
          expect(r.status, `create #${(count.get(at) ?? 0) + 1} of ${at} at a cap of ${cap}`).toBe(201);
          count.set(at, (count.get(at) ?? 0) + 1);
          // DEL-6: the tombstone stays, so it still counts (002-limits.md).
          if (remove) expect(call(core, member, 'DELETE', `/${kind}s/${String(r.body['id'])}`).status).toBe(204);
        }
      }),
      { numRuns: 30, seed: 61 },
    );
  });
});

describe('list parameters at their edges', () => {
  it('pages by the default 50 and at most 100, reads an empty token as none and showDeleted=false as the default', () => {
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 110 }), fc.integer({ min: 1, max: 160 }), fc.constantFrom(...KINDS), (extra, size, kind) => {
        const core = coreFromFiles();
        for (let i = 0; i < extra; i++) expect(call(core, 'user_alice', 'POST', `/${kind}s`, { name: `row ${i}` }).status).toBe(201);
        const all = walk(core, 'user_alice', kind);
        const first = (n: number): number[] => all.slice(0, n);
        const get = (query: string): { status: number; body: Record<string, unknown> } => call(core, 'user_alice', 'GET', `/${kind}s${query}`);
        for (const query of ['', '?pageSize=0', '?pageToken=', '?showDeleted=false', '?pageSize=0&pageToken=&showDeleted=false']) {
          const r = get(query);
          expect(r.status, `GET /${kind}s${query}`).toBe(200);
          expect(idsOf(r, kind), `GET /${kind}s${query}: the default page of 50`).toEqual(first(50));
        }
        const sized = get(`?pageSize=${size}`);
        expect(idsOf(sized, kind), `pageSize=${size} of ${all.length}`).toEqual(first(Math.min(size, 100)));
        expect('nextPageToken' in sized.body).toBe(all.length > Math.min(size, 100));
        // DEL-5: showDeleted=true adds the deleted rows the caller can manage, in id order (LIST-2).
        const everything = walk(core, 'user_alice', kind, '&showDeleted=true');
        expect(everything.filter((id) => all.includes(id))).toEqual(all);
        const withDeleted = get(`?pageSize=${size}&showDeleted=true`);
        expect([withDeleted.status, idsOf(withDeleted, kind)]).toEqual([200, everything.slice(0, Math.min(size, 100))]);
      }),
      { numRuns: 8, seed: 62 },
    );
  });
});

describe('the overview and the state text', () => {
  it('peekRecords answers the first rows by id and the total; serializeState is the export', () => {
    const write = fc.record({ kind: fc.constantFrom(...KINDS), member: fc.constantFrom(...MEMBERS), remove: fc.boolean() });
    fc.assert(
      fc.property(fc.array(write, { maxLength: 12 }), fc.nat({ max: 30 }), (writes, limit) => {
        const core = coreFromFiles();
        for (const { kind, member, remove } of writes) {
          const r = call(core, member, 'POST', `/${kind}s`, { name: 'peeked' });
          if (remove) call(core, member, 'DELETE', `/${kind}s/${String(r.body['id'])}`);
        }
        const state = core.exportState();
        expect(JSON.parse(core.serializeState())).toEqual(state);
        for (const kind of KINDS) {
          const rows = rowsOf(state, kind);
          const peek = core.peekRecords(kind, limit);
          expect(peek.total, `${kind}s in all`).toBe(rows.length);
          expect(peek.rows.map((r) => r.id), `the first ${limit} ${kind}s`).toEqual(rows.slice(0, limit).map((r) => r.id));
          expect(peek.rows.map((r) => r.status)).toEqual(rows.slice(0, limit).map((r) => r.status));
        }
      }),
      { numRuns: 20, seed: 63 },
    );
  });
});

/** UPD-2: the subordinate ids a skill shows its owner, in the draft view. */
function subordinatesShown(core: MockCore, id: number): unknown {
  const r = call(core, 'user_alice', 'GET', `/skills/${id}?view=draft`);
  expect(r.status).toBe(200);
  return (r.body['variation'] as Record<string, unknown>)['supervisionSubordinateIds'];
}

describe('manager links', () => {
  it('lists a manager\'s live subordinates after re-parenting, deleting and undeleting, as the same state started afresh does', () => {
    const move = fc.record({ who: fc.nat(), to: fc.constantFrom('a', 'b', null), toggle: fc.boolean() });
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.array(move, { minLength: 1, maxLength: 14 }), (n, moves) => {
        const core = coreFromFiles();
        const make = (name: string): number => call(core, 'user_alice', 'POST', '/skills', { name }).body['id'] as number;
        const managers = { a: make('manager a'), b: make('manager b') };
        const subs = Array.from({ length: n }, (_, i) => ({ id: make(`sub ${i}`), manager: null as 'a' | 'b' | null, deleted: false }));
        for (const { who, to, toggle } of moves) {
          const s = subs[who % n]!;
          if (toggle) {
            const r = call(core, 'user_alice', s.deleted ? 'POST' : 'DELETE', `/skills/${s.id}${s.deleted ? '/undelete' : ''}`, s.deleted ? {} : undefined);
            expect(r.status).toBe(s.deleted ? 200 : 204);
            s.deleted = !s.deleted;
          } else if (!s.deleted) {
            expect(call(core, 'user_alice', 'PATCH', `/skills/${s.id}`, { managerId: to === null ? null : managers[to] }).status).toBe(200);
            s.manager = to;
          }
        }
        const restarted = coreFromFiles(undefined, undefined, { state: core.exportState() });
        for (const m of ['a', 'b'] as const) {
          const live = subs.filter((s) => s.manager === m && !s.deleted).map((s) => String(s.id));
          const shown = subordinatesShown(core, managers[m]) as string[];
          expect([...shown].sort(), `manager ${m}'s live subordinates`).toEqual([...live].sort());
          expect(subordinatesShown(restarted, managers[m]), 'the same state, started from its export').toEqual(shown);
        }
      }),
      { numRuns: 30, seed: 64 },
    );
  });
});

describe('create', () => {
  it('answers 201 with the draft view and a slug made of the name', () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9]{0,19}$/);
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), name, fc.constantFrom(...MEMBERS), (kind, n, member) => {
        const core = coreFromFiles();
        const created = call(core, member, 'POST', `/${kind}s`, { name: n });
        expect(created.status).toBe(201);
        expect(created.body['slug'], 'README: the name plus the id').toMatch(new RegExp(`^${n}[^a-z0-9]`));
        const draft = call(core, member, 'GET', `/${kind}s/${String(created.body['id'])}?view=draft`);
        expect(created.body, 'DET-1: the draft view').toEqual(draft.body);
      }),
      { numRuns: 20, seed: 65 },
    );
  });
});
