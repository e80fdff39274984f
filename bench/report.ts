import type { ColdStartResult } from './cold-start.js';
import type { CompareResult } from './compare.js';
import type { LoadResult } from './load.js';
import type { PropertyRate } from './property.js';
import type { ScaleResult } from './scale.js';

/** Everything one `npm run bench` measured; a scenario left out or skipped is undefined / a reason. */
export interface BenchResults {
  compare?: CompareResult[];
  scale?: ScaleResult[];
  coldStart?: ColdStartResult[];
  property?: PropertyRate[];
}

/** One target line: what was asked, what was measured, and whether it holds. */
export interface TargetCheck {
  target: string;
  measured: string;
  status: 'pass' | 'FAIL' | 'skipped';
}

const f0 = (n: number): string => n.toFixed(0);
const f2 = (n: number): string => n.toFixed(2);
const triple = (r: LoadResult): string => `${f0(r.rps)} / ${f2(r.p50)} / ${f2(r.p99)} / ${f0(r.cpuUs)}${flags(r)}`;
const x = (n: number): string => `${n.toFixed(2)}x`;

/** A GitHub-flavoured markdown table (also readable on a terminal). */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function flags(r: LoadResult): string {
  return r.non2xx + r.errors > 0 ? ` (${r.non2xx} non-2xx, ${r.errors} err)` : '';
}

/** Scenario 1: figures of each server and the mock's ratio against it (req/s: higher is better; latency: lower). */
export function compareTable(results: readonly CompareResult[]): string {
  const rows = results.flatMap(({ endpoint, bodyBytes, rows: servers }) => {
    const mock = servers[0]!.result;
    return servers.map(({ server, result: r }, i) => [
      i === 0 ? `${endpoint} (${bodyBytes} B)` : '',
      server + flags(r),
      f0(r.rps), f2(r.p50), f2(r.p99), f0(r.cpuUs),
      ...(i === 0 ? ['—', '—', '—', '—'] : [x(mock.rps / r.rps), x(mock.p50 / r.p50), x(mock.p99 / r.p99), x(mock.cpuUs / r.cpuUs)]),
    ]);
  });
  const head = ['endpoint (body)', 'server', 'req/s', 'p50 ms', 'p99 ms', 'server CPU µs/req', 'mock/this req/s', 'mock/this p50', 'mock/this p99', 'mock/this CPU'];
  return table(head, rows);
}

/** Scenario 2: latency and memory per seeded size, latency ratios against the smallest size. */
export function scaleTable(results: readonly ScaleResult[]): string {
  const base = results[0]!;
  const rows = results.map((s) => [
    String(s.skills), f0(s.seedMs), f0(s.rssAfterSeedMb), f0(s.rssAfterLoadMb),
    s.soak ? `${f0(s.soak.rssMb)} (${f0(s.soak.seconds)} s, ${s.soak.pages} pages, ${triple(s.soak.result)})` : '—',
    triple(s.firstPage), triple(s.deepPage), triple(s.getById),
    `${x(s.firstPage.p50 / base.firstPage.p50)} / ${x(s.deepPage.p50 / base.deepPage.p50)} / ${x(s.getById.p50 / base.getById.p50)}`,
    `${x(s.firstPage.cpuUs / base.firstPage.cpuUs)} / ${x(s.deepPage.cpuUs / base.deepPage.cpuUs)} / ${x(s.getById.cpuUs / base.getById.cpuUs)}`,
  ]);
  const cols = 'req/s / p50 ms / p99 ms / CPU µs/req';
  const head = ['skills', 'start on state file ms', 'RSS started MB', 'RSS after load MB', `RSS after list-page soak MB (${cols})`, `first page ${cols}`, `deep page ${cols}`, `GET by id ${cols}`, `p50 vs ${base.skills} (first / deep / get)`, `CPU/req vs ${base.skills}`];
  return table(head, rows);
}

/** Scenario 3: median cold start to the first 200. */
export function coldStartTable(results: readonly ColdStartResult[]): string {
  return table(['server', 'median ms', 'runs ms'], results.map((r) => [r.server, f0(r.medianMs), r.runs.map(f0).join(', ')]));
}

/** Scenario 4: property-suite commands per second. */
export function propertyTable(rates: readonly PropertyRate[]): string {
  return table(['target', 'commands', 'ms', 'commands/s', 'rounds (commands/s)'], rates.map((r) => [r.workers ? `${r.target} (${r.workers})` : r.target, String(r.commands), f0(r.ms), f0(r.perSecond), r.rounds.map(f0).join(', ')]));
}

