import type { Scenario } from '../scenario.js';
/** ERR: error bodies and malformed input. */
export declare const errorScenarios: Scenario[];
