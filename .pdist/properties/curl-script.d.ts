import type { PropertyResult } from './runner.js';
/** The failure of `result` as a runnable bash script (empty unless a rule broke). */
export declare function toCurlScript(result: PropertyResult): string;
