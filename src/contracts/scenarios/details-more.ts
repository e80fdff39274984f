import type { Exchange } from '../client.js';
import type { Scenario, ScenarioContext } from '../scenario.js';
import type { Role } from '../target-file.js';
import {
  MISSING, type Json, callUndocumented, checkUnchanged, deploy, idOf, mediaType, patch, privateWith, read, readOk, sharedWithTeam, snapshot, url,
} from './helpers.js';

const accessOf = (r: Json): Json => (r['accessConfig'] ?? {}) as Json;

/** POST a transfer action on a skill. */
function transfer(t: ScenarioContext, role: Role, id: string, suffix: string, body: unknown = {}): Promise<Exchange> {
  return t.call(role, 'POST', url('skills', id, `/transfer-ownership${suffix}`), body);
}

/** Fails unless no draft is pending on a deployed resource. */
function checkNoDraft(t: ScenarioContext, r: Json, what: string): void {
  t.check(r['draftVariationId'] === null && r['hasUnpublishedChanges'] === false, `${what} forked a draft (draftVariationId ${String(r['draftVariationId'])})`);
}

/** DET-7..12: drafts, access merges, odd parameters, agent writes, transfer order, headers. */
export const detailScenariosMore: Scenario[] = [
  {
    rule: 'DET-7',
    title: 'managerId and accessConfig PATCHes fork no draft; an empty PATCH changes nothing, not even updatedAt',
    async run(t) {
      const manager = await t.createDeployed('skills');
      const sub = await t.createDeployed('skills');
      checkNoDraft(t, t.status(await patch(t, 'owner', 'skills', idOf(sub), { managerId: manager['id'] }), 200, 'attach'), 'a managerId PATCH');
      checkNoDraft(t, await readOk(t, 'owner', 'skills', idOf(manager), '?view=draft'), 'gaining a subordinate');
      checkNoDraft(t, t.status(await patch(t, 'owner', 'skills', idOf(sub), { accessConfig: { visibility: 'org' } }), 200, 'access'), 'an accessConfig PATCH');
      const before = await snapshot(t, 'skills', idOf(sub));
      t.status(await patch(t, 'owner', 'skills', idOf(sub), {}), 200, 'empty PATCH');
      await checkUnchanged(t, 'skills', idOf(sub), before, 'an empty PATCH');
    },
  },
  {
    rule: 'DET-8',
    title: 'an accessConfig PATCH merges at the top level; groupPermissions and sharedWith are replaced whole',
    async run(t) {
      const fields = sharedWithTeam(t, true, false);
      (fields['accessConfig'] as Json)['sharedWith'] = [{ userId: t.client.principal('outsider').userId, use: true, manage: false }];
      const id = idOf(await t.create('skills', 'owner', fields));
      const out = t.status(await patch(t, 'owner', 'skills', id, { accessConfig: { sharedWith: [] } }), 200, 'replace sharedWith');
      t.check(accessOf(out)['visibility'] === 'shared', 'an absent visibility was not kept');
      t.check(JSON.stringify(accessOf(out)['groupPermissions']) === JSON.stringify((fields['accessConfig'] as Json)['groupPermissions']), 'absent groupPermissions were not kept');
      t.check(JSON.stringify(accessOf(out)['sharedWith']) === '[]', 'sharedWith was merged, not replaced');
      t.status(await read(t, 'outsider', 'skills', id, '?view=draft'), 404, 'the outsider after losing its share');
      await readOk(t, 'teammate', 'skills', id, '?view=draft');
      const none = t.status(await patch(t, 'owner', 'skills', id, { accessConfig: { groupPermissions: {} } }), 200, 'replace groupPermissions');
      t.check(JSON.stringify(accessOf(none)['groupPermissions']) === '{}', 'groupPermissions were merged, not replaced');
      t.status(await read(t, 'teammate', 'skills', id, '?view=draft'), 404, 'the teammate after its group was dropped');
    },
  },
  {
    rule: 'DET-9',
    title: 'expectedMainShaOverride null 422; an unknown view or showDeleted 400; pageSize=0 is the default',
    async run(t) {
      const id = idOf(await t.create('skills'));
      t.status(await deploy(t, 'owner', 'skills', id, { expectedMainShaOverride: null }), 422, 'expectedMainShaOverride null');
      t.check((await readOk(t, 'owner', 'skills', id, '?view=draft'))['status'] === 'draft', 'a refused deploy deployed');
      t.status(await read(t, 'owner', 'skills', id, '?view=live'), 400, 'view=live');
      t.status(await read(t, 'owner', 'agents', idOf(await t.create('agents')), '?view=both'), 400, 'agent view=both');
      t.status(await t.call('owner', 'GET', '/api/v1/skills?showDeleted=yes'), 400, 'showDeleted=yes');
      const zero = t.status(await t.call('owner', 'GET', '/api/v1/skills?pageSize=0'), 200, 'pageSize=0');
      const rows = (zero['skills'] ?? []) as Json[];
      t.check(rows.length <= 50 && (zero['nextPageToken'] === undefined || rows.length === 50), `pageSize=0 answered ${rows.length} rows`);
    },
  },
  {
    rule: 'DET-10',
    title: 'a use-only caller writing to an agent gets 403 although GET answers 404',
    async run(t) {
      const id = idOf(await t.createDeployed('agents', 'owner', sharedWithTeam(t, true, false)));
      const before = await snapshot(t, 'agents', id);
      t.status(await read(t, 'teammate', 'agents', id), 404, 'GET with use only');
      t.status(await patch(t, 'teammate', 'agents', id, { description: 'x' }), 403, 'PATCH with use only');
      t.status(await deploy(t, 'teammate', 'agents', id), 403, 'deploy with use only');
      t.status(await t.call('teammate', 'POST', url('agents', id, '/toggle'), {}), 403, 'toggle with use only');
      t.status(await t.call('teammate', 'DELETE', url('agents', id)), 403, 'DELETE with use only');
      await checkUnchanged(t, 'agents', id, before, 'refused agent writes');
    },
  },
  {
    rule: 'DET-11',
    title: 'transfer request checks run 404 → 403 → 422 → 409',
    async run(t) {
      const id = idOf(await t.create('skills', 'owner', privateWith(t, 'teammate', true, false)));
      const foreign = { newOwnerUserId: t.client.principal('otherOrg').userId };
      t.status(await transfer(t, 'outsider', id, '', foreign), 404, 'no use + bad target');
      t.status(await transfer(t, 'teammate', id, '', foreign), 403, 'not the owner + bad target');
      t.status(await transfer(t, 'owner', id, '', { newOwnerUserId: t.client.principal('outsider').userId }), 200, 'a valid request');
      t.status(await transfer(t, 'owner', id, '', foreign), 422, 'bad target while one is pending');
    },
  },
  {
    rule: 'DET-11',
    title: 'accept / cancel checks run 404 → 409 → 403',
    async run(t) {
      const id = idOf(await t.create('skills', 'owner', privateWith(t, 'teammate', true, false)));
      t.status(await transfer(t, 'outsider', id, '/accept'), 404, 'no use, not the recipient, nothing pending');
      t.status(await transfer(t, 'teammate', id, '/accept'), 409, 'use, nothing pending');
      t.status(await transfer(t, 'owner', id, '', { newOwnerUserId: t.client.principal('outsider').userId }), 200, 'request to outsider');
      t.status(await transfer(t, 'teammate', id, '/accept'), 403, 'use, not the recipient');
      t.status(await transfer(t, 'teammate', id, '/cancel'), 403, 'use, neither owner nor recipient');
      t.status(await transfer(t, 'outsider', id, '/cancel'), 200, 'the recipient declines without use');
    },
  },
  {
    rule: 'DET-12',
    title: 'a 405 carries an Allow header with the path methods; JSON answers say application/json',
    async run(t) {
      const created = await t.call('owner', 'POST', '/api/v1/skills', { name: t.name('skill') });
      const id = idOf(t.created(created));
      const wrong = await callUndocumented(t, 'owner', 'PUT', url('skills', id), { body: { name: t.name('put') } });
      t.status(wrong, 405, 'PUT on a skill');
      const allow = Object.entries(wrong.response.headers).find(([k]) => k.toLowerCase() === 'allow')?.[1] ?? '';
      const methods = allow.split(',').map((m) => m.trim().toUpperCase());
      t.check(['GET', 'PATCH', 'DELETE'].every((m) => methods.includes(m)), `Allow is "${allow}"`);
      const answers = [created, wrong, await read(t, 'owner', 'skills', id, '?view=draft'), await read(t, 'outsider', 'skills', MISSING)];
      for (const e of answers) {
        t.check(mediaType(e) === 'application/json', `${e.request.method} ${e.request.path} → ${e.response.status} has content-type "${mediaType(e)}"`);
      }
    },
  },
];
