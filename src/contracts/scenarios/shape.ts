import type { Scenario, ScenarioContext } from '../scenario.js';
import { type Json, type Kind, deploy, deployed, idOf, readOk, walkList } from './helpers.js';

// SHAPE-1: the fields the endpoint pages mark required (modus-contract.md §11).
const REQUIRED: Readonly<Record<Kind, readonly string[]>> = {
  skills: ['id', 'slug', 'name', 'status', 'orgUuid', 'hasUnpublishedChanges', 'accessConfig', 'createdAt', 'updatedAt'],
  agents: ['id', 'slug', 'name', 'status', 'orgUuid', 'hasUnpublishedChanges', 'accessConfig', 'createdAt', 'updatedAt', 'type', 'isEnabled', 'canManage', 'canUse'],
};
const TYPES: Readonly<Record<string, string>> = {
  id: 'number', slug: 'string', name: 'string', status: 'string', orgUuid: 'string', hasUnpublishedChanges: 'boolean',
  accessConfig: 'object', createdAt: 'string', updatedAt: 'string', type: 'string', isEnabled: 'boolean', canManage: 'boolean', canUse: 'boolean',
};
// SHAPE-2: documented optional fields and their documented types.
const OPTIONAL: Readonly<Record<string, readonly string[]>> = {
  description: ['string', 'null'], activeVariationId: ['string', 'null'], draftVariationId: ['string', 'null'], deletedAt: ['string', 'null'],
  pendingOwnershipTransfer: ['object'], variation: ['object'],
};
const kindOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Every kind of resource answer: create, GET in both views, deploy, list rows. */
async function answers(t: ScenarioContext): Promise<Array<[Kind, string, Json]>> {
  const out: Array<[Kind, string, Json]> = [];
  for (const kind of ['skills', 'agents'] as const) {
    const created = await t.create(kind, 'owner', { description: 'shape' });
    out.push([kind, 'create', created]);
    const id = idOf(created);
    const body = t.status(await deploy(t, 'owner', kind, id), 200, 'deploy');
    t.check(typeof body['deployedAt'] === 'string', `deploy answer has no string deployedAt: ${JSON.stringify(body['deployedAt'])}`);
    out.push([kind, 'deploy', deployed(kind, body)]);
    for (const view of ['active', 'draft']) out.push([kind, `GET view=${view}`, await readOk(t, 'owner', kind, id, `?view=${view}`)]);
    const walk = await walkList(t, 'owner', kind, 'pageSize=100', 1);
    const row = walk.rows.find((r) => idOf(r) === id);
    if (row) out.push([kind, 'list row', row]);
  }
  return out;
}

/** SHAPE: the documented parts of each response shape, checked field by field (the schema check runs on every answer too). */
export const shapeScenarios: Scenario[] = [
  {
    rule: 'SHAPE-1',
    title: 'every field the docs mark required is present with its documented type and enum',
    async run(t) {
      for (const [kind, what, body] of await answers(t)) {
        for (const field of REQUIRED[kind]) {
          t.check(field in body, `${kind} ${what}: required field ${field} is missing`);
          t.check(kindOf(body[field]) === TYPES[field], `${kind} ${what}: ${field} is ${kindOf(body[field])}, documented ${TYPES[field]}`);
        }
        t.check(['draft', 'active', 'deleted'].includes(String(body['status'])), `${kind} ${what}: status ${JSON.stringify(body['status'])}`);
        if (kind === 'agents') t.check(['task', 'workflow'].includes(String(body['type'])), `${kind} ${what}: type ${JSON.stringify(body['type'])}`);
      }
    },
  },
  {
    rule: 'SHAPE-2',
    title: 'documented optional fields, when present, have their documented types',
    async run(t) {
      for (const [kind, what, body] of await answers(t)) {
        for (const [field, types] of Object.entries(OPTIONAL)) {
          if (field in body) t.check(types.includes(kindOf(body[field])), `${kind} ${what}: ${field} is ${kindOf(body[field])}, documented ${types.join(' or ')}`);
        }
      }
    },
  },
  {
    rule: 'SHAPE-3',
    title: 'no field beyond those the docs list',
    async run(t) {
      for (const [kind, what, body] of await answers(t)) {
        const extra = Object.keys(body).filter((k) => !(k in TYPES) && !(k in OPTIONAL));
        const skillOnly = kind === 'skills' ? extra.filter((k) => ['type', 'isEnabled', 'canManage', 'canUse'].includes(k)) : [];
        t.check(extra.length === 0 && skillOnly.length === 0, `${kind} ${what}: fields the docs do not list: ${extra.join(', ')}`);
      }
    },
  },
  {
    rule: 'SHAPE-4',
    title: 'formats the docs do not state: uuids, date-times, emails; optional fields always present',
    async run(t) {
      const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
      for (const [kind, what, body] of await answers(t)) {
        t.check(uuid.test(String(body['orgUuid'])), `${kind} ${what}: orgUuid ${JSON.stringify(body['orgUuid'])} is not a uuid`);
        for (const f of ['createdAt', 'updatedAt']) t.check(!Number.isNaN(Date.parse(String(body[f]))), `${kind} ${what}: ${f} is not a date-time`);
        const email = String((body['accessConfig'] as Json | undefined)?.['ownerEmail']);
        t.check(/^[^@\s]+@[^@\s]+$/.test(email), `${kind} ${what}: ownerEmail ${email} is not an email`);
        for (const f of ['description', 'activeVariationId', 'draftVariationId', 'deletedAt']) t.check(f in body, `${kind} ${what}: ${f} is absent`);
      }
    },
  },
];
