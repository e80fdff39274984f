/**
 * A failure as a bash script of curl calls that replays on any target: tokens from `$MODUS_TOKEN_<ROLE>`,
 * the base URL from `$MODUS_BASE_URL`, created ids, variation ids and page tokens captured from the answers.
 */
import type { Exchange } from '../contracts/client.js';
import { ROLES, type Role } from '../contracts/target-file.js';
import type { PropertyResult } from './runner.js';
import type { Json } from '../api/types.js';

const HEADER = `set -u
BASE="\${MODUS_BASE_URL:-http://127.0.0.1:4010}"
command -v jq >/dev/null || { echo 'this script needs jq' >&2; exit 2; }
# call METHOD PATH ROLE [BODY]: prints the answer; leaves it in $STATUS and $BODY.
# ROLE NONE sends no Authorization header; TOKEN=x sends the bearer token x (AUTH-1 checks).
call() {
  local auth=()
  case "$3" in
    NONE) ;;
    TOKEN=*) auth=(-H "Authorization: Bearer \${3#TOKEN=}") ;;
    *) local var="MODUS_TOKEN_$3"; local token="\${!var:?set $var to the token of the $3 role}"; auth=(-H "Authorization: Bearer $token") ;;
  esac
  local args=(-sS -X "$1" "$BASE$2" "\${auth[@]}" -H 'Accept: application/json' -w '\\n%{http_code}')
  if [ $# -ge 4 ]; then args+=(-H 'Content-Type: application/json' --data "$4"); fi
  local out
  out=$(curl "\${args[@]}")
  STATUS=\${out##*$'\\n'}
  BODY=\${out%$'\\n'*}
  printf '  <- %s %s\\n' "$STATUS" "$BODY"
}`;

/** Where later requests find a value an earlier answer gave: the variable and the jq expression that captures it. */
interface Capture {
  name: string;
  jq: string;
}

/** Single-quotes text for bash. */
function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The JSON body as a bash word, ids and user ids spliced in as variables. */
function bodyWord(body: unknown, ids: Map<string, string>, users: Map<string, Role>, defaults: Record<Role, string>): string {
  const b = { ...(body as Json) };
  if (typeof b['managerId'] === 'number' && ids.has(`skills/${b['managerId']}`)) b['managerId'] = `@@${ids.get(`skills/${b['managerId']}`)}@@`;
  const role = typeof b['newOwnerUserId'] === 'string' ? users.get(b['newOwnerUserId']) : undefined;
  if (role) b['newOwnerUserId'] = `@@USER_${role.toUpperCase()}@@`;
  const parts = JSON.stringify(b).split(/("@@ID_\d+@@"|@@USER_[A-Z]+@@)/);
  return parts.map((p, i) => {
    if (i % 2 === 0) return p === '' ? '' : quote(p);
    if (p.startsWith('"')) return `"$${p.slice(3, -3)}"`;
    const r = p.slice(7, -2).toLowerCase();
    const who = ROLES.find((x) => x.toLowerCase() === r)!;
    return `"\${MODUS_USER_${r.toUpperCase()}:-${defaults[who]}}"`;
  }).join('') || "''";
}

/** Finds, in answers before `upto`, where `value` first appeared; answers a jq expression reading it from $BODY. */
function findCapture(exchanges: Exchange[], upto: number, value: string): { at: number; jq: string } | undefined {
  for (let i = 0; i < upto; i++) {
    const b = exchanges[i]!.response.body as Json | undefined;
    if (!b || typeof b !== 'object') continue;
    if (b['nextPageToken'] === value) return { at: i, jq: '.nextPageToken' };
    for (const inner of ['', 'skill', 'agent']) {
      const o = (inner ? b[inner] : b) as Json | undefined;
      for (const k of ['draftVariationId', 'activeVariationId']) if (o && o[k] === value) return { at: i, jq: `${inner ? `.${inner}` : ''}.${k}` };
    }
  }
  return undefined;
}

/** Which variable holds what: created ids by `kind/id`, captured values, and what to capture after which answer. */
interface Plan {
  ids: Map<string, string>;
  values: Map<string, string>;
  after: Map<number, Capture[]>;
}

