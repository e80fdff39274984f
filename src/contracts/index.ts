/** The contract layer: openapi.json validation, the target client, the rule-by-rule contract check. */
export { loadContract } from './validation.js';
export type { ContractValidator, ResponseLike, ValidationResult, Violation } from './validation.js';
export { TargetClient, BudgetExceededError, UnsafeWriteError, NEVER_EXISTS_ID } from './client.js';
export type { ApiRequest, ApiResponse, ClientOptions, Exchange, Transport } from './client.js';
export { ROLES, TargetConfigError, loadTargetFile, parseTarget } from './target-file.js';
export type { Role, TargetConfig, TargetPrincipal } from './target-file.js';
export { IN_PROCESS_ROLE_USERS, inProcessConfig, openTarget, rolePrincipals } from './target.js';
export type { Target, TargetSpec } from './target.js';
export { httpTransport, inProcessTransport } from './transports.js';
export { runScenarios } from './runner.js';
export type { RunOptions } from './runner.js';
export { SCENARIOS } from './scenarios/index.js';
export { CheckFailed, ScenarioContext, formatExchange } from './scenario.js';
export type { Scenario } from './scenario.js';
export { RULES, RULE_BY_ID } from '../api/rules.js';
export type { Rule, RuleTag } from '../api/rules.js';
export { formatTable, summarise, toJUnit, writeReport } from './report.js';
export type { CheckResult, Outcome, RuleRow } from './report.js';
