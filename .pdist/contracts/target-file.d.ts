/** The roles every target names (the contract's principals by what they are to a resource the owner created). */
export declare const ROLES: readonly ["owner", "teammate", "outsider", "otherOrg"];
export type Role = (typeof ROLES)[number];
/** One principal of a target: who a token is. */
export interface TargetPrincipal {
    token: string;
    userId: string;
    email: string;
    orgUuid: string;
    groups: string[];
}
/** Where to send requests and as whom. `baseUrl` absent = the in-process mock. */
export interface TargetConfig {
    baseUrl?: string;
    principals: Record<Role, TargetPrincipal>;
}
/** A target file that cannot be used; the CLIs exit 2 on it before any request is sent. */
export declare class TargetConfigError extends Error {
}
/** Validates a parsed target document (`source` names it in errors). */
export declare function parseTarget(doc: unknown, source: string, env?: NodeJS.ProcessEnv): TargetConfig;
/** Reads a target file (see README "Target files"). */
export declare function loadTargetFile(file: string, env?: NodeJS.ProcessEnv): TargetConfig;
