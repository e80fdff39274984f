/**
 * Writes bench/MUTATION.md from StrykerJS's JSON report (reports/mutation/mutation.json, `npm run mutation`):
 * the score over all of src/mock/domain and over the files a request reaches, the per-file table, and every
 * surviving (or uncovered) mutant, sorted into the equivalent ones (with the reason) and the ones not killed yet.
 * Equivalent: a non-empty message text (ERR-1 asks for a non-empty message, no rule for its words), and the
 * mutants listed with their argument in bench/equivalent-mutants.json.
 *
 *   npx tsx bench/mutation-report.ts [--report reports/mutation/mutation.json ...] [--out bench/MUTATION.md] [--note-file header.md]
 *     [--equivalents bench/equivalent-mutants.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';

interface Mutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored';
  location: { start: { line: number; column: number } };
}
interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}

/**
 * Files no API request reaches: they load a user's seed file, compact state read from a state file, or add
 * the CORS headers the HTTP adapters send (the core answers without them). The seed worlds
 * (test/mutation/seed-worlds.mutation.ts) face the first three with generated seed files, planted faults and
 * state-file round trips; test/mutation/cors.mutation.ts faces the CORS headers with generated origins and
 * preflights judged by the Fetch standard's CORS check.
 */
const NOT_THROUGH_THE_API: Record<string, string> = {
  'seed-check.ts': 'validates a user seed file; the seed worlds plant one fault each and expect its JSON path',
  'seed.ts': 'loads seed files v1/v2; the seed worlds load generated ones and read them back through the API',
  'compact.ts': 'shares equal values of state read from a --state-file; sharing is invisible through the API, the seed worlds reopen state files',
  'cors.ts': 'CORS headers, added by the express and MSW adapters, not by the core; cors.mutation.ts judges them by the Fetch CORS check',
};

