/** Arrangements: one resource picked by state and kept, every command in them gated like any other. */
import { describe, expect, it } from 'vitest';
import { principals, resource } from '../../test/helpers/model-fixtures.js';
import { pinAim, resolveAim, type Aim } from './aim.js';
import { ArrangeCommand, DeleteCommand, GetCommand, UndeleteCommand } from './commands/index.js';
import { Model, presetAccess } from './model.js';

const owner = { rel: 'owner', role: 'owner' } as const;
const tombstone = (at: Aim) => [new DeleteCommand(at, owner), new GetCommand(at, 'default', owner), new UndeleteCommand(at, owner)];

describe('an arrangement', () => {
  it('keeps the resource it picked by state, whatever state its commands leave it in', () => {
    const m = new Model(principals, 'p-', { stopped: false });
    resource(m);
    const deployed = resource(m, { deployed: true, active: { name: 'a', description: null }, activeVariationId: 'v' });
    const step = new ArrangeCommand('tombstone', { state: 'deployed', n: 1 }, undefined, tombstone);
    const generated = 'DELETE /{kind}/~deployed:1 as owner; GET /{kind}/~deployed:1 as owner; POST /{kind}/~deployed:1/undelete as owner';
    expect(step.toString()).toBe(generated);
    expect(step.check(m)).toBe(true);
    const at = pinAim(m, deployed);
    expect(at).toEqual({ state: 'any', n: 2 });
    deployed.deleted = true; // what its first command does
    m.version++;
    expect(resolveAim(m, at)).toBe(deployed);
    // toString is pure: the commands as generated, whatever check() pinned (the run's steps show the resolved #2).
    expect(step.toString()).toBe(generated);
    expect(step.cellKey()).toBe('arrange tombstone');
  });

  it('does not run without a resource of its kind, or when the swarm leaves one of its commands out', () => {
    const m = new Model(principals, 'p-', { stopped: false });
    resource(m);
    // No deleted resource: the arrangement runs on the one there is (a state is a preference).
    expect(new ArrangeCommand('tombstone', { state: 'deleted', n: 1 }, undefined, tombstone).check(m)).toBe(true);
    expect(new ArrangeCommand('tombstone', { state: 'any', n: 1 }, 'agents', tombstone).check(m)).toBe(false);
    const any = new ArrangeCommand('tombstone', { state: 'any', n: 1 }, undefined, tombstone);
    expect(any.check(m)).toBe(true);
    m.disabled = new Set(['UndeleteCommand']);
    expect(any.check(m)).toBe(false);
  });
});

describe("a command's toString", () => {
  it('reads the same before and after check() resolves its caller and resource', () => {
    const m = new Model(principals, 'p-', { stopped: false });
    resource(m);
    // Generated as "the owner, shown as teammate": check() resolves the role standing in that relation.
    const del = new DeleteCommand({ state: 'any', n: 1 }, { rel: 'owner', role: 'teammate' });
    const before = del.toString();
    expect(del.check(m)).toBe(true);
    expect(del.role).toBe('owner');
    expect(del.toString()).toBe(before);
    expect(before).toBe('DELETE /{kind}/~any:1 as teammate');
    expect(del.label(m)).toBe('DELETE /skills/#1 as owner');
  });
});
