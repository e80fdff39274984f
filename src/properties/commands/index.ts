/** Every command with the fast-check arbitrary that generates it; the weights favour creates, reads and edits. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Json } from '../../api/types.js';
import type { ContractValidator } from '../../contracts/validation.js';
import { schemaBodies, type SchemaBody } from './schema-bodies.js';
import { ROLES } from '../../contracts/target-file.js';
import type { Role } from '../../contracts/target-file.js';
import type { Aim, Caller, Relation, State } from '../aim.js';
import type { AccessPreset, Kind } from '../model.js';
import { ACCESS_PRESETS, FULL_NAME } from '../model.js';
import { SlotCommand } from './slot.js';
import { ArrangeCommand, type Arrangement, type Step } from './macro.js';
import { CreateCommand } from './create.js';
import { DeleteCommand, DeployCommand, ToggleCommand, UndeleteCommand, type ShaChoice } from './lifecycle.js';
import { PatchContentCommand, PatchMaskCommand, type ContentFields } from './patch-content.js';
import { ChainEndCommand, PatchAccessCommand, PatchManagerCommand, PatchMixedCommand } from './patch-links.js';
import { ACTIONS, BAD_BODIES, BAD_CREATES, BAD_QUERIES, BAD_ROUTES, StrayFieldCommand, BadBodyCommand, BadCreateCommand, BadReadCommand, BadRouteCommand, NoAuthCommand, SchemaBodyCommand, type AuthOp, type BadBody, type BadCreate, type BadId, type BadQuery, type BadRoute } from './negative.js';
import { GetCommand, HistoricCommand, ListCommand } from './read.js';
import { TransferAcceptCommand, TransferCancelCommand, TransferRequestCommand } from './transfer.js';

export { PropertyCommand, ResourceCommand, showBody } from './base.js';
export { SlotCommand } from './slot.js';
export { ArrangeCommand, type Arrangement, type Step } from './macro.js';
export { CreateCommand, accessBody } from './create.js';
export { DeleteCommand, DeployCommand, ToggleCommand, UndeleteCommand, type ShaChoice } from './lifecycle.js';
export { PatchContentCommand, PatchMaskCommand, applyContent, type ContentFields, type MaskField } from './patch-content.js';
export { ChainEndCommand, PatchAccessCommand, PatchManagerCommand, PatchMixedCommand } from './patch-links.js';
export { BAD_BODIES, BAD_CREATES, BAD_QUERIES, BAD_ROUTES, BadBodyCommand, BadCreateCommand, BadReadCommand, BadRouteCommand, NoAuthCommand, SchemaBodyCommand, expectErrorBody, type AuthCase, type AuthOp, type BadBody, type BadId, type BadQuery, type BadRoute } from './negative.js';
export { GetCommand, HistoricCommand, LARGE_PAGE, ListCommand, MAX_PAGES, UNKNOWN_VARIATION, type ViewChoice } from './read.js';
export { TransferAcceptCommand, TransferCancelCommand, TransferRequestCommand } from './transfer.js';
export { schemaBodies, type SchemaBody } from './schema-bodies.js';

// Shrinking goes towards the first constant: the owner, skills, org access, the first state and relation listed.
const role = fc.constantFrom(...ROLES);
/** Creators: mostly the owner role (the others' resources are reached through relations anyway). */
const creator = fc.constantFrom<Role>('owner', 'owner', 'owner', 'teammate', 'outsider', 'otherOrg');

/**
 * A caller by one of `relations` to the target, with a fallback role when no role stands in it: one draw among
 * every pair (a relation listed twice weighs twice), as likely as a relation and a role drawn apart, at a quarter
 * of the generation's cost (commands are read-only, so one frozen pair serves every command that draws it).
 */
function callerOf(...relations: Relation[]): fc.Arbitrary<Caller> {
  return fc.constantFrom(...relations.flatMap((rel) => ROLES.map((r): Caller => Object.freeze({ rel, role: r }))));
}

/** A resource in one of `states` (the 1st, 2nd or 3rd in it, wrapping); each command lists the states its rules draw lines between. */
function aimAt(...states: State[]): fc.Arbitrary<Aim> {
  return fc.constantFrom(...states.flatMap((state) => [1, 2, 3].map((n): Aim => Object.freeze({ state, n }))));
}

/** Who a write's rules tell apart: HIDE-4 (none: 404), use-only (403), manage, owner, another org (AUTH-3). */
/**
 * The callers each operation is sent by, as relations to its target (repeats weigh: the owner twice where most
 * positive paths need it). Generation and the coverage matrix's reachable cells both read this table.
 */
