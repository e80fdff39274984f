/**
 * The API's operations in one table, keyed by openapi.json's operationId: method, path template, whether the
 * request carries a body, and the contract's rules that constrain it (modus-contract.md). Everything that
 * knows a route reads it from here: the mock's router, its 405 `Allow` and CORS methods and which requests
 * have a body to read (src/mock/domain/router.ts), the suites' request paths (`pathFor`), and --diff's grouping
 * by rule. A test checks the table against openapi.json both ways (test/contracts/operations.test.ts).
 */
import type { RuleId } from './rules.js';
import type { Kind } from './types.js';

/** What an operation does, the same word for both kinds (`update` is updateSkill and updateAgent). */
export type Stem =
  | 'list' | 'create' | 'get' | 'update' | 'delete' | 'undelete' | 'deploy'
  | 'request' | 'accept' | 'cancel' | 'variation' | 'toggle';

/** One operation of the API. */
export interface ApiOperation {
  operationId: string;
  stem: Stem;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The path template as openapi.json writes it (`/api/v1/skills/{id}`). */
  path: string;
  kind: Kind;
  /** Whether the request has a body to read (DET-3: a malformed one is 400 before any resource check). */
  body: boolean;
  /** The component schema of that body in openapi.json (`SkillUpdate`), where it has one. */
  bodySchema?: string;
  /** The status of a success. */
  success: 200 | 201 | 204;
  /** The error statuses openapi.json documents for it (every path also answers 405 to a method it lacks, DET-12). */
  errors: readonly number[];
  /** The rules that constrain its answer, the first being the one a difference is reported under. */
  rules: readonly RuleId[];
}

type Shape = Pick<ApiOperation, 'method' | 'body' | 'rules' | 'success' | 'errors'> & {
  suffix: string;
  kinds: readonly Kind[];
  /** The body schema, `{Noun}` standing for Skill or Agent. */
  schema?: string;
};

const BOTH: readonly Kind[] = ['skills', 'agents'];
/** Error statuses by what an operation is: a read, a delete, an action with a body, a write, a transfer step. */
const READ = [400, 401, 404];
const DELETE = [400, 401, 403, 404];
const ACTION = [400, 401, 403, 404, 413];
const WRITE = [400, 401, 403, 404, 413, 422];
const XFER = [400, 401, 403, 404, 409, 413];

/** Every operation by stem: what both kinds have, then the one of each kind alone. */
const SHAPES: Readonly<Record<Stem, Shape>> = {
  list: { method: 'GET', suffix: '', kinds: BOTH, body: false, success: 200, errors: READ, rules: ['LIST-1', 'LIST-2', 'LIST-4', 'HIDE-3'] },
  create: { method: 'POST', suffix: '', kinds: BOTH, body: true, schema: '{Noun}Create', success: 201, errors: [400, 401, 404, 409, 413, 422], rules: ['DET-1', 'LIFE-2', 'ACC-2'] },
  get: { method: 'GET', suffix: '/{id}', kinds: BOTH, body: false, success: 200, errors: READ, rules: ['HIDE-1', 'HIDE-2', 'LIFE-10'] },
  update: { method: 'PATCH', suffix: '/{id}', kinds: BOTH, body: true, schema: '{Noun}Update', success: 200, errors: WRITE, rules: ['LIFE-3', 'UPD-1', 'UPD-2', 'UPD-3', 'UPD-4', 'ACC-3'] },
  delete: { method: 'DELETE', suffix: '/{id}', kinds: BOTH, body: false, success: 204, errors: DELETE, rules: ['DEL-1', 'DEL-2'] },
  undelete: { method: 'POST', suffix: '/{id}/undelete', kinds: BOTH, body: true, schema: 'EmptyRequest', success: 200, errors: ACTION, rules: ['DEL-3', 'DEL-4', 'HIDE-5'] },
  deploy: { method: 'POST', suffix: '/{id}/deploy', kinds: BOTH, body: true, schema: '{Noun}DeployRequest', success: 200, errors: WRITE, rules: ['LIFE-7', 'LIFE-8', 'LIFE-9', 'LIFE-12'] },
  request: { method: 'POST', suffix: '/{id}/transfer-ownership', kinds: BOTH, body: true, schema: 'TransferOwnershipRequest', success: 200, errors: [...XFER, 422], rules: ['XFER-1', 'XFER-2'] },
  accept: { method: 'POST', suffix: '/{id}/transfer-ownership/accept', kinds: BOTH, body: true, schema: 'EmptyRequest', success: 200, errors: XFER, rules: ['XFER-3'] },
  cancel: { method: 'POST', suffix: '/{id}/transfer-ownership/cancel', kinds: BOTH, body: true, schema: 'EmptyRequest', success: 200, errors: XFER, rules: ['XFER-4'] },
  variation: { method: 'GET', suffix: '/{id}/variations/{variationId}', kinds: ['skills'], body: false, success: 200, errors: READ, rules: ['LIFE-11', 'HIDE-1'] },
  toggle: { method: 'POST', suffix: '/{id}/toggle', kinds: ['agents'], body: true, schema: 'EmptyRequest', success: 200, errors: ACTION, rules: ['LIFE-12'] },
};

