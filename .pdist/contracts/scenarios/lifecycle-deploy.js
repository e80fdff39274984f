import { deploy, deployed, idOf, isAfter, listAll, patch, readOk, sameJson, snapshot, url, variationOf, } from './helpers.js';
const skillDeploy = (sha) => ({ expectedMainShaOverride: sha });
/** LIFE-7..13: deploy, views, historic variations, agent enablement, list rows. */
export const deployScenarios = [
    {
        rule: 'LIFE-7',
        title: 'deploy promotes the draft: {resource, deployedAt}, no unpublished changes, active = the promoted draft',
        async run(t) {
            for (const kind of ['skills', 'agents']) {
                const r = await t.create(kind, 'owner', { description: 'promoted' });
                const id = idOf(r);
                const body = t.status(await deploy(t, 'owner', kind, id), 200, 'deploy');
                const res = deployed(kind, body);
                t.check(typeof body['deployedAt'] === 'string', `${kind}: no deployedAt`);
                t.check(res['hasUnpublishedChanges'] === false, `${kind}: hasUnpublishedChanges is still true`);
                t.check(res['status'] === 'active', `${kind}: status ${String(res['status'])}`);
                t.check(res['activeVariationId'] === r['draftVariationId'], `${kind}: activeVariationId is not the promoted draft ${String(r['draftVariationId'])}`);
                const active = await readOk(t, 'owner', kind, id, '?view=active');
                t.check(active['description'] === 'promoted', `${kind}: the active view shows ${String(active['description'])}`);
            }
        },
    },
    {
        rule: 'LIFE-8',
        title: 'after deploy no draft is pending; deploying again changes nothing but deployedAt',
        async run(t) {
            const id = idOf(await t.create('skills'));
            const first = t.status(await deploy(t, 'owner', 'skills', id), 200, 'first deploy');
            t.check(deployed('skills', first)['draftVariationId'] === null, 'draftVariationId is not null after deploy');
            const before = await snapshot(t, 'skills', id);
            const again = t.status(await deploy(t, 'owner', 'skills', id), 200, 'deploy with nothing pending');
            t.check(isAfter(again['deployedAt'], first['deployedAt']), 'deployedAt did not move');
            const after = await snapshot(t, 'skills', id);
            t.check(sameJson(before, after), `a deploy with nothing pending changed the skill: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
        },
    },
    {
        rule: 'LIFE-9',
        title: 'expectedMainShaOverride: 200 chars and "" are accepted, 201 chars answers 422 without deploying',
        async run(t) {
            const id = idOf(await t.create('skills'));
            t.status(await deploy(t, 'owner', 'skills', id, skillDeploy('a'.repeat(201))), 422, '201 characters');
            const still = await readOk(t, 'owner', 'skills', id, '?view=draft');
            t.check(still['status'] === 'draft' && still['activeVariationId'] === null, 'a refused deploy deployed');
            t.status(await deploy(t, 'owner', 'skills', id, skillDeploy('')), 200, 'empty string');
            t.status(await patch(t, 'owner', 'skills', id, { description: 'next' }), 200, 'PATCH');
            t.status(await deploy(t, 'owner', 'skills', id, skillDeploy('b'.repeat(200))), 200, '200 characters');
            t.status(await deploy(t, 'owner', 'skills', id), 200, 'no body fields');
        },
    },
    {
        rule: 'LIFE-10',
        title: 'default view: skills show the active variation, agents the draft',
        async run(t) {
            for (const kind of ['skills', 'agents']) {
                const id = idOf(await t.createDeployed(kind, 'owner', { description: 'live' }));
                t.status(await patch(t, 'owner', kind, id, { description: 'pending' }), 200, 'PATCH');
                const plain = await readOk(t, 'owner', kind, id);
                const want = kind === 'skills' ? 'live' : 'pending';
                t.check(plain['description'] === want, `${kind}: default view shows ${String(plain['description'])}, not ${want}`);
            }
        },
    },
    {
        rule: 'LIFE-10',
        tag: 'A',
        title: 'a never-deployed skill read with view=active (or the default view): 200 without variation',
        async run(t) {
            const id = idOf(await t.create('skills'));
            for (const view of ['?view=active', '']) {
                const r = await readOk(t, 'owner', 'skills', id, view);
                t.check(!('variation' in r), `GET${view || ' (default view)'} of a never-deployed skill carries variation`);
            }
            t.check('variation' in (await readOk(t, 'owner', 'skills', id, '?view=draft')), 'the draft view has no variation');
        },
    },
    {
        rule: 'LIFE-11',
        title: 'a historic variation fills variation from it while activeVariationId stays the live one',
        async run(t) {
            const v1 = await t.createDeployed('skills', 'owner', { instructions: ['one'] });
            const id = idOf(v1);
            t.status(await patch(t, 'owner', 'skills', id, { instructions: ['two'] }), 200, 'PATCH');
            const v2 = deployed('skills', t.status(await deploy(t, 'owner', 'skills', id), 200, 'deploy v2'));
            const old = t.status(await t.call('owner', 'GET', url('skills', id, `/variations/${String(v1['activeVariationId'])}`)), 200, 'historic');
            t.check(JSON.stringify(variationOf(old)['instructions']) === '["one"]', `historic instructions ${JSON.stringify(variationOf(old)['instructions'])}`);
            t.check(old['activeVariationId'] === v2['activeVariationId'], 'activeVariationId is not the live one');
        },
    },
    {
        rule: 'LIFE-11',
        tag: 'A',
        title: "a variation id the skill never had (another skill's) answers 404",
        async run(t) {
            const mine = idOf(await t.createDeployed('skills'));
            const other = await t.createDeployed('skills');
            const e = await t.call('owner', 'GET', url('skills', mine, `/variations/${String(other['activeVariationId'])}`));
            t.status(e, 404, "another skill's variation");
        },
    },
    {
        rule: 'LIFE-12',
        title: 'the first agent deploy enables it; toggle flips it; later deploys keep it',
        async run(t) {
            const id = idOf(await t.create('agents'));
            const first = deployed('agents', t.status(await deploy(t, 'owner', 'agents', id), 200, 'first deploy'));
            t.check(first['isEnabled'] === true, 'the first deploy did not enable the agent');
            t.status(await t.call('owner', 'POST', url('agents', id, '/toggle'), {}), 200, 'toggle');
            t.check((await readOk(t, 'owner', 'agents', id))['isEnabled'] === false, 'toggle did not disable the agent');
            t.status(await patch(t, 'owner', 'agents', id, { description: 'v2' }), 200, 'PATCH');
            const later = deployed('agents', t.status(await deploy(t, 'owner', 'agents', id), 200, 'second deploy'));
            t.check(later['isEnabled'] === false, 'a later deploy re-enabled a disabled agent');
        },
    },
    {
        rule: 'LIFE-12',
        tag: 'A',
        title: 'toggle answers the agent with isEnabled flipped',
        async run(t) {
            const id = idOf(await t.createDeployed('agents'));
            const off = t.status(await t.call('owner', 'POST', url('agents', id, '/toggle'), {}), 200, 'toggle');
            t.check(String(off['id']) === id, 'toggle did not answer the agent');
            t.check(off['isEnabled'] === false, `toggle answered isEnabled ${String(off['isEnabled'])}`);
            const on = t.status(await t.call('owner', 'POST', url('agents', id, '/toggle'), {}), 200, 'toggle again');
            t.check(on['isEnabled'] === true, 'a second toggle did not flip back');
        },
    },
    {
        rule: 'LIFE-13',
        title: 'list rows omit variation',
        async run(t) {
            for (const kind of ['skills', 'agents']) {
                const id = idOf(await t.createDeployed(kind));
                const row = (await listAll(t, 'owner', kind)).find((r) => String(r['id']) === id);
                t.check(row !== undefined, `${kind}/${id} is missing from the owner's list`);
                t.check(!('variation' in row), `${kind} list row carries variation`);
            }
        },
    },
];
//# sourceMappingURL=lifecycle-deploy.js.map