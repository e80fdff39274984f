/** The property-based suite: a model written from the contract, commands per operation, invariants by rule id. */
export { runProperties } from './runner.js';
export { Model, ACCESS_PRESETS, presetAccess, sameContent, sharedGroup } from './model.js';
export { RuleViolation, RunContext, SuiteState, tagOf } from './run-context.js';
export { allowedRule, checkBody, expectDenied, expectLikeMissing, expectStatus, gate, verifyUnchanged, writeGate } from './invariants.js';
export { commandArbitraries, PropertyCommand } from './commands/index.js';
export { toCurlScript } from './curl-script.js';
export { DiffMirror } from './diff.js';
export { formatDiff, formatFailure, formatResult, replayArgs, toCheckResults, writePropertyReports } from './report.js';
export { fixtureTargetConfig, openSession } from './targets.js';
export { runCommands } from './bench-hook.js';
//# sourceMappingURL=index.js.map