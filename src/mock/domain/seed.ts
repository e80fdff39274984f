import type { Ctx } from './context.js';
import { deploy, remove, toggle } from './lifecycle.js';
import { requestTransfer } from './transfer.js';
import { create, patch } from './update.js';
import type { Kind, Principal, Result } from './types.js';

/** One seeded skill or agent: content fields and `accessConfig` as in a create body, plus how to shape its state. */
export interface SeedResource {
  /** userId of the owning principal; the resource lands in that principal's org. */
  owner: string;
  name: string;
  /** Deploy after create (status active). */
  deploy?: boolean;
  /** Content fields patched after the deploy, leaving a pending draft (hasUnpublishedChanges). */
  draft?: Record<string, unknown>;
  /** Skills: the seed id (1-based position in `skills`) of the manager skill. */
  managerId?: number;
  /** Agents: the wanted isEnabled after deploy. */
  isEnabled?: boolean;
  /** userId of a same-org principal who has a pending ownership transfer offer. */
  pendingTransferTo?: string;
  /** Soft-delete it last. */
  deleted?: boolean;
  [field: string]: unknown;
}

/** The seed fixture file: resources get ids 1, 2, 3... in file order, per kind. */
export interface SeedFile {
  skills?: SeedResource[];
  agents?: SeedResource[];
}

/** A seed problem, with the JSON path of the item that caused it. */
export class SeedError extends Error {
  constructor(readonly jsonPath: string, message: string) {
    super(`${jsonPath}: ${message}`);
  }
}

const STATE_KEYS = new Set(['owner', 'deploy', 'draft', 'managerId', 'isEnabled', 'pendingTransferTo', 'deleted']);

function must<T>(result: Result<T>, path: string): T {
  if (!result.ok) throw new SeedError(path, result.error.message);
  return result.value;
}

/** Builds state from seed fixtures through the same operations the API uses, so every seeded state is reachable. */
export function applySeed(ctx: Ctx, principals: readonly Principal[], seed: SeedFile): void {
  const byUser = new Map(principals.map((p) => [p.userId, p]));
  const run = (kind: Kind, items: SeedResource[] | undefined, key: string): void => {
    (items ?? []).forEach((item, i) => {
      const path = `/${key}/${i}`;
      const owner = byUser.get(item.owner);
      if (!owner) throw new SeedError(`${path}/owner`, `no principal has userId ${JSON.stringify(item.owner)}`);
      const body = Object.fromEntries(Object.entries(item).filter(([k]) => !STATE_KEYS.has(k)));
      const created = must(create(ctx, owner, kind, body), path).body as { id: number };
      const id = String(created.id);
      if (item.deploy) must(deploy(ctx, owner, kind, id, {}), `${path}/deploy`);
      if (item.draft) must(patch(ctx, owner, kind, id, new URLSearchParams(), item.draft), `${path}/draft`);
      if (item.managerId !== undefined) {
        must(patch(ctx, owner, kind, id, new URLSearchParams(), { managerId: item.managerId }), `${path}/managerId`);
      }
      if (item.isEnabled !== undefined && kind === 'agent') {
        const current = ctx.store.get('agent', created.id)!.isEnabled;
        if (current !== item.isEnabled) must(toggle(ctx, owner, id, {}), `${path}/isEnabled`);
      }
      if (item.pendingTransferTo !== undefined) {
        must(requestTransfer(ctx, owner, kind, id, { newOwnerUserId: item.pendingTransferTo }), `${path}/pendingTransferTo`);
      }
      if (item.deleted) must(remove(ctx, owner, kind, id), `${path}/deleted`);
    });
  };
  run('skill', seed.skills, 'skills');
  run('agent', seed.agents, 'agents');
}
