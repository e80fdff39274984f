/** Every command with the fast-check arbitrary that generates it; the weights favour creates, reads and edits. */
import fc from 'fast-check';
import { ROLES } from '../../contracts/target-file.js';
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

// Shrinking goes towards the first constant: the owner, skills, org access, position #1.
const role = fc.constantFrom(...ROLES);
const kind = fc.constantFrom('skills' as const, 'agents' as const);
const preset = fc.constantFrom(...ACCESS_PRESETS);
const pick = fc.integer({ min: 1, max: 5 });
const name = fc.constantFrom('a', 'b', 'c');
const description = fc.constantFrom<string | null>(null, 'x', 'y');
// A PATCH writes a string (the docs' request type); clearing is `""`.
const written = fc.constantFrom('', 'x', 'y');
const fields: fc.Arbitrary<ContentFields> = fc.oneof(
  name.map((n) => ({ name: n })),
  written.map((d) => ({ description: d })),
  fc.tuple(name, written).map(([n, d]) => ({ name: n, description: d })),
);
const mask = fc.constantFrom<Array<'name' | 'description'>>(['description'], ['name'], ['name', 'description']);
const manager = fc.integer({ min: 0, max: 5 });

/** [weight, arbitrary] of every command. */
const WEIGHTED: Array<[number, fc.Arbitrary<PropertyCommand>]> = [
  [4, fc.tuple(kind, preset, name, description, role).map(([k, p, n, d, r]) => new CreateCommand(k, p, n, d, r))],
  [3, fc.tuple(pick, fc.constantFrom('default' as const, 'active' as const, 'draft' as const), role).map(([p, v, r]) => new GetCommand(p, v, r))],
  [1, fc.tuple(pick, fc.integer({ min: 0, max: 3 }), role).map(([p, v, r]) => new HistoricCommand(p, v, r))],
  [1, fc.tuple(kind, fc.integer({ min: 2, max: 5 }), role).map(([k, n, r]) => new ListCommand(k, n, r))],
  [3, fc.tuple(pick, fields, role).map(([p, f, r]) => new PatchContentCommand(p, f, r))],
  [1, fc.tuple(pick, fields, mask, role).map(([p, f, mk, r]) => new PatchMaskCommand(p, f, mk, r))],
  [2, fc.tuple(pick, preset, role).map(([p, a, r]) => new PatchAccessCommand(p, a, r))],
  [1, fc.tuple(pick, manager, role).map(([p, mg, r]) => new PatchManagerCommand(p, mg, r))],
  [1, fc.tuple(pick, manager, name, role).map(([p, mg, n, r]) => new PatchMixedCommand(p, mg, n, r))],
  [3, fc.tuple(pick, fc.constantFrom('none' as const, 'empty' as const, 'long' as const), role).map(([p, s, r]) => new DeployCommand(p, s, r))],
  [2, fc.tuple(pick, role).map(([p, r]) => new DeleteCommand(p, r))],
  [1, fc.tuple(pick, role).map(([p, r]) => new UndeleteCommand(p, r))],
  [2, fc.tuple(pick, role, role).map(([p, to, r]) => new TransferRequestCommand(p, to, r))],
  [2, fc.tuple(pick, role).map(([p, r]) => new TransferAcceptCommand(p, r))],
  [1, fc.tuple(pick, role).map(([p, r]) => new TransferCancelCommand(p, r))],
  [2, fc.tuple(pick, role).map(([p, r]) => new ToggleCommand(p, r))],
];

/** The arbitraries `fc.commands` picks from (uniformly, so weights are repeats). */
export function commandArbitraries(): Array<fc.Arbitrary<PropertyCommand>> {
  return WEIGHTED.flatMap(([w, arb]) => Array.from({ length: w }, () => arb));
}
