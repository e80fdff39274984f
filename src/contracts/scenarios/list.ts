import type { Scenario, ScenarioContext } from '../scenario.js';
import { compareWalk, idsOf, repeatsOf } from '../checks/index.js';
import { type Json, type Kind, idOf, walkList } from './helpers.js';

/** GET /{kind}?query as the owner, expecting `status`; answers the body. */
async function page(t: ScenarioContext, kind: Kind, query: string, status = 200): Promise<Json> {
  return t.status(await t.call('owner', 'GET', `/api/v1/${kind}${query ? `?${query}` : ''}`), status, `list ${kind}?${query}`);
}

const rowsOf = (kind: Kind, body: Json): Json[] => (Array.isArray(body[kind]) ? (body[kind] as Json[]) : []);

/** Fails unless a page holds at most `max` rows, and exactly `max` when it says more follow. */
function checkPageSize(t: ScenarioContext, kind: Kind, body: Json, max: number, what: string): void {
  const n = rowsOf(kind, body).length;
  t.check(n <= max, `${what}: ${n} rows, more than ${max}`);
  t.check(body['nextPageToken'] === undefined || n === max, `${what}: ${n} rows and a nextPageToken: a short page before the last`);
}

/** LIST: pagination and list shape. */
export const listScenarios: Scenario[] = [
  {
    rule: 'LIST-1',
    title: 'pageSize limits a page, nextPageToken leads to the next page',
    async run(t) {
      await t.create('skills');
      await t.create('skills');
      const first = await page(t, 'skills', 'pageSize=1');
      t.check(rowsOf('skills', first).length <= 1, 'pageSize=1 answered more than one row');
      const token = first['nextPageToken'];
      t.check(typeof token === 'string' && token !== '', 'no nextPageToken although more rows follow');
      const second = await page(t, 'skills', `pageSize=1&pageToken=${encodeURIComponent(String(token))}`);
      const seen = new Set(rowsOf('skills', first).map(idOf));
      t.check(rowsOf('skills', second).every((r) => !seen.has(idOf(r))), 'the second page repeats the first');
    },
  },
  {
    rule: 'LIST-1',
    tag: 'A',
    title: 'default page size 50, at most 100, bad pageSize or an unissued token 400',
    async run(t) {
      await t.create('skills');
      checkPageSize(t, 'skills', await page(t, 'skills', ''), 50, 'default page');
      checkPageSize(t, 'skills', await page(t, 'skills', 'pageSize=1000'), 100, 'pageSize=1000');
      checkPageSize(t, 'skills', await page(t, 'skills', 'pageSize=1000000000'), 100, 'pageSize=1000000000');
      for (const q of ['pageSize=-1', 'pageSize=1.5', 'pageSize=ten', `pageToken=${t.name('never-issued')}`]) {
        await page(t, 'skills', q, 400);
      }
      await page(t, 'agents', 'pageSize=-5', 400);
    },
  },
  {
    rule: 'LIST-2',
    title: 'rows come in ascending id order and a small-page walk visits each row exactly once',
    async run(t) {
      const mine = [idOf(await t.create('skills')), idOf(await t.create('skills')), idOf(await t.create('skills'))];
      const whole = await walkList(t, 'owner', 'skills');
      t.check(whole.complete, 'the list is too long to walk');
      // A page size that gives about five pages, so the walk crosses several page boundaries.
      const size = Math.max(1, Math.ceil(whole.rows.length / 5));
      const small = await walkList(t, 'owner', 'skills', `pageSize=${size}`, 12);
      t.check(small.complete, `a walk with pageSize=${size} did not end`);
      const ids = small.rows.map((r) => Number(r['id']));
      t.check(ids.every((id, i) => i === 0 || id > ids[i - 1]!), `ids are not ascending: ${ids.join(',')}`);
      t.check(repeatsOf(idsOf(small.rows)).length === 0, 'a row was visited twice');
      for (const id of mine) t.check(ids.filter((x) => String(x) === id).length === 1, `skills/${id} was not visited exactly once`);
      t.check(small.pages >= 2 || whole.rows.length <= size, 'the small-page walk did not paginate');
    },
  },
  {
    rule: 'LIST-3',
    title: 'list answers are {skills|agents: [...], nextPageToken?} and nothing else',
    async run(t) {
      await t.create('skills');
      await t.create('agents');
      for (const kind of ['skills', 'agents'] as const) {
        for (const q of ['pageSize=1', 'pageSize=100']) {
          const body = await page(t, kind, q);
          t.check(Array.isArray(body[kind]), `${kind}?${q}: no ${kind} array`);
          const extra = Object.keys(body).filter((k) => k !== kind && k !== 'nextPageToken');
          t.check(extra.length === 0, `${kind}?${q}: unexpected keys ${extra.join(', ')}`);
        }
      }
    },
  },
  {
    rule: 'LIST-4',
    title: 'a walk at any small page size is the set of one large page, each row once',
    async run(t) {
      const started = Date.now();
      const mine: string[] = [];
      for (let i = 0; i < 5; i++) mine.push(idOf(await t.create('agents')));
      const large = await walkList(t, 'owner', 'agents', 'pageSize=100');
      t.check(large.complete, 'the list is too long to walk');
      // Rows others create or delete during the walk are not this run's to judge: compare what existed before.
      const stable = (rows: Json[]): string[] => rows.filter((r) => mine.includes(idOf(r)) || Date.parse(String(r['createdAt'])) < started).map(idOf);
      const expected = new Set(stable(large.rows));
      for (const id of mine) t.check(expected.has(id), `agents/${id} is missing from one large page`);
      for (const size of [1, 2, Math.max(3, Math.ceil(large.rows.length / 6))]) {
        const walk = await walkList(t, 'owner', 'agents', `pageSize=${size}`, Math.ceil(large.rows.length / size) + 2);
        t.check(walk.complete, `a walk with pageSize=${size} did not end`);
        const ids = stable(walk.rows);
        const { repeated, missing, extra } = compareWalk(ids, expected);
        t.check(repeated.length === 0, `pageSize=${size}: a row was visited twice: ${ids.join(',')}`);
        t.check(missing.length === 0 && extra.length === 0, `pageSize=${size}: the walk misses ${missing.join(',') || 'nothing'} and adds ${extra.join(',') || 'nothing'}`);
        if (large.rows.length > 60) break; // a long org list: one small walk is enough for the budget
      }
    },
  },
];
