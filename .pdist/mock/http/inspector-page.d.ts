import type { Principal } from '../domain/index.js';
/** Escapes text for HTML element content and quoted attribute values. */
export declare function escapeHtml(text: string): string;
/** The self-contained inspector page (no external assets): principals server-side, state and requests refreshed every 2 s. */
export declare function renderInspectorPage(principals: readonly Principal[], nonce: string): string;
