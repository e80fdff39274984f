/**
 * Seed worlds against a mutant of the seed loader (seed.ts, seed-check.ts, compact.ts; issue 10): generated v1
 * and v2 seed files load as README "Fixture formats" describes, planted faults are refused at their JSON path,
 * and a loaded world survives the state file round trip. The oracle is the plan (seed-world.ts), never the loader.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SeedError, createMockCore, type MockCore, type SeedFile } from '../../src/mock/domain/index.js';
import { FAULTS, documentedMessage, plant, type Site } from './seed-faults.js';
import { call, checkWorld, checkWrites } from './seed-oracle.js';
import { StateFileError, openStateFile, readStateFile } from '../../src/mock/persistence.js';
import { PRINCIPALS, seedFileOf, worldArb, type Planned, type World } from './seed-world.js';

/** Loads a seed file into a fresh core, and the time window of the load. */
function load(seed: object): { core: MockCore; loaded: [number, number] } {
  const start = Date.now();
  const core = createMockCore({ principals: PRINCIPALS, seed: seed as SeedFile });
  return { core, loaded: [start, Date.now()] };
}

describe('generated seed worlds', () => {
  it('load as README "Fixture formats" describes, read by the owner and by everyone else', () => {
    fc.assert(fc.property(worldArb(), (world) => {
      const { core, loaded } = load(seedFileOf(world));
      checkWorld(world, core, loaded);
      checkWrites(world, core);
    }), { seed: 10, numRuns: 150 });
  });
});

describe('a planted fault', () => {
  it('is refused with a SeedError whose jsonPath is where it was planted, and a problem after it (README "Fixture formats")', () => {
    fc.assert(fc.property(worldArb(1), fc.constantFrom(...FAULTS), fc.nat(), (world, fault, pick) => {
      const file = seedFileOf(world) as Site['file'];
      const path = plant(fault, { world, file, pick });
      fc.pre(path !== undefined);
      let thrown: unknown;
      try {
        load(file);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(SeedError);
      expect((thrown as SeedError).jsonPath).toBe(path);
      expect((thrown as SeedError).message.startsWith(`${path}: ${documentedMessage(fault, path) ?? ''}`)).toBe(true);
      // README "Fixture formats": the message names the JSON path *and the problem*, so something follows the path.
      expect((thrown as SeedError).message.slice(`${path}: `.length).trim()).not.toBe('');
    }), { seed: 10, numRuns: 800 });
  });
});

/** Every answer a world gives: each principal's lists (deleted rows too) and each item's views and variations, but `skip`'s. */
function readAll(core: MockCore, world: World, skip?: Planned): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const items = [...world.skills, ...world.agents].filter((p) => p !== skip);
  for (const { userId } of PRINCIPALS) {
    for (const kind of ['skills', 'agents'] as const) {
      const rows = call(core, userId, 'GET', `/${kind}?pageSize=100&showDeleted=true`).body[kind] as Array<Record<string, unknown>>;
      out[`${userId} ${kind}`] = rows.filter((r) => !(skip && `${skip.kind}s` === kind && r['id'] === skip.id));
    }
    for (const p of items) {
      for (const view of ['', '?view=active', '?view=draft']) out[`${userId} ${p.kind} ${p.id}${view}`] = call(core, userId, 'GET', `/${p.kind}s/${p.id}${view}`);
      if (p.kind !== 'skill') continue;
      const own = call(core, p.owner, 'GET', `/skills/${p.id}?view=draft`).body;
      for (const vid of new Set([own['activeVariationId'], own['draftVariationId'], ...p.contents.map((c) => c.variationId)])) {
        if (typeof vid === 'string') out[`${userId} ${p.id} ${vid}`] = call(core, userId, 'GET', `/skills/${p.id}/variations/${vid}`);
      }
    }
  }
  return out;
}

