/** What commands run against: the target client, the checks' bookkeeping, and the log of one run's steps. */
import { NEVER_EXISTS_ID } from '../contracts/client.js';
import { RULE_BY_ID } from '../contracts/rules.js';
/** A broken invariant: names the rule (and its tag) so reports can trace it to the contract. */
export class RuleViolation extends Error {
    rule;
    tag;
    detail;
    exchange;
    constructor(rule, tag, detail, exchange) {
        super(`${rule} [${tag}] ${detail}`);
        this.rule = rule;
        this.tag = tag;
        this.detail = detail;
        this.exchange = exchange;
        this.name = 'RuleViolation';
    }
}
/** Thrown to end a command after an [A] rule drifted (not strict): the run goes on without that resource. */
export class DriftStop extends Error {
}
/** Rule tag by id; the schema pseudo-rule OPENAPI is documented. */
export function tagOf(rule) {
    return RULE_BY_ID.get(rule)?.tag ?? 'D';
}
/** State shared by every run of one suite invocation. */
export class SuiteState {
    client;
    contract;
    strict;
    diff;
    /** Shared with each model: set to stop generating. */
    control = { stopped: false };
    stopReason;
    runs = 0;
    commands = 0;
    /** How many times each rule was checked. */
    stats = Object.create(null);
    drifts = new Map();
    /** Never-exists answers by request line and role: they do not change, so each is asked once. */
    probes = new Map();
    /** Counts towards the command budget of the bench hook. */
    commandLimit = Infinity;
    constructor(client, contract, strict, diff) {
        this.client = client;
        this.contract = contract;
        this.strict = strict;
        this.diff = diff;
    }
    /** Stops generating: the remaining runs and commands are skipped. */
    stop(reason) {
        this.stopReason ??= reason;
        this.control.stopped = true;
    }
}
/** The `real` side of one fast-check model run. */
export class RunContext {
    suite;
    model;
    steps = [];
    step = { label: '(setup)', exchanges: [] };
    touched = [];
    pendingSchema;
    constructor(suite, model) {
        this.suite = suite;
        this.model = model;
    }
    /** Starts logging a command; `resources` are tainted if an [A] rule drifts during it. */
    begin(label, resources) {
        this.step = { label, exchanges: [] };
        this.touched = resources;
        this.pendingSchema = undefined;
        this.steps.push(this.step);
        this.suite.commands++;
    }
    /** Ends a command: an undocumented status its own checks let pass still breaks openapi.json. */
    end() {
        const message = this.pendingSchema;
        this.pendingSchema = undefined;
        if (message !== undefined)
            this.fail('OPENAPI', message, 'D');
    }
    /** Adds a resource the current command made to those an [A] drift taints. */
    touch(r) {
        this.touched = [...this.touched, r];
    }
    /** Appends to the current step's label (e.g. the position a create produced). */
    note(text) {
        this.step.label += text;
    }
    /** Sends a request; every answer is checked for 5xx (ERR-2) and against openapi.json. */
    async call(request) {
        const e = await this.suite.client.call(request);
        this.step.exchanges.push(e);
        const { status } = e.response;
        // ERR-2: a 5xx is also undocumented in openapi.json, which is never drift.
        this.expect(status < 500, 'ERR-2', () => `${request.method} ${request.path} answered ${status}`, 'D');
        const v = this.suite.contract.validateResponse({ method: request.method, path: request.path, status, headers: e.response.headers, body: e.response.body });
        this.count('OPENAPI');
        if (!v.valid) {
            const list = v.violations.slice(0, 8).map((x) => `${x.jsonPath} ${x.keyword}: ${x.message}`).join('; ');
            const message = `${request.method} ${request.path} → ${status} breaks openapi.json: ${list}`;
            // An undocumented status is reported after the command's own checks, which name the rule it breaks.
            if (v.violations.every((x) => x.keyword === 'status'))
                this.pendingSchema ??= message;
            else
                this.fail('OPENAPI', message, 'D');
        }
        if (this.suite.diff)
            await this.suite.diff.mirror(request, e, this.step.label);
        return e;
    }
    /** The same request on an id that never existed (HIDE, AUTH-3 compare against it); asked once per suite. */
    async missing(request, id) {
        // `/api/v1/{kind}/{id}...`: the id is the fifth segment.
        const head = request.path.indexOf('/', 13);
        const rest = request.path.slice(head + 1 + String(id).length);
        const path = `${request.path.slice(0, head)}/${NEVER_EXISTS_ID}${rest}`;
        const key = `${request.method} ${path} ${request.role ?? ''}`;
        const cached = this.suite.probes.get(key);
        if (cached) {
            this.step.exchanges.push(cached);
            return cached;
        }
        const e = await this.call({ ...request, path });
        this.suite.probes.set(key, e);
        return e;
    }
    /** Counts one check of `rule` (the report shows which rules the run exercised). */
    count(rule) {
        this.suite.stats[rule] = (this.suite.stats[rule] ?? 0) + 1;
    }
    /** Checks `cond`; the message is built only when it fails. */
    expect(cond, rule, message, tag) {
        this.suite.stats[rule] = (this.suite.stats[rule] ?? 0) + 1;
        if (!cond)
            this.fail(rule, message(), tag);
    }
    /** Checks `actual === expected`. */
    expectEq(actual, expected, rule, what, tag) {
        this.suite.stats[rule] = (this.suite.stats[rule] ?? 0) + 1;
        if (actual !== expected)
            this.fail(rule, `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`, tag);
    }
    /** A check did not hold: [D] (or strict) throws a RuleViolation; [A] records drift and leaves the resources alone. */
    fail(rule, message, tag = tagOf(rule)) {
        const exchange = this.step.exchanges[this.step.exchanges.length - 1];
        if (tag === 'D' || this.suite.strict)
            throw new RuleViolation(rule, tag, `${message} (in: ${this.step.label})`, exchange);
        const key = `${rule} ${this.step.label.split(' ')[0]} ${message.replace(/\d+/g, 'n')}`;
        const seen = this.suite.drifts.get(key);
        if (seen)
            seen.count++;
        else
            this.suite.drifts.set(key, { rule, message, label: this.step.label, exchange, count: 1 });
        for (const r of this.touched)
            r.tainted = true;
        throw new DriftStop(message);
    }
}
//# sourceMappingURL=run-context.js.map