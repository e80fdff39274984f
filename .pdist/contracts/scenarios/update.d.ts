import type { Scenario } from '../scenario.js';
/** UPD: PATCH rules. */
export declare const updateScenarios: Scenario[];
