import { pathFor } from '../api/operations.js';
import { callValidated, type Finding } from './checks/index.js';
import type { ApiRequest, Exchange, TargetClient } from './client.js';
import { tagOf, type RuleTag, type RuleId } from '../api/rules.js';
import type { Role } from './target-file.js';
import type { ContractValidator } from './validation.js';
import type { Json } from '../api/types.js';

/** A deterministic check of one rule against any target. */
export interface Scenario {
  rule: RuleId;
  /** The tag of the sentence this scenario checks, when it differs from the rule's leading tag. */
  tag?: RuleTag;
  title: string;
  run(t: ScenarioContext): Promise<void>;
}

/** A check that did not hold; the runner reports it with the scenario's exchanges. */
export class CheckFailed extends Error {}

/**
 * Something a scenario observed under another rule than its own: a response that breaks openapi.json
 * (SHAPE-1..4, or the [A] rule an x-assumed mark names), or an [A] detail of a [D] check (ERR-1).
 */
export type { Finding };

/** Formats an exchange for a report: request line, body, status and body (tokens never appear: roles do). */
export function formatExchange(e: Exchange, limit = 1500): string {
  const cut = (v: unknown): string => {
    const s = v === undefined ? '' : JSON.stringify(v);
    return s.length > limit ? `${s.slice(0, limit)}… (${s.length} chars)` : s;
  };
  const body = e.request.rawBody !== undefined ? cut(e.request.rawBody) : cut(e.request.body);
  return `→ ${e.request.method} ${e.request.path} as ${e.request.role ?? '(no token)'}${body ? ` ${body}` : ''}\n← ${e.response.status} ${cut(e.response.body)}`;
}

/** What a scenario works with: calls validated against openapi.json, helpers to create what it needs. */
export class ScenarioContext {
  readonly exchanges: Exchange[] = [];
  readonly findings: Finding[] = [];
  private seq = 0;

  constructor(readonly client: TargetClient, private readonly contract: ContractValidator, readonly runId: string) {}

  /** A name for a resource this run creates: `contract-<runId>-<label>-<n>`. */
  name(label = 'r'): string {
    return `contract-${this.runId}-${label}-${++this.seq}`;
  }

  /** Sends a request; every response is checked against openapi.json, each violation a finding under its rule. */
  async call(role: Role | null, method: string, path: string, body?: unknown, extra: Partial<ApiRequest> = {}): Promise<Exchange> {
    const request: ApiRequest = { method, path, role, ...extra };
    if (body !== undefined) request.body = body;
    const { exchange, at, findings } = await callValidated(this.client, this.contract, request);
    this.exchanges.push(exchange);
    for (const f of findings) this.findings.push({ ...f, message: `${at}: ${f.message}` });
    return exchange;
  }

  /** Records an [A] detail that differs, under its own rule (drift), without ending the scenario. */
  note(rule: RuleId, message: string): void {
    this.findings.push({ rule, tag: tagOf(rule), message });
  }

  /** Fails unless `cond` holds. */
  check(cond: unknown, message: string): void {
    if (!cond) throw new CheckFailed(message);
  }

  /** Fails unless the exchange answered `status`; returns its body. */
  status(e: Exchange, status: number, why = ''): Json {
    this.check(e.response.status === status, `expected ${status}${why ? ` (${why})` : ''}, got ${e.response.status} for ${e.request.method} ${e.request.path}`);
    return (e.response.body ?? {}) as Json;
  }

  /** Creates a skill or agent as `role` and answers its body: 201 expected, another 2xx is DET-1 drift. */
  async create(kind: 'skills' | 'agents', role: Role = 'owner', fields: Json = {}): Promise<Json> {
    const e = await this.call(role, 'POST', pathFor('create', kind), { name: this.name(kind.slice(0, -1)), ...fields });
    return this.created(e, `create ${kind}`);
  }

  /** The body of a create: 201 expected; another 2xx created it too and is noted as DET-1 drift ([A]). */
  created(e: Exchange, why = 'create'): Json {
    const got = e.response.status;
    if (got !== 201 && got >= 200 && got < 300) {
      this.note('DET-1', `${e.request.method} ${e.request.path} answered ${got}, not 201 (${why})`);
      return (e.response.body ?? {}) as Json;
    }
    return this.status(e, 201, why);
  }

  /** Creates and deploys; answers the deployed resource. */
  async createDeployed(kind: 'skills' | 'agents', role: Role = 'owner', fields: Json = {}): Promise<Json> {
    const r = await this.create(kind, role, fields);
    const e = await this.call(role, 'POST', pathFor('deploy', kind, String(r['id'])), {});
    const body = this.status(e, 200, 'deploy');
    return body[kind === 'skills' ? 'skill' : 'agent'] as Json;
  }
}
