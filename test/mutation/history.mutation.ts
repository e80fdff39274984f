/**
 * The variation history at its documented bound (issue 10, StrykerJS's suite: vitest.mutation.config.ts):
 * docs/decisions/002-limits.md keeps 100 variations a resource; an older one's historic GET answers 404 as
 * an unknown id does (LIFE-11 [A]), while the live ones (active, draft) are never dropped. fast-check draws
 * how many deploy cycles past the bound a skill goes through, and whether a draft is left pending.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coreFromFiles } from '../../src/mock/fixture-core.js';
import { call } from './seed-oracle.js';

/** docs/decisions/002-limits.md: the variations one resource keeps. */
const KEPT = 100;

describe('variation history at its bound', () => {
  it('keeps the newest 100 variations and the live ones; an older one reads as an unknown id (404)', () => {
    fc.assert(
      fc.property(fc.integer({ min: KEPT - 2, max: KEPT + 6 }), fc.boolean(), (cycles, pendingDraft) => {
        const core = coreFromFiles();
        const created = call(core, 'user_alice', 'POST', '/skills', { name: 'history' });
        expect(created.status).toBe(201);
        const at = `/skills/${String(created.body['id'])}`;
        // Every variation the skill ever had, oldest first: the create's draft, then one per PATCH after a deploy.
        const ids: string[] = [created.body['draftVariationId'] as string];
        for (let i = 0; i < cycles; i++) {
          expect(call(core, 'user_alice', 'POST', `${at}/deploy`, {}).status).toBe(200);
          const patched = call(core, 'user_alice', 'PATCH', at, { description: `cycle ${i}` });
          expect(patched.status).toBe(200);
          ids.push(patched.body['draftVariationId'] as string);
        }
        const final = pendingDraft ? call(core, 'user_alice', 'GET', `${at}?view=draft`) : call(core, 'user_alice', 'POST', `${at}/deploy`, {});
        expect(final.status).toBe(200);
        expect(new Set(ids).size).toBe(ids.length);
        const live = new Set([final.body['activeVariationId'], final.body['draftVariationId']].filter((v) => typeof v === 'string'));
        const kept = new Set([...ids.slice(-KEPT), ...live]);
        for (const [n, id] of ids.entries()) {
          const r = call(core, 'user_alice', 'GET', `${at}/variations/${id}`);
          expect(r.status, `variation ${n + 1} of ${ids.length}${live.has(id) ? ' (live)' : ''}`).toBe(kept.has(id) ? 200 : 404);
          if (r.status === 200) expect(r.body['description'] ?? null).toBe(n === 0 ? null : `cycle ${n - 1}`);
        }
      }),
      { numRuns: 6, seed: 31 },
    );
  });
});
