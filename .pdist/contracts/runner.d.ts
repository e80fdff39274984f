import { type TargetClient } from './client.js';
import type { CheckResult } from './report.js';
import { type Scenario } from './scenario.js';
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
export declare function runScenarios(options: RunOptions): Promise<CheckResult[]>;