/** A req/s ratio target of the mock against a server of the same run; server CPU per request alongside. */
function ratioTarget(target: string, mock: LoadResult | undefined, other: LoadResult | undefined, goal: number, name: string): TargetCheck {
  if (!mock || !other) return skipped(target, 'not run');
  const measured = `${x(mock.rps / other.rps)} (${f0(mock.rps)} vs ${f0(other.rps)} req/s; server CPU ${f0(mock.cpuUs)} vs ${f0(other.cpuUs)} µs/req: ${x(mock.cpuUs / other.cpuUs)} of ${name}'s)`;
  return check(target, measured, mock.rps >= goal * other.rps);
}

function check(target: string, measured: string, ok: boolean): TargetCheck {
  return { target, measured, status: ok ? 'pass' : 'FAIL' };
}

function skipped(target: string, why: string): TargetCheck {
  return { target, measured: why, status: 'skipped' };
}

/** Evaluates the brief's targets against what was measured. */
export function checkTargets(results: BenchResults): TargetCheck[] {
  const out: TargetCheck[] = [];
  const get = results.compare?.find((c) => c.endpoint === 'GET skill by id');
  const page = results.compare?.find((c) => c.endpoint.startsWith('list page'));
  const row = (c: CompareResult | undefined, name: string): LoadResult | undefined => c?.rows.find((r) => r.server === name)?.result;
  out.push(ratioTarget('GET by id >= 2x json-server (req/s)', row(get, 'modus mock'), row(get, 'json-server'), 2, 'json-server'));
  out.push(ratioTarget('GET by id >= 0.4x node:http canned (req/s)', row(get, 'modus mock'), row(get, 'node:http canned'), 0.4, 'node:http'));
  out.push(ratioTarget('list page >= 1.5x json-server paginated list (req/s)', row(page, 'modus mock'), row(page, 'json-server'), 1.5, 'json-server'));
  out.push(ratioTarget('GET by id >= 3x Prism (req/s)', row(get, 'modus mock'), row(get, 'prism mock'), 3, 'Prism'));
  const small = results.scale?.[0];
  const large = results.scale?.[results.scale.length - 1];
  if (small && large && small !== large) {
    for (const page of ['firstPage', 'deepPage'] as const) {
      const ratio = large[page].p50 / small[page].p50;
      const label = page === 'firstPage' ? 'first' : 'deep';
      const cpu = x(large[page].cpuUs / small[page].cpuUs);
      const measured = `${x(ratio)} (${f2(large[page].p50)} vs ${f2(small[page].p50)} ms; CPU/req ${cpu})`;
      out.push(check(`list ${label} page p50 at ${large.skills} <= 1.5x at ${small.skills}`, measured, ratio <= 1.5));
    }
    const soak = large.soak;
    const rss = soak?.rssMb ?? large.rssAfterLoadMb;
    const after = soak ? `after ${f0(soak.seconds)} s of list pages (${soak.pages} pages, ${f0(soak.result.rps)} req/s)` : 'after the rounds (no soak)';
    out.push(check(`RSS at ${large.skills} skills <= 300 MB ${soak ? `after ${f0(soak.seconds)} s of list-page load` : ''}`.trim(), `${f0(rss)} MB ${after}; ${f0(large.rssAfterSeedMb)} MB at start`, rss <= 300));
  } else out.push(skipped('list page / RSS at scale', 'not run'));
  const cold = results.coldStart?.find((c) => c.server === 'modus mock');
  if (cold) out.push(check('cold start to first 200 <= 300 ms (median)', `${f0(cold.medianMs)} ms`, cold.medianMs <= 300));
  else out.push(skipped('cold start <= 300 ms', 'not run'));
  const rates = results.property;
  for (const [target, goal] of [['in-process', 20_000], ['in-process workers', 20_000], ['cli workers', 20_000], ['http', 2_000]] as const) {
    const r = rates?.find((p) => p.target === target);
    const label = `property commands/s ${target}${r?.workers ? ` (${r.workers})` : ''} >= ${goal}`;
    out.push(r ? check(label, f0(r.perSecond), r.perSecond >= goal) : skipped(label, 'not run'));
  }
  return out;
}

/** The targets as a table. */
export function targetsTable(checks: readonly TargetCheck[]): string {
  return table(['target', 'measured', 'result'], checks.map((c) => [c.target, c.measured, c.status]));
}
