/**
 * TypeScript types of the Modus API, generated from openapi.json into ./openapi.ts.
 * Regenerate after any change to openapi.json with `npm run types`
 * (openapi-typescript openapi.json -o src/types/openapi.ts); test/types/types-drift.test.ts fails when it is stale.
 */
import type { components } from './openapi.js';
export type { components, operations, paths } from './openapi.js';
type Schemas = components['schemas'];
/** A skill as GET/PATCH/create answer it. */
export type Skill = Schemas['Skill'];
/** A skill list row (no `variation`, LIFE-13). */
export type SkillRow = Schemas['SkillRow'];
/** `GET /api/v1/skills`: `{skills, nextPageToken?}`. */
export type SkillList = Schemas['SkillList'];
/** The body of `POST /api/v1/skills`. */
export type SkillCreate = Schemas['SkillCreate'];
/** The body of `PATCH /api/v1/skills/{id}`. */
export type SkillUpdate = Schemas['SkillUpdate'];
/** The content block of a skill view. */
export type SkillVariation = Schemas['SkillVariation'];
/** The body of `POST /api/v1/skills/{id}/deploy`. */
export type SkillDeployRequest = Schemas['SkillDeployRequest'];
/** `{skill, deployedAt}`. */
export type SkillDeployResponse = Schemas['SkillDeployResponse'];
/** A skill's access configuration. */
export type SkillAccessConfig = Schemas['SkillAccessConfig'];
/** An agent as GET/PATCH/create answer it (with `canUse` / `canManage` for the caller). */
export type Agent = Schemas['Agent'];
/** An agent list row. */
export type AgentRow = Schemas['AgentRow'];
/** `GET /api/v1/agents`: `{agents, nextPageToken?}`. */
export type AgentList = Schemas['AgentList'];
/** The body of `POST /api/v1/agents`. */
export type AgentCreate = Schemas['AgentCreate'];
/** The body of `PATCH /api/v1/agents/{id}`. */
export type AgentUpdate = Schemas['AgentUpdate'];
/** The content block of an agent view. */
export type AgentVariation = Schemas['AgentVariation'];
/** The body of `POST /api/v1/agents/{id}/deploy`. */
export type AgentDeployRequest = Schemas['AgentDeployRequest'];
/** `{agent, deployedAt}`. */
export type AgentDeployResponse = Schemas['AgentDeployResponse'];
/** An agent's access configuration. */
export type AgentAccessConfig = Schemas['AgentAccessConfig'];
/** `{error: {code, status, message}}`, the body of every error answer. */
export type ApiError = Schemas['Error'];
/** `{use, manage}`. */
export type Permission = Schemas['Permission'];
/** One `sharedWith` entry. */
export type SharedWithEntry = Schemas['SharedWithEntry'];
/** A pending ownership transfer (absent when none). */
export type PendingOwnershipTransfer = Schemas['PendingOwnershipTransfer'];
/** The body of `POST /{id}/transfer-ownership`. */
export type TransferOwnershipRequest = Schemas['TransferOwnershipRequest'];
