/**
 * Where the suite sends its requests: a target file (HTTP, writes guarded), a target config, or the in-process mock.
 * The in-process mock is the system under test here, never the model: this file alone builds one.
 */
import { readFileSync } from 'node:fs';
import { TargetClient, type ClientOptions } from '../contracts/client.js';
import { IN_PROCESS_ROLE_USERS, openTarget } from '../contracts/target.js';
import { ROLES, TargetConfigError, type TargetConfig, type TargetPrincipal } from '../contracts/target-file.js';
import type { Transport } from '../contracts/client.js';
import { httpTransport, inProcessTransport } from '../contracts/transports.js';
import type { MockCore } from '../mock/domain/index.js';
import { coreFromFiles } from '../mock/fixture-core.js';

/** Which target to open: a target file, a ready config with a baseUrl, or (neither) the in-process mock. */
export interface TargetSpec {
  file?: string;
  config?: TargetConfig;
  /**
   * In-process: this core instead of a fresh one from the bundled fixtures (a core built from other
   * fixtures, or one wrapped to answer differently: the tests' mutants). Its principals must include the fixture users.
   */
  core?: MockCore;
  /** The target's name in reports (default `in-process`). */
  name?: string;
  /** In-process only: wraps the transport to the core (a proxy that plays a deployment, a recorder). */
  wrap?: (inner: Transport) => Transport;
}

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
  if (spec.file !== undefined) {
    const target = openTarget(spec.file, options);
    return { name: target.name, client: target.client, remote: true, begin: () => undefined };
  }
  if (spec.config) {
    const { baseUrl } = spec.config;
    if (!baseUrl) throw new TargetConfigError('a target config needs a baseUrl');
    const client = new TargetClient(spec.config, httpTransport(baseUrl), { guardWrites: true, ...options });
    return { name: baseUrl, client, remote: true, begin: () => undefined };
  }
  const core = spec.core ?? coreFromFiles();
  const opened = openTarget(undefined, options, core);
  const target = spec.wrap ? { ...opened, client: new TargetClient(opened.client.config, spec.wrap(inProcessTransport(core)), options) } : opened;
  // Restoring a snapshot is cheaper than replaying the seed on every run.
  const seeded = core.exportState();
  let runs = 0;
  return {
    name: spec.name ?? 'in-process',
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
  const file = new URL('../../fixtures/principals.json', import.meta.url);
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { principals: TargetPrincipal[] };
  const principals = {} as TargetConfig['principals'];
  for (const role of ROLES) {
    const p = doc.principals.find((x) => x.userId === IN_PROCESS_ROLE_USERS[role]);
    if (!p) throw new TargetConfigError(`fixtures/principals.json has no ${IN_PROCESS_ROLE_USERS[role]} for role ${role}`);
    principals[role] = { token: p.token, userId: p.userId, email: p.email, orgUuid: p.orgUuid, groups: [...p.groups] };
  }
  return { baseUrl: baseUrl.replace(/\/+$/, ''), principals };
}
