/**
 * The model of the property suite: what the contract text (shared/modus-contract.md) says a target
 * should hold for the resources one run created, and nothing more. Written from the contract, never
 * from the mock: it is the yardstick the target is measured against.
 */
import type { Role, TargetPrincipal } from '../contracts/target-file.js';

/** The two resource kinds, as they appear in paths. */
export type { Kind } from '../api/types.js';
import type { Kind } from '../api/types.js';

/** What a caller may do with a resource (ACC-1: manage implies use). */
export interface Perm {
  use: boolean;
  manage: boolean;
}

/** The access part of a resource the model tracks (ACC-1). */
export interface AccessModel {
  visibility: 'org' | 'private' | 'shared';
  groupPermissions: Record<string, Perm>;
  sharedWith: Array<{ userId: string } & Perm>;
}

/** The access setups commands use, by name (toString prints the name). */
export const ACCESS_PRESETS = ['org', 'private', 'group-use', 'group-manage', 'share-outsider', 'share-manage', 'private-groups', 'shared-none'] as const;
export type AccessPreset = (typeof ACCESS_PRESETS)[number];

/** The content the model follows: the name token (after the run prefix) and the description. */
export interface Content {
  name: string;
  description: string | null;
}

/** One resource the run created, referred to by its position (#1, #2, ...). */
export interface ModelResource {
  pos: number;
  kind: Kind;
  id: number;
  orgUuid: string;
  owner: Role;
  /** True once ownership moved by transfer (XFER-3). */
  transferred: boolean;
  access: AccessModel;
  deleted: boolean;
  deployed: boolean;
  draft: Content;
  /** Content of the active variation; null until the first deploy (LIFE-2). */
  active: Content | null;
  activeVariationId: string | null;
  /** The pending draft's id; null when no draft is pending (LIFE-8); undefined when not yet seen. */
  draftVariationId: string | null | undefined;
  /** Every variation id seen, with its content (LIFE-11). */
  variations: Map<string, Content>;
  /** Agents only (LIFE-12). */
  isEnabled: boolean | undefined;
  /** The pending transfer's recipient (XFER-2). */
  pending: Role | null;
  /** Set when a delete happened while a transfer was pending: the contract leaves its fate open. */
  pendingUncertain: boolean;
  /** The manager skill's position (UPD-2); null when detached. */
  managerPos: number | null;
  createdAt: string;
  /** The target drifted from an [A] rule on this resource: commands leave it alone. */
  tainted: boolean;
}

/** UPD-4: a name is 1 to 200 characters (code points). */
export const NAME_MAX = 200;
/** The name token that fills a name up to NAME_MAX code points, the documented bound. */
export const FULL_NAME = '<200 code points>';
const ASTRAL = '\u{1D538}';

const ALL: Perm = { use: true, manage: true };
const NONE: Perm = { use: false, manage: false };

/** The group the teammate shares with the owner (target files guarantee one). */
export function sharedGroup(principals: Record<Role, TargetPrincipal>): string {
  return principals.teammate.groups.find((g) => principals.owner.groups.includes(g)) ?? 'group';
}

/** The model access of a preset (ACC-2: `org` is also what a create without accessConfig gives). */
export function presetAccess(preset: AccessPreset, principals: Record<Role, TargetPrincipal>): AccessModel {
  const g = sharedGroup(principals);
  switch (preset) {
    case 'org':
      return { visibility: 'org', groupPermissions: {}, sharedWith: [] };
    case 'private':
      return { visibility: 'private', groupPermissions: {}, sharedWith: [] };
    case 'group-use':
      return { visibility: 'shared', groupPermissions: { [g]: { use: true, manage: false } }, sharedWith: [] };
    case 'group-manage':
      return { visibility: 'shared', groupPermissions: { [g]: { use: true, manage: true } }, sharedWith: [] };
    case 'share-outsider':
      return { visibility: 'private', groupPermissions: {}, sharedWith: [{ userId: principals.outsider.userId, use: true, manage: false }] };
    // ACC-1 at its edges: manage alone implies use; groups count only when shared; an entry granting nothing grants nothing.
    case 'share-manage':
      return { visibility: 'private', groupPermissions: {}, sharedWith: [{ userId: principals.outsider.userId, use: false, manage: true }] };
    case 'private-groups':
      return { visibility: 'private', groupPermissions: { [g]: { use: true, manage: true } }, sharedWith: [] };
    case 'shared-none':
      return { visibility: 'shared', groupPermissions: { [g]: { use: false, manage: false } }, sharedWith: [{ userId: principals.outsider.userId, use: false, manage: false }] };
  }
}

/** Whether two contents are the same (LIFE-6 compares the draft with the active variation). */
export function sameContent(a: Content, b: Content): boolean {
  return a.name === b.name && a.description === b.description;
}

/** The state of one run: the resources it created, by position, and every id it has seen. */
export class Model {
  readonly resources: ModelResource[] = [];
  private readonly skills: ModelResource[] = [];
  private readonly agents: ModelResource[] = [];
  /** `skills/12` for every id seen in this run, created or listed (DEL-6). */
  readonly seenIds = new Set<string>();
  /** Slugs seen per org (DEL-6). */
  readonly slugs = new Map<string, Set<string>>();
  /** Command kinds this run leaves out (a swarm run enables a random subset of commands). */
  disabled: ReadonlySet<string> = new Set();
  /** Commands run per coverage cell in this run: a step prefers the alternative whose cell is newest. */
  readonly cellHits = new Map<string, number>();
  /** Bumped after every command: what was derived from the model before is stale. */
  version = 0;
  private derived = new Map<string, unknown>();
  private derivedAt = 0;

