/** Reports of a property run, on the contract layer's CheckResult / summarise / formatTable / toJUnit. */
import { dirname, join } from 'node:path';
import { chmodSync } from 'node:fs';
import { formatTable, summarise, toJUnit, writeReport, type CheckResult } from '../contracts/report.js';
import { asRuleId, RULE_BY_ID, type RuleId } from '../api/rules.js';
import { formatExchange } from '../contracts/scenario.js';
import { coverageJUnit, formatCoverage } from './coverage.js';
import { toCurlScript } from './curl-script.js';
import { tagOf } from './run-context.js';
import type { DiffGroup } from './diff.js';
import { DEFAULT_MAX_COMMANDS, type PropertyResult } from './runner.js';

/** One CheckResult per rule the run exercised: FAIL for the counterexample's rule, drift for [A] rules that differed. */
export function toCheckResults(result: PropertyResult): CheckResult[] {
  const rules = new Set<RuleId>([...Object.keys(result.stats).map(asRuleId), ...result.drifts.map((d) => d.rule)]);
  if (result.failure && result.failure.rule !== 'error') rules.add(result.failure.rule);
  return [...rules].map((rule): CheckResult => {
    const base = { rule, tag: tagOf(rule), title: titleOf(rule, result.stats[rule] ?? 0), ms: 0 };
    if (result.failure?.rule === rule) return { ...base, outcome: 'FAIL', ms: result.ms, details: result.redact(formatFailure(result)) };
    const drifts = result.drifts.filter((d) => d.rule === rule);
    if (drifts.length > 0) {
      const details = drifts.map((d) => `${d.message} (×${d.count}; e.g. in: ${d.label})${d.exchange ? `\n${formatExchange(d.exchange, 300)}` : ''}`).join('\n');
      return { ...base, outcome: 'drift', details: result.redact(details) };
    }
    return { ...base, outcome: 'pass' };
  });
}

function titleOf(rule: RuleId, checks: number): string {
  const summary = RULE_BY_ID.get(rule)?.summary ?? rule;
  return `${summary} (${checks} checks)`;
}

/** The command line that replays the counterexample. */
export function replayArgs(result: PropertyResult): string {
  const extra = result.maxCommands !== DEFAULT_MAX_COMMANDS ? ` --max-commands ${result.maxCommands}` : '';
  return `--seed ${result.failedSeed ?? result.seed} --path '${result.path ?? ''}'${extra}`;
}

/** The shrunk counterexample as numbered steps, each request and response (bodies cut to `limit`). */
export function formatFailure(result: PropertyResult, limit = 400): string {
  const f = result.failure;
  if (!f) return '';
  const lines = [`${f.rule} [${f.tag}]: ${f.message}`, `replay: npm run properties -- ${replayArgs(result)}${result.remote ? ' --target <the same file>' : ''}`, ''];
  f.steps.forEach((s, i) => {
    lines.push(`${i + 1}. ${s.label}`);
    for (const e of s.exchanges) lines.push(...formatExchange(e, limit).split('\n').map((l) => `     ${l}`));
  });
  return lines.join('\n');
}

/** Everything a person reads at the end of a run. */
export function formatResult(result: PropertyResult): string {
  const results = toCheckResults(result);
  const rows = summarise(results).filter((r) => r.checks.length > 0);
  const lines = [formatRuleTable(result, formatTable(rows))];
  if (result.outcome === 'error' && result.failure) lines.push('', `the suite could not finish: ${result.failure.message}`, result.redact(formatFailure(result)));
  if (result.diff) lines.push('', formatDiff(result));
  lines.push('', formatCoverage(result.coverage));
  const stops: Record<string, string> = { budget: ', stopped: request budget spent', interrupted: ', interrupted', covered: ', stopped: every reachable cell covered' };
  const stop = stops[result.stopped ?? ''] ?? '';
  lines.push('', `${result.executed} runs${stop}: ${result.commands.toLocaleString('en')} commands, ${result.requests.toLocaleString('en')} requests in ${(result.ms / 1000).toFixed(1)} s against ${result.target}; seed ${result.seed}${result.shard ? `, shard ${result.shard.index}/${result.shard.count}` : ''}`);
  if (result.cleanupFailed.length) lines.push(`cleanup could not delete: ${result.cleanupFailed.join(', ')}`);
  return lines.join('\n');
}

/** The contract layer's rule table with the number of times each rule was checked in the checks column. */
function formatRuleTable(result: PropertyResult, table: string): string {
  return table.split('\n').map((line) => {
    const m = /^(\S+)(\s+\[[AD]\]\s+\S+\s+)1$/.exec(line);
    return m ? `${m[1]}${m[2]}${(result.stats[m[1]!] ?? 0).toLocaleString('en')}` : line;
  }).join('\n');
}

/** --diff: target against mock, grouped by the rule that constrains what differs and its tag, then by operation. */
export function formatDiff(result: PropertyResult): string {
  const groups = result.diff ?? [];
  if (groups.length === 0) return 'diff: the target and the mock answered alike (ids, uuids, times, slugs and messages normalised)';
  const lines = [`diff: ${groups.length} kinds of difference between the target and the mock ([D]: one side has a bug; [A]: the mock's assumption differs)`];
  const order = (g: DiffGroup): string => `${g.tag === 'D' ? 0 : 1} ${g.rule} ${g.operation}`;
  let rule = '';
  for (const g of [...groups].sort((a, b) => order(a).localeCompare(order(b)))) {
    if (g.rule !== rule) lines.push(`${(rule = g.rule)} [${g.tag}]`);
    lines.push(`  ${g.operation} (${g.rules}): ${g.what} ×${g.count}`, `    in: ${g.label}`, `    → ${g.request}`, `    target: ${g.target}`, `    mock:   ${g.mock}`);
  }
  return result.redact(lines.join('\n'));
}

/** Files a run writes: JUnit, JSON, and on failure the curl script (next to --json, else reports/). */
export interface ReportFiles {
  junit?: string;
  json?: string;
}

/** Writes the requested reports; answers the curl script's path when one was written. */
export function writePropertyReports(result: PropertyResult, files: ReportFiles): string | undefined {
  const checks = toCheckResults(result);
  if (files.junit) writeReport(files.junit, coverageJUnit(toJUnit('properties', checks), result.coverage));
  if (files.json) {
    const { redact, principals, ...rest } = result;
    void principals;
    const doc = { ...rest, rules: summarise(checks).filter((r) => r.checks.length > 0), replay: result.failure ? replayArgs(result) : undefined };
    writeReport(files.json, redact(JSON.stringify(doc, null, 2)));
  }
  const script = toCurlScript(result);
  if (!script) return undefined;
  const file = files.json ? join(dirname(files.json), 'properties-repro.sh') : join('reports', 'properties-repro.sh');
  writeReport(file, script);
  chmodSync(file, 0o755);
  return file;
}
