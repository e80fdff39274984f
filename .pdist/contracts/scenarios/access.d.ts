import type { Scenario } from '../scenario.js';
/** ACC: access configuration. */
export declare const accessScenarios: Scenario[];
