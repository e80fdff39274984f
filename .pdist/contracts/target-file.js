import { readFileSync } from 'node:fs';
/** The roles every target names (the contract's principals by what they are to a resource the owner created). */
export const ROLES = ['owner', 'teammate', 'outsider', 'otherOrg'];
/** A target file that cannot be used; the CLIs exit 2 on it before any request is sent. */
export class TargetConfigError extends Error {
}
const FIELDS = ['token', 'userId', 'email', 'orgUuid'];
/** Replaces `${VAR}` with the environment's value; a missing variable is an error that names it (never its value). */
function expand(value, where, env) {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name) => {
        const v = env[name];
        if (v === undefined || v === '')
            throw new TargetConfigError(`${where} needs the environment variable ${name}, which is not set`);
        return v;
    });
}
/** Validates a parsed target document (`source` names it in errors). */
export function parseTarget(doc, source, env = process.env) {
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
        throw new TargetConfigError(`${source}: / must be an object`);
    const d = doc;
    let baseUrl;
    if (d['baseUrl'] !== undefined) {
        if (typeof d['baseUrl'] !== 'string')
            throw new TargetConfigError(`${source}: /baseUrl must be a string`);
        baseUrl = expand(d['baseUrl'], `${source}: /baseUrl`, env).replace(/\/+$/, '');
        try {
            const u = new URL(baseUrl);
            if (u.protocol !== 'http:' && u.protocol !== 'https:')
                throw new Error('not http(s)');
        }
        catch {
            throw new TargetConfigError(`${source}: /baseUrl is not an http(s) URL`);
        }
    }
    const raw = d['principals'];
    if (typeof raw !== 'object' || raw === null)
        throw new TargetConfigError(`${source}: /principals must be an object with the roles ${ROLES.join(', ')}`);
    const principals = {};
    for (const role of ROLES) {
        const p = raw[role];
        if (typeof p !== 'object' || p === null)
            throw new TargetConfigError(`${source}: /principals/${role} is missing`);
        const entry = p;
        const out = {};
        for (const field of FIELDS) {
            const v = entry[field];
            if (typeof v !== 'string' || v === '')
                throw new TargetConfigError(`${source}: /principals/${role}/${field} must be a non-empty string`);
            out[field] = expand(v, `${source}: /principals/${role}/${field}`, env);
        }
        const groups = entry['groups'] ?? [];
        if (!Array.isArray(groups) || !groups.every((g) => typeof g === 'string')) {
            throw new TargetConfigError(`${source}: /principals/${role}/groups must be an array of strings`);
        }
        principals[role] = { ...out, groups };
    }
    const { owner, teammate, outsider, otherOrg } = principals;
    if (teammate.orgUuid !== owner.orgUuid || outsider.orgUuid !== owner.orgUuid) {
        throw new TargetConfigError(`${source}: teammate and outsider must be in the owner's org`);
    }
    if (otherOrg.orgUuid === owner.orgUuid)
        throw new TargetConfigError(`${source}: otherOrg must be in another org`);
    if (!teammate.groups.some((g) => owner.groups.includes(g)))
        throw new TargetConfigError(`${source}: teammate must share a group with owner`);
    if (outsider.groups.some((g) => owner.groups.includes(g)))
        throw new TargetConfigError(`${source}: outsider must share no group with owner`);
    return baseUrl === undefined ? { principals } : { baseUrl, principals };
}
/** Reads a target file (see README "Target files"). */
export function loadTargetFile(file, env = process.env) {
    let text;
    try {
        text = readFileSync(file, 'utf8');
    }
    catch (e) {
        throw new TargetConfigError(`${file}: cannot read: ${e.message}`);
    }
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (e) {
        throw new TargetConfigError(`${file}: / is not valid JSON: ${e.message}`);
    }
    return parseTarget(doc, file, env);
}
//# sourceMappingURL=target-file.js.map