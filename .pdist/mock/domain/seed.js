import { deploy, remove, toggle } from './lifecycle.js';
import { requestTransfer } from './transfer.js';
import { create, patch } from './update.js';
/** A seed problem, with the JSON path of the item that caused it. */
export class SeedError extends Error {
    jsonPath;
    constructor(jsonPath, message) {
        super(`${jsonPath}: ${message}`);
        this.jsonPath = jsonPath;
    }
}
const STATE_KEYS = new Set(['owner', 'deploy', 'draft', 'managerId', 'isEnabled', 'pendingTransferTo', 'deleted']);
function must(result, path) {
    if (!result.ok)
        throw new SeedError(path, result.error.message);
    return result.value;
}
/** Builds state from seed fixtures through the same operations the API uses, so every seeded state is reachable. */
export function applySeed(ctx, principals, seed) {
    const byUser = new Map(principals.map((p) => [p.userId, p]));
    const run = (kind, items, key) => {
        (items ?? []).forEach((item, i) => {
            const path = `/${key}/${i}`;
            const owner = byUser.get(item.owner);
            if (!owner)
                throw new SeedError(`${path}/owner`, `no principal has userId ${JSON.stringify(item.owner)}`);
            const body = Object.fromEntries(Object.entries(item).filter(([k]) => !STATE_KEYS.has(k)));
            const created = must(create(ctx, owner, kind, body), path).body;
            const id = String(created.id);
            if (item.deploy)
                must(deploy(ctx, owner, kind, id, {}), `${path}/deploy`);
            if (item.draft)
                must(patch(ctx, owner, kind, id, new URLSearchParams(), item.draft), `${path}/draft`);
            if (item.managerId !== undefined) {
                must(patch(ctx, owner, kind, id, new URLSearchParams(), { managerId: item.managerId }), `${path}/managerId`);
            }
            if (item.isEnabled !== undefined && kind === 'agent') {
                const current = ctx.store.get('agent', created.id).isEnabled;
                if (current !== item.isEnabled)
                    must(toggle(ctx, owner, id, {}), `${path}/isEnabled`);
            }
            if (item.pendingTransferTo !== undefined) {
                must(requestTransfer(ctx, owner, kind, id, { newOwnerUserId: item.pendingTransferTo }), `${path}/pendingTransferTo`);
            }
            if (item.deleted)
                must(remove(ctx, owner, kind, id), `${path}/deleted`);
        });
    };
    run('skill', seed.skills, 'skills');
    run('agent', seed.agents, 'agents');
}
//# sourceMappingURL=seed.js.map