export const CALLERS: Readonly<Record<string, readonly Relation[]>> = {
  'get': ['owner', 'user', 'manager', 'none', 'otherOrg', 'recipient'],
  'variation': ['owner', 'user', 'none'],
  'patch': ['owner', 'owner', 'owner', 'manager', 'user', 'none', 'otherOrg'],
  'patch-mask': ['owner', 'manager', 'user'],
  'patch-access': ['owner', 'manager', 'user', 'none'],
  'patch-manager': ['owner', 'manager', 'user'],
  'patch-mixed': ['owner', 'manager'],
  'deploy': ['owner', 'owner', 'owner', 'manager', 'user', 'none', 'otherOrg'],
  'delete': ['owner', 'owner', 'owner', 'manager', 'user', 'none', 'otherOrg'],
  'undelete': ['owner', 'owner', 'owner', 'manager', 'user', 'none', 'otherOrg'],
  'transfer': ['owner', 'owner', 'owner', 'owner', 'manager', 'user', 'none'],
  'accept': ['recipient', 'manager', 'user', 'owner', 'none', 'otherOrg'],
  'cancel': ['owner', 'recipient', 'manager', 'user', 'none'],
  'toggle': ['owner', 'owner', 'owner', 'manager', 'user', 'none', 'otherOrg'],
  'patch-bad': ['owner', 'owner', 'owner', 'manager', 'user', 'otherOrg'],
  'deploy-bad': ['owner', 'owner', 'owner', 'manager', 'user', 'otherOrg'],
  'transfer-bad': ['owner', 'owner', 'owner', 'manager', 'user', 'otherOrg'],
  'body-schema': ['owner', 'owner', 'owner', 'manager', 'user', 'otherOrg'],
  'no-auth': ['owner'],
  'read-bad': ['owner', 'manager'],
  'route-bad': ['owner'],
  'action-bad': ['owner', 'owner', 'manager', 'user', 'recipient', 'none', 'otherOrg'],
};

const by = (op: string): fc.Arbitrary<Caller> => callerOf(...CALLERS[op]!);
const kind = fc.constantFrom('skills' as const, 'agents' as const);
const preset = fc.constantFrom(...ACCESS_PRESETS);
const description = fc.constantFrom<string | null>(null, 'x', 'y');
const NAMES = ['a', 'b', 'c', FULL_NAME] as const;
// A PATCH writes a string (the docs' request type); clearing is `""`.
const WRITTEN = ['', 'x', 'y'] as const;
const name = fc.constantFrom(...NAMES);
/**
 * A name, a description, or both: each of the three as likely (every name of the first weighs three, every
 * description of the second four, every pair of the third one: 12 entries each), drawn in one (commands read it only).
 */
const fields: fc.Arbitrary<ContentFields> = fc.constantFrom<ContentFields>(
  ...NAMES.flatMap((n) => Array.from({ length: 3 }, () => Object.freeze({ name: n }))),
  ...WRITTEN.flatMap((d) => Array.from({ length: 4 }, () => Object.freeze({ description: d }))),
  ...NAMES.flatMap((n) => WRITTEN.map((d) => Object.freeze({ name: n, description: d }))),
);
const mask = fc.constantFrom<Array<'name' | 'description'>>(['description'], ['name'], ['name', 'description']);
/**
 * A manager pick (0: none). Small ranges here are lists: inside fc.commands fast-check draws an fc.integer
 * uniformly as well (measured: 1, 2, 3 a third each), at several times a list's cost.
 */
const manager = fc.constantFrom(0, 1, 2, 3, 4, 5);
const someManager = fc.constantFrom(1, 2, 3, 4, 5);

const asOwner: Caller = { rel: 'owner', role: 'owner' };

/**
 * XFER-3: access that lets another member manage (or one use), a transfer to a member without manage,
 * an accept by each other relation that stands (a manager, a user, the owner: only the recipient may),
 * then by the recipient.
 */
function handoff(access: AccessPreset): Arrangement {
  const accept = (rel: Relation): Caller => ({ rel, role: 'outsider' });
  return (at) => [
    new PatchAccessCommand(at, access, asOwner),
    new TransferRequestCommand(at, { rel: 'none', role: 'outsider' }, asOwner),
    ...(['manager', 'user', 'owner', 'recipient'] as const).map((rel) => new TransferAcceptCommand(at, accept(rel))),
  ];
}

