import type { ResourceRecord, StateExport } from './types.js';

/**
 * Hash-consing for bulk loads: equal JSON values become one shared object. Safe because stored values are
 * replaced on write, never mutated in place; at 100k rows it cuts the heap by more than a third.
 */
export function createCompactor(): (record: ResourceRecord) => void {
  const pool = new Map<string, unknown>();
  const share = <T>(value: T): T => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'string')) return value;
    const key = typeof value === 'string' ? `s${value}` : `j${JSON.stringify(value)}`;
    if (key.length > 2048) return value;
    const hit = pool.get(key);
    if (hit !== undefined) return hit as T;
    pool.set(key, value);
    return value;
  };
  return (r) => {
    // Loaders call this before validation: tolerate any shape, validation reports it afterwards.
    if (typeof r !== 'object' || r === null) return;
    r.orgUuid = share(r.orgUuid);
    r.accessConfig = share(r.accessConfig);
    if (typeof r.variations !== 'object' || r.variations === null) return;
    for (const [vid, content] of Object.entries(r.variations)) {
      if (typeof content !== 'object' || content === null) continue;
      for (const [k, v] of Object.entries(content)) content[k] = share(v);
      r.variations[vid] = share(content);
    }
  };
}

const compacted = new WeakSet<StateExport>();

/** Records that a loader already compacted `state` row by row, so the store need not do it again. */
export function markCompacted(state: StateExport): void {
  compacted.add(state);
}

/** Compacts every record of `state` in place, unless a loader already did. */
export function compactState(state: StateExport): void {
  if (compacted.has(state)) return;
  const compact = createCompactor();
  for (const r of state.skills) compact(r);
  for (const r of state.agents) compact(r);
  markCompacted(state);
}

/** The first line of the line-per-record layout of a state export (see `serializeLines`). */
export const LINES_HEADER = /^\{"version":1,"nextId":(\{[^\n]*\}),"skills":\[$/;
export const LINES_BETWEEN = '],"agents":[';
export const LINES_END = ']}';

/**
 * A state export as valid JSON with one record per line, so a loader can read it row by row (a 100k-row
 * file then never has to sit in memory as one string next to its parsed form).
 */
export function serializeLines(nextId: StateExport['nextId'], skills: readonly ResourceRecord[], agents: readonly ResourceRecord[]): string {
  const rows = (list: readonly ResourceRecord[]): string => list.map((r) => JSON.stringify(r)).join(',\n');
  const parts = [`{"version":1,"nextId":${JSON.stringify(nextId)},"skills":[`];
  if (skills.length) parts.push(rows(skills));
  parts.push(LINES_BETWEEN);
  if (agents.length) parts.push(rows(agents));
  parts.push(LINES_END);
  return `${parts.join('\n')}\n`;
}
