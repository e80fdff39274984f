/**
 * The coverage matrix of a run: operation × caller relation × resource state × outcome (the status the
 * target answered). A cell names a boundary a rule draws; the report says which reachable ones no command hit.
 */
import { ROLES } from '../contracts/target-file.js';
import { RELATIONS, type State } from './aim.js';

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
const BOTH_KINDS = ['get', 'patch', 'patch-mask', 'patch-access', 'deploy', 'delete', 'undelete', 'transfer', 'accept', 'cancel'];
const SKILLS_ONLY = ['variation', 'patch-manager', 'patch-mixed'];

/**
 * Every operation × relation × state cell the four roles can reach: a recipient only exists while a
 * transfer is pending (also across a delete); `disabled` is an agent state; create and list have no target.
 */
export function reachableCells(): string[] {
  const cells: string[] = [];
  for (const op of ['create', 'list']) for (const role of ROLES) cells.push(`${op} ${role} -`);
  const add = (op: string, states: readonly string[]): void => {
    for (const relation of RELATIONS) {
      for (const state of states) if (relation !== 'recipient' || state === 'pending' || state === 'deleted') cells.push(`${op} ${relation} ${state}`);
    }
  };
  for (const op of BOTH_KINDS) add(op, RESOURCE_STATES);
  for (const op of SKILLS_ONLY) add(op, RESOURCE_STATES.filter((s) => s !== 'disabled'));
  add('toggle', RESOURCE_STATES);
  return cells;
}

let reachable: readonly string[] | undefined;

/** Hits per cell, for one suite invocation. */
export class Coverage {
  private readonly hits = new Map<string, { cell: Cell; count: number }>();
  private readonly seen = new Set<string>();

  /** Counts one command. */
  add(cell: Cell): void {
    const key = `${cell.op} ${cell.relation} ${cell.state} ${cell.outcome}`;
    const hit = this.hits.get(key);
    if (hit) hit.count++;
    else this.hits.set(key, { cell, count: 1 });
    this.seen.add(`${cell.op} ${cell.relation} ${cell.state}`);
  }

  /** Whether every reachable cell was hit (`--until-covered`). */
  complete(): boolean {
    reachable ??= reachableCells();
    return reachable.every((c) => this.seen.has(c));
  }

  report(): CoverageReport {
    reachable ??= reachableCells();
    const missing = reachable.filter((c) => !this.seen.has(c));
    const cells = [...this.hits.values()].map(({ cell, count }) => ({ ...cell, count }));
    cells.sort((a, b) => `${a.op} ${a.relation} ${a.state} ${a.outcome}`.localeCompare(`${b.op} ${b.relation} ${b.state} ${b.outcome}`));
    return { cells, reachable: reachable.length, hit: reachable.length - missing.length, missing };
  }
}

/** The matrix for a terminal: per operation, hits by relation × state with the outcomes seen; then what was never reached. */
export function formatCoverage(c: CoverageReport, maxMissing = 40): string {
  const lines = [`coverage: ${c.hit} of ${c.reachable} reachable cells (operation × caller × state) hit`];
  const byOp = new Map<string, string[]>();
  for (const cell of c.cells) {
    const list = byOp.get(cell.op) ?? [];
    list.push(`${cell.relation}/${cell.state}→${cell.outcome}×${cell.count}`);
    byOp.set(cell.op, list);
  }
  for (const [op, list] of byOp) lines.push(`  ${op.padEnd(14)} ${list.join(' ')}`);
  if (c.missing.length) {
    const shown = c.missing.slice(0, maxMissing).join(', ');
    lines.push(`  never reached (${c.missing.length}): ${shown}${c.missing.length > maxMissing ? ', …' : ''}`);
  }
  return lines.join('\n');
}
