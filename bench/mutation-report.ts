/**
 * Writes bench/MUTATION.md from StrykerJS's JSON report (reports/mutation/mutation.json, `npm run mutation`):
 * the score over all of src/mock/domain and over the files a request reaches, the per-file table, and every
 * surviving (or uncovered) mutant, sorted into the equivalent ones (with the reason) and the ones not killed yet.
 *
 *   npx tsx bench/mutation-report.ts [--report reports/mutation/mutation.json] [--out bench/MUTATION.md] [--note-file header.md]
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
 * the CORS headers the HTTP adapters send (the core answers without them). The suite starts from the bundled
 * seed, a v2 seed file and the state file it left, so a valid seed wrongly refused or loaded wrong fails it;
 * what checks a bad seed's every field is only met by the unit tests (test/mock/fixtures.test.ts,
 * seed-v2.test.ts, cors.test.ts): a loader error is never an API answer.
 */
const NOT_THROUGH_THE_API: Record<string, string> = {
  'seed-check.ts': 'validates a user seed file; the suite loads valid seeds only (a refused seed is a loader error, never an API answer)',
  'seed.ts': 'loads seed files v1/v2; the suite loads the bundled v1 seed and one v2 seed (test/mutation/seed-v2.json)',
  'compact.ts': 'shares equal values of state read from a --state-file; the suite reopens one',
  'cors.ts': 'CORS headers, added by the express and MSW adapters, not by the core',
};

/** An error message's wording: ERR-1 [A] asks only that `message` is a string, so a mutated text is equivalent. */
function isMessage(m: Mutant, line: string): boolean {
  return m.mutatorName === 'StringLiteral' && /fail\(\d+, *[`'"]|return [`'"]|must be|is not a field/.test(line);
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
  const { values } = parseArgs({ options: { report: { type: 'string' }, out: { type: 'string' }, 'note-file': { type: 'string' } } });
  const report = JSON.parse(readFileSync(values.report ?? 'reports/mutation/mutation.json', 'utf8')) as Report;
  const rows: string[] = [];
  const equivalent: string[] = [];
  const open: string[] = [];
  const unreached: Record<string, number> = {};
  const total = { all: { killed: 0, of: 0 }, api: { killed: 0, of: 0 } };
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
      if (NOT_THROUGH_THE_API[name]) unreached[name] = (unreached[name] ?? 0) + 1;
      else if (isMessage(m, line)) equivalent.push(entry);
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
    `## Equivalent under the contract: error message wording (${equivalent.length})`,
    '',
    'ERR-1 [A] asks only that `error.message` is a string; like-missing compares a hidden and a missing id\'s',
    'messages, which a mutated text changes alike. No documented rule can tell these mutants from the original.',
    '',
    ...equivalent,
    '',
    `## Not killed yet (${open.length})`,
    '',
    ...open,
    '',
  ];
  writeFileSync(values.out ?? 'bench/MUTATION.md', out.join('\n'));
  console.log(`all ${pct(total.all.killed, total.all.of)}, through the API ${pct(total.api.killed, total.api.of)}; ${equivalent.length} equivalent, ${open.length} open`);
}

main();
