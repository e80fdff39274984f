import { loadContract } from './src/contracts/validation.js';
const c = loadContract();
const access = { visibility: 'org', groupPermissions: {}, sharedWith: [], ownerUserId: 'user_alice', ownerEmail: 'alice@example.com', guardrails: [] };
const row = { id: 1, slug: 'churn-analyzer', name: 'Churn Analyzer', status: 'draft', orgUuid: '00000000-0000-0000-0000-000000000001', hasUnpublishedChanges: true, accessConfig: access, createdAt: '2026-05-01T10:00:00.000Z', updatedAt: '2026-05-01T10:00:00.000Z', description: null, activeVariationId: null, draftVariationId: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f', deletedAt: null };
const skill = { ...row, variation: { expectedOutput: '', instructions: ['Be concise.'], model: null, toolset: {}, connectionSet: [], contextSelections: [], evaluations: [], interfaces: [], supervisionSubordinateIds: ['2'], supervisionSubordinateDescriptions: { 2: 'Reads facts' } } };
console.log(JSON.stringify(c.validateResponse({ method: 'GET', path: '/api/v1/skills/1', status: 200, body: skill }), null, 1));