/**
 * XFER-4, DET-11: a transfer offered, refused to cancel by a manager and a use-only member, cancelled by the owner,
 * cancelled again (nothing pending: 409), offered again and declined by the recipient.
 */
function withdraw(access: AccessPreset): Arrangement {
  const to: Caller = { rel: 'none', role: 'outsider' };
  const as = (rel: Relation): Caller => ({ rel, role: 'outsider' });
  return (at) => [
    new PatchAccessCommand(at, access, asOwner),
    new TransferRequestCommand(at, to, asOwner),
    new TransferCancelCommand(at, as('manager')),
    new TransferCancelCommand(at, as('user')),
    new TransferCancelCommand(at, asOwner),
    new TransferCancelCommand(at, asOwner),
    new TransferRequestCommand(at, to, asOwner),
    new TransferCancelCommand(at, as('recipient')),
  ];
}

/**
 * ACC-3: access that lets the owner's group-mate manage; that manager narrows it to use-only for their group (422:
 * they would keep use but lose manage), to private (422: both lost), widens it to manage for the group (200), then
 * narrows it again (422). A uniform draw meets the use-kept, manage-lost edge once in a few hundred commands.
 */
function lockout(access: AccessPreset): Arrangement {
  const mate: Caller = { rel: 'manager', role: 'teammate' };
  return (at) => [
    new PatchAccessCommand(at, access, asOwner),
    new PatchAccessCommand(at, 'group-use', mate),
    new PatchAccessCommand(at, 'private', mate),
    new PatchAccessCommand(at, 'group-manage', mate),
    new PatchAccessCommand(at, 'group-use', mate),
  ];
}

/** LIFE-12: an agent deployed, switched off, changed and deployed again keeps isEnabled as it was. */
function redeploy(f: ContentFields): Arrangement {
  return (at) => [
    new DeployCommand(at, 'none', asOwner, 'agents'),
    new ToggleCommand(at, asOwner),
    new PatchContentCommand(at, f, asOwner, 'agents'),
    new DeployCommand(at, 'none', asOwner, 'agents'),
  ];
}

/** LIFE-9: a change deployed with a SHA of exactly 200 characters (accepted) or 201 (422, nothing changes), then the other. */
function shaBound(f: ContentFields, first: ShaChoice): Arrangement {
  const second: ShaChoice = first === 'max' ? 'long' : 'max';
  return (at) => [
    new PatchContentCommand(at, f, asOwner, 'skills'),
    new DeployCommand(at, first, asOwner, 'skills'),
    new DeployCommand(at, second, asOwner, 'skills'),
  ];
}

/** DEL-1..4, HIDE-5: deleted twice (204 both), read by `who` and the owner, undeleted twice (the second changes nothing). */
function tombstone(who: Caller, k: Kind): Arrangement {
  return (at) => [
    new DeleteCommand(at, asOwner),
    new DeleteCommand(at, asOwner),
    new GetCommand(at, 'default', who),
    new ListCommand(k, 2, 'owner', true, at),
    new UndeleteCommand(at, asOwner),
    new UndeleteCommand(at, asOwner),
  ];
}

/** UPD-1/UPD-2: managerId alone, then with a name in the same PATCH (refused), as the owner. */
function links(mg: number, n: string): Arrangement {
  return (at) => [new PatchManagerCommand(at, mg, asOwner), new PatchMixedCommand(at, mg, n, asOwner), new PatchMixedCommand(at, mg, n, { rel: 'manager', role: 'teammate' })];
}

/**
 * UPD-2 [A]: a manager chain two long (the aimed skill under one pick, the chain's top under another), then its top
 * under the aimed skill: a cycle of three, 422, nothing changes (or of two when the picks meet).
 */
function cycle(first: number, second: number): Arrangement {
  return (at) => [new PatchManagerCommand(at, first, asOwner), new ChainEndCommand(at, second, asOwner), new ChainEndCommand(at, 0, asOwner)];
}

/** AUTH-3, HIDE-1/HIDE-4: another org and a member without access read and write the resource. */
function strangers(f: ContentFields): Arrangement {
  return (at) => [
    new GetCommand(at, 'default', { rel: 'otherOrg', role: 'otherOrg' }),
    new PatchContentCommand(at, f, { rel: 'otherOrg', role: 'otherOrg' }),
    new GetCommand(at, 'default', { rel: 'none', role: 'outsider' }),
    new PatchContentCommand(at, f, { rel: 'user', role: 'outsider' }),
  ];
}

