import type { PropertyResult } from './runner.js';
/** The failure of `result` as a runnable bash script (empty when nothing failed). */
export declare function toCurlScript(result: PropertyResult): string;
