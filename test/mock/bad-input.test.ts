import { describe, expect, it } from 'vitest';
import { AGENT, SKILL, expectError, mockApp, type Method } from '../helpers/mock-app.js';

const STATUS: Record<number, string> = { 400: 'INVALID_ARGUMENT', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 413: 'INVALID_ARGUMENT', 422: 'UNPROCESSABLE_ENTITY' };
const skill = `/api/v1/skills/${SKILL.warehouse}`;
const agent = `/api/v1/agents/${AGENT.onboarding}`;

interface Row {
  name: string;
  method: Method;
  path: string;
  body?: unknown;
  raw?: string | Buffer;
  status: number;
  allow?: string;
  /** What the message must mention, so a row cannot pass for the wrong reason. */
  says?: RegExp;
}

const SKILL_TYPES: Array<[string, unknown]> = [
  ['name', 5], ['name', null], ['description', 5], ['description', null], ['expectedOutput', null], ['expectedOutput', []], ['instructions', 'x'], ['instructions', [1]],
  ['toolset', []], ['model', 5], ['connectionSet', {}], ['contextSelections', 'x'], ['interfaces', [1]], ['evaluations', {}],
  ['supervisionSubordinateDescriptions', { a: 1 }], ['accessConfig', 'x'], ['accessConfig', { visibility: 'public' }],
  ['accessConfig', { sharedWith: {} }], ['accessConfig', { groupPermissions: { eng: true } }], ['managerId', 'x'], ['managerId', -1],
];
const AGENT_TYPES: Array<[string, unknown]> = [
  ['name', []], ['type', 'bot'], ['description', {}], ['trigger', []], ['agentSelection', 'x'], ['workflowStructure', 5],
  ['accessConfig', { guardrails: [] }], ['accessConfig', { visibility: 7 }],
];
const deep = (n: number): string => '{"toolset":' + '{"a":'.repeat(n) + '1' + '}'.repeat(n) + '}';

const ROWS: Row[] = [
  { name: 'malformed JSON', method: 'PATCH', path: skill, raw: '{"name": "x",', status: 400, says: /JSON/ },
  { name: 'malformed JSON on create', method: 'POST', path: '/api/v1/agents', raw: "{'name': 'x'}", status: 400, says: /JSON/ },
  ...SKILL_TYPES.map(([f, v]): Row => ({ name: `skill ${f} = ${JSON.stringify(v)}`, method: 'PATCH', path: skill, body: { [f]: v }, status: 422 })),
  ...AGENT_TYPES.map(([f, v]): Row => ({ name: `agent ${f} = ${JSON.stringify(v)}`, method: 'PATCH', path: agent, body: { [f]: v }, status: 422 })),
  { name: '__proto__ at top level', method: 'PATCH', path: skill, raw: '{"__proto__": {"admin": true}}', status: 400, says: /__proto__/ },
  { name: 'constructor at top level', method: 'POST', path: '/api/v1/skills', raw: '{"name":"n","constructor":{"prototype":{}}}', status: 400, says: /constructor/ },
  { name: '__proto__ nested', method: 'PATCH', path: skill, raw: '{"toolset": {"x": {"__proto__": {"polluted": 1}}}}', status: 400, says: /__proto__/ },
  { name: 'constructor nested', method: 'PATCH', path: agent, raw: '{"trigger": {"constructor": {"prototype": {"p": 1}}}}', status: 400, says: /constructor/ },
  { name: '2 MiB body', method: 'PATCH', path: skill, raw: JSON.stringify({ description: 'x'.repeat(2 * 1024 * 1024) }), status: 413, says: /exceeds/ },
  { name: 'JSON nested 10,000 deep', method: 'PATCH', path: skill, raw: deep(10_000), status: 400, says: /nested|deep/ },
  { name: 'name of 201 emoji', method: 'PATCH', path: skill, body: { name: '😀'.repeat(201) }, status: 422 },
  { name: 'create with name of 201 emoji', method: 'POST', path: '/api/v1/agents', body: { name: '😀'.repeat(201) }, status: 422 },
  { name: 'pageSize=-1', method: 'GET', path: '/api/v1/skills?pageSize=-1', status: 400 },
  { name: 'pageSize=1.5', method: 'GET', path: '/api/v1/skills?pageSize=1.5', status: 400 },
  { name: 'pageSize=abc', method: 'GET', path: '/api/v1/agents?pageSize=abc', status: 400 },
  { name: 'pageToken never issued', method: 'GET', path: '/api/v1/skills?pageToken=c2tpbGw6NDI', status: 400 },
  { name: 'view=latest', method: 'GET', path: `${skill}?view=latest`, status: 400 },
  { name: 'updateMask with an unknown field', method: 'PATCH', path: `${skill}?updateMask=description,colour`, body: { description: 'd' }, status: 400 },
  { name: 'showDeleted=maybe', method: 'GET', path: '/api/v1/skills?showDeleted=maybe', status: 400 },
  { name: 'unknown path', method: 'GET', path: '/api/v1/widgets', status: 404 },
  { name: 'unknown action', method: 'POST', path: `${skill}/publish`, status: 404 },
  { name: 'toggle on a skill', method: 'POST', path: `${skill}/toggle`, status: 404 },
  { name: 'PUT on an item', method: 'PUT', path: skill, body: { name: 'x' }, status: 405, allow: 'DELETE, GET, PATCH' },
  { name: 'PATCH on the collection', method: 'PATCH', path: '/api/v1/agents', body: {}, status: 405, allow: 'GET, POST' },
  { name: 'GET on deploy', method: 'GET', path: `${agent}/deploy`, status: 405, allow: 'POST' },
  { name: 'invalid UTF-8 bytes', method: 'PATCH', path: skill, raw: Buffer.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), status: 400, says: /UTF-8/ },
  { name: 'invalid UTF-8 on create', method: 'POST', path: '/api/v1/agents', raw: Buffer.from('{"name":"\xc3"}', 'latin1'), status: 400, says: /UTF-8/ },
  { name: 'empty body on create', method: 'POST', path: '/api/v1/skills', status: 422, says: /name/ },
  { name: 'empty object on create', method: 'POST', path: '/api/v1/agents', body: {}, status: 422 },
  { name: 'JSON array body', method: 'PATCH', path: skill, raw: '[{"name":"x"}]', status: 400, says: /object/ },
  { name: 'JSON array body on create', method: 'POST', path: '/api/v1/skills', raw: '[]', status: 400, says: /object/ },
  { name: 'JSON null body', method: 'PATCH', path: agent, raw: 'null', status: 400 },
  { name: 'unknown top-level field', method: 'PATCH', path: agent, body: { isEnabled: true }, status: 400 },
];

