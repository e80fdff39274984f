/**
 * Catch rate of the property suite: every bug class of test/helpers/mutants.ts, at 5 seeds, within a
 * 500-request budget (the default budget against staging is 5000). Prints requests-to-catch per seed.
 *
 *   npx tsx bench/catch-rate.ts [--budget 500] [--seeds 1,2,3,4,5] [mutant ...]
 */
import { parseArgs } from 'node:util';
import { loadContract } from '../src/contracts/validation.js';
import { runProperties } from '../src/properties/runner.js';
import { MUTANTS, mutantTarget } from '../test/helpers/mutants.js';

const { values, positionals } = parseArgs({ options: { budget: { type: 'string' }, seeds: { type: 'string' }, 'max-commands': { type: 'string' } }, allowPositionals: true });
const budget = Number(values.budget ?? 500);
const seeds = (values.seeds ?? '1,2,3,4,5').split(',').map(Number);
const names = positionals.length ? positionals : Object.keys(MUTANTS);
const contract = loadContract();

let caught = 0;
let total = 0;
console.log(`budget ${budget} requests per run; seeds ${seeds.join(', ')}\n`);
console.log(`${'mutant'.padEnd(26)} ${'rules'.padEnd(22)} ${seeds.map((s) => `seed ${s}`.padStart(8)).join(' ')}  caught`);
for (const name of names) {
  const m = MUTANTS[name]!;
  const cells: string[] = [];
  let hits = 0;
  for (const seed of seeds) {
    const r = await runProperties({ target: mutantTarget(name), contract, runs: 100_000, seed, maxRequests: budget, maxCommands: values['max-commands'] ? Number(values['max-commands']) : undefined, strict: m.strict ?? false, runId: 'catch' });
    const ok = r.outcome === 'fail' && m.rules.includes(r.failure!.rule);
    if (ok) hits++;
    cells.push((ok ? String(r.requestsToFailure) : r.outcome === 'fail' ? `${r.failure!.rule}?` : 'miss').padStart(8));
  }
  caught += hits;
  total += seeds.length;
  console.log(`${name.padEnd(26)} ${m.rules.join('/').padEnd(22)} ${cells.join(' ')}  ${hits}/${seeds.length}${m.strict ? ' (strict)' : ''}`);
}
console.log(`\n${caught}/${total} mutant×seed runs caught within ${budget} requests (cells: requests sent when the failure was first seen)`);
