/**
 * PATCH bodies at the edges the rules accept (issue 10, StrykerJS's suite: vitest.mutation.config.ts), the
 * counterpart of bad-bodies.mutation.ts: what must be written, not refused. fast-check draws the kind, whether
 * the resource was deployed, and the values; the expected answer is read from the rules named on each test:
 * an accessConfig naming the current owner (ACC-4) with a skill's guardrails (DET-8), `{}` (DET-7), an empty or
 * resetting update mask (DET-6), a one-character name (UPD-4), a null model (UPD-5), list rows (LIFE-10, LIFE-13)
 * and manager links (UPD-2, DET-7); hasUnpublishedChanges after nested edits (LIFE-6); ids that only look like
 * ids (DET-4); isEnabled across deploys and toggles (LIFE-12); a manager's own access kept (ACC-3).
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MockCore } from '../../src/mock/domain/index.js';
import { coreFromFiles } from '../../src/mock/fixture-core.js';
import { call } from './seed-oracle.js';
import { byUser } from './seed-world.js';

type Kind = 'skills' | 'agents';
type Body = Record<string, unknown>;
const OWNER = 'user_alice';
const MEMBERS = ['user_bob', 'user_carol', 'user_dave'];
const kindArb = fc.constantFrom<Kind>('skills', 'agents');
const freeForm = fc.dictionary(fc.constantFrom('a', 'b', 'k'), fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.boolean()), { maxKeys: 2 });

/** Creates a resource as the owner (deployed once when asked); answers its path. */
function create(core: MockCore, kind: Kind, deployed: boolean, name = 'edge'): { at: string; id: number } {
  const created = call(core, OWNER, 'POST', `/${kind}`, { name });
  expect(created.status).toBe(201);
  const id = created.body['id'] as number;
  if (deployed) expect(call(core, OWNER, 'POST', `/${kind}/${id}/deploy`, {}).status).toBe(200);
  return { at: `/${kind}/${id}`, id };
}

