import type { Exchange } from '../client.js';
import type { Scenario } from '../scenario.js';
import {
  MISSING, callUndocumented, checkLikeMissing, checkUnchanged, errorOf, idOf, patch, read, readOk, sharedWithTeam, snapshot,
  url, variationOf,
} from './helpers.js';
import { detailScenariosMore } from './details-more.js';

/** JSON text nested `depth` levels deep: a PATCH body whose toolset holds the inner levels. */
function nested(depth: number): string {
  const inner = depth - 2; // the body object and the toolset object are two levels
  return `{"toolset":${'{"a":'.repeat(inner)}{}${'}'.repeat(inner)}}`;
}

/** DET-1..6: creation, status names, order of checks, path ids, body limits, masks. */
const detailScenariosFirst: Scenario[] = [
  {
    rule: 'DET-1',
    title: 'create answers 201 with the draft view; name is required; an agent type defaults to task',
    async run(t) {
      const r = await t.create('skills', 'owner', { expectedOutput: 'drafted' });
      t.check(variationOf(r)['expectedOutput'] === 'drafted', 'create did not answer the draft variation');
      t.check(r['draftVariationId'] !== null, 'create answered no draftVariationId');
      const agent = await t.create('agents');
      t.check(agent['type'] === 'task', `agent type defaults to ${String(agent['type'])}`);
      t.check('variation' in agent, 'agent create answered no variation');
      for (const kind of ['skills', 'agents'] as const) {
        t.status(await t.call('owner', 'POST', `/api/v1/${kind}`, { description: 'no name' }), 422, `${kind} create without a name`);
      }
    },
  },
  {
    rule: 'DET-2',
    title: 'error status names: 400 INVALID_ARGUMENT, 401, 403, 404, 405, 409, 422',
    async run(t) {
      const id = idOf(await t.create('skills', 'owner', sharedWithTeam(t, true, false)));
      const probes: Array<[number, string, () => Promise<Exchange>]> = [
        [400, 'INVALID_ARGUMENT', () => patch(t, 'owner', 'skills', id, { noSuchField: 1 })],
        [401, 'UNAUTHENTICATED', () => t.call(null, 'GET', url('skills', id))],
        [403, 'PERMISSION_DENIED', () => patch(t, 'teammate', 'skills', id, { description: 'x' })],
        [404, 'NOT_FOUND', () => t.call('owner', 'GET', url('skills', MISSING))],
        [405, 'METHOD_NOT_ALLOWED', () => callUndocumented(t, 'owner', 'PUT', url('skills', id), { body: {} })],
        [409, 'FAILED_PRECONDITION', () => t.call('owner', 'POST', url('skills', id, '/transfer-ownership/cancel'), {})],
        [422, 'UNPROCESSABLE_ENTITY', () => patch(t, 'owner', 'skills', id, { name: '' })],
      ];
      for (const [code, name, pending] of probes) {
        const e = await pending();
        t.status(e, code, `the ${code} probe`);
        t.check(errorOf(e)['status'] === name, `${code} answered status ${String(errorOf(e)['status'])}, not ${name}`);
      }
    },
  },
  {
    rule: 'DET-3',
    title: 'order of checks: 401, then route/method, then malformed body, then resource, then fields',
    async run(t) {
      const hidden = idOf(await t.create('skills', 'owner', sharedWithTeam(t, true, false)));
      const before = await snapshot(t, 'skills', hidden);
      t.status(await t.call(null, 'PATCH', url('skills', MISSING), undefined, { rawBody: '{' }), 401, 'no token + bad body + missing id');
      t.status(await callUndocumented(t, null, 'GET', '/api/v1/contract-no-such-route'), 401, 'no token + unknown route');
      t.status(await callUndocumented(t, 'owner', 'GET', '/api/v1/contract-no-such-route'), 404, 'unknown route');
      t.status(await callUndocumented(t, 'owner', 'PUT', url('skills', hidden), { rawBody: '{' }), 405, 'wrong method + bad body');
      const badHidden = await t.call('outsider', 'PATCH', url('skills', hidden), undefined, { rawBody: '{' });
      const badMissing = await t.call('outsider', 'PATCH', url('skills', MISSING), undefined, { rawBody: '{' });
      t.status(badHidden, 400, 'bad body on a hidden id');
      t.status(badMissing, 400, 'bad body on a missing id');
      const fieldHidden = await patch(t, 'outsider', 'skills', hidden, { name: '' });
      await checkLikeMissing(t, fieldHidden, hidden, 'bad field on a hidden id');
      t.status(await patch(t, 'teammate', 'skills', hidden, { name: '' }), 403, 'bad field by a use-only caller');
      await checkUnchanged(t, 'skills', hidden, before, 'refused requests');
    },
  },
  {
    rule: 'DET-3',
    title: 'a malformed body answers 400 before resource and state checks on undelete, accept and cancel too',
    async run(t) {
      const id = idOf(await t.create('skills'));
      t.status(await t.call('owner', 'DELETE', url('skills', id)), 204, 'delete');
      const bad = { rawBody: '{' };
      t.status(await t.call('owner', 'POST', url('skills', id, '/undelete'), undefined, bad), 400, 'undelete with a malformed body');
      t.status(await read(t, 'owner', 'skills', id), 404, 'still deleted after a refused undelete');
      t.status(await t.call('owner', 'POST', url('skills', id, '/undelete'), {}), 200, 'undelete');
      for (const action of ['accept', 'cancel']) {
        const e = await t.call('owner', 'POST', url('skills', id, `/transfer-ownership/${action}`), undefined, bad);
        t.status(e, 400, `${action} with a malformed body and nothing pending`);
      }
    },
  },
  {
    rule: 'DET-4',
    title: 'path ids that are not plain positive integers answer 404; ids count up',
    async run(t) {
      for (const kind of ['skills', 'agents'] as const) {
        const a = await t.create(kind);
        const b = await t.create(kind);
        t.check(Number(b['id']) > Number(a['id']), `${kind}: ids do not count up (${idOf(a)} then ${idOf(b)})`);
        await readOk(t, 'owner', kind, idOf(a), kind === 'skills' ? '?view=draft' : '');
        for (const bad of ['abc', '0', `0${idOf(a)}`, `${idOf(a)}.0`, `+${idOf(a)}`]) {
          t.status(await read(t, 'owner', kind, bad), 404, `GET ${kind}/${bad}`);
        }
      }
    },
  },
  {
    rule: 'DET-5',
    title: 'a body over 1 MiB answers 413 INVALID_ARGUMENT; nesting over 64 levels 400, 64 levels is fine',
    async run(t) {
      const id = idOf(await t.create('skills'));
      const before = await snapshot(t, 'skills', id);
      const big = await t.call('owner', 'PATCH', url('skills', id), undefined, { rawBody: `{"description":"${'a'.repeat(1024 * 1024)}"}` });
      t.status(big, 413, 'a body of 1 MiB + 18 bytes');
      t.check(errorOf(big)['status'] === 'INVALID_ARGUMENT', `413 answered status ${String(errorOf(big)['status'])}`);
      t.status(await t.call('owner', 'PATCH', url('skills', id), undefined, { rawBody: nested(65) }), 400, '65 levels');
      await checkUnchanged(t, 'skills', id, before, 'refused bodies');
      t.status(await t.call('owner', 'PATCH', url('skills', id), undefined, { rawBody: nested(64) }), 200, '64 levels');
    },
  },
  {
    rule: 'DET-6',
    title: 'an empty mask is no mask; masked-but-absent fields reset to empty; name/type/accessConfig cannot',
    async run(t) {
      const id = idOf(await t.create('skills', 'owner', { description: 'd', instructions: ['i'], toolset: { a: {} } }));
      const all = t.status(await patch(t, 'owner', 'skills', id, { description: 'unmasked' }, '?updateMask='), 200, 'empty mask');
      t.check(all['description'] === 'unmasked', 'an empty mask did not write the body');
      const reset = t.status(await patch(t, 'owner', 'skills', id, {}, '?updateMask=description,instructions,toolset'), 200, 'reset');
      const v = variationOf(reset);
      t.check(reset['description'] === null && JSON.stringify(v['instructions']) === '[]' && JSON.stringify(v['toolset']) === '{}',
        `reset to ${String(reset['description'])}, ${JSON.stringify(v['instructions'])}, ${JSON.stringify(v['toolset'])}`);
      const before = await snapshot(t, 'skills', id);
      for (const path of ['name', 'accessConfig']) t.status(await patch(t, 'owner', 'skills', id, {}, `?updateMask=${path}`), 422, `mask ${path}, absent`);
      t.status(await patch(t, 'owner', 'skills', id, { managerId: null }, '?updateMask=managerId,description'), 422, 'managerId with another mask path');
      await checkUnchanged(t, 'skills', id, before, 'refused masks');
      const agent = idOf(await t.create('agents'));
      t.status(await patch(t, 'owner', 'agents', agent, {}, '?updateMask=type'), 422, 'agent mask type, absent');
    },
  },
];

/** DET: details the docs leave open. */
export const detailScenarios: Scenario[] = [...detailScenariosFirst, ...detailScenariosMore];
