import { BudgetExceededError, UnsafeWriteError, type TargetClient } from './client.js';
import type { CheckResult } from './report.js';
import { tagOf } from '../api/rules.js';
import { groupByRule } from './checks/index.js';
import { CheckFailed, ScenarioContext, formatExchange, type Scenario } from './scenario.js';
import type { ContractValidator } from './validation.js';

/** Options of a contract run. */
export interface RunOptions {
  client: TargetClient;
  contract: ContractValidator;
  scenarios: readonly Scenario[];
  runId: string;
  /** Only scenarios whose rule id starts with one of these. */
  only?: readonly string[];
  onResult?: (result: CheckResult) => void;
  /** Set to stop between scenarios (Ctrl-C). */
  signal?: AbortSignal;
}

/** The rules every response is checked against; each gets a result even when no response broke it. */
const SHAPE_RULES = ['SHAPE-1', 'SHAPE-2', 'SHAPE-3', 'SHAPE-4'] as const;

/**
 * Runs scenarios one by one. A scenario's own check that fails is FAIL under a [D] tag and drift under
 * an [A] one; what it observed under other rules (schema findings, ERR-1 details) is reported under
 * those rules with their own tags, so an [A] difference never fails a run (unless --strict).
 */
export async function runScenarios(options: RunOptions): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const chosen = options.scenarios.filter((s) => !options.only?.length || options.only.some((p) => s.rule.startsWith(p)));
  let responses = 0;
  for (const scenario of chosen) {
    const tag = scenario.tag ?? tagOf(scenario.rule);
    const base = { rule: scenario.rule, tag, title: scenario.title };
    if (options.signal?.aborted) {
      results.push({ ...base, outcome: 'not run', ms: 0, details: 'interrupted' });
      continue;
    }
    const t = new ScenarioContext(options.client, options.contract, options.runId);
    const start = performance.now();
    const problem = await runOne(scenario, t);
    const ms = performance.now() - start;
    responses += t.exchanges.length;
    const trail = t.exchanges.slice(-6).map((e) => formatExchange(e)).join('\n');
    const own: CheckResult = problem === undefined
      ? { ...base, outcome: 'pass', ms }
      : { ...base, outcome: problem.broken && tag === 'A' ? 'drift' : 'FAIL', ms, details: `${problem.message}\n${trail}` };
    for (const r of [own, ...findingResults(scenario, t, trail)]) {
      r.details &&= options.client.redact(r.details);
      results.push(r);
      options.onResult?.(r);
    }
  }
  results.push(...shapePasses(results, responses, chosen.length > 0));
  return results;
}

async function runOne(scenario: Scenario, t: ScenarioContext): Promise<{ message: string; broken: boolean } | undefined> {
  try {
    await scenario.run(t);
    return undefined;
  } catch (e) {
    const known = e instanceof CheckFailed || e instanceof BudgetExceededError || e instanceof UnsafeWriteError;
    return { message: known ? (e as Error).message : `error: ${(e as Error).message}`, broken: e instanceof CheckFailed };
  }
}

/** One result per rule the scenario's findings name: FAIL for [D] (SHAPE-1/2), drift for [A]. */
function findingResults(scenario: Scenario, t: ScenarioContext, trail: string): CheckResult[] {
  return [...groupByRule(t.findings)].map(([rule, found]) => {
    const tag = found[0]!.tag;
    const lines = found.slice(0, 20).map((f) => f.message);
    if (found.length > 20) lines.push(`… and ${found.length - 20} more`);
    const details = [`${found.length} finding(s) in the responses:`, ...lines, trail].join('\n');
    return { rule, tag, title: `observed in: ${scenario.title}`, outcome: tag === 'D' ? 'FAIL' : 'drift', ms: 0, details };
  });
}

/** SHAPE-1..4 pass once every response of the run was checked and none broke them. */
function shapePasses(results: readonly CheckResult[], responses: number, ran: boolean): CheckResult[] {
  if (!ran) return [];
  return SHAPE_RULES.filter((rule) => !results.some((r) => r.rule === rule)).map((rule) => ({
    rule, tag: tagOf(rule), title: `every response of the run (${responses}) against openapi.json`, outcome: 'pass' as const, ms: 0,
  }));
}
