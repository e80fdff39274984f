/** Runs the model-based property (fast-check commands) against a target: runs, shrinking, budget, cleanup. */
import fc from 'fast-check';
import { BudgetExceededError } from '../contracts/client.js';
import { loadContract } from '../contracts/validation.js';
import { commandArbitraries } from './commands/index.js';
import { DiffMirror } from './diff.js';
import { Model } from './model.js';
import { RuleViolation, RunContext, SuiteState } from './run-context.js';
import { openSession } from './targets.js';
let sharedContract;
/** Runs the suite; never throws for what it finds (only for configuration: TargetConfigError). */
export async function runProperties(options = {}) {
    const start = performance.now();
    const contract = options.contract ?? (sharedContract ??= loadContract());
    const maxCommands = options.maxCommands ?? 30;
    const runs = options.runs ?? 100;
    const session = openSession(options.target, { maxRequests: options.maxRequests, rps: options.rps });
    const diff = options.diff ? new DiffMirror(openSession(), contract, session.client.config.principals) : undefined;
    const suite = new SuiteState(session.client, contract, options.strict ?? false, diff);
    suite.commandLimit = options.commandLimit ?? Infinity;
    options.signal?.addEventListener('abort', () => suite.stop('interrupted'));
    const seed = options.seed ?? (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
    const [fcPath, replayPath] = (options.path ?? '').split('~');
    const arb = fc.commands(commandArbitraries(), { maxCommands, size: 'max', ...(replayPath ? { replayPath } : {}) });
    const prefix = `prop-${options.runId ?? 'run'}-`;
    const principals = session.client.config.principals;
    let failure;
    const reserve = maxCommands * 2;
    // An interrupting precondition failure ends fast-check's loop at once, as a pass (or with the counterexample so far).
    const interrupt = () => {
        throw new fc.PreconditionFailure(true);
    };
    const property = fc.asyncProperty(arb, async (cmds) => {
        if (options.maxRequests !== undefined && options.maxRequests - session.client.requestsSent < reserve)
            suite.stop('budget');
        if (suite.control.stopped)
            interrupt();
        suite.runs++;
        options.onProgress?.({ run: suite.runs, runs, shrinking: failure !== undefined, requests: session.client.requestsSent, commands: suite.commands });
        // Shrinking and replays start from the seeded state, so a counterexample replays exactly.
        session.begin(failure !== undefined || fcPath !== '');
        diff?.reset();
        const model = new Model(principals, prefix, suite.control);
        const ctx = new RunContext(suite, model);
        try {
            await fc.asyncModelRun(() => ({ model, real: ctx }), cmds);
        }
        catch (e) {
            if (e instanceof BudgetExceededError)
                return suite.stop('budget');
            failure = { error: e, steps: ctx.steps };
            // Not a broken rule (the network, a bug): shrinking it would only repeat it.
            if (!(e instanceof RuleViolation))
                suite.stop('error');
            throw e;
        }
        finally {
            await cleanupRun(session.client, model);
        }
    });
    let details;
    let cleanupFailed = [];
    try {
        details = await fc.check(property, { numRuns: runs, seed, ...(fcPath ? { path: fcPath, endOnFailure: true } : {}) });
    }
    finally {
        if (session.remote)
            cleanupFailed = await session.client.cleanup();
    }
    const result = {
        target: session.name, remote: session.remote, seed, runs, executed: suite.runs, maxCommands, outcome: 'pass', drifts: [...suite.drifts.values()],
        stats: suite.stats, requests: session.client.requestsSent, commands: suite.commands, ms: performance.now() - start, cleanupFailed,
        principals, redact: (t) => session.client.redact(t),
    };
    if (suite.stopReason)
        result.stopped = suite.stopReason;
    if (diff)
        result.diff = [...diff.groups.values()];
    if (details.failed && failure) {
        result.path = counterexamplePath(details);
        result.failure = describeFailure(failure.error, failure.steps);
        result.outcome = failure.error instanceof RuleViolation ? 'fail' : 'error';
    }
    return result;
}
/** The path to print: fast-check's counterexample path and the commands' replayPath, joined by `~`. */
function counterexamplePath(details) {
    const path = details.counterexamplePath ?? '';
    const commands = details.counterexample?.[0];
    const replay = /replayPath="([^"]*)"/.exec(commands?.metadataForReplay?.() ?? '')?.[1];
    return replay ? `${path}~${replay}` : path;
}
function describeFailure(error, steps) {
    if (error instanceof RuleViolation)
        return { rule: error.rule, tag: error.tag, message: error.detail, steps };
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { rule: 'error', tag: 'D', message, steps };
}
/** Soft-deletes what the run created, as its current owner; what fails is left to the final cleanup (remote targets). */
async function cleanupRun(client, model) {
    for (const r of [...model.resources].reverse()) {
        const key = `${r.kind}/${r.id}`;
        if (!client.created.has(key))
            continue;
        if (r.deleted && !r.tainted) {
            client.created.delete(key);
            continue;
        }
        const e = await client.call({ method: 'DELETE', path: `/api/v1/${key}`, role: r.owner }, true).catch(() => undefined);
        if (e?.response.status === 204)
            client.created.delete(key);
    }
}
//# sourceMappingURL=runner.js.map