/** The mock server: the pure core, the express adapter, fixtures and persistence. */
export * from './domain/index.js';
export { createApp, send, createAdminGuard, createRedactor, DEFAULT_MAX_STATE_MB } from './http/index.js';
export type { AppOptions, AdminAccess, Redactor } from './http/index.js';
export { startMock } from './server.js';
export { coreFromFiles, DEFAULT_PRINCIPALS, DEFAULT_SEED } from './fixture-core.js';
export type { RunningMock, StartOptions } from './server.js';
export { FixtureError, loadPrincipals, loadSeed, parsePrincipals, parseSeed, parseState } from './fixtures.js';
export { StateFileError, StateSaveError, readStateFile } from './persistence.js';
