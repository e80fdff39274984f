/** Seed fixture checks that need no state: every key is one the seed uses (else refused with its path), values well-formed. */
import { isObject } from './body.js';
import { CONTENT_FIELDS, CREATE_KEYS, checkContentField } from './fields.js';
import type { Kind } from './types.js';

/** A seed problem, with the JSON path of the field that caused it. */
export class SeedError extends Error {
  constructor(readonly jsonPath: string, message: string) {
    super(`${jsonPath}: ${message}`);
  }
}

/** Keys that shape an item's state in every seed version (the rest of the item is a create body). */
const STATE_KEYS = ['owner', 'deploy', 'draft', 'pendingTransferTo', 'deleted'];
/** Keys seed format v2 adds: what a state export holds that a create body cannot say. */
const V2_KEYS = ['id', 'slug', 'createdAt', 'updatedAt', 'deletedAt', 'variationId', 'deploys', 'pendingTransfer'];
/** The field each kind has and the other has not (UPD-2: a skill's manager; LIFE-12: an agent's switch). */
export const KIND_KEYS = { skill: 'managerId', agent: 'isEnabled' } as const satisfies Record<Kind, string>;
const OTHER: Record<Kind, Kind> = { skill: 'agent', agent: 'skill' };
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `key` is a field of a `kind` seed item in seed format `version`. */
export function isSeedKey(kind: Kind, key: string, version: 1 | 2): boolean {
  return CREATE_KEYS[kind].has(key) || STATE_KEYS.includes(key) || key === KIND_KEYS[kind] || (version === 2 && V2_KEYS.includes(key));
}

/** Why a key of an item would be ignored, phrased for the user. */
function unknownKeyMessage(kind: Kind, key: string, version: 1 | 2): string {
  if (key === KIND_KEYS[OTHER[kind]]) return `${key} is a field of ${OTHER[kind]}s, not of ${kind}s`;
  if (version === 1 && V2_KEYS.includes(key)) return `${key} is a seed format v2 field: add "version": 2 at the top of the file`;
  return `${key} is not a field of a ${kind} seed item (it would be ignored)`;
}

/** Checks a content patch (`draft`, a `deploys` entry): content fields only, plus `variationId` in v2. */
function checkContentPatch(kind: Kind, patch: unknown, path: string, version: 1 | 2): void {
  if (!isObject(patch)) throw new SeedError(path, 'must be an object of content fields');
  for (const [field, value] of Object.entries(patch)) {
    if (field === 'variationId' && version === 2) {
      checkUuid(value, `${path}/variationId`);
      continue;
    }
    if (field === 'managerId') throw new SeedError(`${path}/managerId`, 'a manager link is not drafted (UPD-2): set managerId on the item itself');
    if (field === 'accessConfig') throw new SeedError(`${path}/accessConfig`, 'access changes apply at once, not in a draft (ACC-5): set accessConfig on the item itself');
    if (!Object.hasOwn(CONTENT_FIELDS[kind], field)) throw new SeedError(`${path}/${field}`, `${field} is not a content field of a ${kind}`);
    const problem = checkContentField(kind, field, value);
    if (problem) throw new SeedError(`${path}/${field}`, `${field} ${problem}`);
  }
}

function checkUuid(value: unknown, path: string): void {
  if (typeof value !== 'string' || !UUID.test(value)) throw new SeedError(path, 'must be a UUID');
}

/** Checks an ISO 8601 date-time (as the state export and the API write them). */
export function checkTime(value: unknown, path: string): void {
  if (typeof value !== 'string' || !ISO.test(value) || !Number.isFinite(Date.parse(value))) {
    throw new SeedError(path, `must be an ISO 8601 date-time such as 2026-01-31T09:30:00.000Z, got ${JSON.stringify(value)}`);
  }
}

/** Checks one item's keys and values before anything is created: no field may be silently ignored. */
export function checkItem(kind: Kind, item: Record<string, unknown>, path: string, version: 1 | 2): void {
  for (const key of Object.keys(item)) if (!isSeedKey(kind, key, version)) throw new SeedError(`${path}/${key}`, unknownKeyMessage(kind, key, version));
  if (item['name'] === undefined) throw new SeedError(`${path}/name`, 'name is required'); // the schema says so too, but MSW handlers get no schema pass
  for (const field of Object.keys(CONTENT_FIELDS[kind])) {
    if (item[field] === undefined) continue;
    const problem = checkContentField(kind, field, item[field]);
    if (problem) throw new SeedError(`${path}/${field}`, `${field} ${problem}`);
  }
  if (item['draft'] !== undefined) checkContentPatch(kind, item['draft'], `${path}/draft`, version);
  if (item['deploys'] !== undefined) {
    if (!Array.isArray(item['deploys'])) throw new SeedError(`${path}/deploys`, 'must be a list of content patches, one per deploy after the first');
    if (item['deploy'] === false) throw new SeedError(`${path}/deploys`, 'later deploys need the first one: drop "deploy": false');
    item['deploys'].forEach((d, i) => checkContentPatch(kind, d, `${path}/deploys/${i}`, version));
  }
  if (item['variationId'] !== undefined) checkUuid(item['variationId'], `${path}/variationId`);
  for (const key of ['createdAt', 'updatedAt', 'deletedAt']) if (item[key] !== undefined) checkTime(item[key], `${path}/${key}`);
  if (item['deletedAt'] !== undefined && item['deleted'] !== true) throw new SeedError(`${path}/deletedAt`, 'only a deleted item has a deletedAt: add "deleted": true');
  if (item['createdAt'] !== undefined && item['updatedAt'] !== undefined && Date.parse(String(item['updatedAt'])) < Date.parse(String(item['createdAt']))) {
    throw new SeedError(`${path}/updatedAt`, 'is earlier than createdAt');
  }
  if (item['pendingTransfer'] !== undefined) checkTransfer(item, `${path}/pendingTransfer`);
}

/** v2 `pendingTransfer`: `{to, requestedBy?, requestedAt?}` and nothing else. */
function checkTransfer(item: Record<string, unknown>, path: string): void {
  const t = item['pendingTransfer'];
  if (item['pendingTransferTo'] !== undefined) throw new SeedError(path, 'give pendingTransfer or pendingTransferTo, not both');
  if (!isObject(t)) throw new SeedError(path, 'must be an object {to, requestedBy?, requestedAt?}');
  for (const key of Object.keys(t)) if (!['to', 'requestedBy', 'requestedAt'].includes(key)) throw new SeedError(`${path}/${key}`, `${key} is not a field of pendingTransfer (it would be ignored)`);
  if (typeof t['to'] !== 'string' || t['to'] === '') throw new SeedError(`${path}/to`, 'must be the userId of the principal the transfer is offered to');
  if (t['requestedBy'] !== undefined && (typeof t['requestedBy'] !== 'string' || t['requestedBy'] === '')) throw new SeedError(`${path}/requestedBy`, 'must be a userId');
  if (t['requestedAt'] !== undefined) checkTime(t['requestedAt'], `${path}/requestedAt`);
}
