/** `modus-mock import --target FILE --out SEED`: a real deployment's data, as the roles see it, into a principals file and a v2 seed. */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES, TargetConfigError, type Role } from '../contracts/target-file.js';
import { openTarget } from '../contracts/target.js';
import { anonymize } from './anonymize.js';
import { readTarget } from './read-target.js';
import { toSeed, type Imported } from './to-seed.js';

export const IMPORT_HELP = `modus-mock import --target FILE --out SEED [options]
  reads (GET only) what each role of a target file sees on a deployment, in both views, and writes
  a v2 seed and a principals file that rebuild it in the mock

  --target FILE       target file (baseUrl + principals by role, as for modus-contract)
  --out FILE          the seed to write (v2)
  --principals-out F  the principals file to write (default: next to --out, <name>.principals.json);
                      role tokens are \${ENV} placeholders, never the tokens themselves
  --anonymize         names, emails, user ids and free text become stable fakes
  --max-requests N    request budget (default 5000)
  --rps R             requests per second (default 20; 0 = no limit)
  --help              this text

Then: modus-mock --principals <principals-out> --seed <out>   (with the MODUS_TOKEN_* variables set)
Exit: 0 written, 1 the target answered something unexpected, 2 bad flags or target file (nothing was sent).`;

/** What an import needs. */
export interface ImportOptions {
  target: string;
  maxRequests?: number;
  rps?: number;
  anonymize?: boolean;
  log?: (line: string) => void;
}

/** The raw `token` strings of a target file, so its own `${VAR}` names carry over to the principals file. */
function rawTokens(file: string): Partial<Record<Role, unknown>> {
  try {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { principals?: Record<string, { token?: unknown }> };
    return Object.fromEntries(ROLES.map((r) => [r, doc.principals?.[r]?.token]));
  } catch {
    return {}; // openTarget already read it; a second failure only loses the names
  }
}

/** Reads a target and answers the two files' contents (nothing is written). */
export async function runImport(options: ImportOptions): Promise<Imported> {
  const target = openTarget({ file: options.target }, { maxRequests: options.maxRequests ?? 5000, rps: options.rps ?? 20 });
  const observed = await readTarget(target.client, options.log);
  const imported = toSeed(observed, target.client.config.principals, rawTokens(options.target));
  return options.anonymize ? anonymize(imported) : imported;
}

function number(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new TargetConfigError(`--${name} must be a number of at least 0, got ${JSON.stringify(value)}`);
  return n;
}

/** The `import` subcommand; answers the exit code. Data (the written files) is named on stdout, progress on stderr. */
export async function importCli(argv: string[]): Promise<number> {
  const log = (line: string): void => void process.stderr.write(`modus-mock import: ${line}\n`);
  let args;
  try {
    args = parseArgs({
      args: argv, strict: true, allowPositionals: false,
      options: {
        target: { type: 'string' }, out: { type: 'string' }, 'principals-out': { type: 'string' }, anonymize: { type: 'boolean', default: false },
        'max-requests': { type: 'string' }, rps: { type: 'string' }, help: { type: 'boolean', default: false },
      },
    }).values;
    if (args.help) {
      console.log(IMPORT_HELP);
      return 0;
    }
    if (!args.target || !args.out) throw new TargetConfigError('--target and --out are required');
    const out = args.out;
    const principalsOut = args['principals-out'] ?? join(dirname(out), `${basename(out).replace(/\.json$/, '')}.principals.json`);
    const maxRequests = number(args['max-requests'], 'max-requests', 5000);
    if (maxRequests < 1) throw new TargetConfigError('--max-requests must be a positive number');
    const imported = await runImport({ target: args.target, maxRequests, rps: number(args.rps, 'rps', 20), anonymize: args.anonymize, log });
    writeFileSync(principalsOut, `${JSON.stringify(imported.principals, null, 2)}\n`);
    writeFileSync(out, `${JSON.stringify(imported.seed, null, 2)}\n`);
    const counts = `${imported.seed.skills?.length ?? 0} skills, ${imported.seed.agents?.length ?? 0} agents, ${imported.principals.principals.length} principals`;
    console.log(`${out}\n${principalsOut}`);
    log(`wrote ${counts}; start it with: modus-mock --principals ${principalsOut} --seed ${out}`);
    return 0;
  } catch (e) {
    log((e as Error).message);
    if (e instanceof TargetConfigError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`\n${IMPORT_HELP}\n`);
      return 2;
    }
    return 1;
  }
}
