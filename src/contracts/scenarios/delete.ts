import type { Scenario, ScenarioContext } from '../scenario.js';
import {
  type Json, type Kind, checkLikeMissing, checkUnchanged, hasRow, idOf, listAll, patch, read, readOk, sharedWithTeam,
  snapshot, url,
} from './helpers.js';

/** DELETE as the owner, expecting 204 with no body. */
async function remove(t: ScenarioContext, kind: Kind, id: string): Promise<void> {
  const e = await t.call('owner', 'DELETE', url(kind, id));
  t.status(e, 204, `delete ${kind}/${id}`);
  t.check(e.response.body === undefined, 'DELETE answered a body with its 204');
}

/** The owner's showDeleted=true row of a resource, if the list shows it. */
async function deletedRow(t: ScenarioContext, kind: Kind, id: string): Promise<Json | undefined> {
  return (await listAll(t, 'owner', kind, 'pageSize=100&showDeleted=true')).find((r) => String(r['id']) === id);
}

/** DEL: soft delete and undelete. */
export const deleteScenarios: Scenario[] = [
  {
    rule: 'DEL-1',
    title: 'DELETE needs manage; the owner gets 204 and the resource is gone from reads and lists',
    async run(t) {
      const id = idOf(await t.create('skills', 'owner', sharedWithTeam(t, true, false)));
      const refused = await t.call('teammate', 'DELETE', url('skills', id));
      t.check(refused.response.status !== 204, 'a use-only caller deleted the skill');
      await readOk(t, 'teammate', 'skills', id, '?view=draft');
      await remove(t, 'skills', id);
      for (const view of ['', '?view=draft']) t.status(await read(t, 'owner', 'skills', id, view), 404, `GET${view} after delete`);
      t.check(!hasRow(await listAll(t, 'owner', 'skills'), id), 'a deleted skill is still in the default list');
    },
  },
  {
    rule: 'DEL-1',
    tag: 'A',
    title: 'the kept row shows status deleted and deletedAt (seen through showDeleted)',
    async run(t) {
      const id = idOf(await t.create('agents'));
      await remove(t, 'agents', id);
      const row = await deletedRow(t, 'agents', id);
      t.check(row !== undefined, `agents/${id} is missing from showDeleted=true`);
      t.check(row!['status'] === 'deleted' && typeof row!['deletedAt'] === 'string', `row: status ${String(row!['status'])}, deletedAt ${String(row!['deletedAt'])}`);
    },
  },
  {
    rule: 'DEL-2',
    title: 'DELETE of a deleted resource answers 204 again and it stays deleted',
    async run(t) {
      const id = idOf(await t.create('skills'));
      await remove(t, 'skills', id);
      await remove(t, 'skills', id);
      t.status(await read(t, 'owner', 'skills', id), 404, 'GET after two deletes');
    },
  },
  {
    rule: 'DEL-2',
    tag: 'A',
    title: 'a second DELETE leaves deletedAt as it was',
    async run(t) {
      const id = idOf(await t.create('skills'));
      await remove(t, 'skills', id);
      const first = await deletedRow(t, 'skills', id);
      await remove(t, 'skills', id);
      const second = await deletedRow(t, 'skills', id);
      t.check(first !== undefined && second !== undefined, `skills/${id} is missing from showDeleted=true`);
      t.check(first!['deletedAt'] === second!['deletedAt'] && first!['updatedAt'] === second!['updatedAt'], 'a second DELETE changed the row');
    },
  },
  {
    rule: 'DEL-3',
    title: 'undelete needs manage, clears the tombstone and answers the draft view',
    async run(t) {
      const id = idOf(await t.createDeployed('skills', 'owner', { ...sharedWithTeam(t, true, false), description: 'live' }));
      t.status(await patch(t, 'owner', 'skills', id, { description: 'pending' }), 200, 'PATCH');
      await remove(t, 'skills', id);
      const refused = await t.call('teammate', 'POST', url('skills', id, '/undelete'), {});
      t.check(refused.response.status !== 200, 'a use-only caller undeleted the skill');
      t.status(await read(t, 'owner', 'skills', id), 404, 'still deleted after a refused undelete');
      const back = t.status(await t.call('owner', 'POST', url('skills', id, '/undelete'), {}), 200, 'undelete');
      t.check(back['description'] === 'pending', `undelete answered description ${String(back['description'])}, not the draft view`);
      t.check(back['deletedAt'] === null, 'deletedAt is not cleared');
      await readOk(t, 'owner', 'skills', id);
    },
  },
  {
    rule: 'DEL-3',
    tag: 'A',
    title: 'undelete restores active when deployed, draft otherwise; variations unchanged',
    async run(t) {
      for (const deployIt of [true, false]) {
        const r = deployIt ? await t.createDeployed('agents') : await t.create('agents');
        const id = idOf(r);
        if (deployIt) t.status(await patch(t, 'owner', 'agents', id, { description: 'pending' }), 200, 'PATCH');
        const before = await snapshot(t, 'agents', id);
        await remove(t, 'agents', id);
        const back = t.status(await t.call('owner', 'POST', url('agents', id, '/undelete'), {}), 200, 'undelete');
        const want = deployIt ? 'active' : 'draft';
        t.check(back['status'] === want, `undeleted status ${String(back['status'])}, want ${want}`);
        for (const k of ['activeVariationId', 'draftVariationId', 'description', 'variation', 'isEnabled']) {
          t.check(JSON.stringify(back[k]) === JSON.stringify(before[k]), `undelete changed ${k}`);
        }
      }
    },
  },
  {
    rule: 'DEL-4',
    title: 'undelete of a resource that is not deleted answers 200 and changes nothing',
    async run(t) {
      for (const kind of ['skills', 'agents'] as const) {
        const id = idOf(await t.createDeployed(kind));
        const before = await snapshot(t, kind, id);
        t.status(await t.call('owner', 'POST', url(kind, id, '/undelete'), {}), 200, 'undelete of a live resource');
        await checkUnchanged(t, kind, id, before, 'undelete of a live resource');
      }
    },
  },
  {
    rule: 'DEL-5',
    title: 'every other call on a deleted resource answers the missing-id 404',
    async run(t) {
      const skill = await t.createDeployed('skills');
      const sid = idOf(skill);
      const agent = idOf(await t.createDeployed('agents'));
      await remove(t, 'skills', sid);
      await remove(t, 'agents', agent);
      const mate = t.client.principal('teammate').userId;
      const calls: Array<[Kind, string, string, string, unknown]> = [
        ['skills', sid, 'GET', '', undefined], ['skills', sid, 'GET', `/variations/${String(skill['activeVariationId'])}`, undefined],
        ['skills', sid, 'PATCH', '', { description: 'x' }], ['skills', sid, 'POST', '/deploy', {}],
        ['skills', sid, 'POST', '/transfer-ownership', { newOwnerUserId: mate }], ['skills', sid, 'POST', '/transfer-ownership/cancel', {}],
        ['agents', agent, 'GET', '', undefined], ['agents', agent, 'POST', '/toggle', {}], ['agents', agent, 'POST', '/transfer-ownership/accept', {}],
      ];
      for (const [kind, id, method, suffix, body] of calls) {
        const hidden = await t.call('owner', method, url(kind, id, suffix), body);
        await checkLikeMissing(t, hidden, id, `${method} ${kind}${suffix} on a deleted resource`);
      }
    },
  },
  {
    rule: 'DEL-5',
    title: 'showDeleted=true adds deleted rows the caller can manage, not those it can only use',
    async run(t) {
      const id = idOf(await t.create('skills', 'owner', sharedWithTeam(t, true, false)));
      await remove(t, 'skills', id);
      t.check((await deletedRow(t, 'skills', id)) !== undefined, "the owner's showDeleted list lacks its deleted skill");
      t.check(!hasRow(await listAll(t, 'owner', 'skills', 'pageSize=100&showDeleted=false'), id), 'showDeleted=false shows a deleted row');
      t.check(!hasRow(await listAll(t, 'teammate', 'skills', 'pageSize=100&showDeleted=true'), id), 'a use-only caller sees a deleted row');
    },
  },
  {
    rule: 'DEL-6',
    title: 'ids are never reused after delete; slugs are unique per org, deleted rows included',
    async run(t) {
      const name = t.name('same');
      const a = await t.create('skills', 'owner', { name });
      const b = await t.create('skills', 'owner', { name });
      t.check(a['slug'] !== b['slug'], `two skills share the slug ${String(a['slug'])}`);
      await remove(t, 'skills', idOf(a));
      const c = await t.create('skills', 'owner', { name });
      t.check(idOf(c) !== idOf(a) && idOf(c) !== idOf(b), `a new skill got a used id ${idOf(c)}`);
      t.check(c['slug'] !== a['slug'] && c['slug'] !== b['slug'], `a new skill reused the slug ${String(c['slug'])}`);
      t.status(await read(t, 'owner', 'skills', idOf(a)), 404, 'the deleted id still reads as deleted');
      t.check((await readOk(t, 'owner', 'skills', idOf(b), '?view=draft'))['id'] === b['id'], 'the id of b moved');
    },
  },
  {
    rule: 'DEL-6',
    title: 'an agent id is never reused after delete',
    async run(t) {
      const a = await t.create('agents');
      await remove(t, 'agents', idOf(a));
      const b = await t.create('agents');
      t.check(idOf(b) !== idOf(a), `a new agent got the deleted id ${idOf(a)}`);
      t.status(await read(t, 'owner', 'agents', idOf(a)), 404, 'the deleted id still reads as deleted');
    },
  },
];
