import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { ROOT } from './servers.js';
import { type BenchResults, type TargetCheck, coldStartTable, compareTable, propertyTable, scaleTable, targetsTable } from './report.js';

/** Text after this line in bench/RESULTS.md is hand-written analysis and survives a re-run. */
export const KEEP_MARKER = '<!-- hand-written notes below this line are kept when the bench rewrites this file -->';

/** The run's settings, echoed into the results file. */
export interface RunInfo {
  command: string;
  settings: string;
  seconds: number;
}

function version(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(`${ROOT}node_modules/${pkg}/package.json`, 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

/** Versions of the packages whose speed the figures depend on. */
export function packageVersions(): Record<string, string> {
  const own = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { name: string; version: string };
  const names = ['express', 'json-server', '@stoplight/prism-cli', 'autocannon', 'tsx', 'typescript'];
  return { [own.name]: own.version, ...Object.fromEntries(names.map((n) => [n, version(n)])) };
}

type Scenario = 'compare' | 'scale' | 'coldStart' | 'property';
const HEADINGS: Record<Scenario, string> = {
  compare: '## 1. Our mock vs canned-JSON baselines, Prism and json-server 1.0',
  scale: '## 2. Scale (CLI started with a generated --state-file; list pageSize=50; 10 connections)',
  coldStart: '## 3. Cold start to first 200 (GET /api/v1/skills)',
  property: '## 4. Property-suite throughput',
};
const CARRIED = /^_Not run this time: from the run of (\S+)\._$/m;

/** The scenario a row of the targets table belongs to, by its wording (report.ts, checkTargets). */
function scenarioOf(target: string): Scenario | undefined {
  if (target.startsWith('property ')) return 'property';
  if (target.startsWith('cold start')) return 'coldStart';
  if (/^(list (first|deep) page|RSS|list page \/ RSS)/.test(target)) return 'scale';
  if (/^(GET by id|list page >=)/.test(target)) return 'compare';
  return undefined;
}

/** What an earlier bench/RESULTS.md holds: its date, each scenario's section (heading number -> text) and target rows. */
export interface PreviousResults {
  date: string;
  sections: Partial<Record<Scenario, string>>;
  targets: TargetCheck[];
}

/** Reads the machine-written part of an earlier results file (above KEEP_MARKER); undefined when there is none. */
export function readPrevious(text: string): PreviousResults | undefined {
  const at = text.indexOf(KEEP_MARKER);
  const machine = at >= 0 ? text.slice(0, at) : text;
  const date = /^- date: (\S+)/m.exec(machine)?.[1];
  if (!date) return undefined;
  const sections: Partial<Record<Scenario, string>> = {};
  const targets: TargetCheck[] = [];
  for (const part of machine.split(/^(?=## )/m)) {
    const scenario = (Object.keys(HEADINGS) as Scenario[]).find((k) => part.startsWith(`${HEADINGS[k].split(' ').slice(0, 2).join(' ')} `));
    if (scenario) sections[scenario] = part.trim();
    if (!part.startsWith('## Targets')) continue;
    for (const line of part.split('\n')) {
      const cells = line.split(' | ');
      if (!line.startsWith('| ') || line.startsWith('| ---') || line.startsWith('| target |') || cells.length !== 3) continue;
      const status = cells[2]!.replace(/ \|$/, '');
      targets.push({ target: cells[0]!.slice(2), measured: cells[1]!, status: status === 'pass' || status === 'FAIL' ? status : 'skipped' });
    }
  }
  return { date, sections, targets };
}

/**
 * All measured tables in markdown, one section per scenario. A scenario this run left out keeps the section and
 * target rows of `previous` (`npm run bench -- property` must not drop the other tables), marked with their date.
 */
export function renderSections(results: BenchResults, checks: readonly TargetCheck[], previous?: PreviousResults): string {
  const ran = (k: Scenario): boolean => results[k] !== undefined;
  const carried = (k: Scenario): boolean => !ran(k) && previous?.sections[k] !== undefined;
  const dateOf = (text: string | undefined): string => (text && CARRIED.exec(text)?.[1]) ?? previous!.date;
  const rows: TargetCheck[] = [];
  const done = new Set<Scenario>();
  for (const c of checks) {
    const k = scenarioOf(c.target);
    if (c.status !== 'skipped' || !k || !carried(k)) rows.push(c);
    else if (!done.has(k)) {
      done.add(k);
      const date = dateOf(previous!.sections[k]);
      for (const old of previous!.targets.filter((t) => scenarioOf(t.target) === k)) {
        rows.push({ ...old, measured: / \(run of \S+\)$/.test(old.measured) ? old.measured : `${old.measured} (run of ${date})` });
      }
    }
  }
  const parts = ['## Targets', targetsTable(rows)];
  const failed = rows.filter((c) => c.status === 'FAIL');
  parts.push(failed.length === 0 ? 'All targets that ran are met.' : `**Not met:** ${failed.map((c) => `${c.target} (measured ${c.measured})`).join('; ')}.`);
  const fresh: Record<Scenario, () => string | undefined> = {
    compare: () => results.compare && compareTable(results.compare),
    scale: () => results.scale && scaleTable(results.scale),
    coldStart: () => results.coldStart && coldStartTable(results.coldStart),
    property: () => (typeof results.property === 'string' ? `property throughput: skipped (${results.property})` : results.property && propertyTable(results.property)),
  };
  for (const k of Object.keys(HEADINGS) as Scenario[]) {
    const table = fresh[k]();
    if (table !== undefined) parts.push(HEADINGS[k], table);
    else if (carried(k)) {
      const old = previous!.sections[k]!;
      parts.push(CARRIED.test(old) ? old : old.replace(/^(## [^\n]*\n)/, `$1\n_Not run this time: from the run of ${previous!.date}._\n`));
    } else if (k === 'property') parts.push(HEADINGS[k], 'not run');
  }
  return parts.join('\n\n');
}

/** Rewrites bench/RESULTS.md with this run's figures, keeping any notes below KEEP_MARKER. */
export function writeResultsFile(path: string, results: BenchResults, checks: readonly TargetCheck[], info: RunInfo): void {
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const at = old.indexOf(KEEP_MARKER);
  const notes = at >= 0 ? old.slice(at + KEEP_MARKER.length).trim() : '';
  const versions = Object.entries(packageVersions()).map(([n, v]) => `${n} ${v}`).join(', ');
  const cpu = cpus();
  const header = [
    '# Benchmark results',
    '',
    `- date: ${new Date().toISOString()}`,
    `- node: ${process.version} (${process.platform} ${process.arch}), ${cpu.length} x ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- packages: ${versions}`,
    `- load average at the end (1/5/15 min): ${loadavg().map((l) => l.toFixed(2)).join(' / ')} (other work on this machine shows here)`,
    `- command: \`${info.command}\` (${info.settings}); whole run ${info.seconds.toFixed(0)} s`,
    '- load: autocannon in the bench driver process, every server a separate child process on 127.0.0.1;',
    '  req/s = mean of rounds, p50/p99 = median of rounds (float ms from autocannon\'s per-response times).',
    '  Servers of one scenario run interleaved (A, B, C, A, B, C ...) so drift hits all alike.',
  ].join('\n');
  writeFileSync(path, `${header}\n\n${renderSections(results, checks, readPrevious(old))}\n\n${KEEP_MARKER}\n\n${notes}\n`);
}
