import { BudgetExceededError, UnsafeWriteError } from './client.js';
import { RULE_BY_ID } from './rules.js';
import { CheckFailed, ScenarioContext, formatExchange } from './scenario.js';
/** Runs scenarios one by one; a [D] check that fails is FAIL, an [A] one is drift; schema violations are always FAIL. */
export async function runScenarios(options) {
    const results = [];
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
        let problem;
        let broken = false;
        try {
            await scenario.run(t);
        }
        catch (e) {
            broken = e instanceof CheckFailed;
            problem = e instanceof CheckFailed || e instanceof BudgetExceededError || e instanceof UnsafeWriteError
                ? e.message
                : `error: ${e.message}`;
        }
        const ms = performance.now() - start;
        const trail = t.exchanges.slice(-6).map((e) => formatExchange(e)).join('\n');
        let result;
        if (t.violations.length > 0) {
            const details = ['response breaks openapi.json:', ...t.violations.slice(0, 20), problem ?? '', trail].filter(Boolean).join('\n');
            result = { ...base, outcome: 'FAIL', ms, details };
        }
        else if (problem !== undefined) {
            result = { ...base, outcome: broken && tag === 'A' ? 'drift' : 'FAIL', ms, details: `${problem}\n${trail}` };
        }
        else
            result = { ...base, outcome: 'pass', ms };
        result.details &&= options.client.redact(result.details);
        results.push(result);
        options.onResult?.(result);
    }
    return results;
}
//# sourceMappingURL=runner.js.map