describe('PATCH bodies the rules accept', () => {
  it('ACC-4, DET-8, DET-7: an accessConfig naming the current owner, with a skill\'s guardrails, is merged at the top level; no draft is forked', () => {
    const owner = byUser(OWNER);
    const perm = fc.oneof(fc.constant({ use: false, manage: false }), fc.record({ use: fc.constant(true), manage: fc.boolean() }));
    const patchArb = (kind: Kind) => fc.record({
      ownerUserId: fc.constant(owner.userId),
      ownerEmail: fc.constant(owner.email),
      visibility: fc.constantFrom('private', 'shared', 'org'),
      groupPermissions: fc.dictionary(fc.constantFrom('eng', 'sales'), perm, { maxKeys: 2 }),
      sharedWith: fc.uniqueArray(fc.constantFrom(...MEMBERS), { maxLength: 2 }).chain((ids) => fc.tuple(...ids.map((userId) => perm.map((p) => ({ userId, ...p }))))),
      ...(kind === 'skills' ? { guardrails: fc.array(freeForm, { maxLength: 2 }) } : {}),
    }, { requiredKeys: [] });
    fc.assert(
      fc.property(kindArb.chain((k) => fc.tuple(fc.constant(k), fc.boolean(), patchArb(k))), ([kind, deployed, patch]) => {
        const core = coreFromFiles();
        const { at } = create(core, kind, deployed);
        const before = call(core, OWNER, 'GET', `${at}?view=draft`).body;
        // ACC-2 [D]: created without an accessConfig: org-wide, owned by the creator; no groups, shares or (a skill's) guardrails, as the docs' examples show.
        const defaults = { visibility: 'org', groupPermissions: {}, sharedWith: [], ...(kind === 'skills' ? { guardrails: [] } : {}), ownerUserId: owner.userId, ownerEmail: owner.email };
        expect(before['accessConfig']).toEqual(defaults);
        const answer = call(core, OWNER, 'PATCH', at, { accessConfig: patch });
        expect(answer.status, JSON.stringify(patch)).toBe(200);
        const want = { ...(before['accessConfig'] as Body), ...patch };
        expect(answer.body['accessConfig']).toEqual(want);
        expect(answer.body['hasUnpublishedChanges']).toBe(before['hasUnpublishedChanges']);
        expect(answer.body['draftVariationId']).toBe(before['draftVariationId']);
        expect(call(core, OWNER, 'GET', at).body['accessConfig']).toEqual(want);
      }),
      { seed: 11, numRuns: 40 },
    );
  });

  it('DET-7: an empty {} PATCH changes nothing, not even updatedAt; DET-6: an empty update mask is no mask', () => {
    fc.assert(
      fc.property(kindArb, fc.boolean(), fc.string({ minLength: 1, maxLength: 5 }), (kind, deployed, description) => {
        const core = coreFromFiles();
        const { at } = create(core, kind, deployed);
        const before = call(core, OWNER, 'GET', `${at}?view=draft`).body;
        const empty = call(core, OWNER, 'PATCH', at, {});
        expect(empty.status).toBe(200);
        expect(empty.body).toEqual(before);
        expect(call(core, OWNER, 'GET', `${at}?view=draft`).body).toEqual(before);
        // DET-6 [A]: `?updateMask=` names no field: every field in the body is written (UPD-3 [D]).
        const masked = call(core, OWNER, 'PATCH', `${at}?updateMask=`, { description });
        expect(masked.status).toBe(200);
        expect(call(core, OWNER, 'GET', `${at}?view=draft`).body['description']).toBe(description);
      }),
      { seed: 12, numRuns: 20 },
    );
  });

  it('UPD-4, UPD-5, LIFE-4: a one-character name, a null model and well-typed content are written into the draft and read back', () => {
    const skillContent = fc.record({
      name: fc.constantFrom('x', '\u{1F600}'),
      expectedOutput: fc.string({ minLength: 1, maxLength: 4 }),
      instructions: fc.array(fc.string({ maxLength: 3 }), { minLength: 1, maxLength: 3 }),
      model: fc.constant(null),
      connectionSet: fc.array(freeForm, { minLength: 1, maxLength: 2 }),
      evaluations: fc.array(freeForm, { minLength: 1, maxLength: 2 }),
      supervisionSubordinateDescriptions: fc.dictionary(fc.constantFrom('1', '2', '3'), fc.string({ maxLength: 3 }), { minKeys: 1, maxKeys: 3 }),
    }, { requiredKeys: ['name'] });
    const agentContent = fc.record({ name: fc.constantFrom('x', '\u{1F600}'), type: fc.constantFrom('task', 'workflow'), trigger: freeForm, workflowStructure: freeForm }, { requiredKeys: ['name'] });
    fc.assert(
      fc.property(kindArb.chain((k) => fc.tuple(fc.constant(k), fc.boolean(), k === 'skills' ? skillContent : agentContent)), ([kind, deployed, fields]) => {
        const core = coreFromFiles();
        const { at } = create(core, kind, deployed);
        if (kind === 'skills') expect(call(core, OWNER, 'PATCH', at, { model: 'some-model' }).status).toBe(200);
        const answer = call(core, OWNER, 'PATCH', at, fields);
        expect(answer.status, JSON.stringify(fields)).toBe(200);
        const draft = call(core, OWNER, 'GET', `${at}?view=draft`).body;
        const variation = draft['variation'] as Body;
        for (const [field, value] of Object.entries(fields)) {
          if (field === 'name' || field === 'type') expect(draft[field]).toEqual(value);
          else expect(variation[field], field).toEqual(value);
        }
      }),
      { seed: 13, numRuns: 30 },
    );
  });

  it('DET-6: a masked field absent from the body resets to its empty value (null for a nullable or optional string, "", [] or {} by its type)', () => {
    // The empty value by the field's type in openapi.json's Skill/Agent variation: description (string or null) and
    // model (string or null) null, expectedOutput (string) "", lists [], objects {}.
    const SKILL: Record<string, [unknown, unknown]> = {
      description: ['d', null], expectedOutput: ['e', ''], instructions: [['i'], []], model: ['m', null], toolset: [{ a: 1 }, {}],
      connectionSet: [[{ a: 1 }], []], contextSelections: [[{ a: 1 }], []], interfaces: [[{ a: 1 }], []], evaluations: [[{ a: 1 }], []],
      supervisionSubordinateDescriptions: [{ 1: 'x' }, {}],
    };
    const AGENT: Record<string, [unknown, unknown]> = { description: ['d', null], trigger: [{ a: 1 }, {}], agentSelection: [{ a: 1 }, {}], workflowStructure: [{ a: 1 }, {}] };
    const table = (kind: Kind) => (kind === 'skills' ? SKILL : AGENT);
    fc.assert(
      fc.property(kindArb.chain((k) => fc.tuple(fc.constant(k), fc.boolean(), fc.subarray(Object.keys(table(k)), { minLength: 1 }))), ([kind, deployed, masked]) => {
        const core = coreFromFiles();
        const { at } = create(core, kind, deployed);
        const t = table(kind);
        const full = Object.fromEntries(Object.entries(t).map(([f, [v]]) => [f, v]));
        expect(call(core, OWNER, 'PATCH', at, full).status).toBe(200);
        expect(call(core, OWNER, 'PATCH', `${at}?updateMask=${masked.join(',')}`, {}).status).toBe(200);
        const draft = call(core, OWNER, 'GET', `${at}?view=draft`).body;
        for (const [field, [written, empty]] of Object.entries(t)) {
          const got = field === 'description' ? draft['description'] : (draft['variation'] as Body)[field];
          expect(got, field).toEqual(masked.includes(field) ? empty : written);
        }
      }),
      { seed: 14, numRuns: 30 },
    );
  });

  it('LIFE-10, LIFE-13: a list row shows the name of the kind\'s default view (skills active, agents draft), without the variation', () => {
    fc.assert(
      fc.property(kindArb, fc.constantFrom('fresh', 'deployed', 'drafted'), (kind, state) => {
        const core = coreFromFiles();
        const { at, id } = create(core, kind, state !== 'fresh', 'first');
        if (state === 'drafted') expect(call(core, OWNER, 'PATCH', at, { name: 'second', description: 'new' }).status).toBe(200);
        const shown = call(core, OWNER, 'GET', at).body;
        const rows = call(core, OWNER, 'GET', `/${kind}?pageSize=100`).body[kind] as Body[];
        const row = rows.find((r) => r['id'] === id)!;
        expect(row).toBeDefined();
        // LIFE-10 [A]: a skill never deployed has no variation in its default (active) view; the row has none either way.
        const { variation: _variation, ...rest } = shown;
        expect(row).toEqual(rest);
        expect(row['name']).toBe(state === 'drafted' && kind === 'agents' ? 'second' : 'first');
      }),
      { seed: 15, numRuns: 20 },
    );
  });

  it('UPD-2, DET-6, DET-7: a manager chain re-parents, ?updateMask=managerId with {} detaches, a deleted subordinate is not listed', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), (viaMask, deleteSub) => {
        const core = coreFromFiles();
        const top = create(core, 'skills', false, 'top');
        const mid = create(core, 'skills', false, 'mid');
        const sub = create(core, 'skills', false, 'sub');
        // A chain three deep: mid under top, then sub under mid (the walk up passes a skill that has a manager).
        expect(call(core, OWNER, 'PATCH', mid.at, { managerId: top.id }).status).toBe(200);
        expect(call(core, OWNER, 'PATCH', sub.at, { managerId: mid.id }).status).toBe(200);
        // UPD-2 [A]: closing the loop is a cycle: 422, nothing changes.
        expect(call(core, OWNER, 'PATCH', top.at, { managerId: sub.id }).status).toBe(422);
        const subs = (s: { at: string }): unknown => (call(core, OWNER, 'GET', `${s.at}?view=draft`).body['variation'] as Body)['supervisionSubordinateIds'];
        expect(subs(mid)).toEqual([String(sub.id)]);
        expect(subs(top)).toEqual([String(mid.id)]);
        if (deleteSub) {
          expect(call(core, OWNER, 'DELETE', sub.at).status).toBe(204);
          expect(subs(mid)).toEqual([]);
          // UPD-2 [A], DEL-1 [D]: a deleted skill reads as missing (GET 404), so it cannot become a manager (404).
          expect(call(core, OWNER, 'PATCH', mid.at, { managerId: sub.id }).status).toBe(404);
        } else {
          const detached = viaMask ? call(core, OWNER, 'PATCH', `${sub.at}?updateMask=managerId`, {}) : call(core, OWNER, 'PATCH', sub.at, { managerId: null });
          expect(detached.status).toBe(200);
          expect(subs(mid)).toEqual([]);
          expect(call(core, OWNER, 'PATCH', top.at, { managerId: sub.id }).status).toBe(200);
        }
      }),
      { seed: 16, numRuns: 8 },
    );
  });

  it('DEL-2, DEL-4 [D]: a second DELETE and an undelete of a live resource change nothing (on a clock that steps once per write)', () => {
    fc.assert(
      fc.property(kindArb, fc.boolean(), (kind, deployed) => {
        const core = coreFromFiles(undefined, undefined, { deterministic: { seed: 3 } });
        const { at, id } = create(core, kind, deployed);
        const live = call(core, OWNER, 'GET', `${at}?view=draft`).body;
        const undeleted = call(core, OWNER, 'POST', `${at}/undelete`, {});
        expect(undeleted.status).toBe(200);
        expect(undeleted.body).toEqual(live);
        expect(call(core, OWNER, 'DELETE', at).status).toBe(204);
        const row = (): Body | undefined => (call(core, OWNER, 'GET', `/${kind}?showDeleted=true&pageSize=100`).body[kind] as Body[]).find((r) => r['id'] === id);
        const tombstone = row();
        expect(tombstone?.['deletedAt']).toEqual(expect.any(String));
        expect(call(core, OWNER, 'DELETE', at).status).toBe(204);
        expect(row()).toEqual(tombstone);
      }),
      { seed: 17, numRuns: 8 },
    );
  });

  it('LIFE-6 [D]: after a PATCH to a deployed agent\'s trigger, hasUnpublishedChanges is true exactly when the draft differs from the active variation, at any depth', () => {
    // Values JSON tells apart but a loose comparison may not: '' / 0 / false / null against {} and [], an array
    // against an object with the same keys, a key added, dropped or renamed, the same keys in another order.
    const LEAVES: unknown[] = ['', 'x', 0, 1, false, true, null, {}, [], ['x'], [{}], [[]], { a: 1 }, { '0': 'x' }, { a: 1, b: 2 }, { b: 2, a: 1 }, { b: 1 }, { a: {} }, { a: [] }];
    const core = coreFromFiles();
    // The oracle is node's own structural equality (key order aside), not the mock's.
    const differs = (a: unknown, b: unknown): boolean => !isDeepStrictEqual(a, b);
    const check = (active: Body, draft: Body, back: boolean): void => {
      const { at } = create(core, 'agents', false);
      expect(call(core, OWNER, 'PATCH', at, { trigger: active }).status).toBe(200);
      expect(call(core, OWNER, 'POST', `${at}/deploy`, {}).status).toBe(200);
      const answer = call(core, OWNER, 'PATCH', at, { trigger: draft });
      const what = `${JSON.stringify(active)} -> ${JSON.stringify(draft)}`;
      expect(answer.status, what).toBe(200);
      expect(answer.body['hasUnpublishedChanges'], what).toBe(differs(active, draft));
      expect(call(core, OWNER, 'GET', at).body['hasUnpublishedChanges'], what).toBe(differs(active, draft));
      // Back to the active value: no difference is left, though the draft stays pending.
      if (back) expect(call(core, OWNER, 'PATCH', at, { trigger: active }).body['hasUnpublishedChanges'], what).toBe(false);
    };
    // Every pair of values, at the top of the trigger and one level down, beside an equal sibling.
    for (const [i, a] of LEAVES.entries()) {
      for (const [j, b] of LEAVES.entries()) {
        check({ k: a }, { k: b }, false);
        check({ s: 1, k: { a } }, { s: 1, k: { a: b } }, (i + j) % 5 === 0);
      }
    }
    // Random triggers, and one key added, dropped or renamed.
    const json = (v: unknown): Body => JSON.parse(JSON.stringify(v)) as Body;
    const trigger = fc.dictionary(fc.constantFrom('a', 'b', 'k'), fc.oneof(fc.constantFrom(...LEAVES), fc.dictionary(fc.constantFrom('a', 'k'), fc.constantFrom(...LEAVES), { maxKeys: 2 })), { maxKeys: 3 }).map(json);
    fc.assert(
      fc.property(trigger, fc.constantFrom('add', 'drop', 'rename', 'other'), trigger, (active, edit, other) => {
        const keys = Object.keys(active);
        const draft = { ...active };
        if (edit === 'add') draft['z'] = keys.length > 0 ? active[keys[0]!] : 1;
        else if (edit === 'drop' && keys.length > 0) delete draft[keys[0]!];
        else if (edit === 'rename' && keys.length > 0) {
          draft['z'] = draft[keys[0]!];
          delete draft[keys[0]!];
        }
        check(active, edit === 'other' ? other : draft, true);
      }),
      { seed: 17, numRuns: 60 },
    );
  });

  it('DET-4: an existing id written as a number but not as a plain integer (5.0, 5e0, 5abc, 05, +5, 5 with a space) is 404 on every read and write', () => {
    const core = coreFromFiles();
    for (const kind of ['skills', 'agents'] as const) {
      const { id } = create(core, kind, true);
      expect(call(core, OWNER, 'GET', `/${kind}/${id}`).status).toBe(200);
      for (const raw of [`${id}.0`, `${id}e0`, `${id}abc`, `0${id}`, `+${id}`, `${id}%20`, `${id}.`, `${id}n`]) {
        for (const [method, suffix, body] of [['GET', '', undefined], ['PATCH', '', { description: 'x' }], ['POST', '/deploy', {}], ['DELETE', '', undefined]] as const) {
          const r = call(core, OWNER, method, `/${kind}/${raw}${suffix}`, body);
          expect(r.status, `${method} /${kind}/${raw}${suffix}`).toBe(404);
        }
      }
      expect(call(core, OWNER, 'GET', `/${kind}/${id}`).body['description']).not.toBe('x');
    }
  });

  it('LIFE-12 [D]: the first deploy of an agent enables it; a later deploy, with a draft pending or not, keeps isEnabled as toggled', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('toggle', 'edit', 'deploy'), { minLength: 1, maxLength: 8 }), (steps) => {
        const core = coreFromFiles();
        const { at } = create(core, 'agents', false);
        expect(call(core, OWNER, 'GET', at).body['isEnabled']).toBe(false);
        expect(call(core, OWNER, 'POST', `${at}/deploy`, {}).status).toBe(200);
        expect(call(core, OWNER, 'GET', at).body['isEnabled']).toBe(true);
        let enabled = true;
        for (const [i, step] of steps.entries()) {
          if (step === 'toggle') enabled = !enabled;
          const r = step === 'edit' ? call(core, OWNER, 'PATCH', at, { description: `d${i}` }) : call(core, OWNER, 'POST', `${at}/${step}`, {});
          expect(r.status, `${steps.slice(0, i + 1).join(', ')}`).toBe(200);
          expect(call(core, OWNER, 'GET', at).body['isEnabled'], `${steps.slice(0, i + 1).join(', ')}`).toBe(enabled);
        }
      }),
      { seed: 19, numRuns: 40 },
    );
  });

  it('ACC-3 [D], ACC-1: a manager who is not the owner may change accessConfig only to one that leaves them use and manage; a change that keeps use but drops manage is 422 too, and changes nothing', () => {
    // user_bob is in group eng with the owner, user_dave in sales; the owner's skill starts org-wide (bob manages it).
    const BOB = 'user_bob';
    const cases: Array<[string, Body, 200 | 422]> = [
      ['eng may use only', { visibility: 'shared', groupPermissions: { eng: { use: true, manage: false } } }, 422],
      ['eng may use and manage', { visibility: 'shared', groupPermissions: { eng: { use: true, manage: true } } }, 200],
      ['private', { visibility: 'private' }, 422],
      ['shared with bob, use only', { visibility: 'shared', sharedWith: [{ userId: BOB, use: true, manage: false }] }, 422],
      ['private, shared with bob to manage', { visibility: 'private', sharedWith: [{ userId: BOB, use: true, manage: true }] }, 200],
      ['eng nothing, bob to manage', { visibility: 'shared', groupPermissions: { eng: { use: false, manage: false } }, sharedWith: [{ userId: BOB, use: true, manage: true }] }, 200],
      ['eng use only, bob use only', { visibility: 'shared', groupPermissions: { eng: { use: true, manage: false } }, sharedWith: [{ userId: BOB, use: true, manage: false }] }, 422],
      ['sales only', { visibility: 'shared', groupPermissions: { sales: { use: true, manage: true } } }, 422],
    ];
    const core = coreFromFiles();
    for (const kind of ['skills', 'agents'] as const) {
      for (const [name, access, status] of cases) {
        const { at } = create(core, kind, true);
        const before = call(core, OWNER, 'GET', at).body['accessConfig'];
        const r = call(core, BOB, 'PATCH', at, { accessConfig: access });
        expect(r.status, `${kind}: ${name}`).toBe(status);
        const after = call(core, OWNER, 'GET', at).body['accessConfig'];
        if (status === 422) expect(after, `${kind}: ${name}`).toEqual(before);
        else expect(after, `${kind}: ${name}`).toEqual({ ...(before as Body), ...access });
        // The owner always keeps use and manage (ACC-1): any visibility is theirs to set.
        expect(call(core, OWNER, 'PATCH', at, { accessConfig: { visibility: 'private', sharedWith: [] } }).status, `${kind}: ${name}`).toBe(200);
      }
    }
  });
});
