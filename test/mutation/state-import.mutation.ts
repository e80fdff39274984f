/**
 * The property suite on a mock started from a generated state export (what `PUT /__mock/state` and
 * `--state-file` load), issue 10, StrykerJS's suite (vitest.mutation.config.ts). fast-check draws manager
 * links between the seeded skills, the order the export lists its rows in and how far `nextId` runs ahead
 * of the ids; the export passes the loader's own validation (parseState). The oracle is the export itself:
 * - UPD-2/HIDE-6: a skill's `supervisionSubordinateIds` are its live subordinates in the export (never a
 *   deleted one; always one its caller owns), and a re-parented skill leaves its old manager's list;
 * - DET-4/DEL-6: the next create gets an id at or past `nextId` and past every id in the export
 *   ("ids a deployment already used are never handed out");
 * - then the property suite itself, strict, on that state.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MockCore } from '../../src/mock/domain/index.js';
import type { ResourceRecord, StateExport } from '../../src/mock/domain/types.js';
import { coreFromFiles } from '../../src/mock/fixture-core.js';
import { parseState } from '../../src/mock/fixtures.js';
import { runProperties, type Progress } from '../../src/properties/runner.js';
import { call } from './seed-oracle.js';

const SEEDED = coreFromFiles().exportState();
const SKILLS = SEEDED.skills;

/** A world: each skill's manager by index into SKILLS (same org, earlier in a drawn order: no cycles). */
const world = fc
  .record({
    order: fc.shuffledSubarray(SKILLS.map((_, i) => i), { minLength: SKILLS.length, maxLength: SKILLS.length }),
    pick: fc.array(fc.nat(), { minLength: SKILLS.length, maxLength: SKILLS.length }),
    detach: fc.array(fc.boolean(), { minLength: SKILLS.length, maxLength: SKILLS.length }),
    ahead: fc.record({ skill: fc.nat({ max: 6 }), agent: fc.nat({ max: 6 }) }),
    rowOrder: fc.array(fc.nat(), { minLength: SKILLS.length + SEEDED.agents.length, maxLength: SKILLS.length + SEEDED.agents.length }),
    seed: fc.integer({ min: 1, max: 1000 }),
  })
  .map(({ order, pick, detach, ahead, rowOrder, seed }) => {
    const state = JSON.parse(JSON.stringify(SEEDED)) as StateExport;
    const skills = state.skills;
    order.forEach((index, position) => {
      const skill = skills[index]!;
      const earlier = order.slice(0, position).map((i) => skills[i]!).filter((m) => m.orgUuid === skill.orgUuid);
      skill.managerId = detach[index] || earlier.length === 0 ? null : earlier[pick[index]! % earlier.length]!.id;
    });
    state.nextId = { skill: state.nextId.skill + ahead.skill, agent: state.nextId.agent + ahead.agent };
    // The export's rows in any order: ids, not positions, say where a row lists.
    const shuffle = <T>(rows: T[], keys: number[]): T[] => rows.map((r, i) => [keys[i]!, i, r] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, , r]) => r);
    state.skills = shuffle(skills, rowOrder);
    state.agents = shuffle(state.agents, rowOrder.slice(skills.length));
    return { state, seed };
  });

const subordinateIds = (core: MockCore, id: number, userId: string): string[] =>
  ((call(core, userId, 'GET', `/skills/${id}`).body['variation'] as Record<string, unknown> | undefined)?.['supervisionSubordinateIds'] as string[] | undefined) ?? [];

function checkSubordinates(core: MockCore, skills: readonly ResourceRecord[]): void {
  for (const manager of skills) {
    if (manager.status === 'deleted') continue;
    const owner = manager.accessConfig.ownerUserId;
    const live = skills.filter((s) => s.managerId === manager.id && s.status !== 'deleted');
    const shown = subordinateIds(core, manager.id, owner);
    expect(shown.every((id) => live.some((s) => String(s.id) === id)), `skill ${manager.id} shows ${shown.join()} of live subordinates ${live.map((s) => s.id).join()}`).toBe(true);
    for (const s of live.filter((x) => x.accessConfig.ownerUserId === owner)) expect(shown, `skill ${manager.id} as its owner ${owner}`).toContain(String(s.id));
  }
}

