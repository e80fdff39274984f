/**
 * The vocabulary of an access config (ACC-1..5, DET-8), in one place: the mock's checks of a PATCH body, the
 * schemas of the files a user hands the mock, and the suites read it; a test compares it with openapi.json's
 * SkillAccessConfig, AgentAccessConfig, AccessConfigPatch, Permission and SharedWithEntry.
 */

/** ACC-1: who may see a resource beyond its owner. */
export const VISIBILITIES = ['private', 'shared', 'org'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** A permission, as a group's entry in groupPermissions holds it. */
export const PERMISSION_KEYS = ['use', 'manage'] as const;

/** One entry of sharedWith. */
export const SHARED_WITH_KEYS = ['userId', 'use', 'manage'] as const;

/** The keys of an agent's access config; a skill's has guardrails too. */
export const AGENT_ACCESS_KEYS = ['visibility', 'groupPermissions', 'sharedWith', 'ownerUserId', 'ownerEmail'] as const;
export const SKILL_ACCESS_KEYS = ['visibility', 'groupPermissions', 'sharedWith', 'guardrails', 'ownerUserId', 'ownerEmail'] as const;
