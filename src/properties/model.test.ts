/** The model's own rules, checked by hand: access (ACC-1), LIFE-6, UPD-2 cycles, position picks. */
import { describe, expect, it } from 'vitest';
import { principals, resource } from '../../test/helpers/model-fixtures.js';
import { Model, presetAccess } from './model.js';

describe('Model', () => {
  const m = new Model(principals, 'prop-x-', { stopped: false });

  it('grants by ACC-1: owner all, org all, groups and sharedWith as given, nothing across orgs', () => {
    const r = resource(m, { access: presetAccess('group-use', principals) });
    expect(m.rights(r, 'owner')).toEqual({ use: true, manage: true });
    expect(m.rights(r, 'teammate')).toEqual({ use: true, manage: false });
    expect(m.rights(r, 'outsider')).toEqual({ use: false, manage: false });
    expect(m.rights(r, 'otherOrg')).toEqual({ use: false, manage: false }); // same group name, other org: AUTH-3
    expect(m.rights(r, 'outsider', presetAccess('share-outsider', principals))).toEqual({ use: true, manage: false });
    expect(m.rights(r, 'teammate', presetAccess('private', principals)).use).toBe(false);
    expect(m.rights(r, 'outsider', presetAccess('org', principals))).toEqual({ use: true, manage: true });
    expect(m.grantedBy(r, 'teammate')).toBe('grant');
    // The edges ACC-1 draws: manage alone implies use; groups count only when shared; an empty grant is none.
    expect(m.rights(r, 'outsider', presetAccess('share-manage', principals))).toEqual({ use: true, manage: true });
    expect(m.rights(r, 'teammate', presetAccess('private-groups', principals))).toEqual({ use: false, manage: false });
    expect(m.rights(r, 'teammate', presetAccess('shared-none', principals))).toEqual({ use: false, manage: false });
    expect(m.rights(r, 'outsider', presetAccess('shared-none', principals))).toEqual({ use: false, manage: false });
  });

  it('LIFE-6: unpublished while never deployed, or while the draft content differs from the active one', () => {
    const r = resource(m);
    expect(m.hasUnpublished(r)).toBe(true);
    r.active = { name: 'a', description: null };
    expect(m.hasUnpublished(r)).toBe(false);
    r.draft = { name: 'b', description: null };
    expect(m.hasUnpublished(r)).toBe(true);
  });

  it('UPD-2: a manager chain that comes back is a cycle', () => {
    const a = resource(m);
    const b = resource(m, { managerPos: a.pos });
    expect(m.wouldCycle(a, b)).toBe(true);
    expect(m.wouldCycle(a, a)).toBe(true);
    expect(m.wouldCycle(b, a)).toBe(false);
  });

  it('resolves picks by wrapping around the resources of a kind, never a tainted one', () => {
    const n = new Model(principals, 'p-', { stopped: false });
    expect(n.resolve(1)).toBeUndefined();
    const s = resource(n);
    const agent = resource(n, { kind: 'agents' });
    expect(n.resolve(3)).toBe(s);
    expect(n.resolve(2, 'agents')).toBe(agent);
    agent.tainted = true;
    expect(n.resolve(1, 'agents')).toBeUndefined();
  });
});
