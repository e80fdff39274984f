import { permissionsOn } from './access.js';
const SKILL_VARIATION_KEYS = [
    'expectedOutput', 'instructions', 'model', 'toolset', 'connectionSet', 'contextSelections',
    'evaluations', 'interfaces', 'supervisionSubordinateDescriptions',
];
const AGENT_VARIATION_KEYS = ['trigger', 'workflowStructure', 'agentSelection'];
/** The variation id a shape reads; a draft view with no draft pending shows the active one. */
function variationIdFor(record, shape) {
    if (typeof shape === 'object')
        return shape.variationId;
    if (shape === 'active')
        return record.activeVariationId;
    // List rows (LIFE-13) take their name and description from the kind's default view.
    if (shape === 'row' && record.kind === 'skill')
        return record.activeVariationId ?? record.draftVariationId;
    return record.draftVariationId ?? record.activeVariationId;
}
/** Renders a record as the API shows it to `principal` (Skill or Agent schema of openapi.json). */
export function render(store, record, principal, shape) {
    const shownId = variationIdFor(record, shape);
    const shown = shownId ? record.variations[shownId] : undefined;
    // A skill never deployed has no active variation: its top-level fields come from the draft (LIFE-10).
    const top = shown ?? record.variations[(record.draftVariationId ?? record.activeVariationId)];
    const out = {
        id: record.id,
        slug: record.slug,
        name: top['name'],
        status: record.status,
    };
    if (record.kind === 'agent')
        out['type'] = top['type'];
    out['orgUuid'] = record.orgUuid;
    out['hasUnpublishedChanges'] = record.hasUnpublishedChanges;
    if (record.kind === 'agent')
        out['isEnabled'] = record.isEnabled ?? false;
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
    if (record.pendingOwnershipTransfer)
        out['pendingOwnershipTransfer'] = record.pendingOwnershipTransfer; // XFER-5: absent, never null
    if (shape !== 'row' && shown)
        out['variation'] = renderVariation(store, record, shown);
    out['deletedAt'] = record.deletedAt;
    return out;
}
function renderVariation(store, record, content) {
    const variation = {};
    if (record.kind === 'agent') {
        for (const key of AGENT_VARIATION_KEYS)
            variation[key] = content[key];
        return variation;
    }
    for (const key of SKILL_VARIATION_KEYS)
        variation[key] = content[key];
    // UPD-2/DET-7: derived from live manager links, the same in every view.
    variation['supervisionSubordinateIds'] = store
        .subordinatesOf(record.id)
        .filter((id) => store.get('skill', id)?.status !== 'deleted')
        .map(String);
    return variation;
}
//# sourceMappingURL=views.js.map