/** The express adapter of the mock core. */
export { createApp, send } from './app.js';
export { createFaults, parseLatency, parsePrefer, MAX_DELAY_MS } from './faults.js';
export { createInspector, redactAuthorization } from './inspector.js';
//# sourceMappingURL=index.js.map