import type { Scenario } from '../scenario.js';
/** DEL: soft delete and undelete. */
export declare const deleteScenarios: Scenario[];
