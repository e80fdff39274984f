#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { TargetConfigError } from './target-file.js';
import { openTarget, type Target } from './target.js';
import { coreFromFiles } from '../mock/fixture-core.js';
import { loadContract, type ContractValidator } from './validation.js';
import { runScenarios } from './runner.js';
import { SCENARIOS } from './scenarios/index.js';
import { formatTable, summarise, toJUnit, writeReport } from './report.js';
import { versionLine } from '../version.js';

const HELP = `npm run contract -- [options]   rule-by-rule contract check of a Modus target

  --target FILE       target file (baseUrl + principals by role); default: the in-process mock
  --rule ID           only rules starting with ID (repeatable), e.g. --rule HIDE --rule UPD-1
  --junit FILE        write JUnit XML
  --json FILE         write the results as JSON
  --strict            drift on [A] rules fails too (exit 1)
  --max-requests N    request budget (default 5000)
  --rps R             rate limit in requests per second (default: 20 against a URL, none in-process; 0 = none)
  --spec FILE         the OpenAPI document to validate against (default: the bundled openapi.json)
  --version           print the version and exit

Exit: 0 pass (drift allowed unless --strict), 1 a [D] rule or a schema check failed, 2 usage or configuration error.`;

function usage(message: string): never {
  console.error(`contract: ${message}`);
  process.exit(2);
}

function flags() {
  try {
    return parseArgs({
      options: {
        target: { type: 'string' }, rule: { type: 'string', multiple: true }, junit: { type: 'string' }, json: { type: 'string' },
        strict: { type: 'boolean', default: false }, 'max-requests': { type: 'string' }, rps: { type: 'string' },
        spec: { type: 'string' }, help: { type: 'boolean', default: false }, version: { type: 'boolean', default: false },
      },
    }).values;
  } catch (e) {
    usage(`${(e as Error).message}\n\n${HELP}`);
  }
}
type Flags = ReturnType<typeof flags>;

/** A positive number flag, or its default. */
function positive(v: string | undefined, name: string, dflt: number | undefined): number | undefined {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) usage(`--${name} must be a positive number`);
  return n;
}

/** The contract and the target; without a target file, a fresh in-process mock from the bundled fixtures, built here and injected. */
function open(values: Flags): { contract: ContractValidator; target: Target } {
  const maxRequests = positive(values['max-requests'], 'max-requests', 5000);
  try {
    const contract = loadContract(values.spec);
    const rps = values.rps !== undefined && Number(values.rps) === 0 ? undefined : positive(values.rps, 'rps', values.target ? 20 : undefined);
    const target = openTarget(values.target !== undefined ? { file: values.target } : { core: coreFromFiles() }, { maxRequests, rps });
    return { contract, target };
  } catch (e) {
    if (e instanceof TargetConfigError) usage(e.message);
    usage(`cannot start: ${(e as Error).message}`);
  }
}

/** The table on stdout, the JUnit and JSON reports, and the exit code. */
function report(values: Flags, runId: string, target: Target, results: Awaited<ReturnType<typeof runScenarios>>): void {
  const rows = summarise(results);
  console.log(formatTable(rows));
  if (values.junit) writeReport(values.junit, toJUnit('contract', results));
  if (values.json) writeReport(values.json, JSON.stringify({ runId, target: target.name, rules: rows }, null, 2));
  const failed = results.some((r) => r.outcome === 'FAIL') || (values.strict && results.some((r) => r.outcome === 'drift'));
  process.exitCode = failed ? 1 : 0;
}

async function main(): Promise<void> {
  const values = flags();
  if (values.help) return void console.log(HELP);
  if (values.version) return void console.log(versionLine('modus-contract'));
  const { contract, target } = open(values);
  const runId = randomBytes(3).toString('hex');
  const abort = new AbortController();
  process.once('SIGINT', () => {
    console.error('\ncontract: interrupted; finishing the current scenario, then cleaning up');
    abort.abort();
  });
  console.error(`contract: run ${runId} against ${target.name}, ${SCENARIOS.length} scenarios`);
  const results = await runScenarios({
    client: target.client, contract, scenarios: SCENARIOS, runId, only: values.rule, signal: abort.signal,
    onResult: (r) => process.stderr.write(r.outcome === 'pass' ? '.' : r.outcome === 'drift' ? 'd' : 'F'),
  }).finally(async () => {
    const failed = await target.client.cleanup();
    process.stderr.write(`\ncontract: cleaned up ${target.client.created.size - failed.length} created resources${failed.length ? `; could not delete ${failed.join(', ')}` : ''}\n`);
  });
  report(values, runId, target, results);
}

void main();
