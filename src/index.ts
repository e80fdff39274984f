/** modus-contract: the stateful Modus mock, the contract check and the property suite. */
export * as mock from './mock/index.js';
export * as contracts from './contracts/index.js';
export * as properties from './properties/index.js';
export { createMockCore } from './mock/domain/index.js';
export { startMock } from './mock/server.js';
export { validationHook } from './cli/validate-hook.js';
export { loadContract } from './contracts/validation.js';
export { openTarget } from './contracts/target.js';
export { runScenarios } from './contracts/runner.js';
export { runProperties } from './properties/runner.js';
