import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { loadContract, type ResponseLike } from './validation.js';

const SPEC_PATH = fileURLToPath(new URL('../../openapi.json', import.meta.url));
const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Record<string, unknown>;
const contract = loadContract();
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

const access = {
  visibility: 'org',
  groupPermissions: {},
  sharedWith: [],
  ownerUserId: 'user_alice',
  ownerEmail: 'alice@example.com',
};

function skillRow(): Record<string, unknown> {
  return {
    id: 1,
    slug: 'churn-analyzer',
    name: 'Churn Analyzer',
    status: 'draft',
    orgUuid: '00000000-0000-0000-0000-000000000001',
    hasUnpublishedChanges: true,
    accessConfig: { ...access, guardrails: [] },
    createdAt: '2026-05-01T10:00:00.000Z',
    updatedAt: '2026-05-01T10:00:00.000Z',
    description: null,
    activeVariationId: null,
    draftVariationId: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    deletedAt: null,
  };
}

function skill(): Record<string, unknown> {
  return {
    ...skillRow(),
    variation: {
      expectedOutput: '',
      instructions: ['Be concise.'],
      model: null,
      toolset: {},
      connectionSet: [],
      contextSelections: [],
      evaluations: [],
      interfaces: [],
      supervisionSubordinateIds: ['2'],
      supervisionSubordinateDescriptions: { 2: 'Reads facts' },
    },
  };
}

function agentRow(): Record<string, unknown> {
  const { guardrails: _guardrails, ...agentAccess } = skillRow().accessConfig as Record<string, unknown>;
  return { ...skillRow(), type: 'task', isEnabled: false, canManage: true, canUse: true, accessConfig: agentAccess };
}

function agent(): Record<string, unknown> {
  return { ...agentRow(), variation: { trigger: {}, workflowStructure: {}, agentSelection: {} } };
}

function check(res: Partial<ResponseLike> & Pick<ResponseLike, 'status'>) {
  return contract.validateResponse({ method: 'GET', path: '/api/v1/skills/1', headers: JSON_HEADERS, ...res });
}