/** Pass 1: every created id and every value a later path reuses (variation ids, page tokens) gets a variable. */
function plan(exchanges: Exchange[]): Plan {
  const p: Plan = { ids: new Map(), values: new Map(), after: new Map() };
  const capture = (at: number, c: Capture): void => void p.after.set(at, [...(p.after.get(at) ?? []), c]);
  exchanges.forEach((e, i) => {
    const wanted: Array<[string, boolean]> = [];
    const v = /\/variations\/([^/?]+)/.exec(e.request.path)?.[1];
    if (v) wanted.push([v, false]);
    const t = /pageToken=([^&]+)/.exec(e.request.path)?.[1];
    if (t) wanted.push([decodeURIComponent(t), true]);
    for (const [value, encode] of wanted) {
      if (p.values.has(value)) continue;
      const found = findCapture(exchanges, i, value);
      if (!found) continue;
      const name = `${encode ? 'TOKEN' : 'V'}_${p.values.size + 1}`;
      p.values.set(value, name);
      capture(found.at, { name, jq: found.jq + (encode ? ' | @uri' : '') });
    }
    const m = /^\/api\/v1\/(skills|agents)$/.exec(e.request.path);
    if (m && e.request.method === 'POST' && e.response.status >= 200 && e.response.status < 300) {
      const name = `ID_${p.ids.size + 1}`;
      p.ids.set(`${m[1]}/${String((e.response.body as Json)['id'])}`, name);
      capture(i, { name, jq: '.id' });
    }
  });
  return p;
}

/** The failure of `result` as a runnable bash script (empty unless a rule broke). */
export function toCurlScript(result: PropertyResult): string {
  const f = result.failure;
  if (!f || f.rule === 'error') return '';
  const users = new Map(ROLES.map((r) => [result.principals[r].userId, r] as const));
  const defaults = Object.fromEntries(ROLES.map((r) => [r, result.principals[r].userId])) as Record<Role, string>;
  const p = plan(f.steps.flatMap((s) => s.exchanges));
  const lines = ['#!/usr/bin/env bash', `# modus property suite: replays a counterexample of ${f.rule} [${f.tag}] step by step.`,
    `# Found against ${result.target} with --seed ${result.failedSeed ?? result.seed} --path '${result.path ?? ''}'.`,
    '# Set MODUS_TOKEN_OWNER, MODUS_TOKEN_TEAMMATE, MODUS_TOKEN_OUTSIDER, MODUS_TOKEN_OTHERORG (and MODUS_BASE_URL).'];
  if (!result.remote) lines.push('# Against the bundled mock (npm start) the tokens are those of fixtures/principals.json.');
  lines.push(HEADER, '');
  let index = 0;
  f.steps.forEach((step, n) => {
    lines.push(`echo ${quote(`${n + 1}. ${step.label}`)}`);
    for (const e of step.exchanges) {
      lines.push(renderExchange(e, p, users, defaults));
      for (const c of p.after.get(index++) ?? []) lines.push(`${c.name}=$(jq -r '${c.jq}' <<<"$BODY")`);
    }
  });
  lines.push('', `echo ${quote(`expected: ${f.rule} [${f.tag}] ${f.message}`)}`, '');
  return result.redact(lines.join('\n'));
}

/** Pass 2: one `call` line, ids and captured values as variables. */
function renderExchange(e: Exchange, p: Plan, users: Map<string, Role>, defaults: Record<Role, string>): string {
  let path = e.request.path.replace(/^(\/api\/v1\/(skills|agents)\/)(\d+)/, (all, head: string, kind: string, id: string) => {
    const v = p.ids.get(`${kind}/${id}`);
    return v ? `${head}$${v}` : all;
  });
  path = path.replace(/\/variations\/([^/?]+)/, (all, v: string) => (p.values.has(v) ? `/variations/$${p.values.get(v)}` : all));
  path = path.replace(/pageToken=([^&]+)/, (all, t: string) => {
    const v = p.values.get(decodeURIComponent(t));
    return v ? `pageToken=$${v}` : all;
  });
  const bearer = /^Bearer (\S+)$/.exec(e.request.headers?.['authorization'] ?? '')?.[1];
  const role = e.request.role ? e.request.role.toUpperCase() : bearer ? quote(`TOKEN=${bearer}`) : 'NONE';
  const body = e.request.rawBody !== undefined ? ` ${quote(e.request.rawBody)}` : e.request.body === undefined ? '' : ` ${bodyWord(e.request.body, p.ids, users, defaults)}`;
  return `call ${e.request.method} "${path.replace(/"/g, '\\"')}" ${role}${body}   # the run saw ${e.response.status}`;
}
