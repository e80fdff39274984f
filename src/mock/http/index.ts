/** The express adapter of the mock core. */
export { createApp, ADMIN_STATE_LIMIT } from './app.js';
// `send`: the writer's name before issue 12, kept for users of the package.
export { sendAnswer, sendAnswer as send } from './stages.js';
export { answerMalformedRequests } from './client-errors.js';
export type { AppOptions } from './app.js';
export { createFaults, parseLatency, parsePrefer, MAX_DELAY_MS } from './faults.js';
export type { FaultRule, Faults, Latency } from './faults.js';
export { createInspector, redactAuthorization } from './inspector.js';
export type { ExchangeRecord, Inspector } from './inspector.js';
export { createAdminGuard, isLoopbackName } from './admin-guard.js';
export type { AdminAccess } from './admin-guard.js';
export { createRedactor, REDACTED } from './redact.js';
export type { Redactor } from './redact.js';
export { createStateBudget, DEFAULT_MAX_STATE_MB } from './budget.js';
export type { StateBudget } from './budget.js';
export { compileGlob } from './glob.js';
export type { PathGlob } from './glob.js';
