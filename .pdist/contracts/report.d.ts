import { type RuleTag } from './rules.js';
/** How one check of one rule went. */
export type Outcome = 'pass' | 'FAIL' | 'drift' | 'not run';
/** One check (a scenario or an invariant) and what it found. */
export interface CheckResult {
    rule: string;
    tag: RuleTag;
    title: string;
    outcome: Outcome;
    ms: number;
    /** Why it failed or drifted, with the requests and responses (tokens redacted). */
    details?: string;
}
/** The verdict on one rule: the worst outcome of its checks. */
export interface RuleRow {
    rule: string;
    tag: RuleTag;
    outcome: Outcome;
    checks: CheckResult[];
}
/** Groups check results by rule, in contract order; rules with no check are "not run". */
export declare function summarise(results: readonly CheckResult[]): RuleRow[];
/** The rule table and every failure's details, for a terminal. */
export declare function formatTable(rows: readonly RuleRow[]): string;
/** JUnit XML: one testcase per check, named by rule id; drift is a passing case with a system-out note. */
export declare function toJUnit(suite: string, results: readonly CheckResult[]): string;
/** Writes a report file, creating its folder. */
export declare function writeReport(file: string, text: string): void;
