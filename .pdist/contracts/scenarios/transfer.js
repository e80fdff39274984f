import { idOf, privateWith, readOk, url } from './helpers.js';
/** POST /skills/{id}/transfer-ownership to `to`'s userId. */
function request(t, role, id, to) {
    const newOwnerUserId = to === 'owner' || to === 'teammate' || to === 'outsider' || to === 'otherOrg' ? t.client.principal(to).userId : to;
    return t.call(role, 'POST', url('skills', id, '/transfer-ownership'), { newOwnerUserId });
}
/** POST /skills/{id}/transfer-ownership/{accept|cancel}. */
function answer(t, role, id, action) {
    return t.call(role, 'POST', url('skills', id, `/transfer-ownership/${action}`), {});
}
const ownerOf = (r) => r['accessConfig']?.['ownerUserId'];
const pendingOf = (r) => r['pendingOwnershipTransfer'];
/** XFER: ownership transfer. */
export const transferScenarios = [
    {
        rule: 'XFER-1',
        title: 'only the current owner can request a transfer, even where others can manage',
        async run(t) {
            const id = idOf(await t.create('skills'));
            const refused = await request(t, 'teammate', id, 'outsider');
            t.check(refused.response.status !== 200, 'a non-owner manager requested a transfer');
            t.check(pendingOf(await readOk(t, 'owner', 'skills', id, '?view=draft')) === undefined, 'a refused request left a pending transfer');
            t.status(await request(t, 'owner', id, 'teammate'), 200, 'the owner requests');
        },
    },
    {
        rule: 'XFER-1',
        tag: 'A',
        title: 'non-owner 403 / 404 by visibility; target of another org or already owner 422; already pending 409',
        async run(t) {
            const id = idOf(await t.create('skills', 'owner', privateWith(t, 'teammate', true, true)));
            t.status(await request(t, 'teammate', id, 'outsider'), 403, 'a non-owner who can see it');
            t.status(await request(t, 'outsider', id, 'teammate'), 404, 'a non-owner who cannot see it');
            t.status(await request(t, 'owner', id, 'otherOrg'), 422, 'a target of another org');
            t.status(await request(t, 'owner', id, 'owner'), 422, 'the owner itself');
            t.status(await request(t, 'owner', id, t.name('no-such-user')), 422, 'a user that does not exist');
            t.status(await t.call('owner', 'POST', url('skills', id, '/transfer-ownership'), {}), 422, 'no newOwnerUserId');
            t.status(await request(t, 'owner', id, 'teammate'), 200, 'a valid request');
            t.status(await request(t, 'owner', id, 'outsider'), 409, 'a second request while one is pending');
        },
    },
    {
        rule: 'XFER-2',
        title: 'the request answers pendingOwnershipTransfer; ownership does not change yet',
        async run(t) {
            const id = idOf(await t.create('skills'));
            const owner = t.client.principal('owner');
            const mate = t.client.principal('teammate');
            const out = t.status(await request(t, 'owner', id, 'teammate'), 200, 'request');
            const p = pendingOf(out) ?? {};
            t.check(p['pendingOwnerUserId'] === mate.userId && p['pendingOwnerEmail'] === mate.email, `pending recipient ${JSON.stringify(p)}`);
            t.check(p['requestedByUserId'] === owner.userId && typeof p['requestedAt'] === 'string', `pending requester ${JSON.stringify(p)}`);
            t.check(ownerOf(out) === owner.userId, 'ownership moved on request');
            const now = await readOk(t, 'owner', 'skills', id, '?view=draft');
            t.check(JSON.stringify(pendingOf(now)) === JSON.stringify(p) && ownerOf(now) === owner.userId, 'GET disagrees with the request answer');
        },
    },
    {
        rule: 'XFER-3',
        title: 'only the recipient accepts; ownership moves to them and the pending transfer is gone',
        async run(t) {
            const id = idOf(await t.create('skills'));
            const mate = t.client.principal('teammate');
            t.status(await request(t, 'owner', id, 'teammate'), 200, 'request');
            const refused = await answer(t, 'outsider', id, 'accept');
            t.check(refused.response.status !== 200, 'someone other than the recipient accepted');
            t.check(ownerOf(await readOk(t, 'owner', 'skills', id, '?view=draft')) === t.client.principal('owner').userId, 'a refused accept moved ownership');
            const out = t.status(await answer(t, 'teammate', id, 'accept'), 200, 'the recipient accepts');
            const access = (out['accessConfig'] ?? {});
            t.check(access['ownerUserId'] === mate.userId && access['ownerEmail'] === mate.email, `owner after accept: ${JSON.stringify(access)}`);
            t.check(!('pendingOwnershipTransfer' in out), 'pendingOwnershipTransfer is still present after accept');
            t.check(ownerOf(await readOk(t, 'teammate', 'skills', id, '?view=draft')) === mate.userId, 'GET disagrees after accept');
        },
    },
    {
        rule: 'XFER-3',
        tag: 'A',
        title: 'a recipient without use access may accept; accept with nothing pending answers 409',
        async run(t) {
            const id = idOf(await t.create('skills', 'owner', { accessConfig: { visibility: 'private', groupPermissions: {}, sharedWith: [] } }));
            t.status(await answer(t, 'owner', id, 'accept'), 409, 'accept with nothing pending');
            t.status(await request(t, 'owner', id, 'outsider'), 200, 'request to a user without access');
            const out = t.status(await answer(t, 'outsider', id, 'accept'), 200, 'the recipient accepts without use');
            t.check(ownerOf(out) === t.client.principal('outsider').userId, 'ownership did not move');
        },
    },
    {
        rule: 'XFER-4',
        title: 'the owner cancels or the recipient declines; the pending transfer is gone, ownership unchanged',
        async run(t) {
            const owner = t.client.principal('owner').userId;
            for (const who of ['owner', 'teammate']) {
                const id = idOf(await t.create('skills'));
                t.status(await request(t, 'owner', id, 'teammate'), 200, 'request');
                const out = t.status(await answer(t, who, id, 'cancel'), 200, `${who} cancels`);
                t.check(!('pendingOwnershipTransfer' in out) && ownerOf(out) === owner, `after ${who} cancels: ${JSON.stringify(pendingOf(out))}, owner ${String(ownerOf(out))}`);
                const now = await readOk(t, 'owner', 'skills', id, '?view=draft');
                t.check(pendingOf(now) === undefined && ownerOf(now) === owner, `GET after ${who} cancels disagrees`);
            }
        },
    },
    {
        rule: 'XFER-4',
        tag: 'A',
        title: 'anyone else cancelling: 403 if they can see it, 404 if not; nothing pending: 409',
        async run(t) {
            const open = idOf(await t.create('skills'));
            t.status(await answer(t, 'owner', open, 'cancel'), 409, 'cancel with nothing pending');
            t.status(await request(t, 'owner', open, 'teammate'), 200, 'request');
            t.status(await answer(t, 'outsider', open, 'cancel'), 403, 'a third party who can see it');
            const hidden = idOf(await t.create('skills', 'owner', privateWith(t, 'teammate', true, false)));
            t.status(await request(t, 'owner', hidden, 'teammate'), 200, 'request');
            t.status(await answer(t, 'outsider', hidden, 'cancel'), 404, 'a third party who cannot see it');
            t.check(pendingOf(await readOk(t, 'owner', 'skills', hidden, '?view=draft')) !== undefined, 'a refused cancel removed the transfer');
        },
    },
    {
        rule: 'XFER-5',
        title: 'pendingOwnershipTransfer is absent (not null) when nothing is pending',
        async run(t) {
            const r = await t.create('skills');
            const id = idOf(r);
            t.check(!('pendingOwnershipTransfer' in r), 'create answered pendingOwnershipTransfer');
            t.check(!('pendingOwnershipTransfer' in (await readOk(t, 'owner', 'skills', id, '?view=draft'))), 'GET answered pendingOwnershipTransfer');
            t.status(await request(t, 'owner', id, 'teammate'), 200, 'request');
            t.status(await answer(t, 'owner', id, 'cancel'), 200, 'cancel');
            t.check(!('pendingOwnershipTransfer' in (await readOk(t, 'owner', 'skills', id, '?view=draft'))), 'GET after cancel answered pendingOwnershipTransfer');
            const agent = await t.create('agents');
            t.check(!('pendingOwnershipTransfer' in agent), 'an agent create answered pendingOwnershipTransfer');
        },
    },
];
//# sourceMappingURL=transfer.js.map