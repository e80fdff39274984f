import type { Scenario } from '../scenario.js';
/** LIFE-7..13: deploy, views, historic variations, agent enablement, list rows. */
export declare const deployScenarios: Scenario[];