/** operationId for a stem and a kind, as openapi.json names them (`requestSkillOwnershipTransfer`). */
function operationId(stem: Stem, kind: Kind): string {
  const noun = kind === 'skills' ? 'Skill' : 'Agent';
  if (stem === 'list') return `list${noun}s`;
  if (stem === 'variation') return `get${noun}Variation`;
  if (stem === 'request' || stem === 'accept' || stem === 'cancel') return `${stem}${noun}OwnershipTransfer`;
  return `${stem}${noun}`;
}

function build(): Record<string, ApiOperation> {
  const table: Record<string, ApiOperation> = {};
  for (const kind of BOTH) {
    for (const [stem, { suffix, kinds, schema, ...rest }] of Object.entries(SHAPES) as Array<[Stem, Shape]>) {
      if (!kinds.includes(kind)) continue;
      const id = operationId(stem, kind);
      const op: ApiOperation = { operationId: id, stem, ...rest, kind, path: `/api/v1/${kind}${suffix}` };
      if (schema) op.bodySchema = schema.replace('{Noun}', kind === 'skills' ? 'Skill' : 'Agent');
      table[id] = op;
    }
  }
  return table;
}

/** Every operation of the API by operationId. */
export const OPERATIONS: Readonly<Record<string, ApiOperation>> = build();

/** The operations of each kind by stem: what operationFor looks up on every request a command sends. */
const BY_KIND: Readonly<Record<Kind, Partial<Record<Stem, ApiOperation>>>> = {
  skills: Object.fromEntries(Object.values(OPERATIONS).filter((op) => op.kind === 'skills').map((op) => [op.stem, op])),
  agents: Object.fromEntries(Object.values(OPERATIONS).filter((op) => op.kind === 'agents').map((op) => [op.stem, op])),
};

/** The operation a stem names for a kind; throws when that kind has none (a toggle of a skill): a programming fault. */
export function operationFor(stem: Stem, kind: Kind): ApiOperation {
  const op = BY_KIND[kind][stem];
  if (!op) throw new Error(`the API has no ${stem} operation on ${kind}`);
  return op;
}

/** The path of an operation with its parameters filled in (`pathFor('deploy', 'skills', 7)` → `/api/v1/skills/7/deploy`). */
export function pathFor(stem: Stem, kind: Kind, id?: string | number, variationId?: string): string {
  return fillPath(operationFor(stem, kind), id, variationId);
}

/** An operation's path template with its parameters filled in. */
export function fillPath(op: ApiOperation, id?: string | number, variationId?: string): string {
  return op.path.replace('{id}', () => String(id ?? '')).replace('{variationId}', () => variationId ?? '');
}

/** The methods any operation answers, in table order (a preflight allows these). */
export const API_METHODS: readonly string[] = [...new Set(Object.values(OPERATIONS).map((op) => op.method))];
