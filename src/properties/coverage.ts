/**
 * The coverage matrix of a run: operation × caller relation × resource state × outcome (the status the
 * target answered). A cell names a boundary a rule draws; the report says which reachable ones no command hit.
 */
import { ROLES } from '../contracts/target-file.js';
import type { State } from './aim.js';

/** One command's place in the matrix. */
export interface Cell {
  op: string;
  relation: string;
  state: string;
  /** The status of the command's first answer (`-` when it sent nothing). */
  outcome: string;
}

/** The matrix as reports carry it. */
export interface CoverageReport {
  /** Cells hit, with how many commands fell in each. */
  cells: Array<Cell & { count: number }>;
  /** Reachable operation × relation × state cells (outcome aside), and how many were hit. */
  reachable: number;
  hit: number;
  /** Reachable `op relation state` cells never hit. */
  missing: string[];
}

const RESOURCE_STATES: readonly Exclude<State, 'any' | 'linked'>[] = ['fresh', 'draft', 'deployed', 'pending', 'deleted', 'disabled'];
/** Operations on skills only (`disabled` is an agent state), and those that never aim at a deleted resource. */
const SKILLS_ONLY = new Set(['variation', 'patch-manager', 'patch-mixed']);
const LIVE_ONLY = new Set(['read-bad']);

/**
 * Every operation × relation × state cell the generator can reach with the four roles: `callers` says which
 * relations each operation is sent by; a recipient only exists while a transfer is pending (also across a
 * delete); create and list have no target (their caller is a role).
 */
export function reachableCells(callers: Readonly<Record<string, readonly string[]>>): string[] {
  const cells: string[] = [];
  for (const op of ['create', 'list']) for (const role of ROLES) cells.push(`${op} ${role} -`);
  for (const [op, relations] of Object.entries(callers)) {
    const states = RESOURCE_STATES.filter((s) => !(s === 'disabled' && SKILLS_ONLY.has(op)) && !(s === 'deleted' && LIVE_ONLY.has(op)));
    for (const relation of new Set(relations)) {
      for (const state of states) if (relation !== 'recipient' || state === 'pending' || state === 'deleted') cells.push(`${op} ${relation} ${state}`);
    }
  }
  return cells;
}

/** `op relation state` of every cell met so far, one string each (see placeOf). */
const places = new Map<string, Map<string, Map<string, string>>>();

/**
 * A cell's `op relation state`, the same string object each time: every command looks its cell up a few times (the
 * slot's choice, the hits, the matrix), and a string built anew would be flattened and hashed anew at each lookup.
 */
export function placeOf(op: string, relation: string, state: string): string {
  let byRelation = places.get(op);
  if (byRelation === undefined) places.set(op, (byRelation = new Map()));
  let byState = byRelation.get(relation);
  if (byState === undefined) byRelation.set(relation, (byState = new Map()));
  let place = byState.get(state);
  if (place === undefined) byState.set(state, (place = `${op} ${relation} ${state}`));
  return place;
}

/** Hits per cell, for one suite invocation. */
export class Coverage {
  /** `op relation state` → outcome → the cell and its count. */
  private readonly hits = new Map<string, Map<string, { cell: Cell; count: number }>>();

  constructor(private readonly reachable: readonly string[] = []) {}

  /** Counts one command; `place` is its `op relation state` when the caller has it already. */
  add(cell: Cell, place = placeOf(cell.op, cell.relation, cell.state)): void {
    let outcomes = this.hits.get(place);
    if (outcomes === undefined) this.hits.set(place, (outcomes = new Map()));
    const hit = outcomes.get(cell.outcome);
    if (hit) hit.count++;
    else outcomes.set(cell.outcome, { cell, count: 1 });
  }

  /** Whether every reachable cell was hit (`--until-covered`). */
  complete(): boolean {
    return this.reachable.every((c) => this.hits.has(c));
  }

  report(): CoverageReport {
    const missing = this.reachable.filter((c) => !this.hits.has(c));
    const cells = [...this.hits.values()].flatMap((outcomes) => [...outcomes.values()].map(({ cell, count }) => ({ ...cell, count })));
    cells.sort((a, b) => `${a.op} ${a.relation} ${a.state} ${a.outcome}`.localeCompare(`${b.op} ${b.relation} ${b.state} ${b.outcome}`));
    return { cells, reachable: this.reachable.length, hit: this.reachable.length - missing.length, missing };
  }
}

/** The matrix for a terminal: per operation, the reachable cells hit and the outcomes seen; then what was never reached. */
export function formatCoverage(c: CoverageReport, maxMissing = 30): string {
  const lines = [`coverage: ${c.hit} of ${c.reachable} reachable cells (operation × caller relation × resource state) hit`];
  const byOp = new Map<string, { cells: Set<string>; outcomes: Map<string, number> }>();
  for (const cell of c.cells) {
    const op = byOp.get(cell.op) ?? { cells: new Set<string>(), outcomes: new Map<string, number>() };
    op.cells.add(`${cell.relation} ${cell.state}`);
    op.outcomes.set(cell.outcome, (op.outcomes.get(cell.outcome) ?? 0) + cell.count);
    byOp.set(cell.op, op);
  }
  const missingBy = new Map<string, number>();
  for (const m of c.missing) missingBy.set(m.split(' ')[0]!, (missingBy.get(m.split(' ')[0]!) ?? 0) + 1);
  for (const [op, { cells, outcomes }] of [...byOp].sort(([a], [b]) => a.localeCompare(b))) {
    const shown = [...outcomes].sort(([a], [b]) => a.localeCompare(b)).map(([o, n]) => `${o}×${n}`).join(' ');
    const miss = missingBy.get(op);
    lines.push(`  ${op.padEnd(14)} ${String(cells.size).padStart(3)} cells${miss ? ` (${miss} never reached)` : ''}   ${shown}`);
  }
  if (c.missing.length) {
    const shown = c.missing.slice(0, maxMissing).join(', ');
    lines.push(`  never reached (${c.missing.length}): ${shown}${c.missing.length > maxMissing ? ', …' : ''}`);
  }
  return lines.join('\n');
}

/** The coverage as one JUnit testcase (passing; the matrix in system-out), inserted before `</testsuite>`. */
export function coverageJUnit(xml: string, c: CoverageReport, suite = 'properties'): string {
  const text = formatCoverage(c, Infinity).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const testcase = `  <testcase classname="${suite}.coverage" name="coverage: ${c.hit} of ${c.reachable} reachable cells" time="0">\n    <system-out>${text}</system-out>\n  </testcase>\n`;
  return xml.replace(/<\/testsuite>/, `${testcase}</testsuite>`);
}
