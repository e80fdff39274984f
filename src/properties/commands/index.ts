/** Every command with the fast-check arbitrary that generates it; the weights favour creates, reads and edits. */
import fc from 'fast-check';
import { ROLES } from '../../contracts/target-file.js';
import type { Role } from '../../contracts/target-file.js';
import type { Aim, Caller, Relation, State } from '../aim.js';
import { ACCESS_PRESETS } from '../model.js';
import type { PropertyCommand } from './base.js';
import { CreateCommand } from './create.js';
import { DeleteCommand, DeployCommand, ToggleCommand, UndeleteCommand } from './lifecycle.js';
import { PatchContentCommand, PatchMaskCommand, type ContentFields } from './patch-content.js';
import { PatchAccessCommand, PatchManagerCommand, PatchMixedCommand } from './patch-links.js';
import { GetCommand, HistoricCommand, ListCommand } from './read.js';
import { TransferAcceptCommand, TransferCancelCommand, TransferRequestCommand } from './transfer.js';

export { PropertyCommand, ResourceCommand, showBody } from './base.js';
export { CreateCommand, accessBody } from './create.js';
export { DeleteCommand, DeployCommand, ToggleCommand, UndeleteCommand, type ShaChoice } from './lifecycle.js';
export { PatchContentCommand, PatchMaskCommand, applyContent, type ContentFields, type MaskField } from './patch-content.js';
export { PatchAccessCommand, PatchManagerCommand, PatchMixedCommand } from './patch-links.js';
export { GetCommand, HistoricCommand, ListCommand, MAX_PAGES, UNKNOWN_VARIATION, type ViewChoice } from './read.js';
export { TransferAcceptCommand, TransferCancelCommand, TransferRequestCommand } from './transfer.js';

// Shrinking goes towards the first constant: the owner, skills, org access, the first state and relation listed.
const role = fc.constantFrom(...ROLES);
/** Creators: mostly the owner role (the others' resources are reached through relations anyway). */
const creator = fc.constantFrom<Role>('owner', 'owner', 'owner', 'teammate', 'outsider', 'otherOrg');

/** A caller by one of `relations` to the target, with a fallback role when no role stands in it. */
function callerOf(...relations: Relation[]): fc.Arbitrary<Caller> {
  return fc.tuple(fc.constantFrom(...relations), role).map(([rel, r]) => ({ rel, role: r }));
}

/** A resource in one of `states` (the n-th among them); each command lists the states its rules draw lines between. */
function aimAt(...states: State[]): fc.Arbitrary<Aim> {
  return fc.tuple(fc.constantFrom(...states), fc.integer({ min: 1, max: 3 })).map(([state, n]) => ({ state, n }));
}

/** Who a write's rules tell apart: HIDE-4 (none: 404), use-only (403), manage, owner, another org (AUTH-3). */
const writer = callerOf('owner', 'owner', 'manager', 'user', 'none', 'otherOrg');
const kind = fc.constantFrom('skills' as const, 'agents' as const);
const preset = fc.constantFrom(...ACCESS_PRESETS);
const name = fc.constantFrom('a', 'b', 'c');
const description = fc.constantFrom<string | null>(null, 'x', 'y');
const fields: fc.Arbitrary<ContentFields> = fc.oneof(
  name.map((n) => ({ name: n })),
  description.map((d) => ({ description: d })),
  fc.tuple(name, description).map(([n, d]) => ({ name: n, description: d })),
);
const mask = fc.constantFrom<Array<'name' | 'description'>>(['description'], ['name'], ['name', 'description']);
const manager = fc.integer({ min: 0, max: 5 });

