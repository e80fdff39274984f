/** "Validate and record a call": one request through the target client, its answer checked against openapi.json. */
import type { RuleId, RuleTag } from '../../api/rules.js';
import type { ApiRequest, ApiResponse, Exchange, TargetClient } from '../client.js';
import type { ContractValidator, Violation } from '../validation.js';

/** Something an answer breaks, under the rule (and its tag) that names it: the one shape both suites record. */
export interface Finding {
  rule: RuleId;
  tag: RuleTag;
  message: string;
}

/** An exchange whose answer was checked: `at` names it (`GET /api/v1/skills/3 → 200`), `findings` what it breaks. */
export interface ValidatedCall {
  exchange: Exchange;
  at: string;
  findings: Finding[];
}

/** A schema violation as a finding: `<json path> <keyword>: <message>` under the SHAPE (or marked [A]) rule. */
export function findingOf(v: Violation): Finding {
  return { rule: v.rule, tag: v.tag, message: `${v.jsonPath} ${v.keyword}: ${v.message}` };
}

/** Checks one answer against the response schema of its operation and status; every violation, not just the first. */
export function checkResponse(contract: ContractValidator, request: Pick<ApiRequest, 'method' | 'path'>, response: ApiResponse): Finding[] {
  const { method, path } = request;
  return contract.validateResponse({ method, path, status: response.status, headers: response.headers, body: response.body }).violations.map(findingOf);
}

/** Sends `request` through the client (budget, rate, write guard apply) and checks the answer against openapi.json. */
export async function callValidated(client: TargetClient, contract: ContractValidator, request: ApiRequest): Promise<ValidatedCall> {
  const exchange = await client.call(request);
  const at = `${request.method} ${request.path} → ${exchange.response.status}`;
  return { exchange, at, findings: checkResponse(contract, request, exchange.response) };
}

/** Findings grouped by rule, in the order each rule was first seen. */
export function groupByRule<T extends { rule: RuleId }>(findings: readonly T[]): Map<RuleId, T[]> {
  const byRule = new Map<RuleId, T[]>();
  for (const f of findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  return byRule;
}
