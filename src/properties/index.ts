/** The property-based suite: a model written from the contract, commands per operation, invariants by rule id. */
export { runProperties, type Failure, type Progress, type PropertyOptions, type PropertyResult } from './runner.js';
export { Model, ACCESS_PRESETS, presetAccess, sameContent, sharedGroup, type AccessModel, type AccessPreset, type Content, type Kind, type ModelResource, type Perm } from './model.js';
export { RuleViolation, RunContext, SuiteState, tagOf, type Drift, type Step } from './run-context.js';
export { allowedRule, checkBody, expectDenied, expectLikeMissing, expectStatus, gate, verifyUnchanged, writeGate, type BodyCheck, type Denial, type Need, type ViewCheck } from './invariants.js';
export { commandArbitraries, PropertyCommand } from './commands/index.js';
export { toCurlScript } from './curl-script.js';
export { DiffMirror, type DiffGroup } from './diff.js';
export { formatDiff, formatFailure, formatResult, replayArgs, toCheckResults, writePropertyReports, type ReportFiles } from './report.js';
export { fixtureTargetConfig, openSession, type Session, type TargetSpec } from './targets.js';
