/** MSW handlers backed by the mock core, for jsdom and browser tests (no express, no node:http). */
export { bundledPrincipals, bundledSeed, modusHandlers } from './handlers.js';
export type { ModusHandlers, ModusHandlersOptions } from './handlers.js';
