/** The access setups commands use, by name (toString prints the name). */
export const ACCESS_PRESETS = ['org', 'private', 'group-use', 'group-manage', 'share-outsider'];
const ALL = { use: true, manage: true };
const NONE = { use: false, manage: false };
/** The group the teammate shares with the owner (target files guarantee one). */
export function sharedGroup(principals) {
    return principals.teammate.groups.find((g) => principals.owner.groups.includes(g)) ?? 'group';
}
/** The model access of a preset (ACC-2: `org` is also what a create without accessConfig gives). */
export function presetAccess(preset, principals) {
    const g = sharedGroup(principals);
    switch (preset) {
        case 'org':
            return { visibility: 'org', groupPermissions: {}, sharedWith: [] };
        case 'private':
            return { visibility: 'private', groupPermissions: {}, sharedWith: [] };
        case 'group-use':
            return { visibility: 'shared', groupPermissions: { [g]: { use: true, manage: false } }, sharedWith: [] };
        case 'group-manage':
            return { visibility: 'shared', groupPermissions: { [g]: { use: true, manage: true } }, sharedWith: [] };
        case 'share-outsider':
            return { visibility: 'private', groupPermissions: {}, sharedWith: [{ userId: principals.outsider.userId, use: true, manage: false }] };
    }
}
/** Whether two contents are the same (LIFE-6 compares the draft with the active variation). */
export function sameContent(a, b) {
    return a.name === b.name && a.description === b.description;
}
/** The state of one run: the resources it created, by position, and every id it has seen. */
export class Model {
    principals;
    prefix;
    control;
    resources = [];
    skills = [];
    agents = [];
    /** `skills/12` for every id seen in this run, created or listed (DEL-6). */
    seenIds = new Set();
    /** Slugs seen per org (DEL-6). */
    slugs = new Map();
    constructor(principals, 
    /** Prefix of every name this run writes, e.g. `prop-1a2b3c-`. */
    prefix, 
    /** Shared with the runner: set to stop generating (budget, Ctrl-C). */
    control) {
        this.principals = principals;
        this.prefix = prefix;
        this.control = control;
    }
    /** The resource a command's pick refers to: picks wrap around the resources (of `kind`) created so far. */
    resolve(pick, kind) {
        const pool = kind === undefined ? this.resources : kind === 'skills' ? this.skills : this.agents;
        const n = pool.length;
        if (n === 0)
            return undefined;
        const r = pool[(pick - 1) % n];
        return r.tainted ? undefined : r;
    }
    /** Adds a created resource at the next position. */
    add(r) {
        this.resources.push(r);
        (r.kind === 'skills' ? this.skills : this.agents).push(r);
    }
    /** The role whose user id this is, if any. */
    roleOf(userId) {
        return Object.keys(this.principals).find((role) => this.principals[role].userId === userId);
    }
    /** ACC-1: what `role` may do with `r` (AUTH-3: nothing across orgs; the owner everything). */
    rights(r, role, access = r.access) {
        const p = this.principals[role];
        if (p.orgUuid !== r.orgUuid)
            return NONE;
        if (role === r.owner)
            return ALL;
        if (access.visibility === 'org')
            return ALL;
        let use = false;
        let manage = false;
        if (access.visibility === 'shared') {
            for (const g of p.groups) {
                const perm = access.groupPermissions[g];
                if (perm) {
                    use ||= perm.use || perm.manage;
                    manage ||= perm.manage;
                }
            }
        }
        for (const s of access.sharedWith) {
            if (s.userId !== p.userId)
                continue;
            use ||= s.use || s.manage;
            manage ||= s.manage;
        }
        return { use: use || manage, manage };
    }
    /** Where `role`'s rights on `r` come from: ownership and org visibility are documented (ACC-2); grants are ACC-1 [A]. */
    grantedBy(r, role) {
        const p = this.principals[role];
        if (p.orgUuid !== r.orgUuid)
            return null;
        if (role === r.owner)
            return 'owner';
        if (r.access.visibility === 'org')
            return 'org';
        return this.rights(r, role).use ? 'grant' : null;
    }
    /** LIFE-6: true exactly when the draft differs from the active variation; never deployed: true. */
    hasUnpublished(r) {
        return r.active === null || !sameContent(r.draft, r.active);
    }
    /** LIFE-1: the status the target should show. */
    status(r) {
        return r.deleted ? 'deleted' : r.deployed ? 'active' : 'draft';
    }
    /** The full name the target stores for a name token. */
    name(token) {
        return this.prefix + token;
    }
    /** UPD-2: skills whose manager is `r` (all of them, and those not deleted). */
    subordinates(r) {
        const all = new Set();
        const live = new Set();
        for (const s of this.resources) {
            if (s.managerPos !== r.pos)
                continue;
            all.add(String(s.id));
            if (!s.deleted)
                live.add(String(s.id));
        }
        return { all, live };
    }
    /** Whether making `manager` the manager of `r` would close a cycle (UPD-2). */
    wouldCycle(r, manager) {
        for (let m = manager, hops = 0; m && hops <= this.resources.length; hops++) {
            if (m === r)
                return true;
            m = m.managerPos === null ? undefined : this.resources[m.managerPos - 1];
        }
        return false;
    }
}
//# sourceMappingURL=model.js.map