import type { Scenario } from '../scenario.js';
/** LIST: pagination and list shape. */
export declare const listScenarios: Scenario[];
