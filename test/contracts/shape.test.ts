/** SHAPE-1..4: openapi.json states what the endpoint pages state, and marks everything else it assumes. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, RULE_BY_ID, asRuleId, tagOf } from '../../src/api/rules.js';
import { ASSUMED, RULE_OF, documentedView } from '../../src/contracts/shape.js';
import { contractRules, docFields, type DocField } from './docs-source.js';

type Json = Record<string, unknown>;
const strict = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8')) as Json;
const documented = documentedView(strict);
const schemas = (doc: Json): Record<string, Json> => (doc['components'] as Json)['schemas'] as Record<string, Json>;

/** Follows a local $ref. */
function deref(doc: Json, s: Json): Json {
  let node = s;
  while (typeof node['$ref'] === 'string') {
    node = (node['$ref'] as string).slice(2).split('/').reduce<Json>((n, t) => n[t] as Json, doc);
  }
  return node;
}

/** Every schema reachable from a response of an operation, by pointer-ish name. */
function responseSchemas(doc: Json): Array<[string, Json]> {
  const out: Array<[string, Json]> = [];
  const seen = new Set<Json>();
  const visit = (s: unknown, at: string): void => {
    if (s === null || typeof s !== 'object' || seen.has(s as Json)) return;
    seen.add(s as Json);
    const node = s as Json;
    out.push([at, node]);
    if (typeof node['$ref'] === 'string') visit(deref(doc, node), node['$ref'] as string);
    for (const [k, v] of Object.entries(node)) {
      if (k === 'properties') for (const [p, ps] of Object.entries(v as Json)) visit(ps, `${at}/properties/${p}`);
      else if (['items', 'additionalProperties', 'not'].includes(k)) visit(v, `${at}/${k}`);
      else if (k === 'allOf') (v as unknown[]).forEach((x, i) => visit(x, `${at}/allOf/${i}`));
    }
  };
  for (const [path, item] of Object.entries(doc['paths'] as Json)) {
    for (const [method, op] of Object.entries(item as Json)) {
      for (const [status, r] of Object.entries(((op as Json)['responses'] ?? {}) as Json)) {
        const response = deref(doc, r as Json);
        const schema = ((response['content'] as Json | undefined)?.['application/json'] as Json | undefined)?.['schema'];
        visit(schema, `${method} ${path} ${status}`);
      }
    }
  }
  return out;
}

/** The JSON-schema type the docs' type word means. */
function typeOf(field: DocField): unknown {
  const words: Record<string, unknown> = {
    number: 'number', string: 'string', boolean: 'boolean', object: 'object', 'enum<string>': 'string',
    'string | null': ['string', 'null'], 'number | null': ['number', 'null'], 'string[]': 'array', 'object[]': 'array',
  };
  return words[field.type];
}

// What an endpoint page can state about a response field: its type, enum, whether it is required.
const STATED = new Set(['type', 'enum', 'required', 'properties', 'items', '$ref', 'description', 'examples', 'allOf', 'title', 'not', RULE_OF]);

describe('SHAPE-1, SHAPE-2: the documented view of openapi.json is what the endpoint pages state', () => {
  const pages: Array<[string, string[]]> = [
    ['skills-update.txt', ['Skill', 'SkillRow']],
    ['skills-transfer-ownership.txt', ['Skill']],
    ['agents-update.txt', ['Agent', 'AgentRow']],
    ['skills-deploy.txt', ['SkillDeployResponse', 'AgentDeployResponse']],
  ];
  for (const [page, names] of pages) {
    for (const name of names) {
      it(`${name}: required fields, types and enums of ${page}`, () => {
        const fields = docFields(page, 'Response').filter((f) => !(name.endsWith('Row') && f.name === 'variation'));
        const schema = schemas(documented)[name]!;
        const required = fields.filter((f) => f.required).map((f) => (name === 'AgentDeployResponse' && f.name === 'skill' ? 'agent' : f.name));
        expect([...(schema['required'] as string[])].sort()).toEqual(required.sort());
        for (const f of fields) {
          const key = name === 'AgentDeployResponse' && f.name === 'skill' ? 'agent' : f.name;
          const prop = deref(documented, (schema['properties'] as Record<string, Json>)[key]!);
          expect([key, prop['type']]).toEqual([key, typeOf(f)]);
          if (f.options) expect(prop['enum']).toEqual(f.options);
        }
      });
    }
  }

  it('the documented view only uses keywords a page can state; every other keyword of a response schema is marked x-assumed', () => {
    const unmarked: string[] = [];
    for (const [at, node] of responseSchemas(documented)) {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'additionalProperties' && v !== false) continue; // a map's value schema; `false` (closed) is SHAPE-3
        if (k === 'not' && !(node[RULE_OF] as Json | undefined)?.['not']) unmarked.push(`${at}: not without x-rule`);
        else if (!STATED.has(k)) unmarked.push(`${at}: ${k}`);
      }
    }
    expect(unmarked).toEqual([]);
  });

  it('openapi.json closes objects and states formats in the strict view (the mock answers that shape)', () => {
    const skill = schemas(strict)['Skill']!;
    expect(skill['additionalProperties']).toBe(false);
    expect(((skill['properties'] as Json)['orgUuid'] as Json)['format']).toBe('uuid');
    expect((skill[ASSUMED] as Json)['additionalProperties']).toBe('SHAPE-3');
  });

  it('every x-assumed mark names an [A] rule and every x-rule a [D] rule', () => {
    const bad: string[] = [];
    const visit = (node: unknown, at: string): void => {
      if (node === null || typeof node !== 'object') return;
      const n = node as Json;
      for (const [k, v] of Object.entries((n[ASSUMED] ?? {}) as Json)) {
        const rule = typeof v === 'string' ? v : String((v as Json)['rule']);
        if (RULE_BY_ID.get(rule)?.tag !== 'A') bad.push(`${at} x-assumed.${k}: ${rule}`);
      }
      for (const [k, v] of Object.entries((n[RULE_OF] ?? {}) as Json)) if (RULE_BY_ID.get(String(v))?.tag !== 'D') bad.push(`${at} x-rule.${k}: ${String(v)}`);
      for (const [k, v] of Object.entries(n)) visit(v, `${at}/${k}`);
    };
    visit(strict, '#');
    expect(bad).toEqual([]);
  });
});

