import { type CheckResult } from '../contracts/report.js';
import type { PropertyResult } from './runner.js';
/** One CheckResult per rule the run exercised: FAIL for the counterexample's rule, drift for [A] rules that differed. */
export declare function toCheckResults(result: PropertyResult): CheckResult[];
/** The command line that replays the counterexample. */
export declare function replayArgs(result: PropertyResult): string;
/** The shrunk counterexample as numbered steps, each request and response (bodies cut to `limit`). */
export declare function formatFailure(result: PropertyResult, limit?: number): string;
/** Everything a person reads at the end of a run. */
export declare function formatResult(result: PropertyResult): string;
/** --diff: target against mock, grouped by operation (with the rules its answers rest on). */
export declare function formatDiff(result: PropertyResult): string;
/** Files a run writes: JUnit, JSON, and on failure the curl script (next to --json, else reports/). */
export interface ReportFiles {
    junit?: string;
    json?: string;
}
/** Writes the requested reports; answers the curl script's path when one was written. */
export declare function writePropertyReports(result: PropertyResult, files: ReportFiles): string | undefined;
