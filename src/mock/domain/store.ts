import { compactState, serializeLines } from './compact.js';
import type { Kind, ResourceRecord, StateExport } from './types.js';

/** A list cursor the mock issued (LIST-1: only issued tokens are accepted). */
interface PageCursor {
  kind: Kind;
  afterId: number;
}

const MAX_TOKENS = 50_000;

/** Index of the first element of ascending `ids` greater than `after`. */
function upperBound(ids: readonly number[], after: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** In-memory state: O(1) get by id, per-org ascending id lists for cursor pages, manager links. */
export class Store {
  private readonly byId: Record<Kind, Map<number, ResourceRecord>> = { skill: new Map(), agent: new Map() };
  private readonly orgIds: Record<Kind, Map<string, number[]>> = { skill: new Map(), agent: new Map() };
  /** UPD-2: manager skill id -> its subordinate skill ids. */
  private readonly subordinates = new Map<number, Set<number>>();
  private readonly tokens = new Map<string, PageCursor>();
  /** `kind:afterId` -> the token issued for that cursor, so the same page answers the same bytes (issue 14). */
  private readonly tokenOf = new Map<string, string>();
  private tokenSeq = 0;
  nextId: Record<Kind, number> = { skill: 1, agent: 1 };

  /** The record of `kind` with `id`, deleted or not. */
  get(kind: Kind, id: number): ResourceRecord | undefined {
    return this.byId[kind].get(id);
  }

  /** DET-4/DEL-6: a fresh id, never handed out before. */
  allocateId(kind: Kind): number {
    return this.nextId[kind]++;
  }

  /** Adds a new record; ids must come from `allocateId` (or an import) so lists stay sorted. */
  insert(record: ResourceRecord): void {
    this.byId[record.kind].set(record.id, record);
    let ids = this.orgIds[record.kind].get(record.orgUuid);
    if (!ids) this.orgIds[record.kind].set(record.orgUuid, (ids = []));
    if (ids.length === 0 || ids[ids.length - 1]! < record.id) ids.push(record.id);
    else ids.splice(upperBound(ids, record.id), 0, record.id);
    if (record.id >= this.nextId[record.kind]) this.nextId[record.kind] = record.id + 1;
    if (record.kind === 'skill' && record.managerId != null) this.link(record.id, record.managerId);
  }

  /** How many resources of `kind` an org holds (deleted ones included). */
  countInOrg(kind: Kind, orgUuid: string): number {
    return this.orgIds[kind].get(orgUuid)?.length ?? 0;
  }

  /** UPD-2: moves skill `id` under `managerId` (null detaches). */
  setManager(record: ResourceRecord, managerId: number | null): void {
    if (record.managerId != null) this.subordinates.get(record.managerId)?.delete(record.id);
    record.managerId = managerId;
    if (managerId != null) this.link(record.id, managerId);
  }

  private link(id: number, managerId: number): void {
    let set = this.subordinates.get(managerId);
    if (!set) this.subordinates.set(managerId, (set = new Set()));
    set.add(id);
  }

  /** UPD-2: subordinate ids of a manager skill, ascending. */
  subordinatesOf(managerId: number): number[] {
    const set = this.subordinates.get(managerId);
    return set ? [...set].sort((a, b) => a - b) : [];
  }

  /**
   * LIST-1/LIST-2: walks an org's ids after `afterId` in ascending order, calling `take` until it
   * answers false; the cost is the rows looked at, never a scan of everything.
   */
  walkOrg(kind: Kind, orgUuid: string, afterId: number, take: (record: ResourceRecord) => boolean): void {
    const ids = this.orgIds[kind].get(orgUuid);
    if (!ids) return;
    for (let i = upperBound(ids, afterId); i < ids.length; i++) {
      if (!take(this.byId[kind].get(ids[i]!)!)) return;
    }
  }

  /**
   * LIST-1: an opaque page token for the rows after `afterId`; a cursor already issued gets its token back
   * (and counts as newest), so listing the same page twice is a read, not a change of state.
   */
  issueToken(kind: Kind, afterId: number): string {
    const key = `${kind}:${afterId}`;
    const known = this.tokenOf.get(key);
    if (known !== undefined) {
      const cursor = this.tokens.get(known)!;
      this.tokens.delete(known); // re-inserted: eviction drops the least recently issued
      this.tokens.set(known, cursor);
      return known;
    }
    const token = `${kind[0]}${(++this.tokenSeq).toString(36)}.${afterId.toString(36)}`;
    this.tokens.set(token, { kind, afterId });
    this.tokenOf.set(key, token);
    if (this.tokens.size > MAX_TOKENS) {
      const [oldest, cursor] = this.tokens.entries().next().value!;
      this.tokens.delete(oldest);
      this.tokenOf.delete(`${cursor.kind}:${cursor.afterId}`);
    }
    return token;
  }

  /** How many tokens this store has minted: a list that mints one changed the state (the core's version). */
  get tokensIssued(): number {
    return this.tokenSeq;
  }

  /** LIST-1: the cursor behind a token this store issued for `kind`, else undefined. */
  readToken(kind: Kind, token: string): PageCursor | undefined {
    const cursor = this.tokens.get(token);
    return cursor && cursor.kind === kind ? cursor : undefined;
  }

  /** The first `limit` records of `kind` by id and how many there are, without a copy (the inspector's overview). */
  peek(kind: Kind, limit: number): { rows: readonly ResourceRecord[]; total: number } {
    const rows: ResourceRecord[] = [];
    // Ids enter the map in ascending order (allocateId, and fromExport sorts), so the first ones are the smallest.
    for (const r of this.byId[kind].values()) {
      if (rows.length >= limit) break;
      rows.push(r);
    }
    return { rows, total: this.byId[kind].size };
  }

  /** The whole state as plain JSON (records are copied, so the export never aliases live state). */
  export(): StateExport {
    const rows = (kind: Kind): ResourceRecord[] =>
      [...this.byId[kind].values()].sort((a, b) => a.id - b.id).map((r) => structuredClone(r));
    return { version: 1, nextId: { ...this.nextId }, skills: rows('skill'), agents: rows('agent') };
  }

  /** The export as JSON text, stringified straight from live records (no copy: 3x cheaper, for state files). */
  serialize(): string {
    const rows = (kind: Kind): ResourceRecord[] => [...this.byId[kind].values()].sort((a, b) => a.id - b.id);
    return serializeLines(this.nextId, rows('skill'), rows('agent'));
  }

  /**
   * Builds a store from an (already validated) export and takes ownership of its records: callers hand in
   * freshly parsed JSON or an `export()` copy, so no clone is needed (a clone costs seconds at 100k rows).
   */
  static fromExport(state: StateExport): Store {
    const store = new Store();
    compactState(state);
    for (const r of [...state.skills, ...state.agents].sort((a, b) => a.id - b.id)) store.insert(r);
    store.nextId = {
      skill: Math.max(store.nextId.skill, state.nextId.skill),
      agent: Math.max(store.nextId.agent, state.nextId.agent),
    };
    return store;
  }
}
