import type { Scenario } from '../scenario.js';
/** HIDE: existence hiding. */
export declare const hideScenarios: Scenario[];
