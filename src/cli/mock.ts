#!/usr/bin/env node
/** `modus-mock` (npm start): starts the mock from flags, wiring in what the mock must not import itself (`--validate`, `import`). */
import { parseArgs } from 'node:util';
import { startMock, type StartOptions } from '../mock/server.js';
import type { Principal } from '../mock/domain/index.js';
import { parseLatency } from '../mock/http/faults.js';
import { normalizeOrigin } from '../mock/http/admin-guard.js';
import { DEFAULT_MAX_STATE_MB } from '../mock/http/budget.js';
import { seededRandom } from '../mock/domain/deterministic.js';
import { versionLine } from '../version.js';

const HELP = `modus-mock: a stateful mock of the Modus skills & agents API

Usage: modus-mock [options]
       modus-mock import --target FILE --out SEED [--anonymize]   (modus-mock import --help)
  --port N            port to listen on (default: $PORT or 4010)
  --host H            address to bind (default 127.0.0.1; 0.0.0.0 for every interface)
  --principals FILE   principals fixture (default: fixtures/principals.json)
  --seed FILE         seed fixture, v1 or v2, or a GET /__mock/state export (default: fixtures/seed.json)
  --latency MS|MIN-MAX  delay every API response (e.g. 50-300); per request: Prefer: code=503 / delay=2000
  --state-file FILE   keep state in FILE across restarts (loaded if present, else created; every write saved)
  --max-resources N   most skills (and most agents) one org may hold; more creates answer 409 (default 10000)
  --spec FILE         OpenAPI document: operations the stateful core does not model are answered
                      by prism-http from it (examples first, requests validated); default: none
  --validate          check every response against the spec (bundled openapi.json or --spec), log violations
  --allow-origin O    let pages from origin O (e.g. http://localhost:5173) use the admin API /__mock (repeatable);
                      the API /api/v1 answers every origin anyway
  --admin-token T     require T for /__mock: Authorization: Bearer T, or Basic auth with T as password
  --redact NAME       also hide header / query / JSON key NAME in the inspector (repeatable; a built-in list
                      already covers Authorization, cookies, *-Api-Key, *token*, *secret*, password, ...)
  --max-state-mb N    stored bytes before writes with a body answer 413 (default ${DEFAULT_MAX_STATE_MB})
  --deterministic     snapshot-stable data: timestamps from 2026-01-01T00:00:00Z stepping 1 s per write,
                      variation uuids from a seeded sequence, fault dice seeded; reset replays them
  --quiet             no per-request log line
  --version           print the version and exit
  --help              this text

Output: the URL and the token table on stdout; request log lines, --validate violations and errors
on stderr. Plain text only (no colour, no box drawing), with or without a terminal.`;

function fail(message: string): never {
  console.error(`modus-mock: ${message}`);
  process.exit(2);
}

/** The principals as plain aligned columns: readable in a terminal, greppable in a pipe or a log file. */
function tokenTable(principals: readonly Principal[]): string {
  const rows = [['token', 'userId', 'email', 'org', 'groups'], ...principals.map((p) => [p.token, p.userId, p.email, p.orgUuid, p.groups.join(',')])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

/** The `--validate` hook; loaded on demand: ajv compiling the whole spec costs start-up time a plain `npm start` should not pay. */
async function validateOnExchange(specFile: string | undefined): Promise<StartOptions['onExchange']> {
  const { validationHook } = await import('./validate-hook.js');
  return validationHook({ specFile, onViolation: (line) => console.error(line) });
}

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  principals: { type: 'string' },
  seed: { type: 'string' },
  latency: { type: 'string' },
  'state-file': { type: 'string' },
  'max-resources': { type: 'string' },
  spec: { type: 'string' },
  validate: { type: 'boolean', default: false },
  'allow-origin': { type: 'string', multiple: true },
  'admin-token': { type: 'string' },
  redact: { type: 'string', multiple: true },
  'max-state-mb': { type: 'string' },
  deterministic: { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
  version: { type: 'boolean', default: false },
} as const;

function flags() {
  try {
    return parseArgs({ options: OPTIONS, strict: true }).values;
  } catch (e) {
    fail(`${(e as Error).message}\n\n${HELP}`);
  }
}
type Flags = ReturnType<typeof flags>;

/** The server's options from the flags; a bad value exits 2 with what it must be. */
function startOptions(args: Flags): StartOptions {
  const portText = args.port ?? process.env['PORT'] ?? '4010';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) fail(`--port must be an integer 0-65535, got ${JSON.stringify(portText)}`);
  const latency = args.latency === undefined ? undefined : parseLatency(args.latency);
  if (typeof latency === 'string') fail(latency);
  const maxText = args['max-resources'] ?? '10000';
  if (!/^[1-9]\d{0,8}$/.test(maxText)) fail(`--max-resources must be a positive integer, got ${JSON.stringify(maxText)}`);
  const allowOrigins = (args['allow-origin'] ?? []).map((o) => normalizeOrigin(o) ?? fail(`--allow-origin must be an http(s) origin such as http://localhost:5173, got ${JSON.stringify(o)}`));
  const adminToken = args['admin-token'];
  if (adminToken !== undefined && !/^[!-~]{8,}$/.test(adminToken)) fail('--admin-token must be at least 8 printable characters without spaces');
  const mbText = args['max-state-mb'] ?? String(DEFAULT_MAX_STATE_MB);
  if (!/^[1-9]\d{0,5}$/.test(mbText)) fail(`--max-state-mb must be a positive integer, got ${JSON.stringify(mbText)}`);
  return {
    stateFile: args['state-file'],
    specFile: args.spec,
    core: { maxResourcesPerOrg: Number(maxText), ...(args.deterministic ? { deterministic: {} } : {}) },
    random: args.deterministic ? seededRandom() : undefined,
    latency,
    admin: { allowOrigins, adminToken },
    redact: args.redact ?? [],
    maxStateBytes: Number(mbText) * 1024 * 1024,
    port,
    host: args.host ?? '127.0.0.1',
    principalsFile: args.principals,
    seedFile: args.seed,
    log: args.quiet ? undefined : (line) => console.error(line), // logs on stderr, data (URL, tokens) on stdout
  };
}

async function main(): Promise<void> {
  if (process.argv[2] === 'import') {
    // A subcommand with its own flags; loaded on demand so a plain start pays nothing for it.
    const { importCli } = await import('../importer/cli.js');
    process.exit(await importCli(process.argv.slice(3)));
  }
  const args = flags();
  if (args.help) return void console.log(HELP);
  if (args.version) return void console.log(versionLine('modus-mock'));
  const options = startOptions(args);
  let mock;
  try {
    mock = await startMock({ ...options, onExchange: args.validate ? await validateOnExchange(args.spec) : undefined });
  } catch (e) {
    fail((e as Error).message);
  }
  console.log(`modus-mock listening on ${mock.url}  (API under ${mock.url}/api/v1, admin under ${mock.url}/__mock)`);
  console.log(`inspector: ${mock.url}/__mock/${options.admin?.adminToken === undefined ? '' : '  (needs the --admin-token)'}`);
  console.log(tokenTable(mock.core.principals));
  const stop = (): void => {
    void mock.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
