/** The express adapter of the mock core. */
export { createApp, send, ADMIN_STATE_LIMIT } from './app.js';
export { answerMalformedRequests } from './client-errors.js';
export { createFaults, parseLatency, parsePrefer, MAX_DELAY_MS } from './faults.js';
export { createInspector, redactAuthorization } from './inspector.js';
//# sourceMappingURL=index.js.map