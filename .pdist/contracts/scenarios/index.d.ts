import type { Scenario } from '../scenario.js';
/** Every contract scenario, in contract order of their rules. */
export declare const SCENARIOS: readonly Scenario[];
