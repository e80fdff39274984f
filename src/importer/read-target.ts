/** `modus-mock import`, the reading half: what each role of a target can see, by GET only, within the client's budget and rate. */
import type { TargetClient } from '../contracts/client.js';
import { ROLES, type Role } from '../contracts/target-file.js';
import type { Kind } from '../mock/domain/types.js';

/** An API body as the target answered it. */
export type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON read from a deployment

/** One resource as the roles saw it: its list row, and its full active and draft views when some role may read it. */
export interface Seen {
  kind: Kind;
  id: number;
  row: Body;
  /** Roles whose lists showed it, in ROLES order. */
  roles: Role[];
  active?: Body;
  draft?: Body;
}

/** Everything read, keyed `skill/3`; plus how many requests it took. */
export interface Observed {
  resources: Map<string, Seen>;
  requests: number;
}

const PLURAL: Record<Kind, string> = { skill: 'skills', agent: 'agents' };

/** GET as `role`; anything but 200 (and 404, a resource the role may not read) stops the import with the answer. */
async function get(client: TargetClient, role: Role, path: string): Promise<Body | undefined> {
  const { response } = await client.call({ method: 'GET', path, role });
  if (response.status === 404) return undefined;
  if (response.status !== 200 || typeof response.body !== 'object' || response.body === null) {
    throw new Error(`GET ${path} as ${role} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
  }
  return response.body as Body;
}

/** Walks every page of a list as `role`, deleted rows included (managers see them, LIST-1/DEL-4). */
async function listAll(client: TargetClient, role: Role, kind: Kind, into: Map<string, Seen>): Promise<number> {
  let token: string | undefined;
  let rows = 0;
  for (let page = 0; page < 10_000; page++) {
    const query = `pageSize=100&showDeleted=true${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`;
    const body = await get(client, role, `/api/v1/${PLURAL[kind]}?${query}`);
    for (const row of (body?.[PLURAL[kind]] ?? []) as Body[]) {
      const key = `${kind}/${row['id']}`;
      const seen = into.get(key) ?? { kind, id: Number(row['id']), row, roles: [] };
      seen.roles.push(role);
      into.set(key, seen);
      rows++;
    }
    token = body?.['nextPageToken'] as string | undefined;
    if (!token) break;
  }
  return rows;
}

/** Reads both views of a live resource as the first role that may (agents need manage, HIDE-2). */
async function readViews(client: TargetClient, seen: Seen): Promise<void> {
  if (seen.row['status'] === 'deleted') return; // a deleted resource answers 404 (DEL-5): its list row is all there is
  for (const role of seen.roles) {
    const base = `/api/v1/${PLURAL[seen.kind]}/${seen.id}`;
    const active = seen.row['activeVariationId'] ? await get(client, role, `${base}?view=active`) : undefined;
    const draft = seen.row['draftVariationId'] ? await get(client, role, `${base}?view=draft`) : undefined;
    if ((seen.row['activeVariationId'] && !active) || (seen.row['draftVariationId'] && !draft)) continue;
    seen.active = active;
    seen.draft = draft;
    return;
  }
}

/** Reads what every role sees: lists (both kinds, every page) and each resource in both views. */
export async function readTarget(client: TargetClient, log: (line: string) => void = () => {}): Promise<Observed> {
  const resources = new Map<string, Seen>();
  for (const role of ROLES) {
    for (const kind of ['skill', 'agent'] as const) {
      const rows = await listAll(client, role, kind, resources);
      log(`${role}: ${rows} ${PLURAL[kind]}`);
    }
  }
  for (const seen of resources.values()) await readViews(client, seen);
  const full = [...resources.values()].filter((s) => s.active ?? s.draft).length;
  log(`read ${resources.size} resources (${full} in full, the rest deleted or list-only) in ${client.requestsSent} requests`);
  return { resources, requests: client.requestsSent };
}
