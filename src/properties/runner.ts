/** Runs the model-based property (fast-check commands) against a target: runs, shrinking, budget, cleanup. */
import fc from 'fast-check';
import { deleteCreated } from '../contracts/checks/index.js';
import { BudgetExceededError, type TargetClient } from '../contracts/client.js';
import type { RuleTag, RuleId } from '../api/rules.js';
import type { Role, TargetPrincipal } from '../contracts/target-file.js';
import { loadContract, type ContractValidator } from '../contracts/validation.js';
import { CALLERS, commandArbitraries, swarmArbitrary } from './commands/index.js';
import { Coverage, reachableCells, type CoverageReport } from './coverage.js';
import { DiffMirror, type DiffGroup } from './diff.js';
import { Model } from './model.js';
import { RuleViolation, RunContext, SuiteState, type Drift, type Step } from './run-context.js';
import { openSession, type Session, type TargetSpec } from './targets.js';

/** Settings of one suite invocation. */
export interface PropertyOptions {
  target?: TargetSpec;
  runs?: number;
  seed?: number;
  /** Replays one counterexample: fast-check's path, `~` and the commands' replayPath, as a failure prints it. */
  path?: string;
  maxCommands?: number;
  maxRequests?: number;
  rps?: number;
  strict?: boolean;
  diff?: boolean;
  /** Names written by the run start `prop-<runId>-`. */
  runId?: string;
  /** Stop after this many commands (the bench hook). */
  commandLimit?: number;
  /** Stop once every reachable coverage cell was hit (or the runs or the budget end first). */
  untilCovered?: boolean;
  /** Run only blocks b with b % count === index - 1 (1-based index): shards of one run share its seed. */
  shard?: Shard;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  contract?: ContractValidator;
}

/** One slice of a run: `--shard 2/4` is {index: 2, count: 4}. */
export interface Shard {
  index: number;
  count: number;
}

/**
 * A run of R sequences is ceil(R / BLOCK_RUNS) blocks; block b runs up to BLOCK_RUNS sequences with seed
 * `seed + b`. Shards take every count-th block, so the union of the shards is the unsharded run, whatever
 * the count; a failure in block b replays with `--seed <seed + b> --path …` alone.
 */
export const BLOCK_RUNS = 10;

/** The blocks (with their seeds and sizes) a run of `runs` sequences from `seed` runs in `shard`. */
export function blocksOf(seed: number, runs: number, shard?: Shard): Array<{ block: number; seed: number; runs: number }> {
  const out: Array<{ block: number; seed: number; runs: number }> = [];
  for (let b = 0; b * BLOCK_RUNS < runs; b++) {
    if (shard && b % shard.count !== shard.index - 1) continue;
    out.push({ block: b, seed: (seed + b) | 0, runs: Math.min(BLOCK_RUNS, runs - b * BLOCK_RUNS) });
  }
  return out;
}

/** Where a run stands, for the progress line. */
export interface Progress {
  run: number;
  runs: number;
  shrinking: boolean;
  requests: number;
  commands: number;
}

/** The counterexample after shrinking. */
export interface Failure {
  /** The rule id, or `error` when the suite could not run (network, a bug). */
  rule: RuleId | 'error';
  tag: RuleTag;
  message: string;
  steps: Step[];
}

/** What a suite invocation found. */
export interface PropertyResult {
  target: string;
  remote: boolean;
  seed: number;
  /** The shard this result covers (absent: the whole run). */
  shard?: Shard;
  /** The seed of the block that failed: replay with `--seed <failedSeed> --path <path>`. */
  failedSeed?: number;
  /** `--path` to replay the failure with `--seed`. */
  path?: string;
  runs: number;
  /** Sequences actually run, shrinking included. */
  executed: number;
  maxCommands: number;
  outcome: 'pass' | 'fail' | 'error';
  stopped?: 'budget' | 'interrupted' | 'count' | 'error' | 'covered';
  failure?: Failure;
  drifts: Drift[];
  stats: Record<string, number>;
  diff?: DiffGroup[];
  /** Operation × caller relation × resource state × outcome of every command run. */
  coverage: CoverageReport;
  requests: number;
  /** Requests sent when the failure was first seen (before shrinking): what finding it cost. */
  requestsToFailure?: number;
  commands: number;
  ms: number;
  cleanupFailed: string[];
  principals: Record<Role, TargetPrincipal>;
  /** Replaces tokens with `$MODUS_TOKEN_<ROLE>`. */
  redact: (text: string) => string;
}

