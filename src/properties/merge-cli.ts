#!/usr/bin/env node
/** `npm run properties:merge -- --json out.json --junit out.xml a.json b.json …`: one report from the shards; exit 1 if one failed, 2 on an error. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { summarise, toJUnit, writeReport } from '../contracts/report.js';
import { coverageJUnit } from './coverage.js';
import { mergeResults, type Shard } from './merge.js';
import { toCheckResults } from './report.js';
import type { PropertyResult } from './runner.js';

function main(): void {
  const { values, positionals } = parseArgs({ options: { json: { type: 'string' }, junit: { type: 'string' } }, allowPositionals: true });
  if (positionals.length === 0) {
    console.error('properties:merge: give the shard JSON reports to join, e.g. reports/shard-*/properties.json');
    process.exit(2);
  }
  const shards = positionals.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Shard);
  const merged = mergeResults(shards);
  const result = { ...merged, principals: {}, redact: (t: string) => t } as unknown as PropertyResult;
  const checks = toCheckResults(result);
  if (values.json) writeReport(values.json, JSON.stringify({ ...merged, rules: summarise(checks).filter((r) => r.checks.length > 0) }, null, 2));
  if (values.junit) writeReport(values.junit, coverageJUnit(toJUnit('properties', checks), merged.coverage));
  console.log(`${shards.length} shards: ${merged.outcome}; ${merged.executed} runs, ${merged.requests} requests; coverage ${merged.coverage.hit} of ${merged.coverage.reachable} cells`);
  process.exitCode = merged.outcome === 'error' ? 2 : merged.outcome === 'fail' ? 1 : 0;
}

main();
