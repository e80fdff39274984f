import fc from 'fast-check';
import type { Agent } from 'node:http';
import { api, type RawAnswer } from './http-client.js';

/** The API's two kinds, as path segments. */
export type Kinds = 'skills' | 'agents';

/** One step of a client loop; `target` picks a resource of the shared pool by position. */
export interface Op {
  op: 'patch' | 'deploy' | 'delete' | 'undelete' | 'create' | 'get' | 'toggle' | 'walk';
  kind: Kinds;
  target: number;
  text: string;
}

/** Everything the loops saw, for the invariants to check afterwards. */
export interface Observations {
  /** Every answer: what was asked and what came back. */
  answers: Array<{ op: Op; path: string; res: RawAnswer }>;
  /** Ids handed out by creates, in the order the answers arrived. */
  created: Record<Kinds, number[]>;
  /** Each list walk made during the load: the ids it saw in order, and the statuses of its rows. */
  walks: Array<{ kind: Kinds; ids: number[]; statuses: string[] }>;
}

const ALICE = 'tok_alice_owner';

/** Seeded fast-check ops: mostly writes on a small hot pool, so loops collide on the same resources. */
export const opArb: fc.Arbitrary<Op> = fc.record({
  op: fc.constantFrom<Op['op']>('patch', 'patch', 'patch', 'deploy', 'deploy', 'delete', 'undelete', 'undelete', 'create', 'get', 'toggle', 'walk'),
  kind: fc.constantFrom<Kinds>('skills', 'agents'),
  target: fc.nat(7),
  text: fc.string({ maxLength: 12 }),
});

function pathFor(op: Op, id: number): { method: string; path: string; body?: unknown } {
  const base = `/api/v1/${op.kind}`;
  switch (op.op) {
    case 'create': return { method: 'POST', path: base, body: { name: `c ${op.text}`.slice(0, 200) } };
    case 'patch': return { method: 'PATCH', path: `${base}/${id}`, body: { description: op.text } };
    case 'deploy': return { method: 'POST', path: `${base}/${id}/deploy`, body: {} };
    case 'delete': return { method: 'DELETE', path: `${base}/${id}` };
    case 'undelete': return { method: 'POST', path: `${base}/${id}/undelete` };
    case 'toggle': return op.kind === 'agents' ? { method: 'POST', path: `${base}/${id}/toggle` } : { method: 'GET', path: `${base}/${id}?view=draft` };
    default: return { method: 'GET', path: `${base}/${id}?view=draft` };
  }
}

/** Walks every page of a list with a small page size, recording ids and statuses in order. */
export async function walkList(url: string, agent: Agent, kind: Kinds, pageSize: number, extra = ''): Promise<{ ids: number[]; statuses: string[]; answers: RawAnswer[] }> {
  const ids: number[] = [];
  const statuses: string[] = [];
  const answers: RawAnswer[] = [];
  let token: string | undefined;
  do {
    const q = `pageSize=${pageSize}${extra}${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`;
    const res = await api(url, agent, 'GET', `/api/v1/${kind}?${q}`, ALICE);
    answers.push(res);
    if (res.status !== 200) break;
    const page = res.json as Record<string, Array<{ id: number; status: string }>> & { nextPageToken?: string };
    for (const row of page[kind] ?? []) {
      ids.push(row.id);
      statuses.push(row.status);
    }
    token = page.nextPageToken;
  } while (token !== undefined);
  return { ids, statuses, answers };
}

/**
 * Runs `loops` concurrent clients over keep-alive HTTP, each doing `steps` seeded ops on the shared
 * `pool` (ids per kind); creates grow the pool.
 */
export async function runConcurrentLoad(url: string, agent: Agent, pool: Record<Kinds, number[]>, loops: number, steps: number, seed: number): Promise<Observations> {
  const seen: Observations = { answers: [], created: { skills: [], agents: [] }, walks: [] };
  const loop = async (i: number): Promise<void> => {
    for (const op of fc.sample(opArb, { numRuns: steps, seed: seed + i })) {
      if (op.op === 'walk') {
        const walk = await walkList(url, agent, op.kind, 3);
        walk.answers.forEach((res) => seen.answers.push({ op, path: `/api/v1/${op.kind}`, res }));
        seen.walks.push({ kind: op.kind, ids: walk.ids, statuses: walk.statuses });
        continue;
      }
      const ids = pool[op.kind];
      const req = pathFor(op, ids[op.target % ids.length]!);
      const res = await api(url, agent, req.method, req.path, ALICE, req.body);
      seen.answers.push({ op, path: req.path, res });
      if (op.op === 'create' && res.status === 201) {
        const id = (res.json as { id: number }).id;
        seen.created[op.kind].push(id);
        ids.push(id);
      }
    }
  };
  await Promise.all(Array.from({ length: loops }, (_, i) => loop(i)));
  return seen;
}
