/** The mock server: the pure core, the express adapter, fixtures and persistence. */
export * from './domain/index.js';
export { createApp, send } from './http/index.js';
export type { AppOptions } from './http/index.js';
export { startMock, coreFromFiles, DEFAULT_PRINCIPALS, DEFAULT_SEED } from './server.js';
export type { RunningMock, StartOptions } from './server.js';
export { FixtureError, loadPrincipals, loadSeed, parsePrincipals, parseSeed, parseState } from './fixtures.js';
export { StateFileError, readStateFile } from './persistence.js';
