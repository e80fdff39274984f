import type { Scenario } from '../scenario.js';
/** LIFE: status, variations, deploy. */
export declare const lifecycleScenarios: Scenario[];