/**
 * UPD-4, ERR-1: malformed JSON (400 [A]) first (the cheapest break: the shortest counterexample), a name one past the
 * bound (422), one at it (written), an unknown field (400 [A]), then another bad body; each error has its body, nothing changes.
 */
function badInput(bad: BadBody): Arrangement {
  return (at) => [
    new BadBodyCommand(at, 'malformed', asOwner),
    new BadBodyCommand(at, 'name-201', asOwner),
    new PatchContentCommand(at, { name: FULL_NAME }, asOwner),
    new BadBodyCommand(at, 'unknown-field', asOwner),
    new BadBodyCommand(at, bad, asOwner),
  ];
}

/** AUTH-1: no Authorization header and an unknown token, on a read and on writes: 401 and nothing changed. */
function tokens(what: AuthOp): Arrangement {
  return (at) => [new NoAuthCommand(at, 'none', what, asOwner), new NoAuthCommand(at, 'unknown', what === 'get' ? 'patch' : 'get', asOwner), new NoAuthCommand(at, 'none', 'delete', asOwner)];
}

/** [weight, arbitrary] of every command. */
const WEIGHTED: Array<[number, fc.Arbitrary<Step>]> = [
  [4, fc.tuple(kind, preset, name, description, creator).map(([k, p, n, d, r]) => new CreateCommand(k, p, n, d, r))],
  [3, fc.tuple(aimAt('any', 'fresh', 'draft', 'deleted', 'pending'), fc.constantFrom('default' as const, 'active' as const, 'draft' as const), by('get')).map(([p, v, r]) => new GetCommand(p, v, r))],
  [1, fc.tuple(aimAt('any', 'draft', 'deployed'), fc.constantFrom(0, 1, 2, 3), by('variation')).map(([p, v, r]) => new HistoricCommand(p, v, r))],
  [2, fc.tuple(kind, fc.constantFrom(2, 3, 4, 5), role).map(([k, n, r]) => new ListCommand(k, n, r))],
  [3, fc.tuple(aimAt('any', 'deployed', 'draft', 'deleted', 'pending'), fields, by('patch')).map(([p, f, r]) => new PatchContentCommand(p, f, r))],
  [1, fc.tuple(aimAt('any', 'draft'), fields, mask, by('patch-mask')).map(([p, f, mk, r]) => new PatchMaskCommand(p, f, mk, r))],
  [2, fc.tuple(aimAt('any', 'pending'), preset, by('patch-access')).map(([p, a, r]) => new PatchAccessCommand(p, a, r))],
  [1, fc.tuple(aimAt('any', 'linked'), manager, by('patch-manager')).map(([p, mg, r]) => new PatchManagerCommand(p, mg, r))],
  [1, fc.tuple(aimAt('any', 'linked'), manager, name, by('patch-mixed')).map(([p, mg, n, r]) => new PatchMixedCommand(p, mg, n, r))],
  [3, fc.tuple(aimAt('any', 'disabled', 'draft', 'fresh', 'disabled', 'deployed', 'deleted'), fc.constantFrom('none' as const, 'empty' as const, 'max' as const, 'long' as const), by('deploy')).map(([p, s, r]) => new DeployCommand(p, s, r))],
  [2, fc.tuple(aimAt('any', 'deleted', 'pending'), by('delete')).map(([p, r]) => new DeleteCommand(p, r))],
  [2, fc.tuple(aimAt('deleted', 'any'), by('undelete')).map(([p, r]) => new UndeleteCommand(p, r))],
  [3, fc.tuple(aimAt('any', 'pending', 'deleted'), callerOf('manager', 'user', 'none', 'manager', 'user', 'none', 'owner', 'otherOrg'), by('transfer')).map(([p, to, r]) => new TransferRequestCommand(p, to, r))],
  [3, fc.tuple(aimAt('pending', 'pending', 'any', 'deleted'), by('accept')).map(([p, r]) => new TransferAcceptCommand(p, r))],
  [1, fc.tuple(aimAt('pending', 'any'), by('cancel')).map(([p, r]) => new TransferCancelCommand(p, r))],
  [3, fc.tuple(aimAt('any', 'deployed', 'deployed', 'disabled', 'fresh', 'deleted'), by('toggle')).map(([p, r]) => new ToggleCommand(p, r))],
  // Negative commands: bad input on the run's resources (right 4xx, ERR-1 body, nothing changed).
  [4, fc.tuple(aimAt('any', 'deployed', 'deleted'), fc.constantFrom(...(Object.keys(BAD_BODIES) as BadBody[])), by('patch-bad')).map(([p, b, r]) => new BadBodyCommand(p, b, r))],
  [1, fc.tuple(aimAt('any', 'deleted'), fc.constantFrom('none' as const, 'unknown' as const, 'trailing' as const), fc.constantFrom('get' as const, 'patch' as const, 'delete' as const), by('no-auth')).map(([p, a, w, r]) => new NoAuthCommand(p, a, w, r))],
  [1, fc.tuple(aimAt('any'), fc.constantFrom<BadQuery | BadId>(...(Object.keys(BAD_QUERIES) as BadQuery[]), 'letters', 'zero', 'leading-zero'), by('read-bad')).map(([p, b, r]) => new BadReadCommand(p, b, r))],
  [1, fc.tuple(kind, fc.constantFrom(...(Object.keys(BAD_CREATES) as BadCreate[])), role).map(([k, b, r]) => new BadCreateCommand(k, b, r))],
  [1, fc.tuple(aimAt('any'), fc.constantFrom(...(Object.keys(BAD_ROUTES) as BadRoute[])), by('route-bad')).map(([p, b, r]) => new BadRouteCommand(p, b, r))],
  [1, fc.tuple(aimAt('any', 'deleted', 'pending', 'deployed'), fc.constantFrom(...ACTIONS), by('action-bad')).map(([p, a, r]) => new StrayFieldCommand(p, a, r))],
  // Arrangements: the three- and four-step boundaries a uniform sequence meets by luck (see macro.ts).
  [2, fc.tuple(aimAt('fresh', 'deployed', 'draft'), kind, fc.constantFrom<AccessPreset>('group-manage', 'share-outsider', 'group-use')).map(([p, k, a]) => new ArrangeCommand('handoff', p, k, handoff(a)))],
  [1, fc.tuple(aimAt('fresh', 'deployed', 'draft'), kind, fc.constantFrom<AccessPreset>('group-manage', 'share-outsider', 'group-use')).map(([p, k, a]) => new ArrangeCommand('withdraw', p, k, withdraw(a)))],
  [2, fc.tuple(aimAt('deployed', 'draft', 'fresh', 'disabled'), fields).map(([p, f]) => new ArrangeCommand('redeploy', p, 'agents', redeploy(f)))],
  [1, fc.tuple(aimAt('fresh', 'deployed', 'draft'), fields, fc.constantFrom<ShaChoice>('max', 'long')).map(([p, f, sha]) => new ArrangeCommand('sha-bound', p, 'skills', shaBound(f, sha)))],
  [3, fc.tuple(aimAt('any', 'pending', 'deployed'), kind, callerOf('user', 'none', 'otherOrg', 'manager')).map(([p, k, who]) => new ArrangeCommand('tombstone', p, k, tombstone(who, k)))],
  [1, fc.tuple(aimAt('any', 'linked'), manager, name).map(([p, mg, n]) => new ArrangeCommand('links', p, 'skills', links(mg, n)))],
  [1, fc.tuple(aimAt('fresh', 'any', 'linked'), someManager, someManager).map(([p, a, b]) => new ArrangeCommand('cycle', p, 'skills', cycle(a, b)))],
  [1, fc.tuple(aimAt('any', 'deleted', 'pending'), kind, fields).map(([p, k, f]) => new ArrangeCommand('strangers', p, k, strangers(f)))],
  [1, fc.tuple(aimAt('any', 'deployed'), kind, fc.constantFrom(...(Object.keys(BAD_BODIES) as BadBody[]))).map(([p, k, b]) => new ArrangeCommand('bad-input', p, k, badInput(b)))],
  [1, fc.tuple(aimAt('any', 'deleted'), kind, fc.constantFrom<AuthOp>('get', 'patch')).map(([p, k, w]) => new ArrangeCommand('tokens', p, k, tokens(w)))],
  [1, fc.tuple(aimAt('fresh', 'deployed', 'draft'), kind, fc.constantFrom<AccessPreset>('org', 'group-manage')).map(([p, k, a]) => new ArrangeCommand('lockout', p, k, lockout(a)))],
];

