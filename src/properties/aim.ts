/**
 * Aimed picks: a command names its caller by relation to the target resource and the resource by state,
 * resolved against the model when it runs, so every boundary a rule draws (recipient against another
 * manager, a pending draft against never deployed, ...) is a few steps away instead of a lucky draw.
 * Resolution is a pure function of the model, so shrinking and `--seed`/`--path` replays stay exact.
 */
import { ROLES, type Role } from '../contracts/target-file.js';
import type { Kind, Model, ModelResource } from './model.js';

/** How a caller stands to a resource (the first that holds, in this order). */
export const RELATIONS = ['owner', 'recipient', 'manager', 'user', 'none', 'otherOrg'] as const;
export type Relation = (typeof RELATIONS)[number];

/** Resource states a command may aim at; `any` takes the resources in creation order. */
export const STATES = ['any', 'pending', 'draft', 'deleted', 'fresh', 'deployed', 'disabled', 'linked'] as const;
export type State = (typeof STATES)[number];

/** A caller: a relation to the target, and the role shown before a model resolves it. */
export interface Caller {
  rel: Relation;
  role: Role;
}

/** A resource pick: the n-th (wrapping) resource in `state`; none (the command is skipped) when no resource is in it. */
export interface Aim {
  state: State;
  n: number;
}

/** How `role` stands to `r` (AUTH-3 other org first; then owner, pending recipient, manage, use, nothing). */
export function relationOf(m: Model, r: ModelResource, role: Role): Relation {
  if (m.principals[role].orgUuid !== r.orgUuid) return 'otherOrg';
  if (role === r.owner) return 'owner';
  if (role === r.pending) return 'recipient';
  const perm = m.rights(r, role);
  return perm.manage ? 'manager' : perm.use ? 'user' : 'none';
}

/**
 * The role standing in `caller.rel` to `r` (the fallback role when several do, else the first in ROLES order);
 * undefined when none does: the command is skipped, so no request is spent on an arrangement that is not there.
 */
export function callerFor(m: Model, r: ModelResource, caller: Caller): Role | undefined {
  if (relationOf(m, r, caller.role) === caller.rel) return caller.role;
  return ROLES.find((role) => relationOf(m, r, role) === caller.rel);
}

/** Whether `r` is in `state` (`linked`: under a manager or managing one, UPD-2). */
export function inState(m: Model, r: ModelResource, state: State): boolean {
  switch (state) {
    case 'any': return true;
    case 'pending': return r.pending !== null && !r.deleted;
    case 'draft': return r.deployed && !r.deleted && m.hasUnpublished(r);
    case 'deleted': return r.deleted;
    case 'fresh': return !r.deployed && !r.deleted;
    case 'deployed': return r.deployed && !r.deleted && !m.hasUnpublished(r);
    case 'disabled': return r.kind === 'agents' && r.deployed && r.isEnabled === false && !r.deleted;
    case 'linked': return r.managerPos !== null || m.resources.some((s) => s.managerPos === r.pos);
  }
}

/** The one state a resource is reported in (coverage): the most specific that holds. */
export function stateOf(m: Model, r: ModelResource): Exclude<State, 'any' | 'linked'> {
  if (r.deleted) return 'deleted';
  if (r.pending !== null) return 'pending';
  if (inState(m, r, 'disabled')) return 'disabled';
  if (!r.deployed) return 'fresh';
  return m.hasUnpublished(r) ? 'draft' : 'deployed';
}

/**
 * The resource an aim refers to among those of `kind` (untainted): the n-th (wrapping) in its state, else (no
 * resource is in it) the n-th of any state. The state is a preference: a command still runs when a shrink has
 * removed the steps that made the state, so a counterexample shrinks past them.
 */
export function resolveAim(m: Model, aim: Aim, kind?: Kind): ModelResource | undefined {
  const wanted = inPool(m, kind, aim.state);
  const pool = wanted.length > 0 ? wanted : inPool(m, kind, 'any');
  return pool.length === 0 ? undefined : pool[(aim.n - 1) % pool.length];
}

/** A pool of resources an aim picks from: its memo key (`aim skills draft`), kind and state; one object each. */
interface Pool {
  key: string;
  kind: Kind | undefined;
  state: State;
}
/** Every pool, built once: each check of each alternative looks one up, and a key built anew is hashed anew. */
const POOLS = new Map((['skills', 'agents', undefined] as const).map((kind) => [kind, new Map(STATES.map((state): [State, Pool] => [state, { key: `aim ${kind ?? '*'} ${state}`, kind, state }]))]));

/** The untainted resources of `kind` in `state`, in creation order; computed once per model version. */
function inPool(m: Model, kind: Kind | undefined, state: State): ModelResource[] {
  const pool = POOLS.get(kind)!.get(state)!;
  return m.memo(pool.key, poolOf, m, pool);
}

function poolOf(m: Model, { kind, state }: Pool): ModelResource[] {
  return m.resources.filter((r) => (kind === undefined || r.kind === kind) && !r.tainted && (state === 'any' || inState(m, r, state)));
}

/** An aim that keeps naming `r` whatever its state becomes: its place among the run's resources of `kind`. */
export function pinAim(m: Model, r: ModelResource, kind?: Kind): Aim {
  const pool = m.resources.filter((x) => (kind === undefined || x.kind === kind) && !x.tainted);
  return { state: 'any', n: pool.indexOf(r) + 1 };
}
