import type { Kind, ResourceRecord, StateExport } from './types.js';
/** A list cursor the mock issued (LIST-1: only issued tokens are accepted). */
interface PageCursor {
    kind: Kind;
    afterId: number;
}
/** In-memory state: O(1) get by id, per-org ascending id lists for cursor pages, manager links. */
export declare class Store {
    private readonly byId;
    private readonly orgIds;
    /** UPD-2: manager skill id -> its subordinate skill ids. */
    private readonly subordinates;
    private readonly tokens;
    private tokenSeq;
    nextId: Record<Kind, number>;
    /** The record of `kind` with `id`, deleted or not. */
    get(kind: Kind, id: number): ResourceRecord | undefined;
    /** DET-4/DEL-6: a fresh id, never handed out before. */
    allocateId(kind: Kind): number;
    /** Adds a new record; ids must come from `allocateId` (or an import) so lists stay sorted. */
    insert(record: ResourceRecord): void;
    /** How many resources of `kind` an org holds (deleted ones included). */
    countInOrg(kind: Kind, orgUuid: string): number;
    /** UPD-2: moves skill `id` under `managerId` (null detaches). */
    setManager(record: ResourceRecord, managerId: number | null): void;
    private link;
    /** UPD-2: subordinate ids of a manager skill, ascending. */
    subordinatesOf(managerId: number): number[];
    /**
     * LIST-1/LIST-2: walks an org's ids after `afterId` in ascending order, calling `take` until it
     * answers false; the cost is the rows looked at, never a scan of everything.
     */
    walkOrg(kind: Kind, orgUuid: string, afterId: number, take: (record: ResourceRecord) => boolean): void;
    /** LIST-1: issues an opaque page token for the rows after `afterId`. */
    issueToken(kind: Kind, afterId: number): string;
    /** LIST-1: the cursor behind a token this store issued for `kind`, else undefined. */
    readToken(kind: Kind, token: string): PageCursor | undefined;
    /** The whole state as plain JSON (records are copied, so the export never aliases live state). */
    export(): StateExport;
    /** The export as JSON text, stringified straight from live records (no copy: 3x cheaper, for state files). */
    serialize(): string;
    /**
     * Builds a store from an (already validated) export and takes ownership of its records: callers hand in
     * freshly parsed JSON or an `export()` copy, so no clone is needed (a clone costs seconds at 100k rows).
     */
    static fromExport(state: StateExport): Store;
}
export {};
