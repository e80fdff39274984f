/**
 * The one target opener: a target file or a config with a baseUrl (HTTP, writes guarded), or an in-process
 * core the caller built and passes in. This layer never builds a mock itself (no fixture files, no express):
 * the CLIs and the tests build the core (`coreFromFiles`) and inject it.
 */
import type { MockCore } from '../mock/domain/index.js';
import { TargetClient, type ClientOptions, type Transport } from './client.js';
import { ROLES, type Role, type TargetConfig, type TargetPrincipal, TargetConfigError, loadTargetFile } from './target-file.js';
import { httpTransport, inProcessTransport } from './transports.js';

/** Which bundled fixture user plays each role in the in-process mock. */
export const IN_PROCESS_ROLE_USERS: Readonly<Record<Role, string>> = {
  owner: 'user_alice',
  teammate: 'user_bob',
  outsider: 'user_carol',
  otherOrg: 'user_erin',
};

/** Which target to open: a target file, a config with a baseUrl, or an in-process core (the first one given). */
export interface TargetSpec {
  file?: string;
  config?: TargetConfig;
  /**
   * In-process: the core to send requests to (a core built from fixture files, or one wrapped to answer
   * differently: the tests' mutants). Its principals must include the fixture users of IN_PROCESS_ROLE_USERS.
   */
  core?: MockCore;
  /** The target's name in reports (default: the base URL, or `in-process`). */
  name?: string;
  /** In-process only: wraps the transport to the core (a proxy that plays a deployment, a recorder). */
  wrap?: (inner: Transport) => Transport;
}

/** A target ready to receive requests. */
export interface Target {
  /** `in-process` or the base URL. */
  name: string;
  client: TargetClient;
  /** The core, when the target is in-process. */
  core?: MockCore;
}

/** The principal of each role, picked from `principals` by IN_PROCESS_ROLE_USERS; `source` names them in the error. */
export function rolePrincipals(principals: readonly TargetPrincipal[], source: string): TargetConfig['principals'] {
  const out = {} as TargetConfig['principals'];
  for (const role of ROLES) {
    const p = principals.find((x) => x.userId === IN_PROCESS_ROLE_USERS[role]);
    if (!p) throw new TargetConfigError(`${source} has no principal ${IN_PROCESS_ROLE_USERS[role]} for role ${role}`);
    out[role] = { token: p.token, userId: p.userId, email: p.email, orgUuid: p.orgUuid, groups: [...p.groups] };
  }
  return out;
}

/** The target config of a core whose principals include the bundled fixture users. */
export function inProcessConfig(core: MockCore): TargetConfig {
  return { principals: rolePrincipals(core.principals, 'the in-process mock') };
}

/** A real deployment over HTTP: never write to what the run did not create. */
function httpTarget(config: TargetConfig, baseUrl: string, name: string | undefined, options: ClientOptions): Target {
  return { name: name ?? baseUrl, client: new TargetClient(config, httpTransport(baseUrl), { guardWrites: true, ...options }) };
}

/** Opens a target; throws TargetConfigError on a bad target file, a config without a baseUrl, or no target at all. */
export function openTarget(spec: TargetSpec, options: ClientOptions = {}): Target {
  if (spec.file !== undefined) {
    const config = loadTargetFile(spec.file);
    if (!config.baseUrl) throw new TargetConfigError(`${spec.file}: /baseUrl is required`);
    return httpTarget(config, config.baseUrl, spec.name, options);
  }
  if (spec.config) {
    if (!spec.config.baseUrl) throw new TargetConfigError('a target config needs a baseUrl');
    return httpTarget(spec.config, spec.config.baseUrl, spec.name, options);
  }
  if (!spec.core) throw new TargetConfigError('no target: give a target file, a config with a baseUrl, or an in-process core');
  const transport = inProcessTransport(spec.core);
  return {
    name: spec.name ?? 'in-process',
    core: spec.core,
    client: new TargetClient(inProcessConfig(spec.core), spec.wrap ? spec.wrap(transport) : transport, options),
  };
}
