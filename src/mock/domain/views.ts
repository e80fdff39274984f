import { permissionsOn } from './access.js';
import type { Store } from './store.js';
import type { Content, Principal, ResourceRecord } from './types.js';

/** Which variation fills a response: a view (LIFE-10), a historic id (LIFE-11) or none (list rows, LIFE-13). */
export type Shape = 'active' | 'draft' | 'row' | { variationId: string };

const SKILL_VARIATION_KEYS = [
  'expectedOutput', 'instructions', 'model', 'toolset', 'connectionSet', 'contextSelections',
  'evaluations', 'interfaces', 'supervisionSubordinateDescriptions',
] as const;
const AGENT_VARIATION_KEYS = ['trigger', 'workflowStructure', 'agentSelection'] as const;

/** The variation id a shape reads; a draft view with no draft pending shows the active one. */
function variationIdFor(record: ResourceRecord, shape: Shape): string | null {
  if (typeof shape === 'object') return shape.variationId;
  if (shape === 'active') return record.activeVariationId;
  // List rows (LIFE-13) take their name and description from the kind's default view.
  if (shape === 'row' && record.kind === 'skill') return record.activeVariationId ?? record.draftVariationId;
  return record.draftVariationId ?? record.activeVariationId;
}

/** Renders a record as the API shows it to `principal` (Skill or Agent schema of openapi.json). */
export function render(store: Store, record: ResourceRecord, principal: Principal, shape: Shape): Record<string, unknown> {
  const shownId = variationIdFor(record, shape);
  const shown: Content | undefined = shownId ? record.variations[shownId] : undefined;
  // A skill never deployed has no active variation: its top-level fields come from the draft (LIFE-10).
  const top = shown ?? record.variations[(record.draftVariationId ?? record.activeVariationId)!]!;
  const out: Record<string, unknown> = {
    id: record.id,
    slug: record.slug,
    name: top['name'],
    status: record.status,
  };
  if (record.kind === 'agent') out['type'] = top['type'];
  out['orgUuid'] = record.orgUuid;
  out['hasUnpublishedChanges'] = record.hasUnpublishedChanges;
  if (record.kind === 'agent') out['isEnabled'] = record.isEnabled ?? false;
  out['accessConfig'] = record.accessConfig; // stored values are replaced, never mutated, so sharing is safe
  out['createdAt'] = record.createdAt;
  out['updatedAt'] = record.updatedAt;
  if (record.kind === 'agent') {
    const perms = permissionsOn(principal, record); // ACC-6: computed for the caller
    out['canManage'] = perms.manage;
    out['canUse'] = perms.use;
  }
  out['description'] = top['description'] ?? null;
  out['activeVariationId'] = record.activeVariationId;
  out['draftVariationId'] = record.draftVariationId;
  if (record.pendingOwnershipTransfer) out['pendingOwnershipTransfer'] = record.pendingOwnershipTransfer; // XFER-5: absent, never null
  if (shape !== 'row' && shown) out['variation'] = renderVariation(store, record, shown, principal);
  out['deletedAt'] = record.deletedAt;
  return out;
}

function renderVariation(store: Store, record: ResourceRecord, content: Content, principal: Principal): Record<string, unknown> {
  const variation: Record<string, unknown> = {};
  if (record.kind === 'agent') {
    for (const key of AGENT_VARIATION_KEYS) variation[key] = content[key];
    return variation;
  }
  for (const key of SKILL_VARIATION_KEYS) variation[key] = content[key];
  // The docs type expectedOutput `string`: state written before that rule may still hold null.
  variation['expectedOutput'] ??= '';
  // UPD-2/DET-7: derived from live manager links, the same in every view; HIDE-6: only those the caller can use.
  variation['supervisionSubordinateIds'] = store
    .subordinatesOf(record.id)
    .filter((id) => {
      const sub = store.get('skill', id);
      return sub !== undefined && sub.status !== 'deleted' && permissionsOn(principal, sub).use;
    })
    .map(String);
  return variation;
}
