/** The express adapter of the mock core. */
export { createApp, send } from './app.js';
export type { AppOptions } from './app.js';
