/** Issue 11, finding 4 (ERR-2): an import is bounded like a request body; nothing an import accepts can make an export fail. */
import fc from 'fast-check';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/mock/http/index.js';
import { coreFromFiles } from '../../src/mock/fixture-core.js';
import type { StateExport } from '../../src/mock/domain/index.js';

const JSON_TYPE = { 'content-type': 'application/json' };

function fresh() {
  const core = coreFromFiles();
  return { core, app: createApp({ core }) };
}

/** JSON text nested `depth` objects deep (built as text: JSON.stringify itself overflows at 20,000 levels). */
function nestedText(depth: number): string {
  return `${'{"d":'.repeat(depth)}"bottom"${'}'.repeat(depth)}`;
}

/** The seeded export with `content` as skill 1's active variation's toolset (a field that takes any JSON object). */
function withContent(state: StateExport, content: unknown, contentText?: string): string {
  const copy = structuredClone(state);
  const skill = copy.skills[0]!;
  skill.variations[skill.activeVariationId!]!['toolset'] = contentText === undefined ? content : 'PLACEHOLDER';
  const text = JSON.stringify(copy);
  return contentText === undefined ? text : text.replace('"PLACEHOLDER"', contentText);
}

async function exportsStillWork(app: ReturnType<typeof fresh>['app']): Promise<void> {
  const state = await request(app).get('/__mock/state');
  expect(state.status).toBe(200);
  expect((await request(app).get('/__mock/overview')).status).toBe(200);
  expect((await request(app).get('/api/v1/skills/1').set('authorization', 'Bearer tok_alice_owner')).status).toBe(200);
  // What was exported imports again (a round trip).
  expect((await request(app).put('/__mock/state').set(JSON_TYPE).send(state.text)).status).toBe(200);
}

describe('PUT /__mock/state bounds', () => {
  it.each([3_500, 20_000])('content nested %i deep answers 422 naming the path; state, export and overview unchanged', async (depth) => {
    const m = fresh();
    const before = m.core.serializeState();
    const res = await request(m.app).put('/__mock/state').set(JSON_TYPE).send(withContent(m.core.exportState(), undefined, nestedText(depth)));
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/nests deeper than 68 levels/);
    expect(m.core.serializeState()).toBe(before);
    await exportsStillWork(m.app);
  });

  it('content as deep as a request body may nest (64) is accepted, and exports fine', async () => {
    const m = fresh();
    const res = await request(m.app).put('/__mock/state').set(JSON_TYPE).send(withContent(m.core.exportState(), undefined, nestedText(60)));
    expect(res.status).toBe(200);
    await exportsStillWork(m.app);
  });

  it('prototype keys anywhere in an import are refused', async () => {
    const m = fresh();
    const text = withContent(m.core.exportState(), { safe: 1 }).replace('"safe":1', '"__proto__":{"polluted":true}');
    const res = await request(m.app).put('/__mock/state').set(JSON_TYPE).send(text);
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('__proto__');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('a resource with more variations than the history keeps (LIFE-11) is refused', async () => {
    const m = fresh();
    const state = m.core.exportState();
    const skill = state.skills[0]!;
    const base = skill.variations[skill.activeVariationId!]!;
    for (let i = 0; i < 120; i++) skill.variations[`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`] = { ...base };
    const res = await request(m.app).put('/__mock/state').set(JSON_TYPE).send(JSON.stringify(state));
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/more than 102 variations/);
  });

  it('property: whatever JSON content an import accepts, export, overview and re-import keep working', async () => {
    const m = fresh();
    const seeded = m.core.exportState();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 80 }), fc.integer({ min: 0, max: 90 }), async (value, depth) => {
        let content: unknown = value;
        for (let i = 0; i < depth; i++) content = [content];
        const res = await request(m.app).put('/__mock/state').set(JSON_TYPE).send(withContent(seeded, content));
        expect(res.status === 200 || res.status === 422, `status ${res.status}`).toBe(true);
        if (res.status === 200) await exportsStillWork(m.app);
      }),
      { numRuns: 40, seed: 11 },
    );
  });
});
