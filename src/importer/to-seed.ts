/** `modus-mock import`, the writing half (pure): what the roles saw, as a principals file and a v2 seed that rebuild it. */
import { ROLES, type Role, type TargetPrincipal } from '../contracts/target-file.js';
import { CONTENT_FIELDS } from '../mock/domain/fields.js';
import type { Principal, SeedFile, SeedResource } from '../mock/domain/index.js';
import type { Body, Observed, Seen } from './read-target.js';

/** The two files an import writes. */
export interface Imported {
  principals: { principals: Principal[] };
  seed: SeedFile;
}

/** A `${VAR}` placeholder for a role's token: the target file's own when it used one, else MODUS_TOKEN_<ROLE>. */
export function tokenPlaceholder(role: Role, raw: unknown): string {
  return typeof raw === 'string' && /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(raw) ? raw : `\${MODUS_TOKEN_${role.toUpperCase()}}`;
}

/**
 * The content of one full view: top-level name / description / type, the rest from its variation block (LIFE-4).
 * Nulls are left out: a create starts every field empty, and request bodies take strings where answers show null.
 */
function contentOf(kind: 'skill' | 'agent', view: Body): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  for (const field of Object.keys(CONTENT_FIELDS[kind])) {
    const value = view['variation'] && field in view['variation'] ? view['variation'][field] : view[field];
    if (value !== undefined && value !== null) content[field] = value;
  }
  return content;
}

/** A pending draft as a patch onto the active content: the fields that differ, and the name so a draft always forks. */
function draftPatch(active: Record<string, unknown>, draft: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = { name: draft['name'] };
  for (const [field, value] of Object.entries(draft)) if (JSON.stringify(value) !== JSON.stringify(active[field])) patch[field] = value;
  return patch;
}

/** The access config a create body may carry: who owns it comes from `owner`. */
function accessOf(kind: 'skill' | 'agent', row: Body): Record<string, unknown> {
  const { visibility, groupPermissions, sharedWith, guardrails } = row['accessConfig'] ?? {};
  return kind === 'skill' ? { visibility, groupPermissions, sharedWith, guardrails: guardrails ?? [] } : { visibility, groupPermissions, sharedWith };
}

/** One seed v2 item that rebuilds `seen` through the API's operations. */
function itemOf(seen: Seen, managerOf: ReadonlyMap<number, number>): SeedResource {
  const { kind, row } = seen;
  const activeId = row['activeVariationId'] as string | null;
  const draftId = row['draftVariationId'] as string | null;
  // Deleted resources answer 404 (DEL-5): their list row (name, description) is all the content there is.
  const active = seen.active ? contentOf(kind, seen.active) : contentOf(kind, { name: row['name'], description: row['description'] });
  const draft = seen.draft ? contentOf(kind, seen.draft) : { name: row['name'] };
  const item: SeedResource = {
    id: seen.id, slug: row['slug'], owner: row['accessConfig']['ownerUserId'], createdAt: row['createdAt'], updatedAt: row['updatedAt'],
    ...(activeId ? active : draft), variationId: (activeId ?? draftId)!, accessConfig: accessOf(kind, row),
  } as SeedResource;
  if (kind === 'agent' && row['type'] !== undefined) item['type'] = row['type'];
  if (activeId) item.deploy = true;
  if (activeId && draftId) item.draft = { ...draftPatch(active, draft), variationId: draftId };
  if (kind === 'agent' && activeId && typeof row['isEnabled'] === 'boolean') item.isEnabled = row['isEnabled'];
  const manager = managerOf.get(seen.id);
  if (kind === 'skill' && manager !== undefined) item.managerId = manager;
  const transfer = row['pendingOwnershipTransfer'];
  if (transfer) item.pendingTransfer = { to: transfer.pendingOwnerUserId, requestedBy: transfer.requestedByUserId, requestedAt: transfer.requestedAt };
  if (row['status'] === 'deleted') {
    item.deleted = true;
    if (row['deletedAt']) item.deletedAt = row['deletedAt'];
  }
  return item;
}

/** UPD-2: manager links, read back from each manager's `supervisionSubordinateIds`. */
function managers(observed: Observed): Map<number, number> {
  const managerOf = new Map<number, number>();
  for (const seen of observed.resources.values()) {
    if (seen.kind !== 'skill') continue;
    for (const view of [seen.active, seen.draft]) for (const sub of (view?.['variation']?.['supervisionSubordinateIds'] ?? []) as string[]) managerOf.set(Number(sub), seen.id);
  }
  return managerOf;
}

/** Every user a seed item needs as a principal (owners, transfer parties) that is not one of the target's roles. */
function extraUsers(observed: Observed, known: ReadonlySet<string>): Principal[] {
  const extra = new Map<string, Principal>();
  const add = (userId: string | undefined, email: string | undefined, orgUuid: string): void => {
    if (!userId || known.has(userId) || extra.has(userId)) return;
    // Mock-only tokens: these users hold no token the import knows, and the mock needs one per principal.
    extra.set(userId, { token: `tok_import_${userId.replace(/[^A-Za-z0-9_]/g, '_')}`, userId, email: email || `${userId.replace(/[^A-Za-z0-9._-]/g, '_')}@import.invalid`, orgUuid, groups: [] });
  };
  for (const { row } of observed.resources.values()) {
    add(row['accessConfig']?.['ownerUserId'], row['accessConfig']?.['ownerEmail'], row['orgUuid']);
    const t = row['pendingOwnershipTransfer'];
    if (t) {
      add(t.pendingOwnerUserId, t.pendingOwnerEmail, row['orgUuid']);
      add(t.requestedByUserId, undefined, row['orgUuid']);
    }
  }
  return [...extra.values()];
}

/** Builds the principals file (role tokens as `${ENV}` placeholders, never a token) and the v2 seed. */
export function toSeed(observed: Observed, roles: Readonly<Record<Role, TargetPrincipal>>, rawTokens: Partial<Record<Role, unknown>> = {}): Imported {
  const principals: Principal[] = [];
  for (const role of ROLES) {
    const p = roles[role];
    if (principals.some((x) => x.userId === p.userId)) continue;
    principals.push({ token: tokenPlaceholder(role, rawTokens[role]), userId: p.userId, email: p.email, orgUuid: p.orgUuid, groups: [...p.groups] });
  }
  principals.push(...extraUsers(observed, new Set(principals.map((p) => p.userId))));
  const managerOf = managers(observed);
  const sorted = [...observed.resources.values()].sort((a, b) => a.id - b.id);
  const skills = sorted.filter((s) => s.kind === 'skill').map((s) => itemOf(s, managerOf));
  const agents = sorted.filter((s) => s.kind === 'agent').map((s) => itemOf(s, managerOf));
  const nextId = { skill: (skills.at(-1)?.id ?? 0) + 1, agent: (agents.at(-1)?.id ?? 0) + 1 };
  return { principals: { principals }, seed: { version: 2, nextId, skills, agents } };
}
