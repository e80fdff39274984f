/** The kit's list walk (LIST-1..4): follows nextPageToken, caps pages, and names the rows a buggy list repeats or skips. */
import { describe, expect, it } from 'vitest';
import { compareWalk, idsOf, repeatsOf, walkList } from '../../src/contracts/checks/index.js';
import { fakeClient } from './fake-target.js';

const IDS = [1, 2, 3, 4, 5, 6, 7];

/** A list of IDS paged by offset tokens; `shift` moves where each next page starts (-1 repeats a row, +1 skips one). */
function listTarget(shift = 0) {
  return fakeClient((_method, path) => {
    const url = new URL(path, 'http://x');
    const size = Number(url.searchParams.get('pageSize') ?? 50);
    const offset = Number(url.searchParams.get('pageToken')?.slice(1) ?? 0);
    const rows = IDS.slice(offset, offset + size).map((id) => ({ id }));
    const next = offset + size + shift;
    return { status: 200, body: next < IDS.length ? { skills: rows, nextPageToken: `o${next}` } : { skills: rows } };
  });
}

async function walkIds(shift: number, size = 2): Promise<string[]> {
  const { client } = listTarget(shift);
  const walk = await walkList((r) => client.call(r), { kind: 'skills', role: 'owner', query: `pageSize=${size}`, maxPages: 20 });
  expect(walk.complete).toBe(true);
  return idsOf(walk.rows);
}

describe('walkList (LIST-1: pages follow nextPageToken)', () => {
  it('follows nextPageToken from the first page with the query on every page, and says when it reached the last', async () => {
    const { client, sent } = listTarget();
    const walk = await walkList((r) => client.call(r), { kind: 'skills', role: 'teammate', query: 'pageSize=3&showDeleted=true', maxPages: 20 });
    expect(walk).toMatchObject({ pages: 3, complete: true, sizes: [3, 3, 1] });
    expect(idsOf(walk.rows)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(sent.map((s) => s.path)).toEqual([
      '/api/v1/skills?pageSize=3&showDeleted=true',
      '/api/v1/skills?pageSize=3&showDeleted=true&pageToken=o3',
      '/api/v1/skills?pageSize=3&showDeleted=true&pageToken=o6',
    ]);
    expect(sent.every((s) => s.token === 'tok-teammate')).toBe(true);
  });

  it('stops at maxPages and reports the walk incomplete', async () => {
    const { client, sent } = listTarget();
    const walk = await walkList((r) => client.call(r), { kind: 'skills', role: 'owner', query: 'pageSize=1', maxPages: 3 });
    expect(walk).toMatchObject({ pages: 3, complete: false });
    expect(sent).toHaveLength(3);
  });

  it('lets onPage judge each page in turn; a throw ends the walk before the next request', async () => {
    const { client, sent } = listTarget();
    const seen: number[] = [];
    const walking = walkList((r) => client.call(r), {
      kind: 'skills', role: 'owner', query: 'pageSize=2', maxPages: 20,
      onPage: (page, index) => {
        seen.push(index);
        if (page.token === 'o4') throw new Error('stop here');
      },
    });
    await expect(walking).rejects.toThrow('stop here');
    expect(seen).toEqual([0, 1]);
    expect(sent).toHaveLength(2);
  });

  it('reads a body without an array as no rows and a token that is not a string as the end', async () => {
    const { client } = fakeClient(() => ({ status: 200, body: { skills: 'nope', nextPageToken: 7 } }));
    const walk = await walkList((r) => client.call(r), { kind: 'skills', role: 'owner', query: '', maxPages: 5 });
    expect(walk).toMatchObject({ rows: [], pages: 1, complete: true });
  });
});

describe('LIST-4: a walk compared with one large page', () => {
  it('a correct list walks every row once at any page size', async () => {
    for (const size of [1, 2, 3, 7]) expect(compareWalk(await walkIds(0, size), IDS.map(String))).toEqual({ repeated: [], missing: [], extra: [] });
  });

  it('a next page that starts one row early repeats the boundary rows', async () => {
    const ids = await walkIds(-1);
    expect(repeatsOf(ids)).toEqual(['2', '3', '4', '5', '6', '7']);
    expect(compareWalk(ids, IDS.map(String))).toMatchObject({ repeated: ['2', '3', '4', '5', '6', '7'], missing: [] });
  });

  it('a next page that starts one row late skips the boundary rows', async () => {
    const ids = await walkIds(1);
    expect(ids).toEqual(['1', '2', '4', '5', '7']);
    expect(compareWalk(ids, IDS.map(String))).toEqual({ repeated: [], missing: ['3', '6'], extra: [] });
  });

  it('with reads before and after, only rows both agree on count: one created or deleted meanwhile is neither missing nor extra', () => {
    const walked = ['1', '2', '4', '9'];
    const before = ['1', '2', '3', '4', '5'];
    const after = ['1', '2', '3', '4', '9'];
    // 3 is in both reads and not walked (skipped); 5 was deleted and 9 created during the walk.
    expect(compareWalk(walked, before, after)).toEqual({ repeated: [], missing: ['3'], extra: [] });
    expect(compareWalk(['1', '8'], ['1'], ['1'])).toEqual({ repeated: [], missing: [], extra: ['8'] });
  });
});
