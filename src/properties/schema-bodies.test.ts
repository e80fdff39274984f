/** Bad bodies read from the contract's request schemas: what they reach, and that the contract refuses each. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Json } from '../api/types.js';
import { loadContract } from '../contracts/validation.js';
import { schemaBodies } from './commands/schema-bodies.js';

const doc = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8')) as Json;
const contract = loadContract(doc);
const cases = schemaBodies(doc, contract);
const has = (kind: string, stem: string, body: Json): boolean => cases.some((c) => c.kind === kind && c.stem === stem && JSON.stringify(c.body) === JSON.stringify(body));

describe('UPD-4, ACC-1, UPD-2, DET-9, XFER-1: bad bodies from the request schemas', () => {
  it('reach every field of the update, deploy and transfer bodies that has a bad value', () => {
    const fields = new Set(cases.map((c) => `${c.kind} ${c.stem} ${c.field}`));
    const props = (name: string) => Object.keys(((doc['components'] as Json)['schemas'] as Record<string, { properties?: Json }>)[name]!.properties ?? {});
    for (const f of props('SkillUpdate')) expect(fields.has(`skills update ${f}`), f).toBe(true);
    for (const f of props('AgentUpdate')) expect(fields.has(`agents update ${f}`), f).toBe(true);
    expect(fields.has('skills deploy expectedMainShaOverride')).toBe(true);
    expect(fields.has('agents request newOwnerUserId')).toBe(true);
  });

  it('go past bounds and into nested shapes: a name of 201, a manager id of 0, half a permission, a sharedWith entry with a key too many', () => {
    expect(has('skills', 'update', { name: 'x'.repeat(201) })).toBe(true);
    expect(has('skills', 'update', { managerId: 0 })).toBe(true);
    expect(has('skills', 'update', { accessConfig: { groupPermissions: { key: { manage: true } } } })).toBe(true);
    expect(has('agents', 'update', { accessConfig: { sharedWith: [{ userId: 'x', use: true, manage: true, unexpectedKey: 1 }] } })).toBe(true);
    expect(has('agents', 'update', { type: 'not-in-the-enum' })).toBe(true);
  });

  it('try the other kind\'s fields (an agent\'s guardrails: 422 nested, a managerId: 400 at the top) and a bad entry after a good one', () => {
    const status = (kind: string, stem: string, body: Json) => cases.find((c) => c.kind === kind && c.stem === stem && JSON.stringify(c.body) === JSON.stringify(body))?.status;
    expect(status('agents', 'update', { accessConfig: { guardrails: [] } })).toBe(422);
    expect(status('agents', 'update', { managerId: 1 })).toBe(400);
    expect(status('skills', 'update', { trigger: {} })).toBe(400);
    expect(status('agents', 'deploy', { expectedMainShaOverride: 'x' })).toBe(400);
    expect(status('skills', 'update', { instructions: ['x', 0] })).toBe(422);
    expect(status('skills', 'update', { connectionSet: [{}, 0] })).toBe(422);
    expect(status('skills', 'update', { supervisionSubordinateDescriptions: { good: 'x', key: 0 } })).toBe(422);
    expect(new Set(cases.filter((c) => c.status === 400).map((c) => c.rule))).toEqual(new Set(['UPD-4']));
  });

  it('are each refused by the contract, and name the rule of their field', () => {
    for (const c of cases) {
      const schema = `#/components/schemas/${c.kind === 'skills' ? 'Skill' : 'Agent'}${c.stem === 'update' ? 'Update' : c.stem === 'deploy' ? 'DeployRequest' : ''}`;
      const pointer = c.stem === 'request' ? '#/components/schemas/TransferOwnershipRequest' : schema;
      expect(contract.validateValue(pointer, c.body).length, JSON.stringify(c.body)).toBeGreaterThan(0);
    }
    expect(new Set(cases.filter((c) => c.field === 'accessConfig').map((c) => c.rule))).toEqual(new Set(['ACC-1']));
    expect(new Set(cases.filter((c) => c.stem === 'request').map((c) => c.rule))).toEqual(new Set(['XFER-1']));
  });
});
