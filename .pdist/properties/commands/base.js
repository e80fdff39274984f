import { DriftStop } from '../run-context.js';
/** One operation of the API, run as one role on resources referred to by position. */
export class PropertyCommand {
    role;
    constructor(role) {
        this.role = role;
    }
    /** fast-check asks before running: the resources it refers to exist and the run is not stopping. */
    check(m) {
        return !m.control.stopped && this.applies(m);
    }
    /** Runs the request(s) and checks the answers against the model; an [A] drift ends the command quietly. */
    async run(m, ctx) {
        const label = this.label(m);
        this.shown = label;
        ctx.begin(label, this.touches(m));
        if (ctx.suite.commands >= ctx.suite.commandLimit)
            ctx.suite.stop('count');
        try {
            await this.exec(m, ctx);
            ctx.end();
        }
        catch (e) {
            if (!(e instanceof DriftStop))
                throw e;
        }
    }
    /** What a person would type, e.g. `PATCH /skills/#2 {managerId:#1} as teammate`. */
    toString() {
        return this.shown ?? this.label(undefined);
    }
}
/** A command on one resource picked by position (picks wrap around what exists). */
export class ResourceCommand extends PropertyCommand {
    pick;
    kind;
    constructor(pick, role, kind) {
        super(role);
        this.pick = pick;
        this.kind = kind;
    }
    target(m) {
        return m.resolve(this.pick, this.kind);
    }
    applies(m) {
        return this.target(m) !== undefined;
    }
    touches(m) {
        const r = this.target(m);
        return r ? [r] : [];
    }
    /** `/skills/#2` (or `/{kind}/~2` before a model resolves the pick). */
    at(m, suffix = '') {
        const r = m && this.target(m);
        return r ? `/${r.kind}/#${r.pos}${suffix}` : `/${this.kind ?? '{kind}'}/~${this.pick}${suffix}`;
    }
}
/** Prints a body the way the labels show it: `{name:b, description:null}`. */
export function showBody(fields) {
    const parts = Object.entries(fields).map(([k, v]) => `${k}:${typeof v === 'string' ? v : JSON.stringify(v)}`);
    return `{${parts.join(', ')}}`;
}
//# sourceMappingURL=base.js.map