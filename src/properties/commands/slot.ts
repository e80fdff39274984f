/**
 * One step of a sequence with a few alternative commands: of those the run's swarm enables and whose aim
 * exists in the model, it runs the one whose coverage cell this run has hit least (the first on a tie).
 * A step thus rarely goes idle, favours cells not yet covered, and which one runs is a function of the
 * run alone (never of earlier runs): shrinking and replays stay exact.
 */
import type fc from 'fast-check';
import type { Model } from '../model.js';
import type { RunContext } from '../run-context.js';
import type { Step } from './macro.js';

/** A step of alternatives; fast-check sees one command. */
export class SlotCommand implements fc.AsyncCommand<Model, RunContext> {
  private chosen: Step | undefined;

  constructor(readonly alternatives: readonly Step[]) {}

  check(m: Readonly<Model>): boolean {
    this.chosen = undefined;
    let best = Infinity;
    for (const c of this.alternatives) {
      if (!c.check(m)) continue;
      const hits = m.cellHits.get(c.cellKey(m as Model)) ?? 0;
      if (hits < best) [best, this.chosen] = [hits, c];
      if (hits === 0) break;
    }
    return this.chosen !== undefined;
  }

  run(m: Model, ctx: RunContext): Promise<void> {
    // fast-check calls check right before run, on the same model.
    return this.chosen!.run(m, ctx);
  }

  toString(): string {
    return (this.chosen ?? this.alternatives[0]!).toString();
  }
}
