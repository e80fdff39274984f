import type { MockCore } from '../mock/domain/index.js';
import { TargetClient, type ClientOptions } from './client.js';
import { type Role, type TargetConfig } from './target-file.js';
/** Which bundled fixture user plays each role in the in-process mock. */
export declare const IN_PROCESS_ROLE_USERS: Readonly<Record<Role, string>>;
/** A target ready to receive requests. */
export interface Target {
    /** `in-process` or the base URL. */
    name: string;
    client: TargetClient;
    /** The core, when the target is in-process. */
    core?: MockCore;
}
/** The target config of a core whose principals include the bundled fixture users. */
export declare function inProcessConfig(core: MockCore): TargetConfig;
/** Opens a target: a target file (HTTP) or, without one, a fresh in-process mock. */
export declare function openTarget(targetFile: string | undefined, options?: ClientOptions, core?: MockCore): Target;
