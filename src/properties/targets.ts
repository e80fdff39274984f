/**
 * Where the suite sends its requests: a session on the one target opener (src/contracts/target.ts), with
 * the run semantics of the suite on top (fresh state per run in-process, cleanup on a shared deployment).
 * The in-process mock is the system under test here, never the model: without a target this file alone
 * builds one, from the bundled fixtures (src/mock/fixture-core.ts, no express).
 */
import type { ClientOptions, TargetClient } from '../contracts/client.js';
import { openTarget, rolePrincipals, type TargetSpec } from '../contracts/target.js';
import type { TargetConfig, TargetPrincipal } from '../contracts/target-file.js';
import { readJsonFile } from '../mock/fixtures.js';
import { DEFAULT_PRINCIPALS, coreFromFiles } from '../mock/fixture-core.js';

/** Which target to open; with neither a file, a config nor a core: a fresh in-process mock from the bundled fixtures. */
export type { TargetSpec };

/** An opened target. */
export interface Session {
  name: string;
  client: TargetClient;
  /** A shared deployment: runs clean up after themselves instead of starting from a fresh state. */
  remote: boolean;
  /**
   * Starts a run. In-process: back to the seeded state when `fresh` is asked (shrinking, replays) or every
   * RESET_EVERY runs; in between, runs clean up after themselves like on a remote target. Remote: nothing.
   */
  begin(fresh: boolean): void;
}

/**
 * In-process runs restore the seeded state this often. A run deletes what it created, so in between the
 * lists and reads a run sees are those of a fresh mock but for the id values; restoring is the costliest
 * step of a run, and the model does not depend on id values.
 */
export const RESET_EVERY = 64;

/** Opens a target; throws TargetConfigError on a bad target file. */
export function openSession(spec: TargetSpec = {}, options: ClientOptions = {}): Session {
  if (spec.file !== undefined || spec.config) {
    const target = openTarget(spec, options);
    return { name: target.name, client: target.client, remote: true, begin: () => undefined };
  }
  const core = spec.core ?? coreFromFiles();
  const target = openTarget({ ...spec, core }, options);
  // Restoring a snapshot is cheaper than replaying the seed on every run.
  const seeded = core.exportState();
  let runs = 0;
  return {
    name: target.name,
    client: target.client,
    remote: false,
    begin(fresh) {
      if (!fresh && ++runs < RESET_EVERY) return;
      runs = 0;
      core.importState(seeded);
      target.client.created.clear();
    },
  };
}

/** The bundled fixture principals as a target config for `baseUrl` (a mock started with the default fixtures). */
export function fixtureTargetConfig(baseUrl: string): TargetConfig {
  const doc = readJsonFile(DEFAULT_PRINCIPALS) as { principals: TargetPrincipal[] };
  return { baseUrl: baseUrl.replace(/\/+$/, ''), principals: rolePrincipals(doc.principals, 'fixtures/principals.json') };
}
