import { ROLES } from '../contracts/target-file.js';
// Most specific first: `undeleteSkill` must not read as delete, `getSkillVariation` not as get.
const RULES_OF = [
    ['variation', 'LIFE-11'], ['undelete', 'DEL-3, DEL-4'], ['accept', 'XFER-3'], ['cancel', 'XFER-4'], ['request', 'XFER-1, XFER-2'],
    ['toggle', 'LIFE-12'], ['deploy', 'LIFE-7..9, LIFE-12'], ['create', 'DET-1, LIFE-2, ACC-2'], ['update', 'LIFE-3, UPD-1..3, ACC-3'],
    ['delete', 'DEL-1, DEL-2'], ['list', 'LIST-1, LIST-2, HIDE-3'], ['get', 'HIDE-1, HIDE-2, LIFE-10'],
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;
const ID_PATH = /^(\/api\/v1\/(skills|agents)\/)(\d+)/;
/** Mirrors each target exchange on the mock and records where the answers differ. */
export class DiffMirror {
    shadow;
    contract;
    target;
    ids = new Map();
    uuids = new Map();
    groups = new Map();
    constructor(shadow, contract, target) {
        this.shadow = shadow;
        this.contract = contract;
        this.target = target;
    }
    /** A new run: a fresh mock and no id correspondences. */
    reset() {
        this.shadow.begin(true);
        this.ids.clear();
        this.uuids.clear();
    }
    /** Sends the same request (ids translated) to the mock and compares the answers. */
    async mirror(request, e, label) {
        const s = await this.shadow.client.call(this.translate(request));
        this.learn(request, e, s);
        const op = this.contract.matchOperation(request.method, request.path)?.operationId ?? `${request.method} ${request.path}`;
        const isList = /^list/.test(op);
        let what;
        if (e.response.status !== s.response.status)
            what = `status ${e.response.status} (target) vs ${s.response.status} (mock)`;
        else if (!isList) {
            // Lists hold other rows on a real target: only their status is compared.
            const kind = /^\/api\/v1\/(skills|agents)/.exec(request.path)?.[1] ?? '';
            const where = firstDifference(this.normalise(e.response.body, 'target', kind), this.normalise(s.response.body, 'mock', kind), '');
            if (where !== undefined)
                what = `body differs at ${where || '/'}`;
        }
        if (what === undefined)
            return;
        const rules = RULES_OF.find(([k]) => op.toLowerCase().includes(k))?.[1] ?? '';
        const key = `${op} ${what}`;
        const seen = this.groups.get(key);
        if (seen)
            return void seen.count++;
        this.groups.set(key, {
            operation: op, rules, what, count: 1, label, request: `${request.method} ${request.path} as ${request.role}`,
            target: `${e.response.status} ${cut(e.response.body)}`, mock: `${s.response.status} ${cut(s.response.body)}`,
        });
    }
    translate(request) {
        let path = request.path.replace(ID_PATH, (all, head, kind, id) => {
            const mapped = this.ids.get(`${kind}/${id}`);
            return mapped === undefined ? all : `${head}${mapped}`;
        });
        path = path.replace(/\/variations\/([^/?]+)/, (all, v) => `/variations/${this.uuids.get(v) ?? v}`);
        // Page tokens are opaque and the target's own: use the token the mock gave for the same page.
        path = path.replace(/pageToken=([^&]+)/, (all, t) => {
            const mapped = this.uuids.get(`token:${decodeURIComponent(t)}`);
            return mapped === undefined ? all : `pageToken=${encodeURIComponent(mapped)}`;
        });
        const out = { ...request, path };
        if (request.body && typeof request.body === 'object') {
            const body = { ...request.body };
            if (typeof body['managerId'] === 'number')
                body['managerId'] = this.ids.get(`skills/${body['managerId']}`) ?? body['managerId'];
            if (typeof body['newOwnerUserId'] === 'string') {
                const role = ROLES.find((r) => this.target[r].userId === body['newOwnerUserId']);
                if (role)
                    body['newOwnerUserId'] = this.shadow.client.principal(role).userId;
            }
            out.body = body;
        }
        return out;
    }
    learn(request, e, s) {
        const m = /^\/api\/v1\/(skills|agents)$/.exec(request.path);
        const t = e.response.body;
        const sh = s.response.body;
        if (m && request.method === 'POST' && e.response.status === 201 && s.response.status === 201) {
            this.ids.set(`${m[1]}/${String(t?.['id'])}`, sh?.['id']);
        }
        if (typeof t?.['nextPageToken'] === 'string' && typeof sh?.['nextPageToken'] === 'string') {
            this.uuids.set(`token:${t['nextPageToken']}`, sh['nextPageToken']);
        }
        for (const [a, b] of [[t, sh], [t?.['skill'], sh?.['skill']], [t?.['agent'], sh?.['agent']]]) {
            for (const k of ['activeVariationId', 'draftVariationId']) {
                if (typeof a?.[k] === 'string' && typeof b?.[k] === 'string')
                    this.uuids.set(a[k], b[k]);
            }
        }
    }
    /** Ids and uuids translated to the mock's (others blanked), principals by role, times, slugs, tokens and numbers in messages blanked. */
    normalise(value, side, kind, key = '') {
        if (Array.isArray(value))
            return value.map((v) => this.normalise(v, side, kind, key));
        if (value && typeof value === 'object') {
            const out = {};
            for (const k of Object.keys(value).sort())
                out[k] = this.normalise(value[k], side, kind, k);
            return out;
        }
        if (key === 'id' || key === 'managerId' || key === 'supervisionSubordinateIds') {
            const of = key === 'id' ? kind : 'skills';
            return this.sameId(of, Number(value), side);
        }
        if (typeof value !== 'string')
            return value;
        const principals = side === 'target' ? this.target : this.shadow.client.config.principals;
        for (const role of ROLES) {
            const p = principals[role];
            if (value === p.userId || value === p.email)
                return `<${role}>`;
            if (value === p.orgUuid)
                return `<org of ${role}>`;
        }
        if (key === 'slug')
            return '<slug>';
        if (key === 'nextPageToken')
            return '<token>';
        if (key === 'message')
            return value.replace(/\d+/g, '<n>');
        if (UUID.test(value)) {
            if (side === 'target')
                return this.uuids.get(value) ?? '<uuid>';
            return this.shadowUuids().has(value) ? value : '<uuid>';
        }
        if (TIME.test(value))
            return '<time>';
        return value;
    }
    /** An id as the mock's id of the same resource, or `<id>` when the run did not create it. */
    sameId(kind, id, side) {
        if (side === 'target') {
            const mapped = this.ids.get(`${kind}/${id}`);
            return mapped === undefined ? '<id>' : `${kind}/${mapped}`;
        }
        for (const [k, v] of this.ids)
            if (v === id && k.startsWith(`${kind}/`))
                return `${kind}/${v}`;
        return '<id>';
    }
    shadowUuids() {
        return new Set(this.uuids.values());
    }
}
/** The JSON pointer of the first place two normalised values differ; undefined when equal. */
function firstDifference(a, b, at) {
    if (a === b)
        return undefined;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b))
        return at;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
        const d = firstDifference(a[k], b[k], `${at}/${k}`);
        if (d !== undefined)
            return d;
    }
    return undefined;
}
function cut(body, limit = 300) {
    const s = body === undefined ? '' : JSON.stringify(body);
    return s.length > limit ? `${s.slice(0, limit)}… (${s.length} chars)` : s;
}
//# sourceMappingURL=diff.js.map