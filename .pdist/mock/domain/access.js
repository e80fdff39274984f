const NONE = { use: false, manage: false };
const ALL = { use: true, manage: true };
/** ACC-1 / AUTH-3: what `principal` may do with a resource configured by `config` in `orgUuid`. */
export function permissionsFor(principal, orgUuid, config) {
    if (principal.orgUuid !== orgUuid)
        return NONE; // AUTH-3: other orgs get nothing
    if (config.ownerUserId === principal.userId)
        return ALL;
    if (config.visibility === 'org')
        return ALL;
    let use = false;
    let manage = false;
    for (const entry of config.sharedWith) {
        if (entry.userId !== principal.userId)
            continue;
        manage ||= entry.manage;
        use ||= entry.use || entry.manage; // manage implies use
    }
    if (config.visibility === 'shared') {
        for (const group of principal.groups) {
            const grant = Object.hasOwn(config.groupPermissions, group) ? config.groupPermissions[group] : undefined;
            if (!grant)
                continue;
            manage ||= grant.manage;
            use ||= grant.use || grant.manage;
        }
    }
    return { use, manage };
}
/** Permissions of `principal` on a stored resource. */
export function permissionsOn(principal, record) {
    return permissionsFor(principal, record.orgUuid, record.accessConfig);
}
//# sourceMappingURL=access.js.map