/**
 * Commands generated per sequence. Most are skipped when they run (their aim, their caller's relation or the
 * swarm's subset is not there yet), so a sequence executes a few dozen. Arrangements (commands/macro.ts) reach
 * the deep boundaries in one step, so shorter sequences (more of them, more swarm subsets per budget) win:
 * bench/catch-rate.ts at 25 seeds within 500 requests caught 474/475 at 120, 472 at 200, 461 at 300.
 */
export const DEFAULT_MAX_COMMANDS = 120;

/** A seed for a run given none (always printed, so the run replays). */
export function drawSeed(): number {
  return (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
}

let sharedContract: ContractValidator | undefined;

type Sequence = [string[], Iterable<fc.AsyncCommand<Model, RunContext>>];

/** An interrupting precondition failure ends fast-check's loop at once, as a pass (or with the counterexample so far). */
function interrupt(): never {
  throw new fc.PreconditionFailure(true);
}

/** One call of runProperties: the target's session, the suite's state, and the failure once one is seen. */
class PropertyRun {
  readonly start = performance.now();
  readonly contract: ContractValidator;
  readonly maxCommands: number;
  readonly runs: number;
  readonly session: Session;
  readonly diff: DiffMirror | undefined;
  readonly suite: SuiteState;
  readonly seed: number;
  readonly fcPath: string;
  readonly replayPath: string | undefined;
  readonly prefix: string;
  /** Stop generating a little before the budget ends, so the last run is not cut short (cleanup is exempt). */
  readonly reserve: number;
  failure: { error: unknown; steps: Step[] } | undefined;
  requestsToFailure: number | undefined;

  constructor(readonly options: PropertyOptions) {
    this.contract = options.contract ?? (sharedContract ??= loadContract());
    this.maxCommands = options.maxCommands ?? DEFAULT_MAX_COMMANDS;
    this.runs = options.runs ?? 100;
    this.session = openSession(options.target, { maxRequests: options.maxRequests, rps: options.rps });
    this.diff = options.diff ? new DiffMirror(openSession(), this.contract, this.session.client.config.principals) : undefined;
    this.suite = new SuiteState(this.session.client, this.contract, options.strict ?? false, this.diff);
    this.suite.commandLimit = options.commandLimit ?? Infinity;
    this.suite.coverage = new Coverage(reachableCells(CALLERS));
    options.signal?.addEventListener('abort', () => this.suite.stop('interrupted'));
    this.seed = options.seed ?? drawSeed();
    [this.fcPath = '', this.replayPath] = (options.path ?? '').split('~');
    this.prefix = `prop-${options.runId ?? 'run'}-`;
    this.reserve = Math.min(this.maxCommands * 2, Math.ceil((options.maxRequests ?? 0) / 20));
  }

  /** The property fast-check checks: a swarm subset and a command sequence, run against the model. */
  property(): fc.IAsyncProperty<Sequence> {
    const commands = fc.commands(commandArbitraries(this.contract), { maxCommands: this.maxCommands, size: 'max', ...(this.replayPath ? { replayPath: this.replayPath } : {}) });
    return fc.asyncProperty(swarmArbitrary(), commands, (disabled, cmds) => this.sequence(disabled, cmds));
  }

  /** One generated run: stop when the budget, coverage or a signal says so; fresh state; cleanup after. */
  private async sequence(disabled: string[], cmds: Sequence[1]): Promise<void> {
    const { options, suite, session } = this;
    // In-process, every request resolves at once: without a turn of the event loop a Ctrl-C (or a worker's
    // abort message) would wait for the whole run. One turn a sequence.
    if (options.signal && !session.remote) await new Promise((resolve) => setImmediate(resolve));
    if (options.maxRequests !== undefined && options.maxRequests - session.client.requestsSent < this.reserve) suite.stop('budget');
    if (options.untilCovered && this.failure === undefined && suite.coverage.complete()) suite.stop('covered');
    if (suite.control.stopped) interrupt();
    suite.runs++;
    options.onProgress?.({ run: suite.runs, runs: this.runs, shrinking: this.failure !== undefined, requests: session.client.requestsSent, commands: suite.commands });
    // Shrinking and replays start from the seeded state, so a counterexample replays exactly.
    session.begin(this.failure !== undefined || this.fcPath !== '');
    this.diff?.reset();
    const model = new Model(session.client.config.principals, this.prefix, suite.control);
    model.disabled = new Set(disabled);
    const ctx = new RunContext(suite, model);
    try {
      await fc.asyncModelRun(() => ({ model, real: ctx }), cmds);
    } catch (e) {
      if (e instanceof BudgetExceededError) return suite.stop('budget');
      this.failure = { error: e, steps: ctx.steps };
      this.requestsToFailure ??= session.client.requestsSent;
      // Not a broken rule (the network, a bug): shrinking it would only repeat it.
      if (!(e instanceof RuleViolation)) suite.stop('error');
      throw e;
    } finally {
      await cleanupRun(session.client, model);
    }
  }

  /** Checks the property block by block (a replay is one block: the seed it printed and the path within it). */
  async check(): Promise<{ details: fc.RunDetails<Sequence> | undefined; failedSeed: number; cleanupFailed: string[] }> {
    let details: fc.RunDetails<Sequence> | undefined;
    let failedSeed = this.seed;
    let cleanupFailed: string[] = [];
    try {
      const blocks = this.fcPath ? [{ block: 0, seed: this.seed, runs: 1 }] : blocksOf(this.seed, this.runs, this.options.shard);
      for (const block of blocks) {
        failedSeed = block.seed;
        details = await fc.check(this.property(), { numRuns: block.runs, seed: block.seed, ...(this.fcPath ? { path: this.fcPath, endOnFailure: true } : {}) });
        if (details.failed || this.suite.control.stopped) break;
      }
    } finally {
      if (this.session.remote) cleanupFailed = await this.session.client.cleanup();
    }
    return { details, failedSeed, cleanupFailed };
  }

  /** What the run found and covered. */
  result({ details, failedSeed, cleanupFailed }: Awaited<ReturnType<PropertyRun['check']>>): PropertyResult {
    const { suite, session, diff, options } = this;
    const result: PropertyResult = {
      target: session.name, remote: session.remote, seed: this.seed, runs: this.runs, executed: suite.runs, maxCommands: this.maxCommands, outcome: 'pass', drifts: [...suite.drifts.values()],
      stats: suite.stats, coverage: suite.coverage.report(), requests: session.client.requestsSent, commands: suite.commands, ms: performance.now() - this.start, cleanupFailed,
      principals: session.client.config.principals, redact: (t) => session.client.redact(t),
    };
    if (suite.stopReason) result.stopped = suite.stopReason;
    if (options.shard) result.shard = options.shard;
    if (diff) result.diff = [...diff.groups.values()];
    if (details?.failed && this.failure) {
      result.failedSeed = failedSeed;
      result.path = counterexamplePath(details);
      result.requestsToFailure = this.requestsToFailure;
      result.failure = describeFailure(this.failure.error, this.failure.steps);
      result.outcome = this.failure.error instanceof RuleViolation ? 'fail' : 'error';
    }
    return result;
  }
}

/** Runs the suite; never throws for what it finds (only for configuration: TargetConfigError). */
export async function runProperties(options: PropertyOptions = {}): Promise<PropertyResult> {
  const run = new PropertyRun(options);
  return run.result(await run.check());
}

/** The path to print: fast-check's counterexample path and the commands' replayPath, joined by `~`. */
function counterexamplePath(details: { counterexamplePath: string | null; counterexample: readonly unknown[] | null }): string {
  const path = details.counterexamplePath ?? '';
  const commands = details.counterexample?.[1] as { metadataForReplay?: () => string } | undefined;
  const replay = /replayPath="([^"]*)"/.exec(commands?.metadataForReplay?.() ?? '')?.[1];
  return replay ? `${path}~${replay}` : path;
}

function describeFailure(error: unknown, steps: Step[]): Failure {
  if (error instanceof RuleViolation) return { rule: error.rule, tag: error.tag, message: error.detail, steps };
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { rule: 'error', tag: 'D', message, steps };
}

/** Soft-deletes what the run created, as its current owner; what fails is left to the final cleanup (remote targets). */
async function cleanupRun(client: TargetClient, model: Model): Promise<void> {
  for (const r of [...model.resources].reverse()) {
    const key = `${r.kind}/${r.id}`;
    // Deleted by the run itself, and the model is sure of it: nothing to send.
    if (r.deleted && !r.tainted) client.created.delete(key);
    // One at a time: a key the target answered twice (DEL-6 broken) is deleted once.
    else if ((await deleteCreated(client, [{ key, roles: [r.owner] }])).deleted.length > 0) client.created.delete(key);
  }
}

export type { Session };
