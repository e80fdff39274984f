import type { Exchange } from '../client.js';
import type { Scenario, ScenarioContext } from '../scenario.js';
import {
  MISSING, bodyOf, callUndocumented, checkLikeMissing, checkUnchanged, errorOf, idOf, patch, privateWith, sameJson, sharedWithTeam, snapshot, url,
} from './helpers.js';

/** Fails unless an error answer is exactly `{error: {code, status, message}}` with code = the HTTP status. */
function checkErrorBody(t: ScenarioContext, e: Exchange, what: string): void {
  const keys = Object.keys(bodyOf(e));
  t.check(keys.length === 1 && keys[0] === 'error', `${what}: body keys ${keys.join(', ')}`);
  const err = errorOf(e);
  const inner = Object.keys(err).sort().join(',');
  t.check(inner === 'code,message,status', `${what}: error keys ${inner}`);
  t.check(err['code'] === e.response.status, `${what}: code ${String(err['code'])} for HTTP ${e.response.status}`);
  t.check(typeof err['status'] === 'string' && typeof err['message'] === 'string', `${what}: status/message are not strings`);
}

/** Malformed PATCH bodies: broken JSON, odd values, prototype keys, huge numbers. */
const BAD_BODIES = [
  '{', '{"description":', '{"description": "x"', 'nul', '{"a":1}{"b":2}', '{"description": "x",}', "{'description': 'x'}",
  '{"description": 1e999}', '{"__proto__": {"polluted": true}}', '{"constructor": {"prototype": {"x": 1}}}',
  '{"description": "\\ud800"}', '{"instructions": [null, {}, []]}', '{"toolset": [1, 2]}', '{"accessConfig": "org"}',
  '{"accessConfig": {"visibility": "everyone"}}', '{"accessConfig": {"sharedWith": [{"userId": 5}]}}', '\u0000', ' ',
];

/** Odd reads: queries and path segments a sloppy parser chokes on (reads only; never a seeded id). */
const BAD_READS = [
  '?view=%00', '?view=ACTIVE', '?view=active&view=draft', '?updateMask=__proto__', '?%ZZ', '/variations/not-a-uuid', '/variations/%00',
];

