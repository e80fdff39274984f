/** The express adapter of the mock core. */
export { createApp, send, ADMIN_STATE_LIMIT } from './app.js';
export { answerMalformedRequests } from './client-errors.js';
export type { AppOptions } from './app.js';
export { createFaults, parseLatency, parsePrefer, MAX_DELAY_MS } from './faults.js';
export type { FaultRule, Faults, Latency } from './faults.js';
export { createInspector, redactAuthorization } from './inspector.js';
export type { ExchangeRecord, Inspector } from './inspector.js';
