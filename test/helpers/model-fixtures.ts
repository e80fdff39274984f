/** A hand-built property-suite model for unit tests: four principals, and resources added with overrides. */
import type { Role, TargetPrincipal } from '../../src/contracts/target-file.js';
import { Model, presetAccess, type ModelResource } from '../../src/properties/model.js';

export const ORG = 'org-1';
const p = (userId: string, groups: string[], orgUuid = ORG): TargetPrincipal => ({ token: `t-${userId}`, userId, email: `${userId}@x.example`, orgUuid, groups });

/** owner and teammate share the group `eng`; outsider is in no group; otherOrg is in another org. */
export const principals: Record<Role, TargetPrincipal> = {
  owner: p('alice', ['eng']), teammate: p('bob', ['eng']), outsider: p('carol', []), otherOrg: p('erin', ['eng'], 'org-2'),
};

/** A fresh model over `principals`. */
export function newModel(): Model {
  return new Model(principals, 'p-', { stopped: false });
}

/** Adds a never-deployed org-wide skill owned by `owner` (with `over` applied) at the next position. */
export function resource(m: Model, over: Partial<ModelResource> = {}): ModelResource {
  const r: ModelResource = {
    pos: m.resources.length + 1, kind: 'skills', id: 10 + m.resources.length, orgUuid: ORG, owner: 'owner', transferred: false,
    access: presetAccess('org', principals), deleted: false, deployed: false, draft: { name: 'a', description: null }, active: null,
    activeVariationId: null, draftVariationId: undefined, variations: new Map(), isEnabled: undefined, pending: null,
    pendingUncertain: false, managerPos: null, createdAt: 't', tainted: false, ...over,
  };
  m.add(r);
  return r;
}
