/** The pure mock core: no express, no I/O. */
export { createMockCore } from './core.js';
export type { MockCore, MockCoreOptions } from './core.js';
export { deterministicSequence, seededRandom, DEFAULT_START } from './deterministic.js';
export type { DeterministicOptions, Sequence } from './deterministic.js';
export { SeedError } from './seed.js';
export type { SeedFile, SeedResource } from './seed.js';
export { errorAnswer, errorBody, statusName, STATUS_NAMES } from './errors.js';
export { MAX_BODY_BYTES, MAX_DEPTH } from './body.js';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './list.js';
export { MAX_VARIATIONS } from './history.js';
export { createCompactor, markCompacted, LINES_HEADER, LINES_BETWEEN, LINES_END } from './compact.js';
export type * from './types.js';
export { corsHeaders, preflightHeaders, CORS_METHODS, CORS_REQUEST_HEADERS } from './cors.js';
export { DEFAULT_STAGES, answer, authenticate, operate, readBody, routeRequest } from './stages.js';
export type { Call, CoreStages, Routed } from './stages.js';
