/** What commands run against: the target client, the checks' bookkeeping, and the log of one run's steps. */
import { callValidated, groupByRule, onMissingId } from '../contracts/checks/index.js';
import type { ApiRequest, Exchange, TargetClient } from '../contracts/client.js';
import { tagOf, type RuleTag, type RuleId } from '../api/rules.js';
import type { ContractValidator } from '../contracts/validation.js';
import { Coverage, type Cell } from './coverage.js';
import type { DiffMirror } from './diff.js';
import type { Model, ModelResource } from './model.js';

/** A broken invariant: names the rule (and its tag) so reports can trace it to the contract. */
export class RuleViolation extends Error {
  constructor(readonly rule: RuleId, readonly tag: RuleTag, readonly detail: string, readonly exchange?: Exchange) {
    super(`${rule} [${tag}] ${detail}`);
    this.name = 'RuleViolation';
  }
}

/** Thrown to end a command after an [A] rule drifted (not strict): the run goes on without that resource. */
export class DriftStop extends Error {}

/** One executed command: what a person would type, and every request it sent. */
export interface Step {
  label: string;
  exchanges: Exchange[];
}

/** An [A] rule the target answers differently from the model: a warning, not a failure. */
export interface Drift {
  rule: RuleId;
  message: string;
  label: string;
  exchange?: Exchange;
  count: number;
}

export { tagOf };

/** State shared by every run of one suite invocation. */
export class SuiteState {
  /** Shared with each model: set to stop generating. */
  readonly control = { stopped: false };
  stopReason: 'budget' | 'interrupted' | 'count' | 'error' | 'covered' | undefined;
  runs = 0;
  commands = 0;
  /** How many times each rule was checked. */
  readonly stats: Record<string, number> = Object.create(null) as Record<string, number>;
  readonly drifts = new Map<string, Drift>();
  /** Never-exists answers by request line and role: they do not change, so each is asked once. */
  readonly probes = new Map<string, Exchange>();
  /** Counts towards the command budget of the bench hook. */
  commandLimit = Infinity;
  /** Operation × caller × state × outcome of every command run. */
  coverage = new Coverage();

  constructor(
    public client: TargetClient,
    readonly contract: ContractValidator,
    readonly strict: boolean,
    readonly diff?: DiffMirror,
  ) {}

  /** Stops generating: the remaining runs and commands are skipped. */
  stop(reason: NonNullable<SuiteState['stopReason']>): void {
    this.stopReason ??= reason;
    this.control.stopped = true;
  }
}

/** The `real` side of one fast-check model run. */
export class RunContext {
  readonly steps: Step[] = [];
  private step: Step = { label: '(setup)', exchanges: [] };
  private touched: ModelResource[] = [];
  /** An [A] finding of this command under --strict: reported after the command's own checks, which name what it broke. */
  private pendingStrict: { rule: RuleId; message: string } | undefined;
  private cell: Omit<Cell, 'outcome'> | undefined;
  /** The cell's `op relation state`, as the command built it. */
  private place: string | undefined;

  constructor(readonly suite: SuiteState, readonly model: Model) {}

  /** Starts logging a command; `resources` are tainted if an [A] rule drifts during it; `cell` is its coverage cell (`place` its key). */
  begin(label: string, resources: ModelResource[], cell?: Omit<Cell, 'outcome'>, place?: string): void {
    this.step = { label, exchanges: [] };
    this.cell = cell;
    this.place = place;
    this.touched = resources;
    this.pendingStrict = undefined;
    this.steps.push(this.step);
    this.suite.commands++;
  }

  /** Ends a command: under --strict an [A] finding its own checks let pass fails now. */
  end(): void {
    const pending = this.pendingStrict;
    this.pendingStrict = undefined;
    if (pending !== undefined) this.fail(pending.rule, pending.message, 'A');
  }

  /** Counts the finished command in the coverage matrix, with the status of its first answer as the outcome. */
  covered(): void {
    const cell = this.cell;
    if (!cell) return;
    const first = this.step.exchanges[0];
    this.suite.coverage.add({ op: cell.op, relation: cell.relation, state: cell.state, outcome: first ? String(first.response.status) : '-' }, this.place);
    this.cell = undefined;
  }

  /** Adds a resource the current command made to those an [A] drift taints. */
  touch(r: ModelResource): void {
    this.touched = [...this.touched, r];
  }

