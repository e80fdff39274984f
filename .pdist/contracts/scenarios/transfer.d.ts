import type { Scenario } from '../scenario.js';
/** XFER: ownership transfer. */
export declare const transferScenarios: Scenario[];
