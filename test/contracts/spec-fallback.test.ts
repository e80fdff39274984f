import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/server.js';
import { validationHook } from '../../src/cli/validate-hook.js';

const bundled = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8')) as Record<string, any>;
const auth = { authorization: 'Bearer tok_alice_owner', 'content-type': 'application/json' };

/** The bundled contract plus two operations the stateful core does not model (like the full Modus spec's memories and context). */
function extendedSpec(): string {
  const spec = structuredClone(bundled);
  spec.paths['/api/v1/skills/{id}/memories'] = {
    get: {
      operationId: 'listSkillMemories',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
      responses: {
        '200': {
          description: 'memories',
          content: { 'application/json': { schema: { type: 'object' }, example: { memories: [{ id: 'mem-1', memory: 'likes tables' }] } } },
        },
        '401': { $ref: '#/components/responses/Unauthorized' },
      },
    },
  };
  spec.paths['/api/v1/context/notes'] = {
    post: {
      operationId: 'createNote',
      requestBody: {
        required: true,
        content: { 'application/json': { schema: { type: 'object', required: ['title'], properties: { title: { type: 'string', minLength: 1 } } } } },
      },
      responses: {
        '201': { description: 'created', content: { 'application/json': { schema: { type: 'object' }, example: { uid: 'note-1' } } } },
        '422': { description: 'invalid', content: { 'application/json': { schema: { type: 'object' } } } },
      },
    },
  };
  const dir = mkdtempSync(join(tmpdir(), 'modus-spec-'));
  const file = join(dir, 'full-spec.json');
  writeFileSync(file, JSON.stringify(spec));
  return file;
}

describe('--spec: prism-http answers what the stateful core does not model', () => {
  let mock: RunningMock;
  const violations: string[] = [];
  beforeAll(async () => {
    const specFile = extendedSpec();
    mock = await startMock({ specFile, onExchange: validationHook({ specFile, onViolation: (line) => violations.push(line) }) });
  });
  afterAll(() => mock.close());

  it('serves an unmodelled GET from the spec example', async () => {
    const res = await fetch(`${mock.url}/api/v1/skills/1/memories`, { headers: auth });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ memories: [{ id: 'mem-1', memory: 'likes tables' }] });
  });

  it('validates requests to unmodelled operations with prism (a missing required field is 422 in our error body)', async () => {
    const bad = await fetch(`${mock.url}/api/v1/context/notes`, { method: 'POST', headers: auth, body: '{}' });
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { error: { code: number; message: string } };
    expect(body.error.code).toBe(422);
    expect(body.error.message).toMatch(/title/);
    const good = await fetch(`${mock.url}/api/v1/context/notes`, { method: 'POST', headers: auth, body: '{"title":"hi"}' });
    expect(good.status).toBe(201);
    expect(await good.json()).toEqual({ uid: 'note-1' });
  });

  it('AUTH-1: prism checks the bearer security of unmodelled operations too', async () => {
    const res = await fetch(`${mock.url}/api/v1/skills/1/memories`);
    expect(res.status).toBe(401);
  });

  it('modelled operations stay stateful (LIFE-3: a PATCH shows in the draft view)', async () => {
    const patch = await fetch(`${mock.url}/api/v1/skills/2`, { method: 'PATCH', headers: auth, body: '{"description":"changed via the spec mock"}' });
    expect(patch.status).toBe(200);
    const res = await fetch(`${mock.url}/api/v1/skills/2?view=draft`, { headers: auth });
    expect(((await res.json()) as { description: string }).description).toBe('changed via the spec mock');
  });

  it('a path in neither the core nor the spec is the core\'s JSON 404', async () => {
    const res = await fetch(`${mock.url}/api/v1/nowhere`, { headers: auth });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { status: string } }).error.status).toBe('NOT_FOUND');
  });

  it('--validate found no violation in any of the answers above', () => {
    expect(violations).toEqual([]);
  });
});

describe('--validate: the mock checks its own responses at run time', () => {
  it('logs a violation with its JSON path when a response breaks the spec', async () => {
    const spec = structuredClone(bundled);
    // A spec that demands a field the mock never sends: every skill response now violates it.
    spec.components.schemas.Skill.required.push('mustExist');
    const file = join(mkdtempSync(join(tmpdir(), 'modus-spec-')), 'strict.json');
    writeFileSync(file, JSON.stringify(spec));
    const lines: string[] = [];
    const mock = await startMock({ specFile: file, onExchange: validationHook({ specFile: file, onViolation: (line) => lines.push(line) }) });
    try {
      const res = await fetch(`${mock.url}/api/v1/skills/1`, { headers: auth });
      expect(res.status).toBe(200);
      expect(lines.some((l) => l.includes('GET /api/v1/skills/1 200') && l.includes('mustExist'))).toBe(true);
    } finally {
      await mock.close();
    }
  });
});