  /**
   * A value derived from the model, computed once per version (aims resolve many times between two commands):
   * `compute(a, b)`, its arguments passed along so a caller needs no closure for each lookup.
   */
  memo<T, A, B>(key: string, compute: (a: A, b: B) => T, a: A, b: B): T {
    if (this.derivedAt !== this.version) {
      this.derived.clear();
      this.derivedAt = this.version;
    }
    const known = this.derived.get(key);
    if (known !== undefined || this.derived.has(key)) return known as T;
    const v = compute(a, b);
    this.derived.set(key, v);
    return v;
  }

  constructor(
    readonly principals: Record<Role, TargetPrincipal>,
    /** Prefix of every name this run writes, e.g. `prop-1a2b3c-`. */
    readonly prefix: string,
    /** Shared with the runner: set to stop generating (budget, Ctrl-C). */
    readonly control: { stopped: boolean },
  ) {}

  /** The resource a command's pick refers to: picks wrap around the resources (of `kind`) created so far. */
  resolve(pick: number, kind?: Kind): ModelResource | undefined {
    const pool = kind === undefined ? this.resources : kind === 'skills' ? this.skills : this.agents;
    const n = pool.length;
    if (n === 0) return undefined;
    const r = pool[(pick - 1) % n]!;
    return r.tainted ? undefined : r;
  }

  /** Adds a created resource at the next position. */
  add(r: ModelResource): void {
    this.resources.push(r);
    (r.kind === 'skills' ? this.skills : this.agents).push(r);
  }

  /** The role whose user id this is, if any. */
  roleOf(userId: string): Role | undefined {
    return (Object.keys(this.principals) as Role[]).find((role) => this.principals[role].userId === userId);
  }

  /** ACC-1: what `role` may do with `r` (AUTH-3: nothing across orgs; the owner everything). */
  rights(r: ModelResource, role: Role, access: AccessModel = r.access): Perm {
    const p = this.principals[role];
    if (p.orgUuid !== r.orgUuid) return NONE;
    if (role === r.owner) return ALL;
    if (access.visibility === 'org') return ALL;
    let use = false;
    let manage = false;
    if (access.visibility === 'shared') {
      for (const g of p.groups) {
        const perm = access.groupPermissions[g];
        if (perm) {
          use ||= perm.use || perm.manage;
          manage ||= perm.manage;
        }
      }
    }
    for (const s of access.sharedWith) {
      if (s.userId !== p.userId) continue;
      use ||= s.use || s.manage;
      manage ||= s.manage;
    }
    return { use: use || manage, manage };
  }

  /** Where `role`'s rights on `r` come from: ownership and org visibility are documented (ACC-2); grants are ACC-1 [A]. */
  grantedBy(r: ModelResource, role: Role): 'owner' | 'org' | 'grant' | null {
    const p = this.principals[role];
    if (p.orgUuid !== r.orgUuid) return null;
    if (role === r.owner) return 'owner';
    if (r.access.visibility === 'org') return 'org';
    return this.rights(r, role).use ? 'grant' : null;
  }

  /** LIFE-6: true exactly when the draft differs from the active variation; never deployed: true. */
  hasUnpublished(r: ModelResource): boolean {
    return r.active === null || !sameContent(r.draft, r.active);
  }

  /** LIFE-1: the status the target should show. */
  status(r: ModelResource): 'draft' | 'active' | 'deleted' {
    return r.deleted ? 'deleted' : r.deployed ? 'active' : 'draft';
  }

  /** The full name the target stores for a name token (FULL_NAME: exactly NAME_MAX code points, UPD-4). */
  name(token: string): string {
    if (token !== FULL_NAME) return this.prefix + token;
    // Astral characters: 200 code points are 400 UTF-16 units, so a bound counted in units shows.
    return this.prefix + ASTRAL.repeat(NAME_MAX - [...this.prefix].length);
  }

  /** UPD-2: skills whose manager is `r` (all of them, and those not deleted). */
  subordinates(r: ModelResource, viewer?: Role): { all: Set<string>; live: Set<string> } {
    const all = new Set<string>();
    const live = new Set<string>();
    for (const s of this.resources) {
      if (s.managerPos !== r.pos) continue;
      // HIDE-6 [A]: a viewer sees only the subordinates it can use.
      if (viewer !== undefined && !this.rights(s, viewer).use) continue;
      all.add(String(s.id));
      if (!s.deleted) live.add(String(s.id));
    }
    return { all, live };
  }

  /** Whether making `manager` the manager of `r` would close a cycle (UPD-2). */
  wouldCycle(r: ModelResource, manager: ModelResource): boolean {
    for (let m: ModelResource | undefined = manager, hops = 0; m && hops <= this.resources.length; hops++) {
      if (m === r) return true;
      m = m.managerPos === null ? undefined : this.resources[m.managerPos - 1];
    }
    return false;
  }
}
