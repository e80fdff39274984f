import { NEVER_EXISTS_ID } from '../client.js';
import type { Scenario, ScenarioContext } from '../scenario.js';
import {
  type Json, checkUnchanged, deploy, deployed, idOf, isAfter, patch, privateWith, readOk, snapshot, url, variationOf,
} from './helpers.js';

const subordinates = (r: Json): unknown => variationOf(r)['supervisionSubordinateIds'];

/** PATCH `sub` under `manager` (a skill body) or detach it with null. */
function setManager(t: ScenarioContext, sub: string, manager: Json | null, role: 'owner' | 'teammate' = 'owner') {
  return patch(t, role, 'skills', sub, { managerId: manager === null ? null : manager['id'] });
}

/** UPD: PATCH rules. */
export const updateScenarios: Scenario[] = [
  {
    rule: 'UPD-1',
    title: 'managerId together with another field answers 422 and changes nothing',
    async run(t) {
      const manager = await t.createDeployed('skills');
      const sub = idOf(await t.create('skills', 'owner', { description: 'before' }));
      const before = await snapshot(t, 'skills', sub);
      const mgrBefore = await snapshot(t, 'skills', idOf(manager));
      t.status(await patch(t, 'owner', 'skills', sub, { managerId: manager['id'], description: 'mixed' }), 422, 'managerId + description');
      t.status(await patch(t, 'owner', 'skills', sub, { managerId: null, name: t.name('mixed') }), 422, 'managerId null + name');
      await checkUnchanged(t, 'skills', sub, before, 'a mixed managerId PATCH');
      await checkUnchanged(t, 'skills', idOf(manager), mgrBefore, 'a mixed managerId PATCH (manager)');
    },
  },
  {
    rule: 'UPD-2',
    title: 'a PATCH of only managerId re-parents the skill; null detaches it',
    async run(t) {
      const manager = await t.createDeployed('skills');
      const sub = idOf(await t.create('skills'));
      t.status(await setManager(t, sub, manager), 200, 'attach');
      t.status(await setManager(t, sub, null), 200, 'detach');
    },
  },
  {
    rule: 'UPD-2',
    tag: 'A',
    title: "the manager's supervisionSubordinateIds lists its subordinates as strings, in both views",
    async run(t) {
      const manager = await t.createDeployed('skills');
      const mid = idOf(manager);
      const sub = idOf(await t.create('skills'));
      t.status(await setManager(t, sub, manager), 200, 'attach');
      for (const view of ['?view=active', '?view=draft']) {
        const ids = subordinates(await readOk(t, 'owner', 'skills', mid, view));
        t.check(Array.isArray(ids) && ids.includes(sub), `${view}: supervisionSubordinateIds ${JSON.stringify(ids)} lacks "${sub}"`);
      }
      t.status(await setManager(t, sub, null), 200, 'detach');
      const after = subordinates(await readOk(t, 'owner', 'skills', mid, '?view=active'));
      t.check(Array.isArray(after) && !after.includes(sub), `a detached subordinate is still listed: ${JSON.stringify(after)}`);
    },
  },
  {
    rule: 'UPD-2',
    tag: 'A',
    title: 'a skill cannot manage itself or close a cycle (422)',
    async run(t) {
      const a = await t.create('skills');
      const b = await t.create('skills');
      t.status(await setManager(t, idOf(a), a), 422, 'self');
      t.status(await setManager(t, idOf(b), a), 200, 'b under a');
      t.status(await setManager(t, idOf(a), b), 422, 'a under b closes a cycle');
    },
  },
  {
    rule: 'UPD-2',
    tag: 'A',
    title: 'a manager the caller cannot use, of another org, or missing answers 404',
    async run(t) {
      const hidden = await t.create('skills', 'owner', privateWith(t, 'outsider', true, false));
      const foreign = await t.create('skills', 'otherOrg');
      const sub = idOf(await t.create('skills', 'teammate'));
      const before = await snapshot(t, 'skills', sub, 'teammate');
      t.status(await setManager(t, sub, hidden, 'teammate'), 404, 'a manager the caller cannot use');
      t.status(await setManager(t, sub, foreign, 'teammate'), 404, "another org's manager");
      t.status(await setManager(t, sub, { id: NEVER_EXISTS_ID }, 'teammate'), 404, 'a missing manager');
      await checkUnchanged(t, 'skills', sub, before, 'refused re-parenting', 'teammate');
    },
  },
  {
    rule: 'UPD-3',
    title: 'with ?updateMask only the masked fields are written',
    async run(t) {
      const id = idOf(await t.create('skills', 'owner', { description: 'd0', expectedOutput: 'e0' }));
      const out = t.status(await patch(t, 'owner', 'skills', id, { description: 'd1', expectedOutput: 'e1' }, '?updateMask=description'), 200);
      t.check(out['description'] === 'd1', `the masked description is ${String(out['description'])}`);
      t.check(variationOf(out)['expectedOutput'] === 'e0', `the unmasked expectedOutput became ${String(variationOf(out)['expectedOutput'])}`);
    },
  },
  {
    rule: 'UPD-3',
    tag: 'A',
    title: 'a masked field absent from the body resets to empty; an unknown path is 400; no mask writes every field',
    async run(t) {
      const id = idOf(await t.create('skills', 'owner', { description: 'd0', expectedOutput: 'e0' }));
      const reset = t.status(await patch(t, 'owner', 'skills', id, {}, '?updateMask=expectedOutput'), 200, 'masked but absent');
      t.check(variationOf(reset)['expectedOutput'] === '', `expectedOutput is ${JSON.stringify(variationOf(reset)['expectedOutput'])}, not reset to ""`);
      const before = await snapshot(t, 'skills', id);
      t.status(await patch(t, 'owner', 'skills', id, { description: 'x' }, '?updateMask=description,noSuchField'), 400, 'unknown mask path');
      await checkUnchanged(t, 'skills', id, before, 'a PATCH with an unknown mask path');
      const all = t.status(await patch(t, 'owner', 'skills', id, { description: 'd2', expectedOutput: 'e2' }), 200, 'no mask');
      t.check(all['description'] === 'd2' && variationOf(all)['expectedOutput'] === 'e2', 'without a mask not every field was written');
    },
  },
  {
    rule: 'UPD-4',
    title: 'name must be 1 to 200 characters (422 otherwise, nothing changes)',
    async run(t) {
      const id = idOf(await t.create('skills'));
      const before = await snapshot(t, 'skills', id);
      t.status(await patch(t, 'owner', 'skills', id, { name: '' }), 422, 'empty name');
      const base = t.name('long');
      t.status(await patch(t, 'owner', 'skills', id, { name: base.padEnd(201, 'x') }), 422, '201 characters');
      await checkUnchanged(t, 'skills', id, before, 'a refused name');
      const out = t.status(await patch(t, 'owner', 'skills', id, { name: base.padEnd(200, 'x') }), 200, '200 characters');
      t.check(out['name'] === base.padEnd(200, 'x'), 'the 200-character name was not written');
      t.status(await t.call('owner', 'POST', '/api/v1/skills', { name: '' }), 422, 'create with an empty name');
    },
  },
  {
    rule: 'UPD-4',
    tag: 'A',
    title: 'wrong field types 422, unknown top-level fields 400, a body that is not an object 400',
    async run(t) {
      const id = idOf(await t.create('skills'));
      const before = await snapshot(t, 'skills', id);
      t.status(await patch(t, 'owner', 'skills', id, { description: 5 }), 422, 'description: 5');
      t.status(await patch(t, 'owner', 'skills', id, { instructions: 'one' }), 422, 'instructions: a string');
      t.status(await patch(t, 'owner', 'skills', id, { description: 'x', noSuchField: 1 }), 400, 'unknown top-level field');
      for (const raw of ['[]', '"text"', '42', 'null']) {
        t.status(await t.call('owner', 'PATCH', url('skills', id), undefined, { rawBody: raw }), 400, `body ${raw}`);
      }
      await checkUnchanged(t, 'skills', id, before, 'refused PATCHes');
    },
  },
  {
    rule: 'UPD-5',
    title: 'model null clears the model; lists and maps are replaced, not merged',
    async run(t) {
      const fields = { model: 'model-a', instructions: ['a', 'b'], evaluations: [{ n: 1 }, { n: 2 }], toolset: { one: { enabled: true } } };
      const id = idOf(await t.create('skills', 'owner', fields));
      const out = variationOf(t.status(await patch(t, 'owner', 'skills', id, {
        model: null, instructions: ['c'], evaluations: [{ n: 3 }], toolset: { two: { enabled: false } },
      }), 200));
      t.check(out['model'] === null, `model is ${String(out['model'])}, not cleared`);
      t.check(JSON.stringify(out['instructions']) === '["c"]', `instructions merged: ${JSON.stringify(out['instructions'])}`);
      t.check(JSON.stringify(out['evaluations']) === '[{"n":3}]', `evaluations merged: ${JSON.stringify(out['evaluations'])}`);
      t.check(JSON.stringify(out['toolset']) === '{"two":{"enabled":false}}', `toolset merged: ${JSON.stringify(out['toolset'])}`);
    },
  },
  {
    rule: 'UPD-6',
    title: 'every successful write bumps updatedAt; createdAt never changes',
    async run(t) {
      const r = await t.create('skills');
      const id = idOf(r);
      let first = r;
      let last = r;
      const step = (what: string, next: Json): void => {
        t.check(isAfter(next['updatedAt'], last['updatedAt']), `${what} did not bump updatedAt (${String(last['updatedAt'])} → ${String(next['updatedAt'])})`);
        t.check(next['createdAt'] === first['createdAt'], `${what} changed createdAt`);
        last = next;
      };
      step('PATCH', t.status(await patch(t, 'owner', 'skills', id, { description: 'x' }), 200));
      step('deploy', deployed('skills', t.status(await deploy(t, 'owner', 'skills', id), 200)));
      step('accessConfig PATCH', t.status(await patch(t, 'owner', 'skills', id, { accessConfig: { visibility: 'shared' } }), 200));
      const mate = t.client.principal('teammate').userId;
      step('transfer request', t.status(await t.call('owner', 'POST', url('skills', id, '/transfer-ownership'), { newOwnerUserId: mate }), 200));
      step('transfer cancel', t.status(await t.call('owner', 'POST', url('skills', id, '/transfer-ownership/cancel'), {}), 200));
      t.status(await t.call('owner', 'DELETE', url('skills', id)), 204, 'delete');
      step('delete + undelete', t.status(await t.call('owner', 'POST', url('skills', id, '/undelete'), {}), 200));
      const agent = await t.createDeployed('agents');
      first = agent;
      last = agent;
      step('toggle', t.status(await t.call('owner', 'POST', url('agents', idOf(agent), '/toggle'), {}), 200));
    },
  },
];
