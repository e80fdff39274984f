import type { Scenario } from '../scenario.js';
/** DET-7..12: drafts, access merges, odd parameters, agent writes, transfer order, headers. */
export declare const detailScenariosMore: Scenario[];