describe('property suite on a mock started from a generated state export', () => {
  it('shows the export\'s manager links, re-parents away from the old manager, hands out ids past nextId, and passes the suite', async () => {
    await fc.assert(
      fc.asyncProperty(world, async ({ state, seed }) => {
        const loaded = parseState(JSON.parse(JSON.stringify(state)), 'generated');
        expect(loaded.ok ? undefined : loaded.error).toBeUndefined();
        const core = coreFromFiles(undefined, undefined, { state: JSON.parse(JSON.stringify(state)) as StateExport });
        const skills = [...state.skills].sort((a, b) => a.id - b.id);
        checkSubordinates(core, skills);

        // Re-parent every managed live skill to no manager, one at a time: each leaves its old manager's list.
        for (const s of skills.filter((x) => x.managerId !== null && x.status !== 'deleted')) {
          const old = s.managerId!;
          const owner = s.accessConfig.ownerUserId;
          const patched = call(core, owner, 'PATCH', `/skills/${s.id}`, { managerId: null });
          expect(patched.status, `PATCH skill ${s.id} managerId null as ${owner}`).toBe(200);
          s.managerId = null;
          expect(subordinateIds(core, old, skills.find((m) => m.id === old)!.accessConfig.ownerUserId)).not.toContain(String(s.id));
        }
        checkSubordinates(core, skills);

        for (const kind of ['skill', 'agent'] as const) {
          const rows = kind === 'skill' ? state.skills : state.agents;
          const created = call(core, 'user_alice', 'POST', `/${kind}s`, { name: `next ${kind}` });
          expect(created.status).toBe(201);
          const id = created.body['id'] as number;
          expect(id, `the first ${kind} created after the import`).toBeGreaterThanOrEqual(state.nextId[kind]);
          expect(rows.every((r) => r.id < id)).toBe(true);
        }

        const stop = new AbortController();
        const onProgress = (p: Progress): void => void (p.shrinking && stop.abort());
        const r = await runProperties({ target: { core }, runs: 4, seed, runId: `imp${seed}`, strict: true, maxCommands: 40, signal: stop.signal, onProgress });
        expect(r.failure?.message).toBeUndefined();
        expect(r.outcome).toBe('pass');
      }),
      { numRuns: 6, seed: 21, endOnFailure: true },
    );
  });
});

describe('UPD-2 on an imported state the loader takes as it is', () => {
  it('UPD-2: a manager chain that loops (a state written by hand) or names a skill the state lacks: a re-parent onto it answers, never hangs or 5xx', () => {
    const owner = SKILLS[0]!.accessConfig.ownerUserId;
    const mine = SKILLS.filter((s) => s.accessConfig.ownerUserId === owner && s.status !== 'deleted');
    expect(mine.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = mine as [ResourceRecord, ResourceRecord, ResourceRecord];
    const missing = Math.max(...SKILLS.map((s) => s.id)) + 100;
    for (const [name, links] of [['a loop a -> b -> a', { [a.id]: b.id, [b.id]: a.id }], ['a chain ending at a skill the state lacks', { [a.id]: b.id, [b.id]: missing }]] as const) {
      const state = JSON.parse(JSON.stringify(SEEDED)) as StateExport;
      for (const s of state.skills) s.managerId = (links as Record<number, number>)[s.id] ?? null;
      const parsed = parseState(state, name);
      if (!parsed.ok) throw new Error(parsed.error);
      const core = coreFromFiles(undefined, undefined, { state: parsed.value });
      const r = call(core, owner, 'PATCH', `/skills/${c.id}`, { managerId: a.id });
      expect(r.status, name).toBe(200);
      // UPD-2: the manager lists it among its subordinates.
      const variation = call(core, owner, 'GET', `/skills/${a.id}`).body['variation'] as Record<string, unknown>;
      expect(variation['supervisionSubordinateIds'], name).toContain(String(c.id));
    }
  });
});
