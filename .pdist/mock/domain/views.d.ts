import type { Store } from './store.js';
import type { Principal, ResourceRecord } from './types.js';
/** Which variation fills a response: a view (LIFE-10), a historic id (LIFE-11) or none (list rows, LIFE-13). */
export type Shape = 'active' | 'draft' | 'row' | {
    variationId: string;
};
/** Renders a record as the API shows it to `principal` (Skill or Agent schema of openapi.json). */
export declare function render(store: Store, record: ResourceRecord, principal: Principal, shape: Shape): Record<string, unknown>;
