/** A check that did not hold; the runner reports it with the scenario's exchanges. */
export class CheckFailed extends Error {
}
/** Formats an exchange for a report: request line, body, status and body (tokens never appear: roles do). */
export function formatExchange(e, limit = 1500) {
    const cut = (v) => {
        const s = v === undefined ? '' : JSON.stringify(v);
        return s.length > limit ? `${s.slice(0, limit)}… (${s.length} chars)` : s;
    };
    const body = e.request.rawBody !== undefined ? cut(e.request.rawBody) : cut(e.request.body);
    return `→ ${e.request.method} ${e.request.path} as ${e.request.role ?? '(no token)'}${body ? ` ${body}` : ''}\n← ${e.response.status} ${cut(e.response.body)}`;
}
/** What a scenario works with: calls validated against openapi.json, helpers to create what it needs. */
export class ScenarioContext {
    client;
    contract;
    runId;
    exchanges = [];
    violations = [];
    seq = 0;
    constructor(client, contract, runId) {
        this.client = client;
        this.contract = contract;
        this.runId = runId;
    }
    /** A name for a resource this run creates: `contract-<runId>-<label>-<n>`. */
    name(label = 'r') {
        return `contract-${this.runId}-${label}-${++this.seq}`;
    }
    /** Sends a request; every response is checked against openapi.json. */
    async call(role, method, path, body, extra = {}) {
        const request = { method, path, role, ...extra };
        if (body !== undefined)
            request.body = body;
        const e = await this.client.call(request);
        this.exchanges.push(e);
        const { response } = e;
        const result = this.contract.validateResponse({ method, path, status: response.status, headers: response.headers, body: response.body });
        for (const v of result.violations)
            this.violations.push(`${method} ${path} → ${response.status}: ${v.jsonPath} ${v.keyword}: ${v.message}`);
        return e;
    }
    /** Fails unless `cond` holds. */
    check(cond, message) {
        if (!cond)
            throw new CheckFailed(message);
    }
    /** Fails unless the exchange answered `status`; returns its body. */
    status(e, status, why = '') {
        this.check(e.response.status === status, `expected ${status}${why ? ` (${why})` : ''}, got ${e.response.status} for ${e.request.method} ${e.request.path}`);
        return (e.response.body ?? {});
    }
    /** Creates a skill or agent as `role` (201 expected) and answers its body. */
    async create(kind, role = 'owner', fields = {}) {
        const e = await this.call(role, 'POST', `/api/v1/${kind}`, { name: this.name(kind.slice(0, -1)), ...fields });
        return this.status(e, 201, `create ${kind}`);
    }
    /** Creates and deploys; answers the deployed resource. */
    async createDeployed(kind, role = 'owner', fields = {}) {
        const r = await this.create(kind, role, fields);
        const e = await this.call(role, 'POST', `/api/v1/${kind}/${String(r['id'])}/deploy`, {});
        const body = this.status(e, 200, 'deploy');
        return body[kind === 'skills' ? 'skill' : 'agent'];
    }
    /** Private to the owner (visibility private, nobody shared). */
    static PRIVATE = { accessConfig: { visibility: 'private', groupPermissions: {}, sharedWith: [] } };
}
//# sourceMappingURL=scenario.js.map