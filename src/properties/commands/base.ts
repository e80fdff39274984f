/** The shape every property command shares: check / run / toString, positions instead of ids. */
import type fc from 'fast-check';
import { fillPath, operationFor, type Stem } from '../../api/operations.js';
import type { ApiRequest } from '../../contracts/client.js';
import type { Role } from '../../contracts/target-file.js';
import type { Kind, Model, ModelResource } from '../model.js';
import { callerFor, relationOf, resolveAim, stateOf, type Aim, type Caller } from '../aim.js';
import { placeOf } from '../coverage.js';
import { DriftStop, type RunContext } from '../run-context.js';

/** One operation of the API, run as one role on resources referred to by position. */
export abstract class PropertyCommand implements fc.AsyncCommand<Model, RunContext> {
  // Assigned in the constructor, not defined as class fields: every command class shares this constructor, and
  // defining fields from it goes the slow (megamorphic) way, a cost paid for each of the thousands of commands generated.
  /** The role the command is sent as (resolved against the model before check and run). */
  declare role: Role;
  /** The role as generated: what the label shows before a model resolves the caller. */
  private declare readonly givenRole: Role;

  constructor(role: Role) {
    this.role = role;
    this.givenRole = role;
  }

  /** fast-check asks before running: the resources it refers to exist, the swarm enables it, the run is not stopping. */
  check(m: Readonly<Model>): boolean {
    if (m.control.stopped || m.disabled.has(this.constructor.name)) return false;
    this.resolve(m as Model);
    return this.applies(m as Model);
  }

  /** The operation, for the coverage matrix (e.g. `deploy`). */
  abstract readonly op: string;

  /** Resolves what the command aims at against the model (the caller by relation); before check and run. */
  protected resolve(m: Model): void {
    void m;
  }

  /** The coverage cell (`op relation state`) the command would fall in now; after check(). */
  cellKey(m: Model): string {
    const { relation, state } = this.cell(m);
    return placeOf(this.op, relation, state);
  }

  /** The coverage cell's caller relation and resource state, once resolved. */
  protected cell(m: Model): { relation: string; state: string } {
    void m;
    return { relation: this.role, state: '-' };
  }

  /** Runs the request(s) and checks the answers against the model; an [A] drift ends the command quietly. */
  async run(m: Model, ctx: RunContext): Promise<void> {
    this.resolve(m);
    const label = this.label(m);
    const { relation, state } = this.cell(m);
    const key = placeOf(this.op, relation, state);
    ctx.begin(label, this.touches(m), { op: this.op, relation, state }, key);
    m.cellHits.set(key, (m.cellHits.get(key) ?? 0) + 1);
    if (ctx.suite.commands >= ctx.suite.commandLimit) ctx.suite.stop('count');
    try {
      await this.exec(m, ctx);
      ctx.end();
    } catch (e) {
      if (!(e instanceof DriftStop)) throw e;
    } finally {
      ctx.covered();
      m.version++;
    }
  }

  /**
   * What a person would type, as generated (`PATCH /skills/~pending:2 {managerId:#1} as owner`): pure, so it reads
   * the same before and after a run. The run's own steps carry the label resolved against the model.
   */
  toString(): string {
    return this.label(undefined);
  }

  /** The caller a label shows: resolved against the model, or as generated without one. */
  protected as(m: Model | undefined): Role {
    return m ? this.role : this.givenRole;
  }

  /** The label with positions resolved against `m` (or as generated, without a model). */
  abstract label(m: Model | undefined): string;
  protected abstract applies(m: Model): boolean;
  protected abstract touches(m: Model): ModelResource[];
  protected abstract exec(m: Model, ctx: RunContext): Promise<void>;
}

/** A command on one resource aimed at by state, sent by a caller named by its relation to it (see aim.ts). */
export abstract class ResourceCommand extends PropertyCommand {
  // Assigned, not defined as class fields: see PropertyCommand.
  declare readonly aim: Aim;
  declare readonly caller: Caller;
  declare readonly kind: Kind | undefined;

  constructor(aim: Aim, caller: Caller, kind?: Kind) {
    super(caller.role);
    this.aim = aim;
    this.caller = caller;
    this.kind = kind;
  }

  /** The last resolution of the aim: it holds while the model keeps its version (see Model.memo). */
  private declare aimed: { m: Model; version: number; r: ModelResource | undefined } | undefined;

  protected target(m: Model): ModelResource | undefined {
    const last = this.aimed;
    if (last !== undefined && last.m === m && last.version === m.version) return last.r;
    const r = resolveAim(m, this.aim, this.kind);
    this.aimed = { m, version: m.version, r };
    return r;
  }

  /** The caller resolved against the model; undefined when no role stands in the relation (then check() skips). */
  private declare resolved: Role | undefined;

  protected override resolve(m: Model): void {
    const r = this.target(m);
    this.resolved = r ? callerFor(m, r, this.caller) : undefined;
    this.role = this.resolved ?? this.caller.role;
  }

  protected override cell(m: Model): { relation: string; state: string } {
    const r = this.target(m);
    return r ? { relation: relationOf(m, r, this.role), state: stateOf(m, r) } : { relation: '-', state: '-' };
  }

  protected applies(m: Model): boolean {
    return this.resolved !== undefined && this.target(m) !== undefined;
  }

  protected touches(m: Model): ModelResource[] {
    const r = this.target(m);
    return r ? [r] : [];
  }

  /** `/skills/#2` (or `/{kind}/~2` before a model resolves the pick). */
  protected at(m: Model | undefined, suffix = ''): string {
    const r = m && this.target(m);
    return r ? `/${r.kind}/#${r.pos}${suffix}` : `/${this.kind ?? '{kind}'}/~${this.aim.state}:${this.aim.n}${suffix}`;
  }
}

/** Prints a body the way the labels show it: `{name:b, description:null}`. */
export function showBody(fields: Record<string, unknown>): string {
  const parts = Object.entries(fields).map(([k, v]) => `${k}:${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return `{${parts.join(', ')}}`;
}

/**
 * The request of one operation of the table (src/api/operations.ts) on a resource, or on its collection when the
 * resource has no id: the method and path come from the table, the query (`?view=draft`) is appended.
 */
export function opRequest(stem: Stem, at: { kind: Kind; id?: number | string }, role: Role, body?: unknown, query = '', variationId?: string): ApiRequest {
  const op = operationFor(stem, at.kind);
  const req: ApiRequest = { method: op.method, path: fillPath(op, at.id, variationId) + query, role };
  if (body !== undefined) req.body = body;
  return req;
}
