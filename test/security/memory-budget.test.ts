/** Issue 11, finding 5: the limits hold together; a byte budget on stored state answers 413 long before the heap runs out. */
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/mock/http/index.js';
import { coreFromFiles } from '../../src/mock/fixture-core.js';
import { api, keepAliveAgent, send } from '../robustness/helpers/http-client.js';
import { ensureBuilt, startCli } from '../robustness/helpers/cli-process.js';

const ALICE = 'Bearer tok_alice_owner';
const MiB = 1024 * 1024;
/** A create body just under the 1 MiB request limit. */
const big = (i: number): string => JSON.stringify({ name: `big ${i}`, description: 'x'.repeat(MiB - 200) });

describe('state byte budget', () => {
  it('writes with a body answer 413 once the budget is spent; state unchanged; reads fine; a reset frees it', async () => {
    const core = coreFromFiles();
    const app = createApp({ core, maxStateBytes: 4 * MiB });
    const post = (i: number) => request(app).post('/api/v1/skills').set('authorization', ALICE).set('content-type', 'application/json').send(big(i));
    let created = 0;
    for (; created < 10; created++) if ((await post(created)).status !== 201) break;
    expect(created).toBe(3); // seed (~20 KB) + 3 x 1 MiB fit in 4 MiB, a fourth does not
    const before = core.serializeState();
    const refused = await post(99);
    expect(refused.status).toBe(413);
    expect(refused.body.error).toMatchObject({ code: 413, status: 'INVALID_ARGUMENT' });
    expect(refused.body.error.message).toMatch(/--max-state-mb/);
    expect(core.serializeState()).toBe(before);
    // DET-3: auth and routing still come first.
    expect((await request(app).post('/api/v1/skills').set('content-type', 'application/json').send(big(0))).status).toBe(401);
    expect((await request(app).get('/api/v1/skills').set('authorization', ALICE)).status).toBe(200);
    await request(app).post('/__mock/reset').set('content-type', 'application/json').expect(200);
    expect((await post(100)).status).toBe(201);
  });

  it('small writes are not refused while there is room; a PATCH counts like a create', async () => {
    const app = createApp({ core: coreFromFiles(), maxStateBytes: 2 * MiB });
    await request(app).patch('/api/v1/skills/1').set('authorization', ALICE).set('content-type', 'application/json')
      .send(JSON.stringify({ description: 'y'.repeat(MiB - 100) })).expect(200);
    const second = await request(app).patch('/api/v1/skills/1').set('authorization', ALICE).set('content-type', 'application/json')
      .send(JSON.stringify({ description: 'z'.repeat(MiB - 100) }));
    expect(second.status).toBe(413);
    await request(app).patch('/api/v1/skills/1').set('authorization', ALICE).set('content-type', 'application/json').send('{"description":"small"}').expect(200);
  });
});

describe('the process stays up under the caps', () => {
  const agent = keepAliveAgent(4);
  let mock: Awaited<ReturnType<typeof startCli>>;
  beforeAll(async () => {
    ensureBuilt();
    // A 160 MiB heap and a 48 MiB budget: without the budget, 1 MiB creates kill this heap after ~73 (2.2 MB each).
    const saved = process.env['NODE_OPTIONS'];
    process.env['NODE_OPTIONS'] = '--max-old-space-size=160';
    try {
      mock = await startCli(['--max-state-mb', '48']);
    } finally {
      if (saved === undefined) delete process.env['NODE_OPTIONS'];
      else process.env['NODE_OPTIONS'] = saved;
    }
  }, 180_000);
  afterAll(async () => {
    agent.destroy();
    mock?.child.kill('SIGTERM');
    await mock?.exited;
  });

  it('1 MiB creates until the budget answers 413; the mock keeps answering and its heap stays bounded', async () => {
    let created = 0;
    let refused = 0;
    for (let i = 0; i < 80; i++) {
      const r = await send(mock.url, agent, { method: 'POST', path: '/api/v1/skills', headers: { authorization: ALICE, 'content-type': 'application/json' }, body: big(i) });
      if (r.status === 201) created++;
      else if (r.status === 413) refused++;
      else throw new Error(`create ${i} answered ${r.status}`);
    }
    expect(created).toBeGreaterThanOrEqual(44);
    expect(created).toBeLessThanOrEqual(48);
    expect(refused).toBe(80 - created);
    expect((await api(mock.url, agent, 'GET', '/api/v1/skills?pageSize=1', 'tok_alice_owner')).status).toBe(200);
    expect(mock.child.exitCode).toBeNull();
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${mock.child.pid}/status`, 'utf8'));
    if (rss) console.log(`memory budget: ${created} x 1 MiB stored, then 413; RSS ${(Number(rss[1]) / 1024).toFixed(0)} MB`);
  }, 120_000);
});
