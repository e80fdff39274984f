import type { Scenario } from '../scenario.js';
/** DET: details the docs leave open. */
export declare const detailScenarios: Scenario[];
