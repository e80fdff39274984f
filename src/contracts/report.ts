import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { RULES, type RuleTag, type RuleId } from '../api/rules.js';

/** How one check of one rule went. */
export type Outcome = 'pass' | 'FAIL' | 'drift' | 'not run';

/** One check (a scenario or an invariant) and what it found. */
export interface CheckResult {
  rule: RuleId;
  tag: RuleTag;
  title: string;
  outcome: Outcome;
  ms: number;
  /** Why it failed or drifted, with the requests and responses (tokens redacted). */
  details?: string;
}

/** The verdict on one rule: the worst outcome of its checks. */
export interface RuleRow {
  rule: RuleId;
  tag: RuleTag;
  outcome: Outcome;
  checks: CheckResult[];
}

const RANK: Record<Outcome, number> = { 'not run': 0, pass: 1, drift: 2, FAIL: 3 };

/** Groups check results by rule, in contract order; rules with no check are "not run". */
export function summarise(results: readonly CheckResult[]): RuleRow[] {
  const known = new Set<string>(RULES.map((r) => r.id));
  const extra = [...new Set(results.map((r) => r.rule).filter((id) => !known.has(id)))];
  const ids = [...RULES.map((r) => r.id), ...extra];
  return ids.map((id) => {
    const checks = results.filter((r) => r.rule === id);
    const outcome = checks.reduce<Outcome>((worst, c) => (RANK[c.outcome] > RANK[worst] ? c.outcome : worst), 'not run');
    return { rule: id, tag: RULES.find((r) => r.id === id)?.tag ?? checks[0]?.tag ?? 'A', outcome, checks };
  });
}

/** The rule table and every failure's details, for a terminal. */
export function formatTable(rows: readonly RuleRow[]): string {
  const lines = ['rule       tag  result   checks', '---------  ---  -------  ------'];
  for (const r of rows) lines.push(`${r.rule.padEnd(9)}  [${r.tag}]  ${r.outcome.padEnd(7)}  ${r.checks.length}`);
  const bad = rows.flatMap((r) => r.checks.filter((c) => c.outcome === 'FAIL' || c.outcome === 'drift'));
  for (const c of bad) lines.push('', `${c.outcome} ${c.rule} [${c.tag}] ${c.title}`, indent(c.details ?? ''));
  const count = (o: Outcome): number => rows.filter((r) => r.outcome === o).length;
  lines.push('', `${count('pass')} passed, ${count('FAIL')} failed, ${count('drift')} drifted, ${count('not run')} not run`);
  return lines.join('\n');
}

function indent(text: string): string {
  return text.split('\n').map((l) => `    ${l}`).join('\n');
}

const xml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** JUnit XML: one testcase per check, named by rule id; drift is a passing case with a system-out note. */
export function toJUnit(suite: string, results: readonly CheckResult[]): string {
  const failures = results.filter((r) => r.outcome === 'FAIL').length;
  const skipped = results.filter((r) => r.outcome === 'not run').length;
  const seconds = results.reduce((s, r) => s + r.ms, 0) / 1000;
  const cases = results.map((r) => {
    const head = `  <testcase classname="${xml(suite)}.${xml(r.rule)}" name="${xml(`${r.rule} [${r.tag}] ${r.title}`)}" time="${(r.ms / 1000).toFixed(3)}"`;
    if (r.outcome === 'FAIL') return `${head}>\n    <failure message="${xml(r.rule)} broken">${xml(r.details ?? '')}</failure>\n  </testcase>`;
    if (r.outcome === 'drift') return `${head}>\n    <system-out>${xml(`DRIFT ${r.rule}: ${r.details ?? ''}`)}</system-out>\n  </testcase>`;
    if (r.outcome === 'not run') return `${head}>\n    <skipped/>\n  </testcase>`;
    return `${head}/>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="${xml(suite)}" tests="${results.length}" failures="${failures}" skipped="${skipped}" time="${seconds.toFixed(3)}">\n${cases.join('\n')}\n</testsuite>\n`;
}

/** Writes a report file, creating its folder. */
export function writeReport(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}
