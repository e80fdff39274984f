/**
 * Page tokens at their documented bound (issue 10, StrykerJS's suite: vitest.mutation.config.ts).
 * docs/decisions/002-limits.md remembers 50,000 page tokens; "an evicted token answers 400 like any unknown
 * one" (LIST-1 [A]: a token that was not issued: 400), so the oldest one goes when the 50,001st is minted,
 * and listing its page again hands out a token that works. A token is the cursor of one list: a skills
 * token on the agents list was not issued for it (LIST-1: 400). MockCore.version() promises to move on "a
 * newly minted page token" (the answer cache relies on it). fast-check draws how the 50,000 tokens split
 * between skills and agents and which tokens are tried on the other kind's list; the state is a generated
 * export (what `PUT /__mock/state` loads), so minting them is 50,000 in-process lists of one row.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MockCore } from '../../src/mock/domain/index.js';
import type { ResourceRecord, StateExport } from '../../src/mock/domain/types.js';
import { coreFromFiles } from '../../src/mock/fixture-core.js';
import { call } from './seed-oracle.js';
import { byUser } from './seed-world.js';

/** docs/decisions/002-limits.md: page tokens remembered. */
const REMEMBERED = 50_000;

const SEEDED = coreFromFiles().exportState();

/** A state export with `counts` live org-visible rows of each kind, all Alice's (every row a page of its own). */
function bigState(counts: { skill: number; agent: number }): StateExport {
  const alice = byUser('user_alice');
  const rows = (kind: 'skill' | 'agent'): ResourceRecord[] => {
    const template = (kind === 'skill' ? SEEDED.skills : SEEDED.agents)[0]!;
    const accessConfig = { ...template.accessConfig, visibility: 'org' as const, ownerUserId: alice.userId, ownerEmail: alice.email };
    const content = { name: `a ${kind}` };
    const out: ResourceRecord[] = [];
    for (let id = 1; id <= counts[kind]; id++) {
      const v = `00000000-0000-4000-${kind === 'skill' ? 8 : 9}000-${id.toString(16).padStart(12, '0')}`;
      const at = template.createdAt;
      out.push({
        kind, id, slug: `${kind}-${id}`, orgUuid: alice.orgUuid, status: 'active', deployed: true, createdAt: at, updatedAt: at, deletedAt: null,
        accessConfig, activeVariationId: v, draftVariationId: null, variations: { [v]: content }, hasUnpublishedChanges: false,
        ...(kind === 'skill' ? { managerId: null } : { isEnabled: true }),
      });
    }
    return out;
  };
  return { version: 1, nextId: { skill: counts.skill + 1, agent: counts.agent + 1 }, skills: rows('skill'), agents: rows('agent') };
}

/** GET of one page of one row as Alice: status, the token it hands out, and whether version() moved up (a counter). */
function page(core: MockCore, kind: 'skill' | 'agent', token?: string): { status: number; next: string | undefined; ids: unknown[]; moved: boolean } {
  const before = core.version();
  const r = call(core, 'user_alice', 'GET', `/${kind}s?pageSize=1${token === undefined ? '' : `&pageToken=${encodeURIComponent(token)}`}`);
  const rows = (r.body[`${kind}s`] as Record<string, unknown>[] | undefined) ?? [];
  return { status: r.status, next: r.body['nextPageToken'] as string | undefined, ids: rows.map((x) => x['id']), moved: core.version() > before };
}

describe('page tokens at their bound', () => {
  it('remembers 50,000 tokens, answers 400 for an evicted one and for another kind\'s, and moves version() on every new token', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: REMEMBERED - 1 }), fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), (skillTokens, tries) => {
        const counts = { skill: skillTokens + 1, agent: REMEMBERED - skillTokens + 1 };
        // The per-org cap (10,000 a kind) bounds creates, not imports; raised so the one create below is not refused.
        const core = coreFromFiles(undefined, undefined, { state: bigState(counts), maxResourcesPerOrg: 2 * REMEMBERED });
        const tokens: Record<'skill' | 'agent', string[]> = { skill: [], agent: [] };
        let unmoved = 0;
        for (const kind of ['skill', 'agent'] as const) {
          let r = page(core, kind);
          // Bounded: a token that led back to an earlier page would otherwise walk forever.
          while (r.next !== undefined && tokens[kind].length < counts[kind]) {
            if (!r.moved) unmoved++;
            tokens[kind].push(r.next);
            r = page(core, kind, r.next);
          }
          expect(r.status).toBe(200);
          expect(tokens[kind].length, `${kind}s: one token per page but the last`).toBe(counts[kind] - 1);
        }
        expect(unmoved, 'lists that minted a new token without moving version()').toBe(0);
        expect(new Set([...tokens.skill, ...tokens.agent]).size).toBe(REMEMBERED);

        // LIST-1: a token is issued for one list; on the other kind's list it was never issued.
        for (const n of tries) {
          for (const [kind, other] of [['skill', 'agent'], ['agent', 'skill']] as const) {
            const token = tokens[kind][n % tokens[kind].length]!;
            expect(page(core, other, token).status, `a ${kind}s token on the ${other}s list`).toBe(400);
          }
        }

        // At the bound every token still works, the oldest (the first skills page's) included.
        const oldest = tokens.skill[0]!;
        expect(page(core, 'skill', oldest).ids, 'the oldest of 50,000 tokens').toEqual([2]);

        // One more row, one more page, one more token: the oldest is evicted and answers 400.
        expect(call(core, 'user_alice', 'POST', '/agents', { name: 'one more' }).status).toBe(201);
        const last = page(core, 'agent', tokens.agent.at(-1));
        expect(last.next, 'the page before the new row now has a next one').toBeDefined();
        expect(last.moved).toBe(true);
        expect(page(core, 'agent', last.next).status, 'the 50,001st token').toBe(200);
        expect(page(core, 'skill', oldest).status, 'the evicted token').toBe(400);

        // Listing its page again issues a token that works.
        const again = page(core, 'skill');
        expect(again.next).toBeDefined();
        const second = page(core, 'skill', again.next);
        expect([second.status, second.ids]).toEqual([200, [2]]);
      }),
      { numRuns: 1, seed: 51 },
    );
  });
});