/** [weight, arbitrary] of every command. */
const WEIGHTED: Array<[number, fc.Arbitrary<PropertyCommand>]> = [
  [4, fc.tuple(kind, preset, name, description, creator).map(([k, p, n, d, r]) => new CreateCommand(k, p, n, d, r))],
  [3, fc.tuple(aimAt('any', 'fresh', 'draft', 'deleted', 'pending'), fc.constantFrom('default' as const, 'active' as const, 'draft' as const), callerOf('owner', 'user', 'manager', 'none', 'otherOrg', 'recipient')).map(([p, v, r]) => new GetCommand(p, v, r))],
  [1, fc.tuple(aimAt('any', 'draft', 'deployed'), fc.integer({ min: 0, max: 3 }), callerOf('owner', 'user', 'none')).map(([p, v, r]) => new HistoricCommand(p, v, r))],
  [1, fc.tuple(kind, fc.integer({ min: 2, max: 5 }), role).map(([k, n, r]) => new ListCommand(k, n, r))],
  [3, fc.tuple(aimAt('any', 'deployed', 'draft', 'deleted', 'pending'), fields, writer).map(([p, f, r]) => new PatchContentCommand(p, f, r))],
  [1, fc.tuple(aimAt('any', 'draft'), fields, mask, callerOf('owner', 'manager', 'user')).map(([p, f, mk, r]) => new PatchMaskCommand(p, f, mk, r))],
  [2, fc.tuple(aimAt('any', 'pending'), preset, callerOf('owner', 'manager', 'user', 'none')).map(([p, a, r]) => new PatchAccessCommand(p, a, r))],
  [1, fc.tuple(aimAt('any', 'linked'), manager, callerOf('owner', 'manager', 'user')).map(([p, mg, r]) => new PatchManagerCommand(p, mg, r))],
  [1, fc.tuple(aimAt('any', 'linked'), manager, name, callerOf('owner', 'manager')).map(([p, mg, n, r]) => new PatchMixedCommand(p, mg, n, r))],
  [3, fc.tuple(aimAt('any', 'draft', 'fresh', 'disabled', 'deployed', 'deleted'), fc.constantFrom('none' as const, 'empty' as const, 'long' as const), writer).map(([p, s, r]) => new DeployCommand(p, s, r))],
  [2, fc.tuple(aimAt('any', 'deleted', 'pending'), writer).map(([p, r]) => new DeleteCommand(p, r))],
  [2, fc.tuple(aimAt('deleted', 'any'), writer).map(([p, r]) => new UndeleteCommand(p, r))],
  [3, fc.tuple(aimAt('any', 'pending', 'deleted'), callerOf('manager', 'user', 'none', 'manager', 'user', 'none', 'owner', 'otherOrg'), callerOf('owner', 'owner', 'manager', 'user', 'none')).map(([p, to, r]) => new TransferRequestCommand(p, to, r))],
  [3, fc.tuple(aimAt('pending', 'any', 'deleted'), callerOf('recipient', 'manager', 'user', 'owner', 'none', 'otherOrg')).map(([p, r]) => new TransferAcceptCommand(p, r))],
  [1, fc.tuple(aimAt('pending', 'any'), callerOf('owner', 'recipient', 'manager', 'user', 'none')).map(([p, r]) => new TransferCancelCommand(p, r))],
  [2, fc.tuple(aimAt('any', 'disabled', 'fresh', 'deleted'), writer).map(([p, r]) => new ToggleCommand(p, r))],
];

/** Command kinds a swarm run may leave out (creates always run: everything else needs a resource). */
export const SWARM_KINDS: readonly string[] = [
  'GetCommand', 'HistoricCommand', 'ListCommand', 'PatchContentCommand', 'PatchMaskCommand', 'PatchAccessCommand', 'PatchManagerCommand',
  'PatchMixedCommand', 'DeployCommand', 'DeleteCommand', 'UndeleteCommand', 'TransferRequestCommand', 'TransferAcceptCommand',
  'TransferCancelCommand', 'ToggleCommand',
];

/** The swarm's features: commands whose rules meet (a run enabling few of them goes deep into their arrangements). */
export const SWARM_FEATURES: Readonly<Record<string, readonly string[]>> = {
  transfer: ['TransferRequestCommand', 'TransferAcceptCommand', 'TransferCancelCommand', 'DeleteCommand', 'UndeleteCommand'],
  lifecycle: ['DeployCommand', 'PatchContentCommand', 'ToggleCommand', 'GetCommand', 'HistoricCommand'],
  access: ['PatchAccessCommand', 'GetCommand', 'ListCommand', 'DeleteCommand', 'TransferRequestCommand'],
  tombstone: ['DeleteCommand', 'UndeleteCommand', 'GetCommand', 'DeployCommand', 'ListCommand'],
  edits: ['PatchContentCommand', 'PatchMaskCommand', 'PatchManagerCommand', 'PatchMixedCommand', 'DeployCommand', 'HistoricCommand'],
};

/**
 * Swarm testing: a third of the runs enable every command; the others one or two features, so a run spends
 * its length on few operations and reaches deep arrangements of them. Answers the command kinds left out;
 * shrinks towards every command enabled.
 */
export function swarmArbitrary(): fc.Arbitrary<string[]> {
  const features = Object.keys(SWARM_FEATURES);
  const off = (on: string[]): string[] => SWARM_KINDS.filter((k) => !on.some((f) => SWARM_FEATURES[f]!.includes(k)));
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant<string[]>([]) },
    { weight: 2, arbitrary: fc.subarray(features, { minLength: 1, maxLength: 2 }).map(off) },
  );
}

/** The arbitraries `fc.commands` picks from (uniformly, so weights are repeats). */
export function commandArbitraries(): Array<fc.Arbitrary<PropertyCommand>> {
  return WEIGHTED.flatMap(([w, arb]) => Array.from({ length: w }, () => arb));
}
