/** POST /{kind}: create a skill or agent with an access setup (ACC-2, LIFE-2, DET-1, DEL-6). */
import type { Role } from '../../contracts/target-file.js';
import { bodyOf, checkBody, expectNewIdentity, expectStatus } from '../invariants.js';
import { FULL_NAME, presetAccess, type AccessPreset, type Kind, type Model, type ModelResource } from '../model.js';
import type { RunContext } from '../run-context.js';
import { PropertyCommand, opRequest } from './base.js';

/** The accessConfig a request sends for a preset; `org` on create sends none (ACC-2: the default). */
export function accessBody(preset: AccessPreset, m: Model, onCreate: boolean): Record<string, unknown> | undefined {
  if (onCreate && preset === 'org') return undefined;
  const a = presetAccess(preset, m.principals);
  return { visibility: a.visibility, groupPermissions: a.groupPermissions, sharedWith: a.sharedWith };
}

/** Most resources one run creates. */
export const MAX_RESOURCES = 4;

/** Creates a resource as any role; the new resource takes the next position. */
export class CreateCommand extends PropertyCommand {
  readonly op = 'create';

  constructor(readonly kind: Kind, readonly access: AccessPreset, readonly name: string, readonly description: string | null, role: Role) {
    super(role);
  }

  label(): string {
    return `POST /${this.kind} {name:${this.name}, description:${JSON.stringify(this.description)}, access:${this.access}} as ${this.role}`;
  }

  protected applies(m: Model): boolean {
    // A run spends its requests on what it made, not on making more: aims pick among a few resources.
    return m.resources.length < MAX_RESOURCES;
  }

  protected touches(): ModelResource[] {
    return [];
  }

  protected async exec(m: Model, ctx: RunContext): Promise<void> {
    const e = await ctx.call(opRequest('create', { kind: this.kind }, this.role, this.body(m)));
    // A target may cap how many resources an org holds (409): then nothing was created.
    if (e.response.status === 409) return;
    // Any 2xx created it (201 is DET-1, [A]); a 200-code-point name refused breaks UPD-4.
    const created = e.response.status >= 200 && e.response.status < 300;
    expectStatus(ctx, e, 201, this.name === FULL_NAME && !created ? 'UPD-4' : 'DET-1');
    const b = bodyOf(e);
    expectNewIdentity(ctx, this.kind, b);
    const r = this.modelled(m, b);
    m.add(r);
    ctx.touch(r);
    ctx.note(` → #${r.pos}`);
    // The draft id is the target's to choose; learn it (LIFE-7 later checks the deploy promotes it).
    const draftId = b['draftVariationId'];
    if (typeof draftId === 'string') {
      r.draftVariationId = draftId;
      r.variations.set(draftId, { ...r.draft });
    }
    this.expectCreated(ctx, r, b);
  }

  /** The request body; the docs type a request description `string`: "no description" is sent as no key (answered null). */
  private body(m: Model): Record<string, unknown> {
    const body: Record<string, unknown> = { name: m.name(this.name), ...(this.description === null ? {} : { description: this.description }) };
    const accessConfig = accessBody(this.access, m, true);
    if (accessConfig) body['accessConfig'] = accessConfig;
    return body;
  }

  /** The new resource as the model holds it: what the contract says a create makes, the id and times the target chose. */
  private modelled(m: Model, b: Record<string, unknown>): ModelResource {
    return {
      pos: m.resources.length + 1,
      kind: this.kind,
      id: b['id'] as number,
      orgUuid: m.principals[this.role].orgUuid,
      owner: this.role,
      transferred: false,
      access: presetAccess(this.access, m.principals),
      deleted: false,
      deployed: false,
      draft: { name: this.name, description: this.description },
      active: null,
      activeVariationId: null,
      draftVariationId: undefined,
      variations: new Map(),
      isEnabled: this.kind === 'agents' ? false : undefined,
      pending: null,
      pendingUncertain: false,
      managerPos: null,
      createdAt: String(b['createdAt']),
      tainted: false,
    };
  }

  /** LIFE-2: draft, activeVariationId null; LIFE-12 [A]: an agent is enabled only by its first deploy; DET-1 [A]: the draft view. */
  private expectCreated(ctx: RunContext, r: ModelResource, b: Record<string, unknown>): void {
    ctx.expectEq(b['status'], 'draft', 'LIFE-2', `#${r.pos} status after create`);
    ctx.expectEq(b['activeVariationId'], null, 'LIFE-2', `#${r.pos} activeVariationId after create`);
    if (this.kind === 'agents') {
      ctx.expectEq(b['isEnabled'], false, 'LIFE-12', `#${r.pos} isEnabled before any deploy`, 'A');
      ctx.expectEq(b['type'], 'task', 'DET-1', `#${r.pos} type when none was given`);
    }
    checkBody(ctx, r, b, { view: 'draft', role: this.role, contentRule: 'DET-1' });
  }
}
