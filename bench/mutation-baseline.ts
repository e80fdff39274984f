/**
 * Builds a StrykerJS incremental file that keeps only the kills of earlier runs, so the next `stryker run`
 * re-tests every mutant that was not killed (survived, no coverage, timed out) and reuses a kill only while
 * the test that killed it is still there (Stryker's incremental rules). Earlier runs over disjoint files join.
 *
 *   npx tsx bench/mutation-baseline.ts --report A.json [--report B.json ...] --out reports/mutation/baseline.json
 *   npx stryker run --incremental --incrementalFile reports/mutation/baseline.json
 *
 * Why not Stryker's own incremental file: it re-runs a survivor only when a new test covers it. The property
 * suite's tests keep their names while its generation (src/properties) changes under them, so a survivor of
 * an older suite must be re-run, not reused. A kill is reused when its killing test is unchanged: a stronger
 * suite keeps it (the same test still fails); a changed test is found by Stryker's diff and re-run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface Mutant {
  status: string;
  coveredBy?: string[];
  killedBy?: string[];
}
interface TestFile {
  tests: { id: string; name: string }[];
  source?: string;
}
interface Report {
  files: Record<string, { mutants: Mutant[] }>;
  testFiles?: Record<string, TestFile>;
  [key: string]: unknown;
}

const { values } = parseArgs({ options: { report: { type: 'string', multiple: true }, out: { type: 'string' } } });
if (!values.report?.length || !values.out) {
  console.error('usage: npx tsx bench/mutation-baseline.ts --report A.json [--report B.json ...] --out baseline.json');
  process.exit(2);
}

const out: Report = { files: {}, testFiles: {} };
const kept: Record<string, number> = {};
for (const [n, file] of values.report.entries()) {
  const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
  for (const [key, value] of Object.entries(report)) if (!(key in out)) out[key] = value;
  // Test ids are unique within one report only: the same test (file and name) gets one id in the joined file.
  const idOf = new Map<string, string>();
  for (const [path, tf] of Object.entries(report.testFiles ?? {})) {
    const joined = (out.testFiles![path] ??= { tests: [], ...(tf.source === undefined ? {} : { source: tf.source }) });
    for (const t of tf.tests) {
      const same = joined.tests.find((j) => j.name === t.name);
      const id = same?.id ?? `r${n}-${t.id}`;
      if (!same) joined.tests.push({ ...t, id });
      idOf.set(t.id, id);
    }
  }
  const rename = (ids: string[] | undefined): string[] => (ids ?? []).map((id) => idOf.get(id) ?? `r${n}-${id}`);
  for (const [path, entry] of Object.entries(report.files)) {
    if (out.files[path]) throw new Error(`${path} is in two reports: join runs over disjoint files only`);
    const mutants = entry.mutants.filter((m) => m.status === 'Killed').map((m) => ({ ...m, coveredBy: rename(m.coveredBy), killedBy: rename(m.killedBy) }));
    for (const m of entry.mutants) kept[m.status] = (kept[m.status] ?? 0) + 1;
    out.files[path] = { ...entry, mutants };
  }
}
writeFileSync(values.out, JSON.stringify(out));
const files = Object.keys(out.files).length;
console.log(`${values.out}: ${files} files; kept ${kept['Killed'] ?? 0} kills, left to re-run: ${Object.entries(kept).filter(([s]) => s !== 'Killed').map(([s, c]) => `${c} ${s}`).join(', ')}`);
