/** Cleanup: soft-deletes what a run created, and nothing else. */
import { pathFor } from '../../api/operations.js';
import type { Kind } from '../../api/types.js';
import type { TargetClient } from '../client.js';
import type { Role } from '../target-file.js';

/** A resource to delete, by its `skills/12` key, and the roles to try in order (the first one that gets a 204 wins). */
export interface CleanupItem {
  key: string;
  roles: readonly Role[];
}

/** What a cleanup deleted and what it could not. */
export interface CleanupResult {
  deleted: string[];
  failed: string[];
}

/**
 * DELETEs each item the client created, at most once per distinct role, exempt from the request budget.
 * A key the client did not create is neither sent nor reported (and the write guard would refuse it on a real target).
 */
export async function deleteCreated(client: TargetClient, items: readonly CleanupItem[]): Promise<CleanupResult> {
  const out: CleanupResult = { deleted: [], failed: [] };
  for (const { key, roles } of items) {
    if (!client.created.has(key)) continue;
    let done = false;
    const [kind, id] = key.split('/') as [Kind, string];
    const path = pathFor('delete', kind, id);
    for (const role of new Set(roles)) {
      const e = await client.call({ method: 'DELETE', path, role }, true).catch(() => undefined);
      if (e?.response.status === 204) {
        done = true;
        break;
      }
    }
    (done ? out.deleted : out.failed).push(key);
  }
  return out;
}
