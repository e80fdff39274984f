/**
 * The API's operations in one table, keyed by openapi.json's operationId: method, path template, whether the
 * request carries a body, and the contract's rules that constrain it (modus-contract.md). A test checks the
 * table against openapi.json both ways (test/contracts/operations.test.ts); the property suite's --diff
 * groups its differences by these rules.
 */
import type { RuleId } from './rules.js';
import type { Kind } from './types.js';

/** One operation of the API. */
export interface ApiOperation {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The path template as openapi.json writes it (`/api/v1/skills/{id}`). */
  path: string;
  kind: Kind;
  /** Whether the request has a body to read (DET-3: a malformed one is 400 before any resource check). */
  body: boolean;
  /** The rules that constrain its answer, the first being the one a difference is reported under. */
  rules: readonly RuleId[];
}

type Shape = Omit<ApiOperation, 'kind' | 'path'> & { suffix: string };

/** What both kinds have, by operationId stem (`list` → listSkills, listAgents). */
const COMMON: Record<string, Shape> = {
  list: { method: 'GET', suffix: '', body: false, rules: ['LIST-1', 'LIST-2', 'LIST-4', 'HIDE-3'] },
  create: { method: 'POST', suffix: '', body: true, rules: ['DET-1', 'LIFE-2', 'ACC-2'] },
  get: { method: 'GET', suffix: '/{id}', body: false, rules: ['HIDE-1', 'HIDE-2', 'LIFE-10'] },
  update: { method: 'PATCH', suffix: '/{id}', body: true, rules: ['LIFE-3', 'UPD-1', 'UPD-2', 'UPD-3', 'UPD-4', 'ACC-3'] },
  delete: { method: 'DELETE', suffix: '/{id}', body: false, rules: ['DEL-1', 'DEL-2'] },
  undelete: { method: 'POST', suffix: '/{id}/undelete', body: true, rules: ['DEL-3', 'DEL-4', 'HIDE-5'] },
  deploy: { method: 'POST', suffix: '/{id}/deploy', body: true, rules: ['LIFE-7', 'LIFE-8', 'LIFE-9', 'LIFE-12'] },
  request: { method: 'POST', suffix: '/{id}/transfer-ownership', body: true, rules: ['XFER-1', 'XFER-2'] },
  accept: { method: 'POST', suffix: '/{id}/transfer-ownership/accept', body: true, rules: ['XFER-3'] },
  cancel: { method: 'POST', suffix: '/{id}/transfer-ownership/cancel', body: true, rules: ['XFER-4'] },
};

/** operationId for a stem and a kind, as openapi.json names them (`requestSkillOwnershipTransfer`). */
function operationId(stem: string, kind: Kind): string {
  const noun = kind === 'skills' ? 'Skill' : 'Agent';
  if (stem === 'list') return `list${noun}s`;
  if (stem === 'request' || stem === 'accept' || stem === 'cancel') return `${stem}${noun}OwnershipTransfer`;
  return `${stem}${noun}`;
}

function build(): Record<string, ApiOperation> {
  const table: Record<string, ApiOperation> = {};
  for (const kind of ['skills', 'agents'] as const) {
    for (const [stem, { suffix, ...rest }] of Object.entries(COMMON)) table[operationId(stem, kind)] = { ...rest, kind, path: `/api/v1/${kind}${suffix}` };
  }
  table['getSkillVariation'] = { method: 'GET', path: '/api/v1/skills/{id}/variations/{variationId}', kind: 'skills', body: false, rules: ['LIFE-11', 'HIDE-1'] };
  table['toggleAgent'] = { method: 'POST', path: '/api/v1/agents/{id}/toggle', kind: 'agents', body: true, rules: ['LIFE-12'] };
  return table;
}

/** Every operation of the API by operationId. */
export const OPERATIONS: Readonly<Record<string, ApiOperation>> = build();
