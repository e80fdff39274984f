import { checkUnchanged, deploy, deployed, hasRow, idOf, listAll, patch, privateWith, read, readOk, sharedWithTeam, snapshot, } from './helpers.js';
const accessOf = (r) => (r['accessConfig'] ?? {});
const hasPerms = (r) => 'canUse' in r || 'canManage' in r;
/** ACC: access configuration. */
export const accessScenarios = [
    {
        rule: 'ACC-1',
        title: 'private: only the owner and sharedWith users; a use-only share cannot manage',
        async run(t) {
            const id = idOf(await t.create('skills', 'owner', privateWith(t, 'outsider', true, false)));
            t.status(await read(t, 'teammate', 'skills', id, '?view=draft'), 404, 'a teammate not in sharedWith');
            await readOk(t, 'outsider', 'skills', id, '?view=draft');
            t.status(await patch(t, 'outsider', 'skills', id, { description: 'use-only write' }), 403, 'a use-only sharedWith user writes');
            t.status(await patch(t, 'owner', 'skills', id, { description: 'owner write' }), 200, 'the owner always manages');
        },
    },
    {
        rule: 'ACC-1',
        title: "shared: a group's {use, manage} applies to its members only",
        async run(t) {
            const useOnly = idOf(await t.create('skills', 'owner', sharedWithTeam(t, true, false)));
            await readOk(t, 'teammate', 'skills', useOnly, '?view=draft');
            t.status(await patch(t, 'teammate', 'skills', useOnly, { description: 'x' }), 403, 'a group member with use only writes');
            t.status(await read(t, 'outsider', 'skills', useOnly, '?view=draft'), 404, 'a non-member reads');
            const manage = idOf(await t.create('skills', 'owner', sharedWithTeam(t, true, true)));
            t.status(await patch(t, 'teammate', 'skills', manage, { description: 'x' }), 200, 'a group member with manage writes');
        },
    },
    {
        rule: 'ACC-1',
        title: 'org: every org member can use and manage',
        async run(t) {
            const r = await t.create('skills', 'owner', { accessConfig: { visibility: 'org' } });
            await readOk(t, 'outsider', 'skills', idOf(r), '?view=draft');
            t.status(await patch(t, 'outsider', 'skills', idOf(r), { description: 'org member write' }), 200, 'an org member manages');
        },
    },
    {
        rule: 'ACC-1',
        title: 'manage implies use: a manage-only share can read and write',
        async run(t) {
            const skill = idOf(await t.create('skills', 'owner', privateWith(t, 'outsider', false, true)));
            await readOk(t, 'outsider', 'skills', skill, '?view=draft');
            t.status(await patch(t, 'outsider', 'skills', skill, { description: 'manage-only write' }), 200, 'manage-only share writes');
            const agent = await readOk(t, 'outsider', 'agents', idOf(await t.create('agents', 'owner', privateWith(t, 'outsider', false, true))));
            t.check(agent['canUse'] === true && agent['canManage'] === true, `manage-only share: canUse ${String(agent['canUse'])}, canManage ${String(agent['canManage'])}`);
        },
    },
    {
        rule: 'ACC-2',
        title: 'created without accessConfig: every org member can use and manage; the creator owns it',
        async run(t) {
            const r = await t.create('skills');
            const id = idOf(r);
            t.check(accessOf(r)['ownerUserId'] === t.client.principal('owner').userId, 'the creator is not the owner');
            await readOk(t, 'outsider', 'skills', id, '?view=draft');
            t.status(await patch(t, 'outsider', 'skills', id, { description: 'outsider write' }), 200, 'an org member without groups manages');
            const agent = await readOk(t, 'outsider', 'agents', idOf(await t.create('agents')));
            t.check(agent['canUse'] === true && agent['canManage'] === true, 'an agent created without accessConfig is not use + manage for an org member');
        },
    },
    {
        rule: 'ACC-2',
        tag: 'A',
        title: 'created without accessConfig: visibility is "org"',
        async run(t) {
            for (const kind of ['skills', 'agents']) {
                const r = await t.create(kind);
                t.check(accessOf(r)['visibility'] === 'org', `${kind}: visibility is ${String(accessOf(r)['visibility'])}`);
            }
        },
    },
    {
        rule: 'ACC-3',
        title: 'a manager PATCH that would drop its own use or manage answers 422 and changes nothing',
        async run(t) {
            const id = idOf(await t.create('skills', 'owner', sharedWithTeam(t, true, true)));
            const before = await snapshot(t, 'skills', id);
            t.status(await patch(t, 'teammate', 'skills', id, { accessConfig: { visibility: 'private' } }), 422, 'drops use');
            t.status(await patch(t, 'teammate', 'skills', id, { accessConfig: { groupPermissions: {} } }), 422, 'drops use via groups');
            const group = Object.keys(accessOf(before)['groupPermissions'])[0];
            const useOnly = { accessConfig: { groupPermissions: { [group]: { use: true, manage: false } } }, description: 'with lockout' };
            t.status(await patch(t, 'teammate', 'skills', id, useOnly), 422, 'drops manage (with a content field)');
            await checkUnchanged(t, 'skills', id, before, 'a refused self-lockout');
        },
    },
    {
        rule: 'ACC-3',
        title: 'an agent manager cannot lock itself out either',
        async run(t) {
            const id = idOf(await t.create('agents', 'owner', sharedWithTeam(t, true, true)));
            const before = await snapshot(t, 'agents', id);
            t.status(await patch(t, 'teammate', 'agents', id, { accessConfig: { visibility: 'private' } }), 422, 'drops use and manage');
            await checkUnchanged(t, 'agents', id, before, 'a refused self-lockout');
        },
    },
    {
        rule: 'ACC-4',
        title: 'ownerUserId / ownerEmail cannot change by PATCH; the same values are accepted',
        async run(t) {
            const r = await t.create('skills');
            const id = idOf(r);
            const mate = t.client.principal('teammate');
            const before = await snapshot(t, 'skills', id);
            t.status(await patch(t, 'owner', 'skills', id, { accessConfig: { ownerUserId: mate.userId } }), 422, 'another ownerUserId');
            t.status(await patch(t, 'owner', 'skills', id, { accessConfig: { ownerEmail: mate.email } }), 422, 'another ownerEmail');
            await checkUnchanged(t, 'skills', id, before, 'a refused owner change');
            const same = { accessConfig: { ownerUserId: accessOf(r)['ownerUserId'], ownerEmail: accessOf(r)['ownerEmail'] } };
            t.status(await patch(t, 'owner', 'skills', id, same), 200, 'the same owner values');
        },
    },
    {
        rule: 'ACC-5',
        title: 'an accessConfig edit applies at once: the active view and other callers see it before any deploy',
        async run(t) {
            const id = idOf(await t.createDeployed('skills', 'owner', sharedWithTeam(t, true, false)));
            await readOk(t, 'teammate', 'skills', id);
            t.status(await patch(t, 'owner', 'skills', id, { accessConfig: { visibility: 'private', groupPermissions: {} } }), 200, 'make private');
            const active = await readOk(t, 'owner', 'skills', id, '?view=active');
            t.check(accessOf(active)['visibility'] === 'private', 'the active view still shows the old visibility');
            t.status(await read(t, 'teammate', 'skills', id), 404, 'the teammate reads right after the edit');
        },
    },
    {
        rule: 'ACC-6',
        title: 'agents carry canUse / canManage on create, GET, PATCH, deploy and list rows',
        async run(t) {
            const r = await t.create('agents');
            const id = idOf(r);
            const answers = [['create', r], ['GET', await readOk(t, 'owner', 'agents', id)]];
            answers.push(['PATCH', t.status(await patch(t, 'owner', 'agents', id, { description: 'x' }), 200)]);
            answers.push(['deploy', deployed('agents', t.status(await deploy(t, 'owner', 'agents', id), 200))]);
            const row = (await listAll(t, 'owner', 'agents')).find((x) => String(x['id']) === id);
            t.check(row !== undefined, `agents/${id} is missing from the owner's list`);
            answers.push(['list row', row]);
            for (const [what, a] of answers)
                t.check(a['canUse'] === true && a['canManage'] === true, `${what}: the owner's canUse/canManage are not both true`);
        },
    },
    {
        rule: 'ACC-6',
        title: 'canUse / canManage are computed for the caller',
        async run(t) {
            const id = idOf(await t.create('agents', 'owner', sharedWithTeam(t, true, false)));
            const rows = await listAll(t, 'teammate', 'agents');
            t.check(hasRow(rows, id), `agents/${id} (use-only) is missing from the teammate's list`);
            const row = rows.find((x) => String(x['id']) === id);
            t.check(row['canUse'] === true && row['canManage'] === false, `teammate row: canUse ${String(row['canUse'])}, canManage ${String(row['canManage'])}`);
            const mine = await readOk(t, 'owner', 'agents', id);
            t.check(mine['canManage'] === true, 'the owner sees canManage false');
        },
    },
    {
        rule: 'ACC-6',
        title: 'skills carry no canUse / canManage',
        async run(t) {
            const r = await t.create('skills');
            t.check(!hasPerms(r), 'the created skill carries canUse/canManage');
            t.check(!hasPerms(await readOk(t, 'owner', 'skills', idOf(r), '?view=draft')), 'GET skill carries canUse/canManage');
        },
    },
];
//# sourceMappingURL=access.js.map