import { deploy, deployed, idOf, listAll, patch, readOk, url, variationOf, } from './helpers.js';
import { deployScenarios } from './lifecycle-deploy.js';
/** LIFE-1..6: status, creation, drafts. */
const draftScenarios = [
    {
        rule: 'LIFE-1',
        title: 'status is draft until the first deploy and active after it, also with a new draft pending',
        async run(t) {
            for (const kind of ['skills', 'agents']) {
                const r = await t.create(kind);
                const id = idOf(r);
                t.check(r['status'] === 'draft', `${kind}: a new resource is ${String(r['status'])}`);
                t.check(deployed(kind, t.status(await deploy(t, 'owner', kind, id), 200))['status'] === 'active', `${kind}: deployed but not active`);
                const edited = t.status(await patch(t, 'owner', kind, id, { description: 'pending' }), 200);
                t.check(edited['status'] === 'active', `${kind}: a deployed resource with a pending draft is ${String(edited['status'])}`);
            }
        },
    },
    {
        rule: 'LIFE-1',
        tag: 'A',
        title: 'a soft-deleted resource shows status deleted (seen through showDeleted)',
        async run(t) {
            const id = idOf(await t.create('skills'));
            t.status(await t.call('owner', 'DELETE', url('skills', id)), 204, 'delete');
            const row = (await listAll(t, 'owner', 'skills', 'pageSize=100&showDeleted=true')).find((r) => String(r['id']) === id);
            t.check(row !== undefined, `skills/${id} is missing from showDeleted=true`);
            t.check(row['status'] === 'deleted', `a deleted row shows status ${String(row['status'])}`);
        },
    },
    {
        rule: 'LIFE-2',
        title: 'create answers draft with activeVariationId null',
        async run(t) {
            for (const kind of ['skills', 'agents']) {
                const r = await t.create(kind);
                t.check(r['status'] === 'draft', `${kind}: status ${String(r['status'])}`);
                t.check(r['activeVariationId'] === null, `${kind}: activeVariationId ${String(r['activeVariationId'])}`);
            }
        },
    },
    {
        rule: 'LIFE-3',
        title: 'PATCH writes into the draft and answers the draft view; the active view is untouched until deploy',
        async run(t) {
            for (const kind of ['skills', 'agents']) {
                const r = await t.createDeployed(kind, 'owner', { description: 'v1' });
                const id = idOf(r);
                const out = t.status(await patch(t, 'owner', kind, id, { description: 'v2' }), 200, 'PATCH');
                t.check(out['description'] === 'v2', `${kind}: PATCH answered description ${String(out['description'])}, not the draft's v2`);
                t.check(out['activeVariationId'] === r['activeVariationId'], `${kind}: PATCH moved activeVariationId`);
                const active = await readOk(t, 'owner', kind, id, '?view=active');
                t.check(active['description'] === 'v1', `${kind}: the active view shows ${String(active['description'])} before deploy`);
                const draft = await readOk(t, 'owner', kind, id, '?view=draft');
                t.check(draft['description'] === 'v2', `${kind}: the draft view shows ${String(draft['description'])}`);
            }
        },
    },
    {
        rule: 'LIFE-4',
        title: 'skill name and content fields follow the view, at top level and in variation',
        async run(t) {
            const r = await t.createDeployed('skills', 'owner', { instructions: ['old'], model: 'model-old' });
            const id = idOf(r);
            const name = t.name('renamed');
            t.status(await patch(t, 'owner', 'skills', id, { name, instructions: ['new'], model: 'model-new' }), 200, 'PATCH');
            const active = await readOk(t, 'owner', 'skills', id, '?view=active');
            const draft = await readOk(t, 'owner', 'skills', id, '?view=draft');
            t.check(active['name'] === r['name'] && draft['name'] === name, 'top-level name does not follow the view');
            t.check(JSON.stringify(variationOf(active)['instructions']) === '["old"]', 'active variation.instructions changed before deploy');
            t.check(JSON.stringify(variationOf(draft)['instructions']) === '["new"]', 'draft variation.instructions is not the PATCHed value');
            t.check(variationOf(active)['model'] === 'model-old' && variationOf(draft)['model'] === 'model-new', 'variation.model does not follow the view');
        },
    },
    {
        rule: 'LIFE-4',
        title: 'agent name, type and trigger follow the view',
        async run(t) {
            const r = await t.createDeployed('agents', 'owner', { trigger: { kind: 'old' } });
            const id = idOf(r);
            t.status(await patch(t, 'owner', 'agents', id, { type: 'workflow', trigger: { kind: 'new' } }), 200, 'PATCH');
            const active = await readOk(t, 'owner', 'agents', id, '?view=active');
            const draft = await readOk(t, 'owner', 'agents', id, '?view=draft');
            t.check(active['type'] === 'task' && draft['type'] === 'workflow', `type: active ${String(active['type'])}, draft ${String(draft['type'])}`);
            const trig = (x) => variationOf(x)['trigger']?.['kind'];
            t.check(trig(active) === 'old' && trig(draft) === 'new', `trigger: active ${String(trig(active))}, draft ${String(trig(draft))}`);
        },
    },
    {
        rule: 'LIFE-5',
        title: 'a PATCH with no draft pending forks a new draft; further PATCHes reuse it',
        async run(t) {
            const r = await t.createDeployed('skills', 'owner', { instructions: ['base'] });
            const id = idOf(r);
            const first = t.status(await patch(t, 'owner', 'skills', id, { description: 'a' }), 200);
            const draftId = first['draftVariationId'];
            t.check(typeof draftId === 'string' && draftId !== r['activeVariationId'], 'no new draftVariationId after PATCH of a deployed skill');
            const second = t.status(await patch(t, 'owner', 'skills', id, { description: 'b' }), 200);
            t.check(second['draftVariationId'] === draftId, 'a second PATCH forked another draft');
            t.status(await deploy(t, 'owner', 'skills', id), 200, 'deploy');
            const third = t.status(await patch(t, 'owner', 'skills', id, { description: 'c' }), 200);
            t.check(typeof third['draftVariationId'] === 'string' && third['draftVariationId'] !== draftId, 'a PATCH after deploy did not fork a new draft');
            const base = JSON.stringify(variationOf(third)['instructions']);
            t.check(base === '["base"]' && third['name'] === r['name'], `the fork did not start from the active variation (instructions ${base})`);
        },
    },
    {
        rule: 'LIFE-6',
        title: 'hasUnpublishedChanges: true when never deployed, false after deploy, true on a change, false when changed back',
        async run(t) {
            const r = await t.create('skills', 'owner', { description: 'same' });
            const id = idOf(r);
            t.check(r['hasUnpublishedChanges'] === true, 'a never-deployed skill has no unpublished changes');
            const dep = deployed('skills', t.status(await deploy(t, 'owner', 'skills', id), 200));
            t.check(dep['hasUnpublishedChanges'] === false, 'true right after deploy');
            const changed = t.status(await patch(t, 'owner', 'skills', id, { description: 'different' }), 200);
            t.check(changed['hasUnpublishedChanges'] === true, 'false although the draft differs');
            const back = t.status(await patch(t, 'owner', 'skills', id, { description: 'same' }), 200);
            t.check(back['hasUnpublishedChanges'] === false, 'true although the draft equals the active variation again');
            t.check((await readOk(t, 'owner', 'skills', id))['hasUnpublishedChanges'] === false, 'GET disagrees with PATCH');
        },
    },
    {
        rule: 'LIFE-6',
        title: 'a never-deployed agent has unpublished changes',
        async run(t) {
            const r = await t.create('agents');
            t.check(r['hasUnpublishedChanges'] === true, 'create answered false');
            t.check((await readOk(t, 'owner', 'agents', idOf(r)))['hasUnpublishedChanges'] === true, 'GET answered false');
        },
    },
];
/** LIFE: status, variations, deploy. */
export const lifecycleScenarios = [...draftScenarios, ...deployScenarios];
//# sourceMappingURL=lifecycle.js.map