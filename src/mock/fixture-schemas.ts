/** JSON Schemas of the files a user hands the mock: principals, seed, state export. */
import { AGENT_ACCESS_KEYS, PERMISSION_KEYS, SHARED_WITH_KEYS, VISIBILITIES } from '../api/access.js';
import { CONTENT_FIELDS } from './domain/fields.js';
import { KIND_KEYS } from './domain/seed-check.js';

const str = { type: 'string', minLength: 1 } as const;
const date = { type: 'string', format: 'date-time' } as const;
const permission = {
  type: 'object', required: [...PERMISSION_KEYS], additionalProperties: false,
  properties: { use: { type: 'boolean' }, manage: { type: 'boolean' } },
} as const;

/** `fixtures/principals.json`. */
export const principalsSchema = {
  type: 'object', required: ['principals'], additionalProperties: false,
  properties: {
    principals: {
      type: 'array', minItems: 1,
      items: {
        type: 'object', required: ['token', 'userId', 'email', 'orgUuid', 'groups'], additionalProperties: false,
        properties: {
          token: { type: 'string', pattern: '^[!-~]+$' },
          userId: str,
          email: { type: 'string', format: 'email' },
          orgUuid: { type: 'string', format: 'uuid' },
          groups: { type: 'array', items: str, uniqueItems: true },
        },
      },
    },
  },
} as const;

// Types only: which keys an item may have (and why one would be ignored) is checked by the domain (seed-check.ts),
// so the same rules and messages hold for the MSW handlers, which get no schema pass.
const seedItem = {
  type: 'object', required: ['owner', 'name'],
  properties: {
    owner: str,
    name: { type: 'string' },
    deploy: { type: 'boolean' },
    draft: { type: 'object' },
    managerId: { type: 'integer', minimum: 1 },
    isEnabled: { type: 'boolean' },
    pendingTransferTo: str,
    deleted: { type: 'boolean' },
    id: { type: 'integer', minimum: 1 },
    slug: str,
    variationId: { type: 'string', format: 'uuid' },
    deploys: { type: 'array', items: { type: 'object' } },
    pendingTransfer: { type: 'object', required: ['to'] },
  },
} as const;

/** `fixtures/seed.json` (v1: no `version`; v2: `"version": 2`); content fields are checked by the domain itself while seeding. */
export const seedSchema = {
  type: 'object', additionalProperties: false,
  properties: {
    version: { const: 2 },
    nextId: {
      type: 'object', additionalProperties: false,
      properties: { skill: { type: 'integer', minimum: 1 }, agent: { type: 'integer', minimum: 1 } },
    },
    skills: { type: 'array', items: seedItem },
    agents: { type: 'array', items: seedItem },
  },
} as const;

/** A stored access config (ACC-1..5): the keys of an agent's, a skill's guardrails too. */
const storedAccess = {
  type: 'object', required: [...AGENT_ACCESS_KEYS], additionalProperties: false,
  properties: {
    visibility: { enum: [...VISIBILITIES] },
    groupPermissions: { type: 'object', additionalProperties: permission },
    sharedWith: {
      type: 'array',
      items: { type: 'object', required: [...SHARED_WITH_KEYS], additionalProperties: false, properties: { userId: str, use: { type: 'boolean' }, manage: { type: 'boolean' } } },
    },
    guardrails: { type: 'array' },
    ownerUserId: str,
    ownerEmail: { type: 'string' },
  },
} as const;

/** The schemas of the fields of KIND_KEYS. */
const KIND_FIELDS = {
  managerId: { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'null' }] },
  isEnabled: { type: 'boolean' },
} as const;

const record = (kind: 'skill' | 'agent') => ({
  type: 'object',
  required: ['kind', 'id', 'slug', 'orgUuid', 'status', 'deployed', 'createdAt', 'updatedAt', 'deletedAt', 'accessConfig',
    'activeVariationId', 'draftVariationId', 'variations', 'hasUnpublishedChanges'],
  additionalProperties: false,
  properties: {
    kind: { const: kind },
    id: { type: 'integer', minimum: 1 },
    slug: str,
    orgUuid: { type: 'string', format: 'uuid' },
    status: { enum: ['draft', 'active', 'deleted'] },
    deployed: { type: 'boolean' },
    createdAt: date,
    updatedAt: date,
    deletedAt: { anyOf: [date, { type: 'null' }] },
    accessConfig: storedAccess,
    activeVariationId: { anyOf: [{ type: 'string', format: 'uuid' }, { type: 'null' }] },
    draftVariationId: { anyOf: [{ type: 'string', format: 'uuid' }, { type: 'null' }] },
    // A variation holds its kind's content fields (LIFE-4) and nothing else: a stray one would be kept unseen.
    variations: {
      type: 'object', minProperties: 1,
      additionalProperties: {
        type: 'object', required: ['name'], additionalProperties: false,
        properties: { ...Object.fromEntries(Object.keys(CONTENT_FIELDS[kind]).map((f) => [f, {}])), name: str },
      },
    },
    hasUnpublishedChanges: { type: 'boolean' },
    pendingOwnershipTransfer: {
      type: 'object', required: ['pendingOwnerUserId', 'requestedByUserId', 'requestedAt', 'pendingOwnerEmail'], additionalProperties: false,
      properties: { pendingOwnerUserId: str, requestedByUserId: str, requestedAt: date, pendingOwnerEmail: { type: 'string' } },
    },
    // Each kind's own field only, as seeds (seed-check.ts): an agent has no manager, a skill no switch.
    [KIND_KEYS[kind]]: KIND_FIELDS[KIND_KEYS[kind]],
  },
});

/**
 * The state export of `GET /__mock/state` (and `--state-file`), built when first compiled (fixtures.ts): a variation's
 * fields come from the domain's CONTENT_FIELDS, read then rather than when this module loads.
 */
export const stateSchema = () => ({
  type: 'object', required: ['version', 'nextId', 'skills', 'agents'], additionalProperties: false,
  properties: {
    version: { const: 1 },
    nextId: {
      type: 'object', required: ['skill', 'agent'], additionalProperties: false,
      properties: { skill: { type: 'integer', minimum: 1 }, agent: { type: 'integer', minimum: 1 } },
    },
    skills: { type: 'array', items: record('skill') },
    agents: { type: 'array', items: record('agent') },
  },
}) as const;