describe('bad input', () => {
  it.each(ROWS)('ERR-2/DET-5: $name answers $status with a JSON error and no state change', async (row) => {
    const m = mockApp();
    const before = m.snapshot();
    const r = await m.call(row.method, row.path, { as: 'alice', body: row.body, rawBody: row.raw });
    expectError(r, row.status, STATUS[row.status]!);
    expect(r.headers['content-type']).toBe('application/json');
    if (row.says) expect(r.body.error.message).toMatch(row.says);
    if (row.allow) expect(r.headers['allow']!.split(', ').sort().join(', ')).toBe(row.allow);
    expect(m.snapshot()).toBe(before);
  });

  it.each([
    ['a free-form toolset', 'PATCH', '{"toolset": {"__proto__": {"enabled": true}}}'],
    ['deep in connectionSet', 'PATCH', '{"connectionSet": [{"a": [{"b": {"constructor": 1}}]}]}'],
    ['a create with a prototype key in evaluations', 'POST', '{"name": "x", "evaluations": [{"prototype": {}}]}'],
  ])('ERR-3: a prototype key in %s answers 400 and changes nothing', async (_what, method, raw) => {
    const m = mockApp();
    const before = m.snapshot();
    const r = await m.call(method as 'PATCH' | 'POST', method === 'PATCH' ? skill : '/api/v1/skills', { as: 'alice', rawBody: raw });
    expectError(r, 400, 'INVALID_ARGUMENT');
    expect(r.body.error.message).toMatch(/__proto__|constructor|prototype/);
    expect(m.snapshot()).toBe(before);
  });

  it('UPD-4: a name of exactly 200 code points (emoji) is accepted on PATCH and create', async () => {
    const m = mockApp();
    const name = '😀'.repeat(200);
    expect(name.length).toBe(400); // UTF-16 units: the limit counts code points
    const patched = await m.call('PATCH', skill, { as: 'alice', body: { name } });
    expect(patched.status).toBe(200);
    expect(patched.body.name).toBe(name);
    const created = await m.call('POST', '/api/v1/skills', { as: 'alice', body: { name } });
    expect(created.status).toBe(201);
    expect(created.body.name).toBe(name);
    expect(created.body.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('DET-5: a body just under 1 MiB is read, not refused as too large', async () => {
    const m = mockApp();
    const description = 'x'.repeat(1024 * 1024 - 100);
    const r = await m.call('PATCH', skill, { as: 'alice', body: { description } });
    expect(r.status).toBe(200);
    expect(r.body.description).toHaveLength(description.length);
  });

  it('DET-5: JSON nested 64 deep is accepted, 65 deep is 400', async () => {
    const m = mockApp();
    expect((await m.call('PATCH', skill, { as: 'alice', rawBody: deep(63) })).status).toBe(200);
    const before = m.snapshot();
    expectError(await m.call('PATCH', skill, { as: 'alice', rawBody: deep(64) }), 400, 'INVALID_ARGUMENT');
    expect(m.snapshot()).toBe(before);
  });
});
