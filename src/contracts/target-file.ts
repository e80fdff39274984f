import { readFileSync } from 'node:fs';

/** The roles every target names (the contract's principals by what they are to a resource the owner created). */
export const ROLES = ['owner', 'teammate', 'outsider', 'otherOrg'] as const;
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
export class TargetConfigError extends Error {}

const FIELDS = ['token', 'userId', 'email', 'orgUuid'] as const;

/** Replaces `${VAR}` with the environment's value; a missing variable is an error that names it (never its value). */
function expand(value: string, where: string, env: NodeJS.ProcessEnv): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const v = env[name];
    if (v === undefined || v === '') throw new TargetConfigError(`${where} needs the environment variable ${name}, which is not set`);
    return v;
  });
}

/** /baseUrl: an http(s) URL (environment variables expanded), without trailing slashes. */
function parseBaseUrl(raw: unknown, source: string, env: NodeJS.ProcessEnv): string {
  if (typeof raw !== 'string') throw new TargetConfigError(`${source}: /baseUrl must be a string`);
  const baseUrl = expand(raw, `${source}: /baseUrl`, env).replace(/\/+$/, '');
  try {
    const u = new URL(baseUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http(s)');
  } catch {
    throw new TargetConfigError(`${source}: /baseUrl is not an http(s) URL`);
  }
  return baseUrl;
}

/** /principals/{role}: the non-empty string fields (expanded) and the groups. */
function parsePrincipal(p: unknown, role: Role, source: string, env: NodeJS.ProcessEnv): TargetPrincipal {
  if (typeof p !== 'object' || p === null) throw new TargetConfigError(`${source}: /principals/${role} is missing`);
  const entry = p as Record<string, unknown>;
  const out: Partial<TargetPrincipal> = {};
  for (const field of FIELDS) {
    const v = entry[field];
    if (typeof v !== 'string' || v === '') throw new TargetConfigError(`${source}: /principals/${role}/${field} must be a non-empty string`);
    out[field] = expand(v, `${source}: /principals/${role}/${field}`, env);
  }
  const groups = entry['groups'] ?? [];
  if (!Array.isArray(groups) || !groups.every((g) => typeof g === 'string')) {
    throw new TargetConfigError(`${source}: /principals/${role}/groups must be an array of strings`);
  }
  return { ...(out as TargetPrincipal), groups };
}

/** The roles must stand as the suites assume: teammate and outsider in the owner's org, the teammate in a group of the owner's. */
function checkRoles(principals: Record<Role, TargetPrincipal>, source: string): void {
  const { owner, teammate, outsider, otherOrg } = principals;
  if (teammate.orgUuid !== owner.orgUuid || outsider.orgUuid !== owner.orgUuid) {
    throw new TargetConfigError(`${source}: teammate and outsider must be in the owner's org`);
  }
  if (otherOrg.orgUuid === owner.orgUuid) throw new TargetConfigError(`${source}: otherOrg must be in another org`);
  if (!teammate.groups.some((g) => owner.groups.includes(g))) throw new TargetConfigError(`${source}: teammate must share a group with owner`);
  if (outsider.groups.some((g) => owner.groups.includes(g))) throw new TargetConfigError(`${source}: outsider must share no group with owner`);
}

/** Validates a parsed target document (`source` names it in errors). */
export function parseTarget(doc: unknown, source: string, env: NodeJS.ProcessEnv = process.env): TargetConfig {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new TargetConfigError(`${source}: / must be an object`);
  const d = doc as Record<string, unknown>;
  const baseUrl = d['baseUrl'] === undefined ? undefined : parseBaseUrl(d['baseUrl'], source, env);
  const raw = d['principals'];
  if (typeof raw !== 'object' || raw === null) throw new TargetConfigError(`${source}: /principals must be an object with the roles ${ROLES.join(', ')}`);
  const principals = {} as Record<Role, TargetPrincipal>;
  for (const role of ROLES) principals[role] = parsePrincipal((raw as Record<string, unknown>)[role], role, source, env);
  checkRoles(principals, source);
  return baseUrl === undefined ? { principals } : { baseUrl, principals };
}

/** Reads a target file (see README "Target files"). */
export function loadTargetFile(file: string, env: NodeJS.ProcessEnv = process.env): TargetConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new TargetConfigError(`${file}: cannot read: ${(e as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new TargetConfigError(`${file}: / is not valid JSON: ${(e as Error).message}`);
  }
  return parseTarget(doc, file, env);
}
