/** Every command with the fast-check arbitrary that generates it; the weights favour creates, reads and edits. */
import fc from 'fast-check';
import type { PropertyCommand } from './base.js';
export { PropertyCommand, ResourceCommand, showBody } from './base.js';
export { CreateCommand, accessBody } from './create.js';
export { DeleteCommand, DeployCommand, ToggleCommand, UndeleteCommand, type ShaChoice } from './lifecycle.js';
export { PatchContentCommand, PatchMaskCommand, applyContent, type ContentFields, type MaskField } from './patch-content.js';
export { PatchAccessCommand, PatchManagerCommand, PatchMixedCommand } from './patch-links.js';
export { GetCommand, HistoricCommand, ListCommand, MAX_PAGES, UNKNOWN_VARIATION, type ViewChoice } from './read.js';
export { TransferAcceptCommand, TransferCancelCommand, TransferRequestCommand } from './transfer.js';
/** The arbitraries `fc.commands` picks from (uniformly, so weights are repeats). */
export declare function commandArbitraries(): Array<fc.Arbitrary<PropertyCommand>>;
