import type { Scenario, ScenarioContext } from '../scenario.js';
import type { Role } from '../target-file.js';
import {
  MISSING, type Kind, checkLikeMissing, checkUnchanged, hasRow, idOf, listAll, privateWith, readOk, sharedWithTeam, snapshot, url,
} from './helpers.js';

/** The writes of HIDE-4 on one resource. */
function writesOn(t: ScenarioContext, kind: Kind, id: string): Array<[string, string, unknown]> {
  const calls: Array<[string, string, unknown]> = [
    ['PATCH', url(kind, id), { description: 'hidden write' }],
    ['DELETE', url(kind, id), undefined],
    ['POST', url(kind, id, '/deploy'), {}],
    ['POST', url(kind, id, '/undelete'), {}],
    ['POST', url(kind, id, '/transfer-ownership'), { newOwnerUserId: t.client.principal('teammate').userId }],
  ];
  if (kind === 'agents') calls.push(['POST', url(kind, id, '/toggle'), {}]);
  return calls;
}

/** HIDE-4: every write by `role` answers `status`; the resource is unchanged afterwards. */
async function checkWrites(t: ScenarioContext, role: Role, kind: Kind, fields: Record<string, unknown>, status: number): Promise<void> {
  const id = idOf(await t.createDeployed(kind, 'owner', fields));
  const before = await snapshot(t, kind, id);
  for (const [method, path, body] of writesOn(t, kind, id)) {
    const e = await t.call(role, method, path, body);
    t.status(e, status, `${method} ${path} as ${role}`);
    if (status === 404) await checkLikeMissing(t, e, id, `${method} as ${role}`);
  }
  await checkUnchanged(t, kind, id, before, 'refused writes');
}