/** Writes to one live item as its owner (content, access, deploy, toggle); other rows must not change. */
function writeOne(core: MockCore, p: Planned): void {
  const content = p.kind === 'skill' ? { description: 'changed', instructions: ['changed'] } : { description: 'changed', trigger: { changed: true } };
  expect(call(core, p.owner, 'PATCH', `/${p.kind}s/${p.id}`, content).status).toBe(200);
  // A grant that changes no one's access (no item is shared), so only this record's stored value changes.
  expect(call(core, p.owner, 'PATCH', `/${p.kind}s/${p.id}`, { accessConfig: { groupPermissions: { eng: { use: true, manage: false } } } }).status).toBe(200);
  expect(call(core, p.owner, 'POST', `/${p.kind}s/${p.id}/deploy`, {}).status).toBe(200);
  expect(call(core, p.owner, 'PATCH', `/${p.kind}s/${p.id}`, { description: 'changed again' }).status).toBe(200);
  if (p.kind === 'agent') expect(call(core, p.owner, 'POST', `/agents/${p.id}/toggle`, {}).status).toBe(200);
}

/** After a write to one item of a reloaded world, every other answer is what it was (the compactor's shared values stay put). */
function checkWriteIsolated(core: MockCore, world: World, pick: number): void {
  const live = [...world.skills, ...world.agents].filter((p) => !p.deleted);
  const p = live[pick % Math.max(1, live.length)];
  if (!p) return;
  const before = readAll(core, world, p);
  writeOne(core, p);
  expect(readAll(core, world, p)).toEqual(before);
}

describe('a loaded world through the state file', () => {
  it('reads the same after export and import, after a state file round trip, and a write changes only its own rows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'modus-seed-worlds-'));
    try {
      let run = 0;
      fc.assert(fc.property(worldArb(), fc.nat(), (world, pick) => {
        const seed = seedFileOf(world) as SeedFile;
        const { core } = load(seed);
        const answers = readAll(core, world);
        // An export imported (Store.fromExport compacts it as a whole).
        const imported = createMockCore({ principals: PRINCIPALS, state: JSON.parse(JSON.stringify(core.exportState())) as never });
        expect(readAll(imported, world)).toEqual(answers);
        checkWriteIsolated(imported, world, pick);
        // The state file: written from the seed, read back row by row (the line layout's compactor), written after a change.
        const file = join(dir, `state-${run++}.json`);
        const build = (state?: Parameters<typeof createMockCore>[0]['state']): MockCore => createMockCore({ principals: PRINCIPALS, seed, ...(state ? { state } : {}) });
        const first = openStateFile(file, build);
        const firstAnswers = readAll(first.core, world);
        first.release();
        const again = openStateFile(file, build);
        expect(readAll(again.core, world)).toEqual(firstAnswers);
        checkWriteIsolated(again.core, world, pick);
        const changed = readAll(again.core, world);
        again.release();
        const third = openStateFile(file, build);
        expect(readAll(third.core, world)).toEqual(changed);
        third.release();
      }), { seed: 10, numRuns: 40 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a state file with a broken row', () => {
  it('is refused naming the row, never with a crash of the loader that reads it row by row', () => {
    // The compactor sees each row before validation: whatever shape a row has, validation must get to report it.
    const dir = mkdtempSync(join(tmpdir(), 'modus-seed-rows-'));
    try {
      const rows = ['5', 'null', '"x"', '[]', '{"variations":null}', '{"variations":5}', '{"variations":{"v":null}}', '{"variations":{"v":5}}', '{"variations":{"v":"abc"}}', '{"orgUuid":null,"accessConfig":null}'];
      rows.forEach((row, i) => {
        const file = join(dir, `broken-${i}.json`);
        writeFileSync(file, `{"version":1,"nextId":{"skill":2,"agent":1},"skills":[\n${row}\n],"agents":[\n]}\n`);
        expect(() => readStateFile(file)).toThrow(StateFileError);
        expect(() => readStateFile(file)).toThrow(/: \/skills\/0\b/);
        expect(() => readStateFile(file)).not.toThrow(/cannot read/);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