/** Command kinds a swarm run may leave out (creates always run: everything else needs a resource). */
export const SWARM_KINDS: readonly string[] = [
  'GetCommand', 'HistoricCommand', 'ListCommand', 'PatchContentCommand', 'PatchMaskCommand', 'PatchAccessCommand', 'PatchManagerCommand',
  'PatchMixedCommand', 'ChainEndCommand', 'DeployCommand', 'DeleteCommand', 'UndeleteCommand', 'TransferRequestCommand', 'TransferAcceptCommand',
  'TransferCancelCommand', 'ToggleCommand', 'BadBodyCommand', 'NoAuthCommand', 'BadReadCommand', 'BadRouteCommand', 'BadCreateCommand',
  'SchemaBodyCommand', 'StrayFieldCommand',
];

/** The swarm's features: commands whose rules meet (a run enabling few of them goes deep into their arrangements). */
export const SWARM_FEATURES: Readonly<Record<string, readonly string[]>> = {
  transfer: ['TransferRequestCommand', 'TransferAcceptCommand', 'TransferCancelCommand', 'DeleteCommand', 'UndeleteCommand'],
  lifecycle: ['DeployCommand', 'PatchContentCommand', 'ToggleCommand', 'GetCommand', 'HistoricCommand'],
  access: ['PatchAccessCommand', 'GetCommand', 'ListCommand', 'DeleteCommand', 'TransferRequestCommand'],
  tombstone: ['DeleteCommand', 'UndeleteCommand', 'GetCommand', 'DeployCommand', 'ListCommand'],
  input: ['BadBodyCommand', 'SchemaBodyCommand', 'StrayFieldCommand', 'NoAuthCommand', 'BadReadCommand', 'BadRouteCommand', 'BadCreateCommand', 'PatchContentCommand', 'DeployCommand', 'DeleteCommand'],
  edits: ['PatchContentCommand', 'PatchMaskCommand', 'PatchManagerCommand', 'PatchMixedCommand', 'ChainEndCommand', 'DeployCommand', 'HistoricCommand'],
};

