import { api, keepAliveAgent } from './http-client.js';

const ALICE = 'tok_alice_owner';

/** How to drive the load and when to pull the plug. */
export interface WriteLoadOptions {
  loops: number;
  /** Call `kill` once this many writes were acknowledged (the other loops still have writes in flight). */
  killAfterAcks: number;
  kill: () => void;
}

/** What the clients saw acknowledged: every 2xx create, and per skill the descriptions a restart may show. */
export interface WriteLoadResult {
  acks: number;
  /** Created skill id -> name, for every create answered 201. */
  created: Map<number, string>;
  /** Skill id -> descriptions allowed after a restart: the last acknowledged one, or the one in flight at the kill. */
  descriptions: Map<number, { allowed: Array<string | null> }>;
}

interface Track {
  acked: string | null;
  pending?: string;
}

/**
 * Concurrent loops of creates and PATCHes over keep-alive HTTP until the kill; each loop patches only
 * skills it created, so per skill the order of acknowledgements is the order of writes.
 */
export async function runWriteLoad(url: string, options: WriteLoadOptions): Promise<WriteLoadResult> {
  const agent = keepAliveAgent(options.loops);
  const created = new Map<number, string>();
  const tracks = new Map<number, Track>();
  let acks = 0;
  let killed = false;
  const ack = (): void => {
    acks++;
    if (!killed && acks >= options.killAfterAcks) {
      killed = true;
      options.kill();
    }
  };
  const step = async (loop: number, n: number, mine: number[]): Promise<void> => {
    if (n % 2 === 0 || mine.length === 0) {
      const name = `k9 ${loop}-${n}`;
      const r = await api(url, agent, 'POST', '/api/v1/skills', ALICE, { name });
      if (r.status !== 201) throw new Error(`create answered ${r.status}: ${r.text}`);
      const id = (r.json as { id: number }).id;
      created.set(id, name);
      tracks.set(id, { acked: null });
      mine.push(id);
    } else {
      const id = mine[n % mine.length]!;
      const track = tracks.get(id)!;
      const description = `desc ${loop}-${n}`;
      track.pending = description;
      const r = await api(url, agent, 'PATCH', `/api/v1/skills/${id}`, ALICE, { description });
      if (r.status !== 200) throw new Error(`PATCH answered ${r.status}: ${r.text}`);
      track.acked = description;
      delete track.pending;
    }
    ack(); // a 2xx read after the kill was still written (and persisted) before the process died
  };
  const loop = async (i: number): Promise<void> => {
    const mine: number[] = [];
    for (let n = 0; !killed; n++) {
      try {
        await step(i, n, mine);
      } catch (e) {
        if (killed) return; // connection reset or refused by the dead process
        throw e;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.loops }, (_, i) => loop(i)));
  } finally {
    agent.destroy();
  }
  const descriptions = new Map<number, { allowed: Array<string | null> }>();
  for (const [id, t] of tracks) descriptions.set(id, { allowed: t.pending === undefined ? [t.acked] : [t.acked, t.pending] });
  return { acks, created, descriptions };
}
