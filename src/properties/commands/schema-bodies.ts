/**
 * Bad bodies read from the contract rather than listed by hand: for every field of an operation's request schema
 * in openapi.json (SkillUpdate, AgentDeployRequest, ...), values of the wrong type, past a bound, outside an enum,
 * with a key missing or one too many, at any depth (a permission inside groupPermissions inside accessConfig).
 * The contract's own validator keeps those it refuses; the mock's code is never read. Oracle as for the
 * hand-written bad bodies: 422 (UPD-4 [A]: a field error), the error body, nothing changed.
 */
import { operationFor, type Stem } from '../../api/operations.js';
import type { RuleId } from '../../api/rules.js';
import type { Json, Kind } from '../../api/types.js';
import type { ContractValidator } from '../../contracts/validation.js';

/** One generated bad body: a single field of the request set to a value the schema refuses. */
export interface SchemaBody {
  kind: Kind;
  /** The operation it is sent to: an update (PATCH), a deploy, or a transfer request. */
  stem: Extract<Stem, 'update' | 'deploy' | 'request'>;
  field: string;
  body: Json;
  /** UPD-4 [A]: a field error is 422; a top-level field the body does not have (one of the other kind's) is 400. */
  status: 400 | 422;
  rule: RuleId;
}

type Schema = Record<string, unknown>;

/** Values every field is tried with; the validator keeps those its schema refuses. */
const PALETTE: readonly unknown[] = [null, true, 0, -1, 1.5, '', 'x', [], [1], ['x'], [{}], {}, { a: 1 }, { a: 'x' }];
/** How deep mutations reach into nested schemas (accessConfig → groupPermissions → a permission). */
const MAX_DEPTH = 3;

/** Follows a local `$ref` (`#/components/schemas/X`) to its schema. */
function deref(doc: Json, s: Schema): Schema {
  let at = s;
  while (typeof at['$ref'] === 'string') {
    const path = (at['$ref'] as string).replace(/^#\//, '').split('/');
    at = path.reduce<Schema>((o, k) => (o[k] ?? {}) as Schema, doc);
  }
  return at;
}

/** A value the schema accepts, as small as it gets (the base a mutation changes one thing of). */
function sample(doc: Json, raw: Schema): unknown {
  const s = deref(doc, raw);
  if (Array.isArray(s['enum'])) return s['enum'][0];
  const type = Array.isArray(s['type']) ? s['type'][0] : s['type'];
  if (type === 'string') return s['format'] === 'email' ? 'someone@example.com' : 'x';
  if (type === 'integer' || type === 'number') return typeof s['minimum'] === 'number' ? s['minimum'] : 1;
  if (type === 'boolean') return true;
  if (type === 'array') return [];
  if (type === 'null') return null;
  const props = (s['properties'] ?? {}) as Record<string, Schema>;
  return Object.fromEntries(((s['required'] ?? []) as string[]).map((k) => [k, sample(doc, props[k] ?? {})]));
}

/**
 * Candidate values for a schema: the palette, then changes of one thing at each level it nests. `twin` is the
 * schema at the same place in the other kind's body: a key it has and this one does not is one too many as well
 * (a skill's guardrails in an agent's accessConfig), a likelier slip than a made-up key.
 */
function* mutations(doc: Json, raw: Schema, depth = 0, twin?: Schema): Generator<unknown> {
  yield* PALETTE;
  const s = deref(doc, raw);
  if (typeof s['maxLength'] === 'number') yield 'x'.repeat(s['maxLength'] + 1);
  if (typeof s['minimum'] === 'number') yield s['minimum'] - 1;
  if (Array.isArray(s['enum'])) yield 'not-in-the-enum';
  if (depth >= MAX_DEPTH) return;
  // One bad entry alone, and after a good one (a check of the first entry only, or of any one, lets the second pass).
  if (s['items'] && typeof s['items'] === 'object') {
    const good = sample(doc, s['items'] as Schema);
    for (const m of mutations(doc, s['items'] as Schema, depth + 1)) {
      yield [m];
      yield [good, m];
    }
  }
  if (s['additionalProperties'] && typeof s['additionalProperties'] === 'object') {
    const good = sample(doc, s['additionalProperties'] as Schema);
    for (const m of mutations(doc, s['additionalProperties'] as Schema, depth + 1)) {
      yield { key: m };
      yield { good, key: m };
    }
  }
  const props = (s['properties'] ?? {}) as Record<string, Schema>;
  if (Object.keys(props).length === 0) return;
  const base = sample(doc, s) as Json;
  for (const k of (s['required'] ?? []) as string[]) yield Object.fromEntries(Object.entries(base).filter(([key]) => key !== k));
  const twinProps = (twin ? deref(doc, twin)['properties'] ?? {} : {}) as Record<string, Schema>;
  if (s['additionalProperties'] === false) {
    yield { ...base, unexpectedKey: 1 };
    for (const [k, p] of Object.entries(twinProps)) if (!(k in props)) yield { ...base, [k]: sample(doc, p) };
  }
  for (const [k, p] of Object.entries(props)) for (const m of mutations(doc, p, depth + 1, twinProps[k])) yield { ...base, [k]: m };
}

/** The rule a field error is reported under. */
function ruleOf(stem: SchemaBody['stem'], field: string): RuleId {
  if (stem === 'deploy') return 'DET-9';
  if (stem === 'request') return 'XFER-1';
  if (field === 'accessConfig') return 'ACC-1';
  if (field === 'managerId') return 'UPD-2';
  return 'UPD-4';
}

const STEMS: ReadonlyArray<SchemaBody['stem']> = ['update', 'deploy', 'request'];

/** Every single-field body the contract refuses, for the writes that take a body with fields, in a stable order. */
export function schemaBodies(doc: Json, contract: ContractValidator): SchemaBody[] {
  const out: SchemaBody[] = [];
  const seen = new Set<string>();
  for (const kind of ['skills', 'agents'] as const) {
    for (const stem of STEMS) {
      const name = operationFor(stem, kind).bodySchema;
      if (!name) continue;
      const pointer = `#/components/schemas/${name}`;
      const props = (deref(doc, { $ref: pointer })['properties'] ?? {}) as Record<string, Schema>;
      const other = operationFor(stem, kind === 'skills' ? 'agents' : 'skills').bodySchema;
      const twins = (other ? deref(doc, { $ref: `#/components/schemas/${other}` })['properties'] ?? {} : {}) as Record<string, Schema>;
      const add = (field: string, body: Json, status: SchemaBody['status']): void => {
        const key = `${kind} ${stem} ${JSON.stringify(body)}`;
        if (seen.has(key) || contract.validateValue(pointer, body).length === 0) return;
        seen.add(key);
        out.push({ kind, stem, field, body, status, rule: status === 400 ? 'UPD-4' : ruleOf(stem, field) });
      };
      for (const [field, schema] of Object.entries(props)) {
        for (const value of mutations(doc, schema, 0, twins[field])) add(field, { [field]: value }, 422);
      }
      // A field of the other kind's body, with a value it would take there (an agent's managerId, a skill's trigger).
      for (const [field, schema] of Object.entries(twins)) if (!(field in props)) add(field, { [field]: sample(doc, schema) as Json }, 400);
    }
  }
  return out;
}
