/** Aimed picks: the caller by relation and the resource by state, resolved against the model (deterministic). */
import { describe, expect, it } from 'vitest';
import { principals, resource } from '../../test/helpers/model-fixtures.js';
import { callerFor, inState, relationOf, resolveAim, stateOf } from './aim.js';
import { Model, presetAccess } from './model.js';

describe('aim', () => {
  it('names each role by its relation: owner, pending recipient, manager, use-only, none, other org', () => {
    const m = new Model(principals, 'p-', { stopped: false });
    const r = resource(m, { access: presetAccess('group-use', principals), pending: 'outsider' });
    expect(relationOf(m, r, 'owner')).toBe('owner');
    expect(relationOf(m, r, 'outsider')).toBe('recipient');
    expect(relationOf(m, r, 'teammate')).toBe('user');
    expect(relationOf(m, r, 'otherOrg')).toBe('otherOrg');
    const org2 = resource(m, { pending: 'outsider' });
    expect(relationOf(m, org2, 'teammate')).toBe('manager'); // XFER-3: a manager who is not the recipient
    const priv = resource(m, { access: presetAccess('private', principals) });
    expect(relationOf(m, priv, 'teammate')).toBe('none');
  });

  it('resolves a caller by relation, preferring the fallback role, and none when no role stands in it', () => {
    const m = new Model(principals, 'p-', { stopped: false });
    const r = resource(m);
    expect(callerFor(m, r, { rel: 'manager', role: 'outsider' })).toBe('outsider');
    expect(callerFor(m, r, { rel: 'manager', role: 'owner' })).toBe('teammate');
    expect(callerFor(m, r, { rel: 'recipient', role: 'owner' })).toBeUndefined();
  });

  it('aims at the n-th resource in a state (wrapping), else the n-th of any state, none of another kind, never a tainted one', () => {
    const m = new Model(principals, 'p-', { stopped: false });
    const fresh = resource(m);
    const deleted = resource(m, { deleted: true });
    const draft = resource(m, { deployed: true, active: { name: 'b', description: null } });
    expect(resolveAim(m, { state: 'deleted', n: 2 }, undefined)).toBe(deleted);
    expect(resolveAim(m, { state: 'draft', n: 1 })).toBe(draft);
    // No resource pending: the state was a preference (a shrink removed what made it), the n-th of any state.
    expect(resolveAim(m, { state: 'pending', n: 1 })).toBe(fresh);
    expect(resolveAim(m, { state: 'pending', n: 3 })).toBe(draft);
    expect(resolveAim(m, { state: 'any', n: 4 })).toBe(fresh);
    expect(resolveAim(m, { state: 'fresh', n: 1 }, 'agents')).toBeUndefined();
    fresh.tainted = true;
    m.version++; // what a command's update does
    expect(resolveAim(m, { state: 'fresh', n: 1 })).toBe(deleted);
    deleted.tainted = true;
    draft.tainted = true;
    m.version++;
    expect(resolveAim(m, { state: 'any', n: 1 })).toBeUndefined();
    expect([stateOf(m, deleted), stateOf(m, draft)]).toEqual(['deleted', 'draft']);
    expect(inState(m, draft, 'deployed')).toBe(false);
  });
});