  /** Appends to the current step's label (e.g. the position a create produced). */
  note(text: string): void {
    this.step.label += text;
  }

  /**
   * Sends a request; every answer is checked against openapi.json: SHAPE-1/2 [D] findings fail at once,
   * [A] ones (SHAPE-3/4, DET-2, ERR-2 for a 5xx, ...) are drift that does not stop the command.
   */
  async call(request: ApiRequest): Promise<Exchange> {
    const { exchange: e, at, findings } = await callValidated(this.suite.client, this.suite.contract, request);
    this.step.exchanges.push(e);
    // ERR-2 [A]: a 5xx is an undocumented status, which the validation names ERR-2.
    for (const rule of ['ERR-2', 'SHAPE-1', 'SHAPE-2', 'SHAPE-3', 'SHAPE-4'] as const) this.count(rule);
    if (findings.length > 0) for (const [rule, list] of groupByRule(findings)) this.observe(rule, `${at} breaks openapi.json: ${list.slice(0, 8).map((f) => f.message).join('; ')}`);
    if (this.suite.diff) await this.suite.diff.mirror(request, e, this.step.label);
    return e;
  }

  /**
   * Sends a request the contract has no operation for (a path or a method the API does not have: DET-3,
   * DET-12): there is no response schema to check it against; the command judges the status and error body.
   */
  async callUnlisted(request: ApiRequest): Promise<Exchange> {
    const e = await this.suite.client.call(request);
    this.step.exchanges.push(e);
    if (this.suite.diff) await this.suite.diff.mirror(request, e, this.step.label);
    return e;
  }

  /** A finding that does not end the command when it is [A]: [D] fails, [A] is drift (deferred to `end` under --strict). */
  observe(rule: RuleId, message: string): void {
    this.count(rule);
    if (tagOf(rule) === 'D') this.fail(rule, message, 'D');
    if (this.suite.strict) {
      this.pendingStrict ??= { rule, message };
      return;
    }
    this.recordDrift(rule, message);
  }

  /** The same request on an id that never existed (HIDE, AUTH-3 compare against it); asked once per suite. */
  async missing(request: ApiRequest): Promise<Exchange> {
    const twin = onMissingId(request);
    const key = `${twin.method} ${twin.path} ${twin.role ?? ''}`;
    const cached = this.suite.probes.get(key);
    if (cached) {
      this.step.exchanges.push(cached);
      return cached;
    }
    const e = await this.call(twin);
    this.suite.probes.set(key, e);
    return e;
  }

  /** Counts one check of `rule` (the report shows which rules the run exercised). */
  count(rule: RuleId): void {
    this.suite.stats[rule] = (this.suite.stats[rule] ?? 0) + 1;
  }

  /** Checks `cond`; the message is built only when it fails. */
  expect(cond: boolean, rule: RuleId, message: () => string, tag?: RuleTag): void {
    this.suite.stats[rule] = (this.suite.stats[rule] ?? 0) + 1;
    if (!cond) this.fail(rule, message(), tag);
  }

  /** Checks `actual === expected`. */
  expectEq(actual: unknown, expected: unknown, rule: RuleId, what: string, tag?: RuleTag): void {
    this.suite.stats[rule] = (this.suite.stats[rule] ?? 0) + 1;
    if (actual !== expected) this.fail(rule, `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`, tag);
  }

  /** A check did not hold: [D] (or strict) throws a RuleViolation; [A] records drift and leaves the resources alone. */
  fail(rule: RuleId, message: string, tag: RuleTag = tagOf(rule)): never {
    const exchange = this.step.exchanges[this.step.exchanges.length - 1];
    if (tag === 'D' || this.suite.strict) throw new RuleViolation(rule, tag, `${message} (in: ${this.step.label})`, exchange);
    this.recordDrift(rule, message);
    for (const r of this.touched) r.tainted = true;
    throw new DriftStop(message);
  }

  private recordDrift(rule: RuleId, message: string): void {
    const exchange = this.step.exchanges[this.step.exchanges.length - 1];
    const key = `${rule} ${this.step.label.split(' ')[0]} ${message.replace(/\d+/g, 'n')}`;
    const seen = this.suite.drifts.get(key);
    if (seen) seen.count++;
    else this.suite.drifts.set(key, { rule, message, label: this.step.label, exchange, count: 1 });
  }
}
