/**
 * Arrangements: a few commands on one resource, run as one step, that build a boundary a rule draws and
 * probe it at once (a transfer pending to one member while another manages; an agent deployed, switched
 * off and deployed again; a skill deployed at the SHA bound and past it). Each command in it is checked
 * against the model like any other; the arrangement only spares the sequence from meeting its steps by
 * chance, so a small request budget reaches every such boundary at any seed.
 */
import type fc from 'fast-check';
import { pinAim, resolveAim, type Aim } from '../aim.js';
import type { Kind, Model } from '../model.js';
import type { RunContext } from '../run-context.js';
import type { PropertyCommand } from './base.js';

/** What SlotCommand picks among: a command, or an arrangement of them. */
export interface Step extends fc.AsyncCommand<Model, RunContext> {
  cellKey(m: Model): string;
}

/** The commands of an arrangement, on the one resource `at` names. */
export type Arrangement = (at: Aim) => PropertyCommand[];

/**
 * A named run of commands on one resource picked by state when the step starts (and then kept, whatever
 * state the earlier commands leave it in); fast-check sees (and shrinks) it as one command.
 */
export class ArrangeCommand implements Step {
  private steps: PropertyCommand[] = [];
  /** The place the steps were built for: SlotCommand asks check() every step, the commands are built once per place. */
  private builtFor = 0;

  constructor(readonly name: string, readonly aim: Aim, readonly kind: Kind | undefined, readonly arrange: Arrangement) {}

  /** Runs when a resource is in the aimed state, the swarm enables every command in it and the first can run now. */
  check(m: Readonly<Model>): boolean {
    const r = resolveAim(m as Model, this.aim, this.kind);
    const at = r && pinAim(m as Model, r, this.kind);
    if (!at) this.steps = [];
    else if (at.n !== this.builtFor || this.steps.length === 0) [this.steps, this.builtFor] = [this.arrange(at), at.n];
    if (this.steps.length === 0 || this.steps.some((s) => m.disabled.has(s.constructor.name))) return false;
    return this.steps[0]!.check(m);
  }

  /** One cell per arrangement: a step prefers the arrangements (and commands) this run has met least. */
  cellKey(): string {
    return `arrange ${this.name}`;
  }

  async run(m: Model, ctx: RunContext): Promise<void> {
    const key = this.cellKey();
    m.cellHits.set(key, (m.cellHits.get(key) ?? 0) + 1);
    // A later command resolves its caller against what the earlier ones changed; one that cannot run now is left out.
    for (const s of this.steps) if (s.check(m)) await s.run(m, ctx);
  }

  /** The commands as generated, from the constructor's arguments alone (the same before and after a run). */
  toString(): string {
    const steps = this.arrange(this.aim);
    return steps.length > 0 ? steps.map(String).join('; ') : `${this.name} on /${this.kind ?? '{kind}'}/~${this.aim.state}:${this.aim.n}`;
  }
}
