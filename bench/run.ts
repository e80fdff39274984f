import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { runColdStart } from './cold-start.js';
import { runCompare } from './compare.js';
import { runPropertyThroughput } from './property.js';
import { type BenchResults, checkTargets, coldStartTable, compareTable, propertyTable, scaleTable, targetsTable } from './report.js';
import { writeResultsFile } from './results-file.js';
import { runScale } from './scale.js';
import { MOCK_CLI, ROOT, installCleanup, killAll } from './servers.js';

const SCENARIOS = ['compare', 'scale', 'cold-start', 'property'] as const;
type Scenario = (typeof SCENARIOS)[number];

const USAGE = `usage: npm run bench [-- scenario...]   scenarios: ${SCENARIOS.join(', ')} (default: all)
env: BENCH_SECONDS (2.5) per measured round, BENCH_ROUNDS (2), BENCH_CONNECTIONS (16), BENCH_SOAK_SECONDS (60) of
     list-page load at the largest scale before its RSS is read, BENCH_SKIP_BUILD=1`;

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got ${raw}`);
  return n;
}

/** Builds dist/ first; a failing build (someone mid-edit) falls back to the dist/ already there. */
function build(): void {
  if (process.env['BENCH_SKIP_BUILD'] === '1') return;
  console.log('> npm run build');
  const out = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (out.status === 0) return;
  if (!existsSync(MOCK_CLI)) throw new Error('npm run build failed and there is no dist/cli/mock.js');
  console.warn('bench: npm run build failed; measuring the dist/ that is already there');
}

function pickScenarios(argv: string[]): Set<Scenario> {
  if (argv.includes('--help')) {
    console.log(USAGE);
    process.exit(0);
  }
  const unknown = argv.filter((a) => !(SCENARIOS as readonly string[]).includes(a));
  if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}\n${USAGE}`);
  return new Set((argv.length > 0 ? argv : SCENARIOS) as Scenario[]);
}

async function main(): Promise<void> {
  installCleanup();
  const wanted = pickScenarios(process.argv.slice(2));
  const seconds = envNumber('BENCH_SECONDS', 2.5);
  const rounds = envNumber('BENCH_ROUNDS', 2);
  const connections = envNumber('BENCH_CONNECTIONS', 16);
  const soakSeconds = envNumber('BENCH_SOAK_SECONDS', 60);
  const started = performance.now();
  build();
  const log = (line: string): void => console.log(line);
  const results: BenchResults = {};
  if (wanted.has('compare')) {
    console.log(`\n# 1. mock vs node:http canned vs express canned vs Prism vs json-server (${rounds} x ${seconds} s, ${connections} connections)`);
    results.compare = await runCompare({ seconds, rounds, connections, warmupSeconds: 0.5 }, log);
    console.log(`\n${compareTable(results.compare)}`);
  }
  if (wanted.has('scale')) {
    console.log(`\n# 2. scale: 1k / 10k / 100k skills (${rounds} x ${seconds} s, 10 connections; then ${soakSeconds} s of list pages at 100k)`);
    results.scale = await runScale({ sizes: [1_000, 10_000, 100_000], rounds, seconds, connections: 10, warmupSeconds: 0.5, soakSeconds }, log);
    console.log(`\n${scaleTable(results.scale)}`);
  }
  if (wanted.has('cold-start')) {
    console.log('\n# 3. cold start to first 200 (median of 5)');
    results.coldStart = await runColdStart(5, log);
    console.log(`\n${coldStartTable(results.coldStart)}`);
  }
  if (wanted.has('property')) {
    console.log('\n# 4. property-suite throughput');
    results.property = await runPropertyThroughput({ inProcessCount: 20_000, httpCount: 4_000, rounds: 3, cliRuns: 2_000 }, log);
    console.log(`\n${propertyTable(results.property)}`);
  }
  const checks = checkTargets(results);
  console.log(`\n# targets\n\n${targetsTable(checks)}`);
  const settings = `scenarios ${[...wanted].join(', ')}; BENCH_SECONDS=${seconds} BENCH_ROUNDS=${rounds} BENCH_CONNECTIONS=${connections} BENCH_SOAK_SECONDS=${soakSeconds}`;
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  writeResultsFile(`${ROOT}bench/RESULTS.md`, results, checks, { command, settings, seconds: (performance.now() - started) / 1000 });
  console.log('\nwrote bench/RESULTS.md');
}

main().then(
  () => {
    killAll();
    process.exit(0);
  },
  (err: unknown) => {
    console.error(`bench: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    killAll();
    process.exit(1);
  },
);
