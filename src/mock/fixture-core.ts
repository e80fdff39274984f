/**
 * A core built from fixture files, the bundled ones by default. No express and no server: the mock's
 * server, the CLIs and the tests all build their in-process core here, then hand it to whoever needs it.
 */
import { fileURLToPath } from 'node:url';
import { createMockCore, type MockCore, type MockCoreOptions, type Principal, type SeedFile } from './domain/index.js';
import { loadPrincipals, loadSeed, readJsonFile } from './fixtures.js';

/** The fixtures bundled with the package. */
export const DEFAULT_PRINCIPALS = fileURLToPath(new URL('../../fixtures/principals.json', import.meta.url));
export const DEFAULT_SEED = fileURLToPath(new URL('../../fixtures/seed.json', import.meta.url));

/** Builds a core from fixture files (bundled ones by default); throws FixtureError/SeedError on bad files. */
export function coreFromFiles(principalsFile = DEFAULT_PRINCIPALS, seedFile = DEFAULT_SEED, extra: Partial<MockCoreOptions> = {}): MockCore {
  // The bundled fixtures are validated by the test suite (test/mock/fixtures.test.ts); a user's files here.
  const principals = principalsFile === DEFAULT_PRINCIPALS ? (readJsonFile(principalsFile) as { principals: Principal[] }).principals : loadPrincipals(principalsFile);
  const seed = seedFile === DEFAULT_SEED ? (readJsonFile(seedFile) as SeedFile) : loadSeed(seedFile);
  try {
    return createMockCore({ principals, seed, ...extra });
  } catch (e) {
    throw new Error(`${seedFile}: ${(e as Error).message}`);
  }
}
