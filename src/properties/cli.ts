#!/usr/bin/env node
/** `npm run properties`: the model-based property suite against a target file or the in-process mock. */
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { TargetConfigError } from '../contracts/target-file.js';
import { formatFailure, formatResult, replayArgs, writePropertyReports } from './report.js';
import { DEFAULT_MAX_COMMANDS, runProperties, type Progress, type PropertyOptions, type PropertyResult } from './runner.js';
import { toCurlScript } from './curl-script.js';
import { runPropertiesInWorkers } from './workers.js';
import { plainOutput, versionLine } from '../version.js';

const HELP = `npm run properties -- [options]   model-based property suite of a Modus target

  --target FILE       target file (baseUrl + principals by role); default: a fresh in-process mock
  --runs N            generated command sequences (default 100)
  --seed S            fast-check seed (default: random, always printed)
  --path P            with --seed: replay one counterexample exactly as a failure printed it
  --max-commands N    commands generated per sequence (default 120, most skipped until their aim exists; a replay needs the same value)
  --max-requests N    request budget (default 5000 against a URL, none in-process); cleanup is exempt
  --rps R             requests per second (default 20 against a URL, none in-process; 0 = no limit)
  --junit FILE        write JUnit XML (one case per rule)
  --json FILE         write the result as JSON; the repro script goes next to it
  --diff              also send every request to a fresh in-process mock and list where the answers differ
  --strict            [A] rules fail too (default: they are reported as drift)
  --shard I/N         run the I-th of N deterministic slices of the run (blocks of 10 sequences, seeds seed+b);
                      needs --seed; the shards' union is the unsharded run; join reports with properties:merge
  --workers N         in-process only: split the run over N worker threads (each its own mock, the shards of one
                      seed: the same sequences as one thread; default 1); needs no --target, --path, --shard, --diff
  --until-covered     run until every reachable coverage cell (operation × caller × state) is hit, or the budget
                      (or --runs, default then unlimited) ends
  --version           print the version and exit

Exit: 0 pass (drift allowed unless --strict; a spent budget is not a failure), 1 a [D] invariant broke,
2 usage or configuration error (bad flags, target file), 130 interrupted.`;

function usage(message: string): never {
  console.error(`properties: ${message}`);
  process.exit(2);
}

function positive(v: string | undefined, name: string, integer = true): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) usage(`--${name} must be a positive ${integer ? 'integer' : 'number'}, got ${JSON.stringify(v)}`);
  return n;
}

const OPTIONS = {
  target: { type: 'string' }, runs: { type: 'string' }, seed: { type: 'string' }, path: { type: 'string' },
  'max-commands': { type: 'string' }, 'max-requests': { type: 'string' }, rps: { type: 'string' }, junit: { type: 'string' },
  json: { type: 'string' }, diff: { type: 'boolean', default: false }, 'until-covered': { type: 'boolean', default: false }, shard: { type: 'string' }, workers: { type: 'string' }, strict: { type: 'boolean', default: false }, help: { type: 'boolean', default: false },
  version: { type: 'boolean', default: false },
} as const;

/** `--shard I/N` with 1 <= I <= N, or exit 2. */
function parseShard(v: string | undefined): { index: number; count: number } | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(v);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || index < 1 || count < 1 || index > count) usage(`--shard must be I/N with 1 <= I <= N, got ${JSON.stringify(v)}`);
  return { index, count };
}

/** The flags, or exit 2 on unknown or malformed ones. */
function parse() {
  try {
    return parseArgs({ options: OPTIONS, strict: true }).values;
  } catch (e) {
    usage(`${(e as Error).message}\n\n${HELP}`);
  }
}

/** A progress line on stderr: rewritten in place on a terminal, every few seconds otherwise (and under NO_COLOR). */
function progressPrinter(): { update: (p: Progress) => void; done: () => void } {
  const tty = !plainOutput(process.stderr);
  let last = -Infinity;
  let shown = false;
  return {
    update(p) {
      const now = performance.now();
      if (now - last < (tty ? 100 : 5000)) return;
      last = now;
      const what = p.shrinking ? `shrinking a failure, attempt ${p.run}` : `run ${p.run}/${p.runs}`;
      const line = `${what}, ${p.commands.toLocaleString('en')} commands, ${p.requests.toLocaleString('en')} requests`;
      process.stderr.write(tty ? `\r\x1b[K${line}` : `${line}\n`);
      shown = true;
    },
    done() {
      if (tty && shown) process.stderr.write('\r\x1b[K');
    },
  };
}

