/** The operation table against openapi.json: the same operations, methods and paths, both ways; rules that exist. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../src/api/operations.js';
import { tagOf } from '../../src/api/rules.js';
import { STATUS_NAMES } from '../../src/mock/domain/index.js';

interface SpecOperation {
  operationId?: string;
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, unknown>;
}
const spec = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8')) as { paths: Record<string, Record<string, SpecOperation>> };
const inSpec = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item).filter(([, op]) => typeof op === 'object' && op?.operationId).map(([method, op]) => ({
    id: op.operationId!, method: method.toUpperCase(), path, body: op.requestBody !== undefined,
    schema: op.requestBody?.content['application/json']?.schema.$ref?.replace('#/components/schemas/', ''),
    statuses: Object.keys(op.responses).map(Number),
  })));

describe('the operation table', () => {
  it('names exactly the operations of openapi.json, with their methods and paths', () => {
    expect(Object.keys(OPERATIONS).sort()).toEqual(inSpec.map((o) => o.id).sort());
    for (const o of inSpec) expect({ id: o.id, method: OPERATIONS[o.id]!.method, path: OPERATIONS[o.id]!.path }).toEqual({ id: o.id, method: o.method, path: o.path });
  });

  it('reads a body exactly where openapi.json describes one', () => {
    for (const o of inSpec) expect({ id: o.id, body: OPERATIONS[o.id]!.body }).toEqual({ id: o.id, body: o.body });
  });

  it('names the body schema, the success status and the error statuses openapi.json documents', () => {
    for (const o of inSpec) {
      const op = OPERATIONS[o.id]!;
      expect({ id: o.id, schema: op.bodySchema, statuses: [op.success, ...op.errors].sort() }).toEqual({ id: o.id, schema: o.schema, statuses: o.statuses.sort() });
    }
  });

  it('has a catalogue line for every error status it names', () => {
    for (const op of Object.values(OPERATIONS)) for (const code of [...op.errors, 405]) expect(STATUS_NAMES[code], `${op.operationId} ${code}`).toBeDefined();
  });

  it('names only rules of the contract, each operation at least one', () => {
    for (const op of Object.values(OPERATIONS)) {
      expect(op.rules.length).toBeGreaterThan(0);
      for (const rule of op.rules) expect(() => tagOf(rule)).not.toThrow();
    }
  });
});
