/** The shared check kit: what the contract scenarios, the property invariants and the test helpers all need. */
export { callValidated, checkResponse, findingOf, groupByRule } from './validated-call.js';
export type { Finding, ValidatedCall } from './validated-call.js';
export { MISSING_ID, compareLikeMissing, judgeLikeMissing, onMissingId } from './like-missing.js';
export type { AnswerLike, LikeMissingFindings, LikeMissingVerdict } from './like-missing.js';
export { compareWalk, idsOf, repeatsOf, walkList } from './list-walk.js';
export type { ListPage, ListWalk, Send, WalkDiff, WalkOptions } from './list-walk.js';
export { deleteCreated } from './cleanup.js';
export type { CleanupItem, CleanupResult } from './cleanup.js';
