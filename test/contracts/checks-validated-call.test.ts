/** The kit's validated call: one request through the target client, its answer checked against openapi.json. */
import { describe, expect, it } from 'vitest';
import { callValidated, checkResponse, groupByRule } from '../../src/contracts/checks/index.js';
import { BudgetExceededError } from '../../src/contracts/client.js';
import { loadContract } from '../../src/contracts/validation.js';
import { fakeClient } from './fake-target.js';

const contract = loadContract();
const notFound = { error: { code: 404, status: 'NOT_FOUND', message: 'skill 3 not found' } };

describe('callValidated', () => {
  it('sends through the client and names the exchange; a conforming answer has no findings', async () => {
    const { client, sent } = fakeClient(() => ({ status: 404, body: notFound }));
    const call = await callValidated(client, contract, { method: 'GET', path: '/api/v1/skills/3?view=draft', role: 'outsider' });
    expect(sent).toEqual([{ method: 'GET', path: '/api/v1/skills/3?view=draft', token: 'tok-outsider' }]);
    expect(call.at).toBe('GET /api/v1/skills/3?view=draft → 404');
    expect(call.exchange.response.body).toEqual(notFound);
    expect(call.findings).toEqual([]);
  });

  it('records every violation with its rule, tag and JSON path: [D] SHAPE-1 for what the docs state, [A] SHAPE-3 for an extra key', async () => {
    const { client } = fakeClient((_m, path) => (path.endsWith('/1') ? { status: 200, body: { id: 'one' } } : { status: 404, body: { error: { ...notFound.error, hint: 'x' } } }));
    const broken = await callValidated(client, contract, { method: 'GET', path: '/api/v1/skills/1', role: 'owner' });
    expect(broken.findings.length).toBeGreaterThan(1);
    expect(broken.findings).toContainEqual({ rule: 'SHAPE-1', tag: 'D', message: "/ required: must have required property 'slug'" });
    const extra = await callValidated(client, contract, { method: 'GET', path: '/api/v1/skills/2', role: 'owner' });
    expect(extra.findings).toEqual([{ rule: 'SHAPE-3', tag: 'A', message: "/error additionalProperties: must NOT have additional properties: 'hint'" }]);
  });

  it('spends the client budget like any call', async () => {
    const { client } = fakeClient(() => ({ status: 404, body: notFound }), { maxRequests: 1 });
    await callValidated(client, contract, { method: 'GET', path: '/api/v1/skills/3', role: 'owner' });
    await expect(callValidated(client, contract, { method: 'GET', path: '/api/v1/skills/3', role: 'owner' })).rejects.toBeInstanceOf(BudgetExceededError);
  });
});

describe('checkResponse and groupByRule', () => {
  it('checks an answer that did not come through a TargetClient (supertest, fetch), and groups findings by rule in first-seen order', () => {
    const findings = [
      ...checkResponse(contract, { method: 'GET', path: '/api/v1/skills/2' }, { status: 404, headers: { 'content-type': 'application/json' }, body: { error: { ...notFound.error, hint: 'x' } } }),
      ...checkResponse(contract, { method: 'GET', path: '/api/v1/skills/1' }, { status: 200, headers: { 'content-type': 'application/json' }, body: { id: 1 } }),
    ];
    const grouped = groupByRule(findings);
    expect([...grouped.keys()].slice(0, 2)).toEqual(['SHAPE-3', 'SHAPE-1']);
    expect(grouped.get('SHAPE-3')).toHaveLength(1);
    expect(grouped.get('SHAPE-1')!.every((f) => f.tag === 'D')).toBe(true);
  });
});
