/** src/types/openapi.ts must be exactly what `npm run types` generates from openapi.json today. */
import { readFileSync } from 'node:fs';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

describe('generated API types', () => {
  it('src/types/openapi.ts matches a fresh openapi-typescript run on openapi.json (run `npm run types` if not)', async () => {
    // Same call as the CLI: header + astToString(openapiTS(file URL)).
    const fresh = COMMENT_HEADER + astToString(await openapiTS(new URL('openapi.json', root), { silent: true }));
    const committed = read('src/types/openapi.ts');
    if (committed !== fresh) {
      const a = committed.split('\n');
      const b = fresh.split('\n');
      const line = a.findIndex((text, i) => text !== b[i]);
      throw new Error(`src/types/openapi.ts is stale: first difference at line ${line + 1}\n`
        + `  committed: ${a[line] ?? '(end of file)'}\n  generated: ${b[line] ?? '(end of file)'}\nRun \`npm run types\`.`);
    }
    expect(committed).toBe(fresh);
  });

  it('every friendly alias in src/types/index.ts names a schema of openapi.json', () => {
    const schemas = Object.keys((JSON.parse(read('openapi.json')) as { components: { schemas: object } }).components.schemas);
    const named = [...read('src/types/index.ts').matchAll(/Schemas\['(\w+)'\]/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThanOrEqual(10);
    expect(named.filter((name) => !schemas.includes(name!))).toEqual([]);
    for (const alias of ['Skill', 'Agent', 'SkillUpdate', 'AgentUpdate', 'SkillList', 'AgentList', 'ApiError']) {
      expect(read('src/types/index.ts')).toContain(`export type ${alias} = `);
    }
  });
});
