/** The access-config vocabulary of src/api/access.ts against openapi.json's schemas (ACC-1, DET-8). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AGENT_ACCESS_KEYS, PERMISSION_KEYS, SHARED_WITH_KEYS, SKILL_ACCESS_KEYS, VISIBILITIES } from '../../src/api/access.js';

type Schema = { required?: string[]; properties?: Record<string, Schema>; enum?: string[] };
const schemas = (JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8')) as { components: { schemas: Record<string, Schema> } }).components.schemas;
const keys = (name: string): string[] => Object.keys(schemas[name]!.properties!);

describe('the access-config vocabulary', () => {
  it('names the visibilities of every access config and patch schema', () => {
    for (const name of ['SkillAccessConfig', 'AgentAccessConfig', 'AccessConfigPatch', 'AgentAccessConfigPatch']) {
      expect({ name, enum: schemas[name]!.properties!['visibility']!.enum }).toEqual({ name, enum: [...VISIBILITIES] });
    }
  });
  it('names the keys of a skill and an agent access config, all required, and of their patches', () => {
    expect({ keys: keys('SkillAccessConfig'), required: schemas['SkillAccessConfig']!.required }).toEqual({ keys: [...SKILL_ACCESS_KEYS], required: [...SKILL_ACCESS_KEYS] });
    expect({ keys: keys('AgentAccessConfig'), required: schemas['AgentAccessConfig']!.required }).toEqual({ keys: [...AGENT_ACCESS_KEYS], required: [...AGENT_ACCESS_KEYS] });
    expect(keys('AccessConfigPatch').sort()).toEqual([...SKILL_ACCESS_KEYS].sort());
    expect(keys('AgentAccessConfigPatch').sort()).toEqual([...AGENT_ACCESS_KEYS].sort());
  });
  it('names the keys of a permission and a sharedWith entry, all required', () => {
    expect({ keys: keys('Permission'), required: schemas['Permission']!.required }).toEqual({ keys: [...PERMISSION_KEYS], required: [...PERMISSION_KEYS] });
    expect({ keys: keys('SharedWithEntry'), required: schemas['SharedWithEntry']!.required }).toEqual({ keys: [...SHARED_WITH_KEYS], required: [...SHARED_WITH_KEYS] });
  });
});