/** ERR: error bodies and malformed input. */
export const errorScenarios: Scenario[] = [
  {
    rule: 'ERR-1',
    title: 'every error answer is {error: {code, status, message}} with code = the HTTP status',
    async run(t) {
      const id = idOf(await t.create('skills', 'owner', sharedWithTeam(t, true, false)));
      const answers: Array<[string, Exchange]> = [
        ['401', await t.call(null, 'GET', url('skills', id))],
        ['404', await t.call('owner', 'GET', url('skills', MISSING))],
        ['400', await patch(t, 'owner', 'skills', id, { noSuchField: 1 })],
        ['403', await patch(t, 'teammate', 'skills', id, { description: 'x' })],
        ['409', await t.call('owner', 'POST', url('skills', id, '/transfer-ownership/accept'), {})],
        ['422', await t.call('owner', 'POST', '/api/v1/skills', {})],
      ];
      for (const [status, e] of answers) {
        t.status(e, Number(status), `the ${status} probe`);
        checkErrorBody(t, e, status);
      }
    },
  },
  {
    rule: 'ERR-1',
    title: 'a hidden resource answers the very body of a missing one, but for the id',
    async run(t) {
      for (const kind of ['skills', 'agents'] as const) {
        const id = idOf(await t.create(kind, 'owner', privateWith(t, 'teammate', true, false)));
        for (const [method, suffix, body] of [['PATCH', '', { description: 'x' }], ['POST', '/deploy', {}]] as const) {
          const hidden = await t.call('outsider', method, url(kind, id, suffix), body);
          await checkLikeMissing(t, hidden, id, `${method} ${kind}${suffix}`);
          checkErrorBody(t, hidden, `${method} ${kind}${suffix}`);
        }
      }
    },
  },
  {
    rule: 'ERR-2',
    title: 'malformed PATCH bodies never answer 5xx and never change the skill unless they succeed',
    async run(t) {
      const id = idOf(await t.createDeployed('skills'));
      let before = await snapshot(t, 'skills', id);
      for (const raw of BAD_BODIES) {
        const e = await t.call('owner', 'PATCH', url('skills', id), undefined, { rawBody: raw });
        t.check(e.response.status < 500, `body ${JSON.stringify(raw)} answered ${e.response.status}`);
        const after = await snapshot(t, 'skills', id);
        const ok = e.response.status >= 200 && e.response.status < 300;
        t.check(ok || sameJson(before, after), `body ${JSON.stringify(raw)} answered ${e.response.status} but changed the skill`);
        before = after;
      }
    },
  },
  {
    rule: 'ERR-2',
    title: 'malformed creates, deploys, transfers and odd reads never answer 5xx',
    async run(t) {
      const id = idOf(await t.create('skills'));
      const before = await snapshot(t, 'skills', id);
      const sends: Array<[string, string, string]> = [
        ['POST', '/api/v1/skills', '{"name": '], ['POST', '/api/v1/agents', '{"name": "x", "type": 7}'], ['POST', '/api/v1/skills', '[]'],
        ['POST', url('skills', id, '/deploy'), '{"expectedMainShaOverride": {}}'], ['POST', url('skills', id, '/deploy'), '{'],
        ['POST', url('skills', id, '/transfer-ownership'), '{"newOwnerUserId": ["x"]}'], ['POST', url('skills', id, '/transfer-ownership'), 'null'],
      ];
      let succeeded = false;
      for (const [method, path, raw] of sends) {
        const e = await t.call('owner', method, path, undefined, { rawBody: raw });
        t.check(e.response.status < 500, `${method} ${path} ${raw} answered ${e.response.status}`);
        if (path.startsWith(url('skills', id)) && e.response.status < 300) succeeded = true;
      }
      for (const suffix of BAD_READS) {
        const e = await t.call('owner', 'GET', url('skills', id, suffix));
        t.check(e.response.status < 500, `GET ${suffix} answered ${e.response.status}`);
      }
      for (const path of ['/api/v1/__proto__', '/api/v1/skills/constructor', '/api/v1/skills/-1', '/api/v1/skills/%00', `/api/v1/skills/${id}/variations/`]) {
        const e = await callUndocumented(t, 'owner', 'GET', path);
        t.check(e.response.status < 500, `GET ${path} answered ${e.response.status}`);
      }
      const after = await snapshot(t, 'skills', id);
      t.check(succeeded || sameJson(before, after), 'refused malformed requests changed the skill');
    },
  },
  {
    rule: 'ERR-3',
    title: '__proto__, constructor and prototype keys at any depth, free-form objects included, answer 400 and change nothing',
    async run(t) {
      const skill = idOf(await t.create('skills'));
      const agent = idOf(await t.create('agents'));
      const before = [await snapshot(t, 'skills', skill), await snapshot(t, 'agents', agent)];
      const sends: Array<[string, string]> = [
        [url('skills', skill), '{"toolset": {"__proto__": {"x": 1}}}'],
        [url('skills', skill), '{"connectionSet": [{"a": {"constructor": {"prototype": 1}}}]}'],
        [url('agents', agent), '{"trigger": {"schedule": {"prototype": "x"}}}'],
        [url('agents', agent), '{"workflowStructure": {"nodes": [{"constructor": 1}]}}'],
      ];
      for (const [path, raw] of sends) t.status(await t.call('owner', 'PATCH', path, undefined, { rawBody: raw }), 400, `PATCH ${raw}`);
      const created = await t.call('owner', 'POST', '/api/v1/agents', undefined, { rawBody: `{"name": "${t.name('agent')}", "agentSelection": {"__proto__": {}}}` });
      t.status(created, 400, 'create with a prototype key');
      await checkUnchanged(t, 'skills', skill, before[0]!, 'refused prototype keys');
      await checkUnchanged(t, 'agents', agent, before[1]!, 'refused prototype keys');
    },
  },
];