/** Every `examples` array on a schema, and every `example` / `examples` map beside a `schema`. */
function collectExamples(node: unknown, pointer: string, out: Array<[string, unknown]>): Array<[string, unknown]> {
  if (node === null || typeof node !== 'object') return out;
  const obj = node as Record<string, unknown>;
  if (Array.isArray(obj.examples)) for (const value of obj.examples) out.push([pointer, value]);
  if ('schema' in obj) {
    if ('example' in obj) out.push([`${pointer}/schema`, obj.example]);
    if (obj.examples && !Array.isArray(obj.examples)) {
      for (const ex of Object.values(obj.examples as Record<string, { value: unknown }>)) out.push([`${pointer}/schema`, ex.value]);
    }
  }
  for (const [key, child] of Object.entries(obj)) {
    if (key === 'examples' || key === 'example') continue;
    collectExamples(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
  }
  return out;
}

describe('openapi.json examples', () => {
  const examples = collectExamples(spec, '#', []);

  it('has examples for the main schemas and operations', () => {
    expect(examples.length).toBeGreaterThan(60);
    expect(examples.some(([p]) => p === '#/components/schemas/Skill')).toBe(true);
  });

  it('every example validates against its own schema', () => {
    const failures = examples.flatMap(([pointer, value]) =>
      contract.validateValue(pointer, value).map((v) => `${pointer} ${v.jsonPath} ${v.message}`),
    );
    expect(failures).toEqual([]);
  });

  it('the example check itself catches a wrong example', () => {
    const broken = structuredClone(spec) as { components: { schemas: { Skill: { examples: unknown[] } } } };
    broken.components.schemas.Skill.examples.push({ ...skill(), hasUnpublishedChanges: 'yes' });
    const brokenContract = loadContract(broken);
    const failures = collectExamples(broken, '#', []).flatMap(([p, v]) => brokenContract.validateValue(p, v));
    expect(failures).toEqual([expect.objectContaining({ jsonPath: '/hasUnpublishedChanges' })]);
  });
});

describe('valid responses pass', () => {
  it('HIDE-1, LIFE-10: GET skill 200 with charset in the content type', () => {
    const result = check({ path: '/api/v1/skills/1?view=draft', status: 200, body: skill() });
    expect(result).toEqual({ valid: true, operationId: 'getSkill', violations: [] });
  });

  it('LIFE-10: a never-deployed skill read with view=active has no variation', () => {
    expect(check({ path: '/api/v1/skills/1?view=active', status: 200, body: skillRow() }).valid).toBe(true);
  });

  it('LIST-1, LIST-3: list pages with and without nextPageToken', () => {
    const page = { skills: [skillRow()], nextPageToken: 'abc' };
    expect(check({ path: '/api/v1/skills?pageSize=1', status: 200, body: page }).violations).toEqual([]);
    expect(check({ path: '/api/v1/agents', status: 200, body: { agents: [agentRow()] } }).violations).toEqual([]);
  });

  it('LIFE-7, LIFE-12: deploy and toggle answers', () => {
    const deployed = { agent: { ...agent(), status: 'active', isEnabled: true }, deployedAt: '2026-05-02T00:00:00Z' };
    expect(check({ method: 'POST', path: '/api/v1/agents/1/deploy', status: 200, body: deployed }).violations).toEqual([]);
    expect(check({ method: 'POST', path: '/api/v1/agents/1/toggle', status: 200, body: agent() }).operationId).toBe('toggleAgent');
  });

  it('XFER-2: a pending transfer object is accepted', () => {
    const pendingOwnershipTransfer = {
      pendingOwnerUserId: 'user_bob',
      requestedByUserId: 'user_alice',
      requestedAt: '2026-05-03T00:00:00.000Z',
      pendingOwnerEmail: 'bob@example.com',
    };
    const res = { method: 'POST', path: '/api/v1/skills/1/transfer-ownership', status: 200, body: { ...skill(), pendingOwnershipTransfer } };
    expect(check(res).valid).toBe(true);
  });

  it('DEL-1: DELETE answers 204 without a body', () => {
    expect(check({ method: 'DELETE', status: 204, headers: {} }).valid).toBe(true);
  });

  it('ERR-1, DET-2: a 404 error body', () => {
    const body = { error: { code: 404, status: 'NOT_FOUND', message: 'skill 1 not found' } };
    expect(check({ status: 404, body }).valid).toBe(true);
  });
});

describe('broken shapes fail with the JSON path', () => {
  it('LIFE-6: hasUnpublishedChanges must be a boolean', () => {
    const result = check({ status: 200, body: { ...skill(), hasUnpublishedChanges: 'yes' } });
    expect(result.valid).toBe(false);
    expect(result.violations).toContainEqual(expect.objectContaining({ jsonPath: '/hasUnpublishedChanges', keyword: 'type' }));
  });

  it('reports every violation, not just the first', () => {
    const result = check({ status: 200, body: { ...skill(), id: 0, slug: 'Not A Slug' } });
    expect(result.violations.map((v) => v.jsonPath)).toEqual(expect.arrayContaining(['/id', '/slug']));
  });

  it('XFER-5: pendingOwnershipTransfer: null is a violation (absent, never null)', () => {
    const result = check({ status: 200, body: { ...skill(), pendingOwnershipTransfer: null } });
    expect(result.violations).toContainEqual(expect.objectContaining({ jsonPath: '/pendingOwnershipTransfer', keyword: 'type' }));
  });

  it('LIFE-13: a list row with variation is a documented violation (and an added field)', () => {
    const result = check({ path: '/api/v1/skills', status: 200, body: { skills: [skillRow(), skill()] } });
    expect(result.violations).toEqual([
      expect.objectContaining({ jsonPath: '/skills/1', keyword: 'not', rule: 'LIFE-13', tag: 'D', schemaPath: '#/components/schemas/SkillRow/not' }),
      {
        jsonPath: '/skills/1',
        keyword: 'additionalProperties',
        message: "must NOT have additional properties: 'variation'",
        schemaPath: '#/components/schemas/SkillRow/additionalProperties',
        rule: 'SHAPE-3',
        tag: 'A',
      },
    ]);
  });

  it('ACC-6: an agent without canUse is a violation, on GET and on list rows', () => {
    const { canUse: _canUse, ...withoutCanUse } = agent();
    const one = check({ path: '/api/v1/agents/1', status: 200, body: withoutCanUse });
    expect(one.violations).toContainEqual(expect.objectContaining({ jsonPath: '/', keyword: 'required', message: expect.stringContaining('canUse') }));
    const { canUse: _rowCanUse, ...rowWithoutCanUse } = agentRow();
    const list = check({ path: '/api/v1/agents', status: 200, body: { agents: [rowWithoutCanUse] } });
    expect(list.violations).toContainEqual(expect.objectContaining({ jsonPath: '/agents/0', keyword: 'required' }));
  });

  it('ACC-6: a skill must not carry canUse', () => {
    expect(check({ status: 200, body: { ...skill(), canUse: true } }).valid).toBe(false);
  });

  it('LIFE-11: a historic variation answer must include variation', () => {
    const path = '/api/v1/skills/1/variations/3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
    expect(check({ path, status: 200, body: skill() }).valid).toBe(true);
    expect(check({ path, status: 200, body: skillRow() }).violations).toContainEqual(expect.objectContaining({ keyword: 'required' }));
  });

  it('ERR-1: an error status outside the enum fails, in the Error schema and in a response', () => {
    const body = { error: { code: 404, status: 'GONE', message: 'x' } };
    expect(contract.validateValue('#/components/schemas/Error', body)).toEqual([
      expect.objectContaining({ jsonPath: '/error/status', keyword: 'enum', schemaPath: '#/components/schemas/Error/properties/error/properties/status/enum', rule: 'DET-2', tag: 'A' }),
    ]);
    // SHAPE-4, DET-2 [A]: status names are the mock's; one Error component, pinned per status.
    expect(check({ status: 404, body }).violations).toEqual([
      expect.objectContaining({ jsonPath: '/error/status', keyword: 'enum', rule: 'DET-2', tag: 'A' }),
      expect.objectContaining({ jsonPath: '/error/status', keyword: 'const', rule: 'DET-2', tag: 'A' }),
    ]);
  });

  it('ERR-1: an error body without message or with extra fields fails', () => {
    const result = check({ status: 401, body: { error: { code: 401, status: 'UNAUTHENTICATED' }, detail: 'x' } });
    expect(result.violations.map((v) => `${v.jsonPath} ${v.keyword}`).sort()).toEqual(['/ additionalProperties', '/error required']);
  });

  it('DET-2: the error code and status must match the HTTP status', () => {
    const result = check({ status: 404, body: { error: { code: 400, status: 'INVALID_ARGUMENT', message: 'x' } } });
    expect(result.violations.map((v) => `${v.jsonPath} ${v.keyword}`)).toEqual(['/error/code const', '/error/status const']);
  });
});

describe('status, content type and body presence', () => {
  it('ERR-2: an undocumented status (418) is a violation', () => {
    const result = check({ status: 418, body: { error: { code: 418, status: 'INTERNAL', message: 'teapot' } } });
    expect(result).toMatchObject({ valid: false, operationId: 'getSkill', violations: [{ keyword: 'status' }] });
  });

  it('DET-12: a JSON answer with another content type is a violation', () => {
    const result = check({ status: 200, headers: { 'Content-Type': 'text/html' }, body: skill() });
    expect(result.violations).toEqual([expect.objectContaining({ keyword: 'contentType' })]);
    expect(check({ status: 200, headers: {}, body: skill() }).violations[0]?.keyword).toBe('contentType');
  });

  it('DEL-1: a 204 with a body is a violation', () => {
    const result = check({ method: 'DELETE', status: 204, body: { ok: true } });
    expect(result.violations).toEqual([expect.objectContaining({ keyword: 'body' })]);
  });

  it('a documented JSON status without a body is a violation', () => {
    expect(check({ status: 200 }).violations).toEqual([expect.objectContaining({ keyword: 'body' })]);
  });
});

describe('operation matching', () => {
  it('an unknown path or method is a violation', () => {
    expect(check({ path: '/api/v1/widgets/1', status: 200, body: {} }).violations[0]?.keyword).toBe('operation');
    expect(check({ method: 'PUT', status: 200, body: skill() }).violations[0]?.keyword).toBe('operation');
  });

  it('strips the query string and prefers literal segments', () => {
    expect(contract.matchOperation('post', '/api/v1/skills/42/deploy?x=1')).toEqual({
      operationId: 'deploySkill',
      pathTemplate: '/api/v1/skills/{id}/deploy',
    });
    expect(contract.matchOperation('POST', '/api/v1/agents/7/transfer-ownership/accept')?.operationId).toBe('acceptAgentOwnershipTransfer');
    expect(contract.matchOperation('GET', '/api/v1/skills/42/deploy')).toBeUndefined();
  });

  it('DET-4: a non-numeric id still maps to the operation (its 404 is documented)', () => {
    const body = { error: { code: 404, status: 'NOT_FOUND', message: 'skill abc not found' } };
    expect(check({ path: '/api/v1/skills/abc', status: 404, body }).valid).toBe(true);
  });
});

describe('loading the contract', () => {
  const minimal = (schema: unknown) => ({
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/x': { get: { operationId: 'getX', responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } } } },
    },
  });

  it('loads from a file path', () => {
    expect(loadContract(SPEC_PATH).matchOperation('GET', '/api/v1/agents')?.operationId).toBe('listAgents');
  });

  it('a schema with an invalid type throws at load, naming the operation and status', () => {
    expect(() => loadContract(minimal({ type: 'nonsense' }))).toThrow(/getX 200/);
  });

  it('a $ref to a missing schema throws at load', () => {
    expect(() => loadContract(minimal({ $ref: '#/components/schemas/Missing' }))).toThrow(/Missing/);
  });

  it('a broken component schema throws even when no operation uses it', () => {
    const doc = { ...minimal({ type: 'object' }), components: { schemas: { Broken: { type: 'nonsense' } } } };
    expect(() => loadContract(doc)).toThrow(/components\.schemas\.Broken/);
  });

  it('falls back from an exact status to NXX, then default', () => {
    const doc = minimal({ type: 'object' });
    const error = { description: 'e', content: { 'application/json': { schema: { type: 'string' } } } };
    Object.assign(doc.paths['/x'].get.responses, { '4XX': error, default: { description: 'other' } });
    const c = loadContract(doc);
    expect(c.validateResponse({ method: 'GET', path: '/x', status: 404, body: 'gone' }).valid).toBe(true);
    expect(c.validateResponse({ method: 'GET', path: '/x', status: 404, body: {} }).violations[0]?.keyword).toBe('type');
    expect(c.validateResponse({ method: 'GET', path: '/x', status: 503 }).valid).toBe(true);
  });

  it('a response $ref that resolves nowhere throws at load', () => {
    const doc = minimal({});
    doc.paths['/x'].get.responses['200'] = { $ref: '#/components/responses/Nope' } as never;
    expect(() => loadContract(doc)).toThrow(/components\/responses\/Nope/);
  });
});