/**
 * Swarm testing: half the runs enable every command; the others one or two features, so a run spends
 * its length on few operations and reaches deep arrangements of them. Answers the command kinds left out;
 * shrinks towards every command enabled.
 */
export function swarmArbitrary(): fc.Arbitrary<string[]> {
  const features = Object.keys(SWARM_FEATURES);
  const off = (on: string[]): string[] => SWARM_KINDS.filter((k) => !on.some((f) => SWARM_FEATURES[f]!.includes(k)));
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant<string[]>([]) },
    { weight: 1, arbitrary: fc.subarray(features, { minLength: 1, maxLength: 2 }).map(off) },
  );
}

/** The contract's bad-body command (schema-bodies.ts), built once per contract: a few hundred bodies read from openapi.json. */
const schemaBodyArbitraryOf = new WeakMap<ContractValidator, [number, fc.Arbitrary<Step>]>();
const BUNDLED_SPEC = new URL('../../../openapi.json', import.meta.url);

/** Bad bodies generated from the contract's request schemas, aimed like the hand-written ones; shrinks towards the first. */
function schemaBodyArbitrary(contract: ContractValidator): [number, fc.Arbitrary<Step>] {
  const built = schemaBodyArbitraryOf.get(contract);
  if (built) return built;
  const cases = schemaBodies(JSON.parse(readFileSync(BUNDLED_SPEC, 'utf8')) as Json, contract);
  // A field first, then one of its bad values: each field of each body is as likely as any other, however many values it has.
  const byField = new Map<string, SchemaBody[]>();
  for (const c of cases) {
    const key = `${c.kind} ${c.stem} ${c.field}`;
    const group = byField.get(key);
    if (group) group.push(c);
    else byField.set(key, [c]);
  }
  const pick = fc.oneof(...[...byField.values()].map((g) => fc.constantFrom(...g)));
  const entry: [number, fc.Arbitrary<Step>] = [3, fc.tuple(aimAt('any', 'deployed', 'pending'), pick, by('body-schema')).map(([p, c, r]) => new SchemaBodyCommand(p, c, r))];
  schemaBodyArbitraryOf.set(contract, entry);
  return entry;
}

/** Alternatives per step (see SlotCommand): enough that a step rarely goes idle, few enough to generate fast. */
export const ALTERNATIVES = 4;

/** The arbitraries `fc.commands` picks from: steps of ALTERNATIVES weighted commands each. */
export function commandArbitraries(contract?: ContractValidator): Array<fc.Arbitrary<SlotCommand>> {
  const weighted = contract ? [...WEIGHTED, schemaBodyArbitrary(contract)] : WEIGHTED;
  const one = fc.oneof(...weighted.map(([weight, arbitrary]) => ({ weight, arbitrary })));
  return [fc.tuple(...Array.from({ length: ALTERNATIVES }, () => one)).map((alternatives) => new SlotCommand(alternatives))];
}
