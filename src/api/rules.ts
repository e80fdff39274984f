/** The rules of the Modus contract (shared/modus-contract.md): id, tag ([D] documented, [A] assumed), summary. */

/** [D]: breaking it is a failure. [A]: differing is drift. */
export type RuleTag = 'D' | 'A';

/** Every rule id with its leading tag, in contract order (test/contracts/shape.test.ts compares them with modus-contract.md). */
const RULE_LIST = [
  { id: 'AUTH-1', tag: 'D', summary: 'Every request carries Authorization: Bearer <token>' },
  { id: 'AUTH-2', tag: 'A', summary: 'A principal is {userId, email, orgUuid, groups[]}' },
  { id: 'AUTH-3', tag: 'D', summary: 'A resource belongs to one org (orgUuid)' },
  { id: 'ACC-1', tag: 'A', summary: 'visibility is private, shared or org' },
  { id: 'ACC-2', tag: 'D', summary: 'Create without accessConfig: org-shared use + manage (mock: visibility: "org")' },
  { id: 'ACC-3', tag: 'D', summary: 'A PATCH of accessConfig that would leave the caller without use or without manage: 422, nothing changes.' },
  { id: 'ACC-4', tag: 'A', summary: 'ownerUserId / ownerEmail cannot be changed by PATCH (422 if different); ownership moves only by transfer.' },
  { id: 'ACC-5', tag: 'A', summary: 'accessConfig edits apply at once to the resource (they are not drafted).' },
  { id: 'ACC-6', tag: 'D', summary: 'Agents carry canUse / canManage, computed for the caller, on every response' },
  { id: 'HIDE-1', tag: 'D', summary: 'Skills: GET (any view, and historic variation) needs use' },
  { id: 'HIDE-2', tag: 'D', summary: 'Agents: GET needs **manage** (not just use)' },
  { id: 'HIDE-3', tag: 'D', summary: 'List returns only resources the caller can at least use' },
  { id: 'HIDE-4', tag: 'A', summary: 'A write (PATCH, DELETE, deploy, undelete, toggle, transfer) by a caller who cannot see the resource (cannot...' },
  { id: 'HIDE-5', tag: 'D', summary: 'Undelete of a missing or cross-org id: 404.' },
  { id: 'HIDE-6', tag: 'A', summary: "A manager skill's variation.supervisionSubordinateIds lists only the subordinates the caller can at least use" },
  { id: 'LIFE-1', tag: 'D', summary: 'status: draft = never deployed; active = deployed; deleted = soft-deleted.' },
  { id: 'LIFE-2', tag: 'D', summary: 'Create returns the resource in draft with activeVariationId: null.' },
  { id: 'LIFE-3', tag: 'D', summary: 'PATCH writes content fields into the draft variation and returns the draft view' },
  { id: 'LIFE-4', tag: 'A', summary: 'Content fields (skills: name, description, expectedOutput, instructions, toolset, model, connectionSet, con...' },
  { id: 'LIFE-5', tag: 'A', summary: 'A PATCH when no draft is pending forks a new draft variation (new draftVariationId) from the active one.' },
  { id: 'LIFE-6', tag: 'D', summary: 'hasUnpublishedChanges is true exactly when the draft differs from the active variation (a never-deployed re...' },
  { id: 'LIFE-7', tag: 'D', summary: 'Deploy promotes the draft: response {skill|agent, deployedAt} with hasUnpublishedChanges: false, activeVari...' },
  { id: 'LIFE-8', tag: 'A', summary: 'After deploy draftVariationId is null until the next PATCH' },
  { id: 'LIFE-9', tag: 'D', summary: 'Skill deploy body: optional expectedMainShaOverride, string of at most 200 chars; empty string = absent' },
  { id: 'LIFE-10', tag: 'D', summary: 'Default view: skills active, agents draft' },
  { id: 'LIFE-11', tag: 'D', summary: 'Historic variation (GET /skills/{id}/variations/{variationId}): variation filled from that variation, activ...' },
  { id: 'LIFE-12', tag: 'D', summary: 'Agent deploy: the first deploy sets isEnabled: true; later deploys keep isEnabled as it is' },
  { id: 'LIFE-13', tag: 'D', summary: 'List rows omit variation.' },
  { id: 'UPD-1', tag: 'D', summary: 'Skill PATCH with managerId in the body together with any other field: 422, nothing changes' },
  { id: 'UPD-2', tag: 'D', summary: 'Skill PATCH with only managerId: re-parent under that manager skill; null detaches' },
  { id: 'UPD-3', tag: 'D', summary: '?updateMask=a,b (AIP-134): only those fields are written' },
  { id: 'UPD-4', tag: 'D', summary: 'name: 1 to 200 characters' },
  { id: 'UPD-5', tag: 'D', summary: 'model: null clears the model (org default)' },
  { id: 'UPD-6', tag: 'A', summary: 'Every successful write bumps updatedAt; createdAt never changes.' },
  { id: 'DEL-1', tag: 'D', summary: 'DELETE needs manage; answers 204; the row is kept (status: deleted, deletedAt set) but excluded from defaul...' },
  { id: 'DEL-2', tag: 'D', summary: 'DELETE of an already-deleted resource: 204, no change.' },
  { id: 'DEL-3', tag: 'D', summary: 'Undelete (POST /{id}/undelete) needs manage; clears the tombstone and returns the draft view' },
  { id: 'DEL-4', tag: 'D', summary: 'Undelete of a resource that is not deleted: 200, unchanged.' },
  { id: 'DEL-5', tag: 'A', summary: 'Every call but DELETE and undelete on a deleted resource: 404' },
  { id: 'DEL-6', tag: 'D', summary: 'Ids are stable and never reused after delete' },
  { id: 'XFER-1', tag: 'D', summary: 'POST /{id}/transfer-ownership {newOwnerUserId}: only the current owner' },
  { id: 'XFER-2', tag: 'D', summary: 'The response carries pendingOwnershipTransfer {pendingOwnerUserId, requestedByUserId, requestedAt, pendingO...' },
  { id: 'XFER-3', tag: 'D', summary: 'POST /{id}/transfer-ownership/accept: only the pending recipient' },
  { id: 'XFER-4', tag: 'D', summary: 'POST /{id}/transfer-ownership/cancel: the owner cancels or the recipient declines; the pending transfer is ...' },
  { id: 'XFER-5', tag: 'D', summary: 'pendingOwnershipTransfer is absent (not null) when nothing is pending.' },
  { id: 'LIST-1', tag: 'D', summary: 'AIP-158: pageSize, pageToken, response nextPageToken (opaque)' },
  { id: 'LIST-2', tag: 'A', summary: 'Rows come in ascending id order' },
  { id: 'LIST-3', tag: 'A', summary: 'The response is {skills: [...], nextPageToken?} / {agents: [...], nextPageToken?}.' },
  { id: 'LIST-4', tag: 'D', summary: 'AIP-158: walking every page from the first returns each resource the caller can use exactly once, whatever the page size' },
  { id: 'ERR-1', tag: 'A', summary: 'Error body: {"error": {"code": <http status>, "status": "<NOT_FOUND|...>", "message": "..."}}' },
  { id: 'ERR-2', tag: 'A', summary: 'No input, however malformed, produces a 5xx or changes state unless the request succeeds.' },
  { id: 'ERR-3', tag: 'A', summary: 'Object keys __proto__, constructor and prototype at any depth of a request body: 400' },
  { id: 'DET-1', tag: 'A', summary: 'Create answers 201 with the draft view' },
  { id: 'DET-2', tag: 'A', summary: 'Error status names: 400 and 413 INVALID_ARGUMENT, 401 UNAUTHENTICATED, 403 PERMISSION_DENIED, 404 NOT_FOUND...' },
  { id: 'DET-3', tag: 'A', summary: 'Order of checks: 401 → unknown route 404 / wrong method 405 → malformed body 400 → resource 404 / 403 → fie...' },
  { id: 'DET-4', tag: 'A', summary: 'A path id that is not a plain positive integer (abc, 0, 007) answers 404' },
  { id: 'DET-5', tag: 'A', summary: 'Bodies over 1 MiB: 413' },
  { id: 'DET-6', tag: 'A', summary: 'updateMask paths are top-level field names; an empty mask means no mask' },
  { id: 'DET-7', tag: 'A', summary: 'supervisionSubordinateIds is derived from live manager links (not drafted; it does not count towards hasUnp...' },
  { id: 'DET-8', tag: 'A', summary: 'An accessConfig PATCH merges at the top level: groupPermissions and sharedWith are replaced whole; absent k...' },
  { id: 'DET-9', tag: 'A', summary: 'expectedMainShaOverride: null is 422' },
  { id: 'DET-10', tag: 'A', summary: 'A use-only caller writing to an agent gets 403 (HIDE-4), although GET on that agent is 404 (HIDE-2).' },
  { id: 'DET-11', tag: 'A', summary: 'Transfer request checks in order: 404 → 403 (not owner) → 422 (target missing, not in the org, or already o...' },
  { id: 'DET-12', tag: 'A', summary: 'A 405 answer carries an Allow header listing the path\'s methods (RFC 9110)' },
  { id: 'SHAPE-1', tag: 'D', summary: 'Every field the docs mark required is present with its documented type and enum' },
  { id: 'SHAPE-2', tag: 'D', summary: 'A documented optional field, when present, has its documented type' },
  { id: 'SHAPE-3', tag: 'A', summary: 'No field beyond those the docs list (a deployment that adds one is drift)' },
  { id: 'SHAPE-4', tag: 'A', summary: 'What the docs do not state: formats, optional fields always present, error.status names, lengths of response strings' },
] as const satisfies ReadonlyArray<{ id: string; tag: RuleTag; summary: string }>;

/** Rule by id. */
/** A rule id of the contract: a typo in code does not compile. */
export type RuleId = (typeof RULE_LIST)[number]['id'];

/** One contract rule. */
export interface Rule {
  id: RuleId;
  tag: RuleTag;
  summary: string;
}

/** Every rule, in contract order. */
export const RULES: readonly Rule[] = RULE_LIST;

export const RULE_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

/** The one place a rule's tag is decided: its leading tag in modus-contract.md. Throws on an unknown id (a typo). */
export function tagOf(rule: RuleId): RuleTag {
  return RULE_BY_ID.get(asRuleId(rule))!.tag;
}

/** A rule id read at run time (an openapi.json mark, a report, a flag) as a RuleId; throws on an unknown id. */
export function asRuleId(id: string): RuleId {
  if (!RULE_BY_ID.has(id)) throw new Error(`unknown rule id ${JSON.stringify(id)} (not in shared/modus-contract.md)`);
  return id as RuleId;
}
