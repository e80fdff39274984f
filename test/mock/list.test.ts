import { describe, expect, it } from 'vitest';
import { expectError, mockApp, type MockApp } from '../helpers/mock-app.js';

type Row = { id: number };
const ids = (rows: Row[]): number[] => rows.map((r) => r.id);

/** Creates `n` more skills for carol (org-visible to every acme member). */
async function grow(m: MockApp, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    expect((await m.call('POST', '/api/v1/skills', { as: 'carol', body: { name: `bulk ${i}` } })).status).toBe(201);
  }
}

/** Walks every page with `pageSize` and returns the ids in order plus the page count. */
async function walk(m: MockApp, kind: 'skills' | 'agents', pageSize: number, who: 'alice' | 'bob' = 'alice'): Promise<{ seen: number[]; pages: number }> {
  const seen: number[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const q = `pageSize=${pageSize}${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`;
    const r = await m.call('GET', `/api/v1/${kind}?${q}`, { as: who });
    expect(r.status).toBe(200);
    seen.push(...ids(r.body[kind]));
    token = r.body.nextPageToken;
    pages++;
  } while (token !== undefined && pages < 1000);
  return { seen, pages };
}

describe('lists', () => {
  it('LIST-1: default page size is 50, larger than 100 is cut to 100', async () => {
    const m = mockApp();
    await grow(m, 120);
    const first = await m.call('GET', '/api/v1/skills', { as: 'alice' });
    expect(first.body.skills).toHaveLength(50);
    expect(typeof first.body.nextPageToken).toBe('string');
    const big = await m.call('GET', '/api/v1/skills?pageSize=500', { as: 'alice' });
    expect(big.body.skills).toHaveLength(100);
    expect(big.body.nextPageToken).toBeDefined();
    const rest = await m.call('GET', `/api/v1/skills?pageSize=500&pageToken=${encodeURIComponent(big.body.nextPageToken)}`, { as: 'alice' });
    expect(rest.body.skills).toHaveLength(125 - 100);
    expect(rest.body).not.toHaveProperty('nextPageToken');
  });

  it('LIST-1: any integer pageSize above 100 is cut to 100, however large', async () => {
    const m = mockApp();
    await grow(m, 110);
    for (const size of ['101', '1000000000', '10000000000', '9'.repeat(40)]) {
      const r = await m.call('GET', `/api/v1/skills?pageSize=${size}`, { as: 'carol' });
      expect(r.status, `pageSize=${size}`).toBe(200);
      expect(r.body.skills).toHaveLength(100);
    }
  });

  it('LIST-1: pageSize and pageToken page through; the last page has no nextPageToken', async () => {
    const m = mockApp();
    const p1 = await m.call('GET', '/api/v1/skills?pageSize=2', { as: 'alice' });
    expect(ids(p1.body.skills)).toEqual([1, 2]);
    const p2 = await m.call('GET', `/api/v1/skills?pageSize=2&pageToken=${encodeURIComponent(p1.body.nextPageToken)}`, { as: 'alice' });
    expect(ids(p2.body.skills)).toEqual([3, 4]);
    const p3 = await m.call('GET', `/api/v1/skills?pageSize=2&pageToken=${encodeURIComponent(p2.body.nextPageToken)}`, { as: 'alice' });
    expect(ids(p3.body.skills)).toEqual([6]);
    expect(p3.body).not.toHaveProperty('nextPageToken');
    // exactly one page's worth left: still no token pointing at an empty page.
    const exact = await m.call('GET', '/api/v1/skills?pageSize=5', { as: 'alice' });
    expect(ids(exact.body.skills)).toEqual([1, 2, 3, 4, 6]);
    expect(exact.body).not.toHaveProperty('nextPageToken');
  });

  it('LIST-1: negative or non-integer pageSize and a token never issued answer 400', async () => {
    const m = mockApp();
    for (const q of ['pageSize=-1', 'pageSize=1.5', 'pageSize=abc', 'pageSize=', 'pageToken=never-issued', 'pageToken=s1.1']) {
      expectError(await m.call('GET', `/api/v1/skills?${q}`, { as: 'alice' }), 400, 'INVALID_ARGUMENT');
    }
    // a skills token is not an agents token.
    const token = (await m.call('GET', '/api/v1/skills?pageSize=1', { as: 'alice' })).body.nextPageToken as string;
    expectError(await m.call('GET', `/api/v1/agents?pageToken=${encodeURIComponent(token)}`, { as: 'alice' }), 400, 'INVALID_ARGUMENT');
  });

  it('DET-9: pageSize=0 means the default page size', async () => {
    const m = mockApp();
    await grow(m, 60);
    const r = await m.call('GET', '/api/v1/skills?pageSize=0', { as: 'bob' });
    expect(r.body.skills).toHaveLength(50);
  });

  it('DET-9: showDeleted other than true/false answers 400', async () => {
    const m = mockApp();
    for (const v of ['yes', '1', 'TRUE', '']) {
      expectError(await m.call('GET', `/api/v1/agents?showDeleted=${v}`, { as: 'alice' }), 400, 'INVALID_ARGUMENT');
    }
  });

  it('LIST-2: rows come in ascending id order and walking every page visits each visible resource once', async () => {
    const m = mockApp();
    await grow(m, 13);
    await m.call('DELETE', '/api/v1/skills/10', { as: 'carol' });
    const all = ids((await m.call('GET', '/api/v1/skills?pageSize=100', { as: 'bob' })).body.skills);
    expect(all).toEqual([...all].sort((a, b) => a - b));
    expect(all).not.toContain(10);
    for (const size of [1, 2, 3, 7]) {
      const { seen, pages } = await walk(m, 'skills', size, 'bob');
      expect(seen).toEqual(all);
      expect(pages).toBe(Math.ceil(all.length / size));
    }
    expect((await walk(m, 'agents', 1)).seen).toEqual([1, 2, 3, 5]);
  });

  it('LIST-2: a resource created between pages is still visited once', async () => {
    const m = mockApp();
    const p1 = await m.call('GET', '/api/v1/skills?pageSize=2', { as: 'alice' });
    const created = (await m.call('POST', '/api/v1/skills', { as: 'alice', body: { name: 'late' } })).body.id as number;
    const rest = await m.call('GET', `/api/v1/skills?pageSize=100&pageToken=${encodeURIComponent(p1.body.nextPageToken)}`, { as: 'alice' });
    expect([...ids(p1.body.skills), ...ids(rest.body.skills)]).toEqual([1, 2, 3, 4, 6, created]);
  });

  it('LIST-3: the response is {skills, nextPageToken?} / {agents, nextPageToken?}', async () => {
    const m = mockApp();
    expect(Object.keys((await m.call('GET', '/api/v1/skills', { as: 'alice' })).body)).toEqual(['skills']);
    expect(Object.keys((await m.call('GET', '/api/v1/agents', { as: 'alice' })).body)).toEqual(['agents']);
    expect(Object.keys((await m.call('GET', '/api/v1/agents?pageSize=1', { as: 'alice' })).body).sort()).toEqual(['agents', 'nextPageToken']);
    expect((await m.call('GET', '/api/v1/skills', { as: 'erin' })).body.skills).toHaveLength(1);
  });

  it('LIST-4: a walk at every page size from 1 to 12 is the set of one large page, each row once, also with private rows in between', async () => {
    const m = mockApp();
    await grow(m, 9);
    // A private skill of carol's sits between rows alice can see: the walk must skip it without losing a neighbour.
    const hidden = await m.call('POST', '/api/v1/skills', { as: 'carol', body: { name: 'private', accessConfig: { visibility: 'private', groupPermissions: {}, sharedWith: [] } } });
    expect(hidden.status).toBe(201);
    await grow(m, 4);
    const large = (await m.call('GET', '/api/v1/skills?pageSize=100', { as: 'alice' })).body.skills as Row[];
    expect(ids(large)).not.toContain(hidden.body.id);
    for (let size = 1; size <= 12; size++) {
      const { seen } = await walk(m, 'skills', size);
      expect([size, seen]).toEqual([size, ids(large)]);
    }
  });
});