describe('openapi.json follows the endpoint pages where they speak', () => {
  const bodies: Array<[string, string, 'Body' | 'Response']> = [
    ['skills-update.txt', 'SkillUpdate', 'Body'],
    ['agents-update.txt', 'AgentUpdate', 'Body'],
    ['skills-deploy.txt', 'SkillDeployRequest', 'Body'],
    ['skills-transfer-ownership.txt', 'TransferOwnershipRequest', 'Body'],
    ['skills-update.txt', 'Skill', 'Response'],
    ['agents-update.txt', 'Agent', 'Response'],
    ['skills-deploy.txt', 'SkillDeployResponse', 'Response'],
  ];
  for (const [page, name, section] of bodies) {
    it(`${name}: every field example of ${page} (${section})`, () => {
      const props = schemas(strict)[name]!['properties'] as Record<string, Json>;
      const fields = docFields(page, section).filter((f) => f.example !== undefined);
      expect(fields.length).toBeGreaterThan(0);
      for (const f of fields) expect([f.name, props[f.name]?.['examples']]).toEqual([f.name, [f.example]]);
    });
  }

  it('the 17 request field examples of the pages are all there', () => {
    const count = bodies.filter(([, , s]) => s === 'Body').reduce((n, [page]) => n + docFields(page, 'Body').filter((f) => f.example !== undefined).length, 0);
    expect(count).toBe(17);
  });

  for (const [page, name] of bodies.filter(([, , s]) => s === 'Body')) {
    it(`${name}: request types, nullability and lengths as ${page} documents them`, () => {
      const props = schemas(strict)[name]!['properties'] as Record<string, Json>;
      for (const f of docFields(page, 'Body')) {
        const prop = deref(strict, props[f.name]!);
        // DET-4 [A]: ids are integers, a narrowing of the docs' `number`.
        const type = JSON.stringify(prop['type']).replace('integer', 'number');
        expect([f.name, JSON.parse(type)]).toEqual([f.name, typeOf(f)]);
        if (f.options) expect(prop['enum']).toEqual(f.options);
        if (f.maxLength !== undefined) expect([f.name, prop['maxLength']]).toEqual([f.name, f.maxLength]);
        if (f.minLength !== undefined) expect([f.name, prop['minLength']]).toEqual([f.name, f.minLength]);
      }
    });
  }

  it('ERR-3: free-form request objects refuse prototype keys at any depth (propertyNames)', () => {
    const free = schemas(strict)['FreeForm']!;
    expect(free['propertyNames']).toEqual({ not: { enum: ['__proto__', 'constructor', 'prototype'] } });
    const toolset = (schemas(strict)['SkillUpdate']!['properties'] as Record<string, Json>)['toolset']!;
    expect(toolset['$ref']).toBe('#/components/schemas/FreeFormObject');
  });

  it('UPD-3: each updateMask names its allowed paths; the agents example is name,trigger', () => {
    const params = (strict['components'] as Json)['parameters'] as Record<string, Json>;
    expect(params['AgentUpdateMask']!['example']).toBe('name,trigger');
    const pattern = new RegExp((params['SkillUpdateMask']!['schema'] as Json)['pattern'] as string);
    expect(['', 'name', 'name,description', 'managerId'].every((m) => pattern.test(m))).toBe(true);
    expect(['nope', 'name,', 'name,nope'].some((m) => pattern.test(m))).toBe(false);
  });

  it('error responses reference the one Error component', () => {
    const responses = (strict['components'] as Json)['responses'] as Record<string, Json>;
    for (const r of Object.values(responses)) {
      const schema = ((r['content'] as Json)['application/json'] as Json)['schema'] as Json;
      expect((schema['allOf'] as Json[])[0]).toEqual({ $ref: '#/components/schemas/Error' });
    }
  });
});

describe('rule ids: one source, checked against modus-contract.md', () => {
  it('every rule of modus-contract.md is in RULES with the same tag, and RULES has no other', () => {
    const fromDoc = contractRules().map((r) => `${r.id} [${r.tag}]`);
    expect(RULES.map((r) => `${r.id} [${r.tag}]`)).toEqual(fromDoc);
  });

  it('rule ids are typed: a typo does not compile, and an id read at run time that is not a rule throws', () => {
    expect(tagOf('HIDE-6')).toBe('A');
    expect(tagOf('LIST-4')).toBe('D');
    // @ts-expect-error HIDE-99 is no rule of the contract
    expect(() => tagOf('HIDE-99')).toThrow(/unknown rule id "HIDE-99"/);
    expect(() => asRuleId('hide-1')).toThrow(/not in shared\/modus-contract.md/);
    expect(asRuleId('SHAPE-3')).toBe('SHAPE-3');
  });

  it('the vendored docs are a copy of shared/ when it is there', () => {
    let shared: string | undefined;
    try {
      shared = readFileSync(new URL('../../../shared/modus-contract.md', import.meta.url), 'utf8');
    } catch {
      shared = undefined; // a clean clone has no ../shared: the vendored copy is the source
    }
    const vendored = readFileSync(new URL('../../docs/source/modus-contract.md', import.meta.url), 'utf8');
    expect(shared ?? vendored).toBe(vendored);
  });
});
