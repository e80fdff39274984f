/** Issue 11, finding 7: the inspector's 2 s overview reads the first rows straight from the store, never a copy of the whole state. */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { MockCore } from '../../src/mock/domain/index.js';
import { createApp } from '../../src/mock/http/index.js';
import { coreFromFiles } from '../../src/mock/fixture-core.js';

describe('GET /__mock/overview', () => {
  it('never exports or serializes the state (a core whose export throws still answers)', async () => {
    const core = coreFromFiles();
    const guarded: MockCore = new Proxy(core, {
      get(target, key, receiver) {
        if (key === 'exportState' || key === 'serializeState') return () => { throw new Error(`overview called ${String(key)}`); };
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const res = await request(createApp({ core: guarded })).get('/__mock/overview');
    expect(res.status).toBe(200);
    expect(res.body.totals).toEqual({ skills: 7, agents: 6 });
  });

  it('at 20,000 skills it shows the first 1,000 rows, the totals, and answers in milliseconds', async () => {
    const core = coreFromFiles();
    const state = core.exportState();
    const template = state.skills[0]!;
    for (let id = 8; id < 20_008; id++) state.skills.push({ ...structuredClone(template), id, slug: `bulk-${id}` });
    state.nextId.skill = 20_008;
    core.importState(state);
    const app = createApp({ core });
    await request(app).get('/__mock/overview').expect(200); // warm up
    const start = performance.now();
    const res = await request(app).get('/__mock/overview');
    const ms = performance.now() - start;
    expect(res.status).toBe(200);
    expect(res.body.skills).toHaveLength(1000);
    expect(res.body.skills[0].id).toBe(1);
    expect(res.body.totals.skills).toBe(20_007);
    expect(ms).toBeLessThan(150);
  });
});
