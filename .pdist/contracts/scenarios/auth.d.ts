import type { Scenario } from '../scenario.js';
/** AUTH: bearer tokens, principals, orgs. */
export declare const authScenarios: Scenario[];
