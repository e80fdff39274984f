import { BudgetExceededError, UnsafeWriteError, type TargetClient } from './client.js';
import type { CheckResult } from './report.js';
import { RULE_BY_ID } from './rules.js';
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

/** Runs scenarios one by one; a [D] check that fails is FAIL, an [A] one is drift; schema violations are always FAIL. */
export async function runScenarios(options: RunOptions): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const chosen = options.scenarios.filter((s) => !options.only?.length || options.only.some((p) => s.rule.startsWith(p)));
  for (const scenario of chosen) {
    const tag = scenario.tag ?? RULE_BY_ID.get(scenario.rule)?.tag ?? 'A';
    const base = { rule: scenario.rule, tag, title: scenario.title };
    if (options.signal?.aborted) {
      results.push({ ...base, outcome: 'not run', ms: 0, details: 'interrupted' });
      continue;
    }
    const t = new ScenarioContext(options.client, options.contract, options.runId);
    const start = performance.now();
    let problem: string | undefined;
    let broken = false;
    try {
      await scenario.run(t);
    } catch (e) {
      broken = e instanceof CheckFailed;
      problem = e instanceof CheckFailed || e instanceof BudgetExceededError || e instanceof UnsafeWriteError
        ? e.message
        : `error: ${(e as Error).message}`;
    }
    const ms = performance.now() - start;
    const trail = t.exchanges.slice(-6).map((e) => formatExchange(e)).join('\n');
    let result: CheckResult;
    if (t.violations.length > 0) {
      const details = ['response breaks openapi.json:', ...t.violations.slice(0, 20), problem ?? '', trail].filter(Boolean).join('\n');
      result = { ...base, outcome: 'FAIL', ms, details };
    } else if (problem !== undefined) {
      result = { ...base, outcome: broken && tag === 'A' ? 'drift' : 'FAIL', ms, details: `${problem}\n${trail}` };
    } else result = { ...base, outcome: 'pass', ms };
    result.details &&= options.client.redact(result.details);
    results.push(result);
    options.onResult?.(result);
  }
  return results;
}
