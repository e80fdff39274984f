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

/** All measured tables in markdown, one section per scenario that ran. */
export function renderSections(results: BenchResults, checks: readonly TargetCheck[]): string {
  const parts = ['## Targets', targetsTable(checks)];
  const failed = checks.filter((c) => c.status === 'FAIL');
  parts.push(failed.length === 0 ? 'All targets that ran are met.' : `**Not met:** ${failed.map((c) => `${c.target} (measured ${c.measured})`).join('; ')}.`);
  if (results.compare) parts.push('## 1. Our mock vs canned-JSON baselines, Prism and json-server 1.0', compareTable(results.compare));
  if (results.scale) parts.push('## 2. Scale (CLI started with a generated --state-file; list pageSize=50; 10 connections)', scaleTable(results.scale));
  if (results.coldStart) parts.push('## 3. Cold start to first 200 (GET /api/v1/skills)', coldStartTable(results.coldStart));
  parts.push('## 4. Property-suite throughput');
  parts.push(typeof results.property === 'string' ? `property throughput: skipped (${results.property})` : results.property ? propertyTable(results.property) : 'not run');
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
  writeFileSync(path, `${header}\n\n${renderSections(results, checks)}\n\n${KEEP_MARKER}\n\n${notes}\n`);
}
