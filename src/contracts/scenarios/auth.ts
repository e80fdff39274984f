import type { Scenario } from '../scenario.js';
import type { ScenarioContext } from '../scenario.js';
import {
  MISSING, type Kind, checkLikeMissing, checkUnchanged, errorOf, hasRow, idOf, listAll, readOk, sharedWithTeam, snapshot, url,
} from './helpers.js';

/** The bearer header of a token no target issues. */
const UNKNOWN_TOKEN = { authorization: 'Bearer contract-unknown-token' };

/** Every call on a resource by path and method, for AUTH-3 (cross-org) sweeps. */
function callsOn(kind: Kind, id: string, t: ScenarioContext): Array<[string, string, unknown?]> {
  const calls: Array<[string, string, unknown?]> = [
    ['GET', url(kind, id)],
    ['GET', url(kind, id, '?view=draft')],
    ['PATCH', url(kind, id), { description: 'cross-org write' }],
    ['DELETE', url(kind, id)],
    ['POST', url(kind, id, '/deploy'), {}],
    ['POST', url(kind, id, '/undelete'), {}],
    ['POST', url(kind, id, '/transfer-ownership'), { newOwnerUserId: t.client.principal('otherOrg').userId }],
    ['POST', url(kind, id, '/transfer-ownership/accept'), {}],
    ['POST', url(kind, id, '/transfer-ownership/cancel'), {}],
  ];
  if (kind === 'agents') calls.push(['POST', url(kind, id, '/toggle'), {}]);
  return calls;
}

/** AUTH-3: another org's principal gets the missing-id 404 on every call, and nothing changes. */
async function checkCrossOrg(t: ScenarioContext, kind: Kind): Promise<void> {
  const r = await t.createDeployed(kind, 'owner');
  const id = idOf(r);
  const before = await snapshot(t, kind, id);
  for (const [method, path, body] of callsOn(kind, id, t)) {
    await checkLikeMissing(t, await t.call('otherOrg', method, path, body), id, `${method} ${path} as otherOrg`);
  }
  await checkUnchanged(t, kind, id, before, 'cross-org calls');
}

/** AUTH: bearer tokens, principals, orgs. */
export const authScenarios: Scenario[] = [
  {
    rule: 'AUTH-1',
    title: 'no token or an unknown token answers 401, also on a resource that exists',
    async run(t) {
      const r = await t.create('skills');
      const paths = ['/api/v1/skills', '/api/v1/agents', url('skills', idOf(r)), url('skills', MISSING)];
      for (const path of paths) {
        const none = await t.call(null, 'GET', path);
        t.status(none, 401, `GET ${path} without a token`);
        t.check(errorOf(none)['code'] === 401, 'the 401 error body names code 401');
        t.status(await t.call(null, 'GET', path, undefined, { headers: UNKNOWN_TOKEN }), 401, `GET ${path} with an unknown token`);
      }
    },
  },
  {
    rule: 'AUTH-1',
    title: 'writes without a valid token answer 401 and change nothing',
    async run(t) {
      const r = await t.create('skills');
      const id = idOf(r);
      const before = await snapshot(t, 'skills', id);
      t.status(await t.call(null, 'PATCH', url('skills', id), { description: 'no token' }), 401, 'PATCH without a token');
      t.status(await t.call(null, 'POST', url('skills', id, '/deploy'), {}, { headers: UNKNOWN_TOKEN }), 401, 'deploy with an unknown token');
      t.status(await t.call(null, 'DELETE', url('skills', id)), 401, 'DELETE without a token');
      await checkUnchanged(t, 'skills', id, before, 'unauthenticated writes');
    },
  },
  {
    rule: 'AUTH-2',
    title: "a created resource carries the caller's userId, email and orgUuid",
    async run(t) {
      const me = t.client.principal('owner');
      for (const kind of ['skills', 'agents'] as const) {
        const r = await t.create(kind);
        const access = (r['accessConfig'] ?? {}) as Record<string, unknown>;
        t.check(access['ownerUserId'] === me.userId, `${kind}: ownerUserId ${String(access['ownerUserId'])} is not the caller's ${me.userId}`);
        t.check(access['ownerEmail'] === me.email, `${kind}: ownerEmail ${String(access['ownerEmail'])} is not the caller's ${me.email}`);
        t.check(r['orgUuid'] === me.orgUuid, `${kind}: orgUuid ${String(r['orgUuid'])} is not the caller's ${me.orgUuid}`);
      }
    },
  },
  {
    rule: 'AUTH-2',
    title: "a principal's groups grant what groupPermissions give them",
    async run(t) {
      const r = await t.create('skills', 'owner', sharedWithTeam(t, true, false));
      const id = idOf(r);
      await readOk(t, 'teammate', 'skills', id, '?view=draft');
      t.status(await t.call('outsider', 'GET', url('skills', id, '?view=draft')), 404, 'a principal outside the group');
    },
  },
  {
    rule: 'AUTH-3',
    title: "every skill call by another org's principal answers 404 exactly as for a missing id; nothing changes",
    run: (t) => checkCrossOrg(t, 'skills'),
  },
  {
    rule: 'AUTH-3',
    title: "every agent call by another org's principal answers 404 exactly as for a missing id; nothing changes",
    run: (t) => checkCrossOrg(t, 'agents'),
  },
  {
    rule: 'AUTH-3',
    title: "another org's resources never show in a list and read as missing",
    async run(t) {
      const mine = await t.create('skills', 'otherOrg');
      const id = idOf(mine);
      const rows = await listAll(t, 'owner', 'skills');
      t.check(!hasRow(rows, id), `the owner's list shows skills/${id} of another org`);
      await checkLikeMissing(t, await t.call('owner', 'GET', url('skills', id)), id, 'GET of another org\'s skill');
    },
  },
];