function report(result: PropertyResult, files: { junit?: string; json?: string }): void {
  console.log(formatResult(result));
  if (result.outcome === 'fail' && result.failure) {
    console.log(`\nFAILED ${result.failure.rule} [${result.failure.tag}]; shrunk to ${result.failure.steps.length} steps. Replay: npm run properties -- ${replayArgs(result)}\n`);
    console.log(result.redact(formatFailure(result)));
  }
  const script = writePropertyReports(result, files);
  if (script) console.log(`\nthe same as curl commands (${script}):\n\n${toCurlScript(result)}`);
}

type Flags = ReturnType<typeof parse>;

/** The run's options from the flags (usage errors exit 2). */
function runOptions(values: Flags, signal: AbortSignal, onProgress: PropertyOptions['onProgress']): PropertyOptions {
  const remote = values.target !== undefined;
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) usage(`--seed must be an integer, got ${JSON.stringify(values.seed)}`);
  if (values.path !== undefined && seed === undefined) usage('--path replays a failure together with the --seed it printed');
  const shard = parseShard(values.shard);
  if (shard && seed === undefined) usage('--shard needs the --seed every shard of the run shares');
  return {
    target: remote ? { file: values.target } : undefined,
    runs: positive(values.runs, 'runs') ?? (values['until-covered'] ? 1_000_000 : 100),
    untilCovered: values['until-covered'], shard,
    seed, path: values.path,
    maxCommands: positive(values['max-commands'], 'max-commands') ?? DEFAULT_MAX_COMMANDS,
    maxRequests: positive(values['max-requests'], 'max-requests') ?? (remote ? 5000 : undefined),
    // --rps 0 means no limit, as in every CLI of the package.
    rps: values.rps !== undefined && Number(values.rps) === 0 ? undefined : (positive(values.rps, 'rps', false) ?? (remote ? 20 : undefined)),
    strict: values.strict, diff: values.diff, runId: randomBytes(3).toString('hex'),
    signal, onProgress,
  };
}

/** Ctrl-C finishes the current request and cleans up; a second one leaves at once. */
function interruptible(): AbortController {
  const abort = new AbortController();
  process.on('SIGINT', () => {
    if (abort.signal.aborted) {
      console.error('\nproperties: second Ctrl-C, leaving without cleanup');
      process.exit(130);
    }
    console.error('\nproperties: interrupted; finishing the current request, then cleaning up (Ctrl-C again to leave now)');
    abort.abort();
  });
  return abort;
}

/** 0 pass, 1 a rule broke, 2 the suite could not run to the end, 130 interrupted. */
function exitCode(result: PropertyResult): number {
  if (result.stopped === 'budget') console.error(`properties: request budget spent after ${result.requests} requests; stopped generating`);
  if (result.outcome === 'error') {
    console.error(`properties: the suite could not run to the end: ${result.failure?.message ?? 'unknown error'}`);
    return 2;
  }
  if (result.outcome === 'fail') return 1;
  return result.stopped === 'interrupted' ? 130 : 0;
}

async function main(): Promise<void> {
  const values = parse();
  if (values.help) return void console.log(HELP);
  if (values.version) return void console.log(versionLine('modus-properties'));
  const progress = progressPrinter();
  const options = runOptions(values, interruptible().signal, progress.update);
  const workers = positive(values.workers, 'workers') ?? 1;
  if (workers > 1) {
    const clash = (['target', 'path', 'shard', 'diff'] as const).filter((k) => values[k] !== undefined && values[k] !== false);
    if (clash.length > 0) usage(`--workers runs in-process shards of one run; it does not take ${clash.map((k) => `--${k}`).join(', ')} (against a deployment, shard across machines with --shard and properties:merge)`);
  }
  let result: PropertyResult;
  try {
    result = workers > 1 ? await runPropertiesInWorkers(workers, options) : await runProperties(options);
  } catch (e) {
    progress.done();
    if (e instanceof TargetConfigError) usage(e.message);
    usage(`cannot start: ${(e as Error).message}`);
  }
  progress.done();
  report(result, { junit: values.junit, json: values.json });
  process.exitCode = exitCode(result);
}

void main();
