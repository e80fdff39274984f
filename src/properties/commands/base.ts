/** The shape every property command shares: check / run / toString, positions instead of ids. */
import type fc from 'fast-check';
import type { Role } from '../../contracts/target-file.js';
import type { Kind, Model, ModelResource } from '../model.js';
import { DriftStop, type RunContext } from '../run-context.js';

/** One operation of the API, run as one role on resources referred to by position. */
export abstract class PropertyCommand implements fc.AsyncCommand<Model, RunContext> {
  private declare shown: string | undefined;

  constructor(readonly role: Role) {}

  /** fast-check asks before running: the resources it refers to exist and the run is not stopping. */
  check(m: Readonly<Model>): boolean {
    return !m.control.stopped && this.applies(m as Model);
  }

  /** Runs the request(s) and checks the answers against the model; an [A] drift ends the command quietly. */
  async run(m: Model, ctx: RunContext): Promise<void> {
    const label = this.label(m);
    this.shown = label;
    ctx.begin(label, this.touches(m));
    if (ctx.suite.commands >= ctx.suite.commandLimit) ctx.suite.stop('count');
    try {
      await this.exec(m, ctx);
      ctx.end();
    } catch (e) {
      if (!(e instanceof DriftStop)) throw e;
    }
  }

  /** What a person would type, e.g. `PATCH /skills/#2 {managerId:#1} as teammate`. */
  toString(): string {
    return this.shown ?? this.label(undefined);
  }

  /** The label with positions resolved against `m` (or as generated, without a model). */
  abstract label(m: Model | undefined): string;
  protected abstract applies(m: Model): boolean;
  protected abstract touches(m: Model): ModelResource[];
  protected abstract exec(m: Model, ctx: RunContext): Promise<void>;
}

/** A command on one resource picked by position (picks wrap around what exists). */
export abstract class ResourceCommand extends PropertyCommand {
  constructor(readonly pick: number, role: Role, readonly kind?: Kind) {
    super(role);
  }

  protected target(m: Model): ModelResource | undefined {
    return m.resolve(this.pick, this.kind);
  }

  protected applies(m: Model): boolean {
    return this.target(m) !== undefined;
  }

  protected touches(m: Model): ModelResource[] {
    const r = this.target(m);
    return r ? [r] : [];
  }

  /** `/skills/#2` (or `/{kind}/~2` before a model resolves the pick). */
  protected at(m: Model | undefined, suffix = ''): string {
    const r = m && this.target(m);
    return r ? `/${r.kind}/#${r.pos}${suffix}` : `/${this.kind ?? '{kind}'}/~${this.pick}${suffix}`;
  }
}

/** Prints a body the way the labels show it: `{name:b, description:null}`. */
export function showBody(fields: Record<string, unknown>): string {
  const parts = Object.entries(fields).map(([k, v]) => `${k}:${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return `{${parts.join(', ')}}`;
}
