import { VISIBILITIES } from '../../api/access.js';
import { permissionsFor } from './access.js';
import { isObject } from './body.js';
import { fail, ok } from './errors.js';
import type { AccessConfig, Kind, Principal, Result, SharedWithEntry } from './types.js';

/** ACC-1: the one list of visibilities (src/api/access.ts, compared with openapi.json by a test). */
const VISIBILITY_SET: ReadonlySet<string> = new Set(VISIBILITIES);

function isPermission(v: unknown): boolean {
  if (!isObject(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 2 && typeof v['use'] === 'boolean' && typeof v['manage'] === 'boolean';
}

function isSharedWith(v: unknown): boolean {
  if (!isObject(v) || Object.keys(v).length !== 3) return false;
  return typeof v['userId'] === 'string' && v['userId'] !== '' && typeof v['use'] === 'boolean' && typeof v['manage'] === 'boolean';
}

/** UPD-4: checks the shape of an `accessConfig` in a request body; an error message or undefined. */
function checkAccessPatch(kind: Kind, v: unknown): string | undefined {
  if (!isObject(v)) return 'accessConfig must be an object';
  for (const [key, value] of Object.entries(v)) {
    switch (key) {
      case 'visibility':
        if (typeof value !== 'string' || !VISIBILITY_SET.has(value)) return 'accessConfig.visibility must be private, shared or org';
        break;
      case 'groupPermissions':
        if (!isObject(value) || !Object.values(value).every(isPermission)) {
          return 'accessConfig.groupPermissions must map group names to {use, manage} booleans';
        }
        break;
      case 'sharedWith':
        if (!Array.isArray(value) || !value.every(isSharedWith)) {
          return 'accessConfig.sharedWith must be an array of {userId, use, manage}';
        }
        break;
      case 'guardrails':
        if (kind !== 'skill') return 'accessConfig.guardrails is not a field of agents';
        if (!Array.isArray(value)) return 'accessConfig.guardrails must be an array';
        break;
      case 'ownerUserId':
      case 'ownerEmail':
        if (typeof value !== 'string') return `accessConfig.${key} must be a string`;
        break;
      default:
        return `accessConfig.${key} is not a field`;
    }
  }
  return undefined;
}

/** The canonical key order of a stored access config (skills carry guardrails, agents do not). */
function canonical(kind: Kind, c: AccessConfig): AccessConfig {
  const { visibility, groupPermissions, sharedWith, ownerUserId, ownerEmail } = c;
  return kind === 'skill'
    ? { visibility, groupPermissions, sharedWith, guardrails: c.guardrails ?? [], ownerUserId, ownerEmail }
    : { visibility, groupPermissions, sharedWith, ownerUserId, ownerEmail };
}

/** ACC-2: the access config of a resource created without one. */
export function defaultAccess(kind: Kind, owner: Principal): AccessConfig {
  return canonical(kind, {
    visibility: 'org',
    groupPermissions: {},
    sharedWith: [],
    ownerUserId: owner.userId,
    ownerEmail: owner.email,
  });
}

/**
 * DET-8, ACC-3, ACC-4: merges an `accessConfig` patch at the top level onto `current` for `caller`.
 * Refuses (422) bad shapes, owner changes, and results that lock the caller out of use + manage.
 */
export function mergeAccess(kind: Kind, current: AccessConfig, patch: unknown, caller: Principal, orgUuid: string): Result<AccessConfig> {
  const problem = checkAccessPatch(kind, patch);
  if (problem) return fail(422, problem);
  const p = patch as Partial<AccessConfig>;
  if (p.ownerUserId !== undefined && p.ownerUserId !== current.ownerUserId) {
    return fail(422, 'accessConfig.ownerUserId cannot be changed here; use transfer-ownership'); // ACC-4
  }
  if (p.ownerEmail !== undefined && p.ownerEmail !== current.ownerEmail) {
    return fail(422, 'accessConfig.ownerEmail cannot be changed here; use transfer-ownership'); // ACC-4
  }
  const merged = canonical(kind, {
    ...current,
    ...p,
    sharedWith: p.sharedWith ? (p.sharedWith as SharedWithEntry[]).map((e) => ({ userId: e.userId, use: e.use, manage: e.manage })) : current.sharedWith,
  });
  const after = permissionsFor(caller, orgUuid, merged);
  if (!after.use || !after.manage) {
    return fail(422, 'accessConfig change would remove your own use or manage access'); // ACC-3
  }
  return ok(merged);
}
