/** The kit's like-missing (HIDE, AUTH-3, ERR-1): a hidden answer compared with the answer on an id that never existed. */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MISSING_ID, compareLikeMissing, judgeLikeMissing, onMissingId } from '../../src/contracts/checks/index.js';
import type { ApiResponse, Exchange } from '../../src/contracts/client.js';

const notFound = (id: string, message = `skill ${id} not found`): ApiResponse => ({
  status: 404, headers: { 'content-type': 'application/json' }, body: { error: { code: 404, status: 'NOT_FOUND', message } },
});
const exchange = (path: string, response: ApiResponse): Exchange => ({ request: { method: 'GET', path, role: 'outsider' }, response, ms: 0 });

describe('compareLikeMissing (HIDE-1, HIDE-2, HIDE-5, ERR-1)', () => {
  it('finds nothing when the answers differ only by the id', () => {
    expect(compareLikeMissing(notFound('12'), notFound(MISSING_ID), '12', MISSING_ID)).toEqual({ documented: [], assumed: [] });
  });

  it('a 403 where a missing id gets 404 breaks the hiding rule itself ([D])', () => {
    const forbidden: ApiResponse = { status: 403, headers: {}, body: { error: { code: 403, status: 'PERMISSION_DENIED', message: 'no access to skill 12' } } };
    const found = compareLikeMissing(forbidden, notFound(MISSING_ID), '12', MISSING_ID);
    expect(found.documented).toEqual([
      "status 403 differs from a never-existing id's 404",
      "error.code 403 differs from a never-existing id's 404",
      'error.status "PERMISSION_DENIED" differs from a never-existing id\'s "NOT_FOUND"',
    ]);
    expect(found.assumed).toEqual([]);
  });

  it('a message that names the hidden resource is ERR-1 [A] drift, not a [D] failure', () => {
    const found = compareLikeMissing(notFound('12', "skill 12 'Payroll secrets' is private"), notFound(MISSING_ID), '12', MISSING_ID);
    expect(found.documented).toEqual([]);
    expect(found.assumed).toHaveLength(1);
    expect(found.assumed[0]).toContain('Payroll secrets');
  });

  it('a body of another shape is [D], and the id is replaced only where it stands alone (never inside 120 or in a number)', () => {
    const extra: ApiResponse = { status: 404, headers: {}, body: { error: { code: 404, status: 'NOT_FOUND', message: 'skill 12 not found', owner: 'x' } } };
    expect(compareLikeMissing(extra, notFound(MISSING_ID), '12', MISSING_ID).documented[0]).toMatch(/^body shape/);
    expect(compareLikeMissing(notFound('12', 'skill 120 not found'), notFound(MISSING_ID), '12', MISSING_ID).assumed).toHaveLength(1);
  });
});

describe('compareLikeMissing: the answers that are the same but for the id', () => {
  /** The rule's text, written here on its own: replace the id where it stands alone in a string, then compare. */
  const replaced = (v: unknown, id: string): unknown => {
    if (typeof v === 'string') return v.split(new RegExp(`(?<![0-9])${id.replace(/[.+]/g, '\\$&')}(?![0-9])`)).join('<id>');
    if (Array.isArray(v)) return v.map((x) => replaced(x, id));
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, replaced(x, id)]));
    return v;
  };
  const clean = (f: { documented: string[]; assumed: string[] }): boolean => f.documented.length === 0 && f.assumed.length === 0;

  it('a message that names the hidden id where the missing one names the hidden id too is not the same answer (ERR-1)', () => {
    // Both say "12": once each id is replaced, the hidden one says <id> and the missing one still says 12.
    expect(compareLikeMissing(notFound('12'), notFound(MISSING_ID, 'skill 12 not found'), '12', MISSING_ID).assumed).toHaveLength(1);
  });

  it('an id with characters a pattern would read as operators is matched as text', () => {
    expect(compareLikeMissing(notFound('1.5'), notFound(MISSING_ID), '1.5', MISSING_ID)).toEqual({ documented: [], assumed: [] });
    expect(compareLikeMissing(notFound('1.5', 'skill 105 not found'), notFound(MISSING_ID), '1.5', MISSING_ID).assumed).toHaveLength(1);
  });

  it('finds nothing exactly when the bodies are deep-equal once each id is replaced (generated bodies)', () => {
    const ids = fc.constantFrom('12', '7', '1.5', '+3');
    const text = fc.array(fc.constantFrom('12', '7', '1.5', '+3', '120', ' ', 'skill', MISSING_ID), { maxLength: 4 }).map((parts) => parts.join(''));
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, text, fc.integer({ min: 0, max: 20 }), fc.constant(null), fc.boolean(), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('code', 'status', 'message', 'error'), tie('value'), { maxKeys: 3 })),
    })).value;
    fc.assert(fc.property(ids, json, json, fc.boolean(), (id, a, b, same) => {
      // Half the pairs: the missing answer is the hidden one with the id swapped, so "the same" is reached often.
      const missing = same ? JSON.parse(JSON.stringify(replaced(a, id)).split('<id>').join(MISSING_ID)) as unknown : b;
      const expected = isDeepStrictEqual(replaced(a, id), replaced(missing, MISSING_ID));
      const found = compareLikeMissing({ status: 404, body: a }, { status: 404, body: missing }, id, MISSING_ID);
      expect(clean(found)).toBe(expected);
    }), { numRuns: 2000, seed: 7 });
  });
});

describe('onMissingId', () => {
  it('replaces only the id segment, keeping the suffix, the query, the body and the role', () => {
    const twin = onMissingId({ method: 'POST', path: '/api/v1/agents/12/transfer-ownership?x=12', role: 'otherOrg', body: { newOwnerUserId: 'u12' } });
    expect(twin).toEqual({ method: 'POST', path: `/api/v1/agents/${MISSING_ID}/transfer-ownership?x=12`, role: 'otherOrg', body: { newOwnerUserId: 'u12' } });
    expect(onMissingId({ method: 'GET', path: '/api/v1/skills/7?view=draft', role: null }).path).toBe(`/api/v1/skills/${MISSING_ID}?view=draft`);
  });
});

describe('judgeLikeMissing', () => {
  it('prefixes each message with what was called, by default the request line and role', () => {
    const hidden = exchange('/api/v1/skills/12', { ...notFound('12'), status: 403 });
    const verdict = judgeLikeMissing(hidden, exchange(`/api/v1/skills/${MISSING_ID}`, notFound(MISSING_ID)), 12);
    expect(verdict.documented).toBe("GET /api/v1/skills/12 as outsider: status 403 differs from a never-existing id's 404");
    expect(judgeLikeMissing(exchange('/api/v1/skills/12', notFound('12', 'gone: 12 (Payroll)')), exchange('/x', notFound(MISSING_ID)), '12', 'GET skill').assumed[0]).toMatch(/^GET skill: body/);
    expect(judgeLikeMissing(exchange('/api/v1/skills/12', notFound('12')), exchange('/x', notFound(MISSING_ID)), '12')).toEqual({ assumed: [] });
  });
});