/** An error message's wording: ERR-1 [A] asks for a non-empty `message`, no rule for its words, so another non-empty text is equivalent. */
function isMessage(m: Mutant, line: string): boolean {
  const replacement = m.replacement ?? '';
  const empty = replacement === '""' || replacement === "''" || replacement === '``';
  return m.mutatorName === 'StringLiteral' && !empty && /fail\(\d+, *[`'"]|return [`'"]|must be|is not a field|new SeedError\(/.test(line);
}

/** One argued equivalent mutant (bench/equivalent-mutants.json). */
interface Equivalent {
  file: string;
  /** A mutator name, several joined by `|`, or `*`. */
  mutator: string;
  /** The replacement's start; absent: any. */
  replacement?: string;
  /** A piece of the mutated line. */
  code: string;
  /** Only this line (when the same code appears twice). */
  line?: number;
  why: string;
}

function argued(list: readonly Equivalent[], name: string, m: Mutant, line: string): Equivalent | undefined {
  return list.find(
    (e) =>
      e.file === name &&
      (e.mutator === '*' || e.mutator.split('|').includes(m.mutatorName)) &&
      (e.replacement === undefined || (m.replacement ?? '').replace(/\s+/g, ' ').startsWith(e.replacement)) &&
      (e.line === undefined || e.line === m.location.start.line) &&
      line.includes(e.code),
  );
}

type Verdict = 'killed' | 'timeout' | 'survived' | 'no coverage';

function verdict(m: Mutant): Verdict | undefined {
  if (m.status === 'Killed') return 'killed';
  if (m.status === 'Timeout') return 'timeout';
  if (m.status === 'Survived') return 'survived';
  if (m.status === 'NoCoverage') return 'no coverage';
  return undefined; // compile / runtime errors and ignored mutants count for nothing
}

const pct = (k: number, t: number): string => (t === 0 ? '—' : `${((100 * k) / t).toFixed(2)}%`);

function main(): void {
  const { values } = parseArgs({ options: { report: { type: 'string', multiple: true }, out: { type: 'string' }, 'note-file': { type: 'string' }, equivalents: { type: 'string' } } });
  // Runs over disjoint sets of files (e.g. a subset run of the seed loaders) join into one report.
  const report: Report = { files: {} };
  for (const file of values.report ?? ['reports/mutation/mutation.json']) {
    for (const [path, entry] of Object.entries((JSON.parse(readFileSync(file, 'utf8')) as Report).files)) {
      if (report.files[path]) throw new Error(`${path} is in two reports: join runs over disjoint files only`);
      report.files[path] = entry;
    }
  }
  const listed = (JSON.parse(readFileSync(values.equivalents ?? 'bench/equivalent-mutants.json', 'utf8')) as { mutants: Equivalent[] }).mutants;
  const used = new Set<Equivalent>();
  const rows: string[] = [];
  const equivalent: string[] = [];
  const arguedOut: string[] = [];
  const unreachedEntries: string[] = [];
  const open: string[] = [];
  const unreached: Record<string, number> = {};
  const total = { all: { killed: 0, of: 0 }, api: { killed: 0, of: 0 }, equivalent: 0 };
  for (const [path, file] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    const name = basename(path);
    const lines = file.source.split('\n');
    const count: Record<Verdict, number> = { killed: 0, timeout: 0, survived: 0, 'no coverage': 0 };
    for (const m of file.mutants) {
      const v = verdict(m);
      if (!v) continue;
      count[v]++;
      if (v === 'killed' || v === 'timeout') continue;
      const line = lines[m.location.start.line - 1]?.trim() ?? '';
      const entry = `- ${name}:${m.location.start.line} ${m.mutatorName} → \`${(m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 60)}\` (${v}): \`${line.slice(0, 110)}\``;
      const why = argued(listed, name, m, line);
      if (why) {
        used.add(why);
        arguedOut.push(`${entry} — ${why.why}`);
        total.equivalent++;
      } else if (isMessage(m, line)) {
        equivalent.push(entry);
        total.equivalent++;
      } else if (NOT_THROUGH_THE_API[name]) {
        unreached[name] = (unreached[name] ?? 0) + 1;
        unreachedEntries.push(entry);
      }
      else open.push(entry);
    }
    const killed = count.killed + count.timeout;
    const all = killed + count.survived + count['no coverage'];
    total.all.killed += killed;
    total.all.of += all;
    if (!NOT_THROUGH_THE_API[name]) {
      total.api.killed += killed;
      total.api.of += all;
    }
    rows.push(`| ${name} | ${pct(killed, all)} | ${count.killed} | ${count.timeout} | ${count.survived} | ${count['no coverage']} |`);
  }
  const out = [
    '# Mutation testing of src/mock/domain (the property suite alone)',
    '',
    values['note-file'] ? readFileSync(values['note-file'], 'utf8').trim() : '',
    '',
    `- score over all of src/mock/domain: **${pct(total.all.killed, total.all.of)}** (${total.all.killed} of ${total.all.of} mutants killed or timed out)`,
    `- score over the mutants not shown equivalent (${total.equivalent} are, listed below): **${pct(total.all.killed, total.all.of - total.equivalent)}** (${total.all.killed} of ${total.all.of - total.equivalent})`,
    `- score over the files an API request reaches (all but ${Object.keys(NOT_THROUGH_THE_API).join(', ')}): **${pct(total.api.killed, total.api.of)}** (${total.api.killed} of ${total.api.of})`,
    '',
    '| file | score | killed | timeout | survived | no coverage |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    '## Not reached through the API (survived or uncovered, by file)',
    '',
    ...Object.entries(NOT_THROUGH_THE_API).map(([f, why]) => `- ${f}: ${unreached[f] ?? 0} — ${why}`),
    '',
    ...unreachedEntries,
    '',
    `## Equivalent under the contract: error message wording (${equivalent.length})`,
    '',
    'ERR-1 [A] asks for a non-empty `error.message` (an empty text is killed); like-missing compares a hidden and a',
    'missing id\'s messages, which a mutated text changes alike. No documented rule can tell another non-empty text apart.',
    '',
    ...equivalent,
    '',
    `## Equivalent, argued one by one (${arguedOut.length}; bench/equivalent-mutants.json)`,
    '',
    ...arguedOut,
    '',
    ...(listed.some((e) => !used.has(e)) ? ['Entries that matched no surviving mutant (killed now, or the code moved):', '', ...listed.filter((e) => !used.has(e)).map((e) => `- ${e.file}: \`${e.code}\` (${e.mutator})`), ''] : []),
    `## Not killed yet (${open.length})`,
    '',
    ...open,
    '',
  ];
  writeFileSync(values.out ?? 'bench/MUTATION.md', out.join('\n'));
  console.log(`all ${pct(total.all.killed, total.all.of)}, without the ${total.equivalent} equivalent ${pct(total.all.killed, total.all.of - total.equivalent)}, through the API ${pct(total.api.killed, total.api.of)}; ${open.length} open`);
}

main();
