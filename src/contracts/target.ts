import { coreFromFiles } from '../mock/fixture-core.js';
import type { MockCore } from '../mock/domain/index.js';
import { TargetClient, type ClientOptions } from './client.js';
import { ROLES, type Role, type TargetConfig, TargetConfigError, loadTargetFile } from './target-file.js';
import { httpTransport, inProcessTransport } from './transports.js';

/** Which bundled fixture user plays each role in the in-process mock. */
export const IN_PROCESS_ROLE_USERS: Readonly<Record<Role, string>> = {
  owner: 'user_alice',
  teammate: 'user_bob',
  outsider: 'user_carol',
  otherOrg: 'user_erin',
};

/** A target ready to receive requests. */
export interface Target {
  /** `in-process` or the base URL. */
  name: string;
  client: TargetClient;
  /** The core, when the target is in-process. */
  core?: MockCore;
}

/** The target config of a core whose principals include the bundled fixture users. */
export function inProcessConfig(core: MockCore): TargetConfig {
  const principals = {} as TargetConfig['principals'];
  for (const role of ROLES) {
    const p = core.principals.find((x) => x.userId === IN_PROCESS_ROLE_USERS[role]);
    if (!p) throw new TargetConfigError(`the in-process mock has no principal ${IN_PROCESS_ROLE_USERS[role]} for role ${role}`);
    principals[role] = { token: p.token, userId: p.userId, email: p.email, orgUuid: p.orgUuid, groups: [...p.groups] };
  }
  return { principals };
}

/** Opens a target: a target file (HTTP) or, without one, a fresh in-process mock. */
export function openTarget(targetFile: string | undefined, options: ClientOptions = {}, core?: MockCore): Target {
  if (targetFile === undefined) {
    const c = core ?? coreFromFiles();
    return { name: 'in-process', core: c, client: new TargetClient(inProcessConfig(c), inProcessTransport(c), options) };
  }
  const config = loadTargetFile(targetFile);
  if (!config.baseUrl) throw new TargetConfigError(`${targetFile}: /baseUrl is required`);
  // A real deployment: never write to what the run did not create.
  const client = new TargetClient(config, httpTransport(config.baseUrl), { guardWrites: true, ...options });
  return { name: config.baseUrl, client };
}