/** HIDE: existence hiding. */
export const hideScenarios: Scenario[] = [
  {
    rule: 'HIDE-1',
    title: 'a caller without use gets the same 404 on a private skill as on a missing id, in every view',
    async run(t) {
      const skill = await t.createDeployed('skills', 'owner', { accessConfig: { visibility: 'private', groupPermissions: {}, sharedWith: [] } });
      const id = idOf(skill);
      for (const view of ['', '?view=active', '?view=draft']) {
        await checkLikeMissing(t, await t.call('outsider', 'GET', url('skills', id, view)), id, `GET skill${view}`);
      }
      const variation = String(skill['activeVariationId']);
      const hidden = await t.call('outsider', 'GET', url('skills', id, `/variations/${variation}`));
      await checkLikeMissing(t, hidden, id, 'historic variation of a hidden skill');
    },
  },
  {
    rule: 'HIDE-1',
    title: 'use alone is enough to read a skill in every view and its historic variation',
    async run(t) {
      const skill = await t.createDeployed('skills', 'owner', sharedWithTeam(t, true, false));
      const id = idOf(skill);
      for (const view of ['', '?view=active', '?view=draft']) await readOk(t, 'teammate', 'skills', id, view);
      t.status(await t.call('teammate', 'GET', url('skills', id, `/variations/${String(skill['activeVariationId'])}`)), 200, 'historic variation with use');
    },
  },
  {
    rule: 'HIDE-2',
    title: 'an agent read with use but without manage answers the missing-id 404',
    async run(t) {
      const id = idOf(await t.createDeployed('agents', 'owner', sharedWithTeam(t, true, false)));
      for (const view of ['', '?view=active', '?view=draft']) {
        await checkLikeMissing(t, await t.call('teammate', 'GET', url('agents', id, view)), id, `GET agent${view} with use only`);
      }
      await checkLikeMissing(t, await t.call('outsider', 'GET', url('agents', id)), id, 'GET agent without use');
    },
  },
  {
    rule: 'HIDE-2',
    title: 'an agent read with manage answers 200',
    async run(t) {
      const id = idOf(await t.createDeployed('agents', 'owner', sharedWithTeam(t, true, true)));
      await readOk(t, 'teammate', 'agents', id);
      await readOk(t, 'teammate', 'agents', id, '?view=active');
    },
  },
  {
    rule: 'HIDE-3',
    title: 'skill lists show what the caller can use and nothing else',
    async run(t) {
      const hidden = idOf(await t.create('skills', 'owner', privateWith(t, 'teammate', true, false)));
      const team = idOf(await t.create('skills', 'owner', sharedWithTeam(t, true, false)));
      const org = idOf(await t.create('skills'));
      const mate = await listAll(t, 'teammate', 'skills');
      t.check(hasRow(mate, hidden) && hasRow(mate, team) && hasRow(mate, org), "the teammate's list lacks a skill it can use");
      const outsider = await listAll(t, 'outsider', 'skills');
      t.check(!hasRow(outsider, hidden) && !hasRow(outsider, team), "the outsider's list shows a skill it cannot use");
      t.check(hasRow(outsider, org), "the outsider's list lacks an org-visible skill");
    },
  },
  {
    rule: 'HIDE-3',
    title: 'agent lists show use-only agents (though GET needs manage) and hide the rest',
    async run(t) {
      const team = idOf(await t.create('agents', 'owner', sharedWithTeam(t, true, false)));
      const mate = await listAll(t, 'teammate', 'agents');
      t.check(hasRow(mate, team), "the teammate's list lacks an agent it can use");
      t.check(!hasRow(await listAll(t, 'outsider', 'agents'), team), "the outsider's list shows an agent it cannot use");
    },
  },
  {
    rule: 'HIDE-4',
    title: 'skill writes by a caller who cannot use it answer the missing-id 404',
    run: (t) => checkWrites(t, 'outsider', 'skills', sharedWithTeam(t, true, false), 404),
  },
  {
    rule: 'HIDE-4',
    title: 'skill writes by a use-only caller answer 403',
    run: (t) => checkWrites(t, 'teammate', 'skills', sharedWithTeam(t, true, false), 403),
  },
  {
    rule: 'HIDE-4',
    title: 'agent writes (toggle included) by a caller who cannot use it answer 404, by a use-only caller 403',
    async run(t) {
      await checkWrites(t, 'outsider', 'agents', sharedWithTeam(t, true, false), 404);
      await checkWrites(t, 'teammate', 'agents', sharedWithTeam(t, true, false), 403);
    },
  },
  {
    rule: 'HIDE-5',
    title: 'undelete of a missing id answers 404',
    async run(t) {
      for (const kind of ['skills', 'agents'] as const) {
        t.status(await t.call('owner', 'POST', url(kind, MISSING, '/undelete'), {}), 404, `undelete ${kind}/${MISSING}`);
      }
    },
  },
  {
    rule: 'HIDE-5',
    title: "undelete of another org's deleted resource answers 404 and leaves it deleted",
    async run(t) {
      for (const kind of ['skills', 'agents'] as const) {
        const id = idOf(await t.create(kind));
        t.status(await t.call('owner', 'DELETE', url(kind, id)), 204, 'delete');
        const cross = await t.call('otherOrg', 'POST', url(kind, id, '/undelete'), {});
        await checkLikeMissing(t, cross, id, 'cross-org undelete');
        t.status(await t.call('owner', 'GET', url(kind, id, '?view=draft')), 404, 'still deleted');
      }
    },
  },
  {
    rule: 'HIDE-6',
    title: "a manager's supervisionSubordinateIds lists only the subordinates the caller can use",
    async run(t) {
      const manager = idOf(await t.create('skills', 'owner', sharedWithTeam(t, true, false)));
      const open = idOf(await t.create('skills', 'owner', sharedWithTeam(t, true, false)));
      const hidden = idOf(await t.create('skills', 'owner', privateWith(t, 'owner', true, true)));
      for (const sub of [open, hidden]) t.status(await t.call('owner', 'PATCH', url('skills', sub), { managerId: Number(manager) }), 200, 're-parent');
      const subs = (body: Record<string, unknown>): string[] => ((body['variation'] as { supervisionSubordinateIds?: unknown[] } | undefined)?.supervisionSubordinateIds ?? []).map(String);
      const owner = subs(await readOk(t, 'owner', 'skills', manager, '?view=draft'));
      t.check(owner.includes(open) && owner.includes(hidden), `the owner sees subordinates ${JSON.stringify(owner)}, expected ${open} and ${hidden}`);
      const mate = subs(await readOk(t, 'teammate', 'skills', manager, '?view=draft'));
      t.check(mate.includes(open), `the teammate does not see its usable subordinate ${open}: ${JSON.stringify(mate)}`);
      t.check(!mate.includes(hidden), `the teammate sees subordinate ${hidden}, which it cannot use: ${JSON.stringify(mate)}`);
    },
  },
];
