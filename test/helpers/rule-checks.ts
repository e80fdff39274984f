/** Rule checks written once against a `fetch`-like function and a base URL, run on MSW and on the real HTTP mock. */
import { beforeEach, describe, expect, it } from 'vitest';
import { compareLikeMissing } from '../../src/contracts/checks/index.js';

/** Anything shaped like the global fetch (global fetch under msw/node, or fetch to a running mock). */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

/** Where the checks run: a fetch, the API origin, and a way back to the seed state. */
export interface RuleTarget {
  fetch: FetchLike;
  baseUrl: string;
  reset(): Promise<void> | void;
}

/** The fixture tokens the checks act as (fixtures/principals.json). */
const TOKENS = { alice: 'tok_alice_owner', bob: 'tok_bob_teammate', carol: 'tok_carol_outsider' } as const;
type Who = keyof typeof TOKENS;

interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- checks index into JSON bodies freely
  body: any;
}

/** A tiny client over a target, so each check reads like the rule it checks. */
function clientOf(target: RuleTarget) {
  return async (method: string, path: string, as?: Who, body?: unknown): Promise<Answer> => {
    const headers: Record<string, string> = {};
    if (as) headers['authorization'] = `Bearer ${TOKENS[as]}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = JSON.stringify(body);
    const res = await target.fetch(`${target.baseUrl}/api/v1${path}`, init);
    const text = await res.text();
    return { status: res.status, body: text === '' ? undefined : JSON.parse(text) };
  };
}

type Call = ReturnType<typeof clientOf>;

/** One rule check: its id (named in the test title) and what it does through a client. */
export interface RuleCheck {
  id: string;
  title: string;
  run(call: Call): Promise<void>;
}

async function createSkill(call: Call, as: Who, body: Record<string, unknown>): Promise<number> {
  const created = await call('POST', '/skills', as, body);
  expect(created.status).toBe(201);
  return created.body.id as number;
}

/** Expects a hidden resource's 404 to equal a missing id's, except for the id (ERR-1: the kit's like-missing, [D] and [A] alike). */
function expectSameAsMissing(hidden: Answer, missing: Answer, hiddenId: number, missingId: number): void {
  expect(hidden.status).toBe(404);
  expect(hidden.body.error.status).toBe('NOT_FOUND');
  expect(compareLikeMissing(hidden, missing, String(hiddenId), String(missingId))).toEqual({ documented: [], assumed: [] });
}

const MISSING_ID = 987654;

/** The representative rule checks shared by test/msw and test/mock. */
export const ruleChecks: RuleCheck[] = [
  {
    id: 'AUTH-1',
    title: 'a request without a bearer token answers 401',
    async run(call) {
      const res = await call('GET', '/skills');
      expect(res.status).toBe(401);
      expect(res.body.error).toMatchObject({ code: 401, status: 'UNAUTHENTICATED' });
    },
  },
  {
    id: 'HIDE-1',
    title: 'a skill the caller cannot use answers 404 exactly like a missing id',
    async run(call) {
      const id = await createSkill(call, 'alice', { name: 'Secret skill', accessConfig: { visibility: 'private' } });
      expect((await call('GET', `/skills/${id}?view=draft`, 'alice')).status).toBe(200);
      const hidden = await call('GET', `/skills/${id}?view=draft`, 'carol');
      const missing = await call('GET', `/skills/${MISSING_ID}?view=draft`, 'carol');
      expectSameAsMissing(hidden, missing, id, MISSING_ID);
    },
  },
  {
    id: 'HIDE-2',
    title: 'an agent the caller can use but not manage answers 404 on GET, yet is listed',
    async run(call) {
      const accessConfig = { visibility: 'shared', groupPermissions: { eng: { use: true, manage: false } } };
      const created = await call('POST', '/agents', 'alice', { name: 'Use-only agent', accessConfig });
      expect(created.status).toBe(201);
      const id = created.body.id as number;
      expectSameAsMissing(await call('GET', `/agents/${id}`, 'bob'), await call('GET', `/agents/${MISSING_ID}`, 'bob'), id, MISSING_ID);
      const listed = await call('GET', '/agents?pageSize=100', 'bob');
      expect(listed.body.agents.map((a: { id: number }) => a.id)).toContain(id);
    },
  },
  {
    id: 'HIDE-3',
    title: 'a list never shows a resource the caller cannot use',
    async run(call) {
      const id = await createSkill(call, 'alice', { name: 'Private list skill', accessConfig: { visibility: 'private' } });
      const carol = await call('GET', '/skills?pageSize=100', 'carol');
      expect(carol.status).toBe(200);
      expect(carol.body.skills.map((s: { id: number }) => s.id)).not.toContain(id);
      const alice = await call('GET', '/skills?pageSize=100', 'alice');
      expect(alice.body.skills.map((s: { id: number }) => s.id)).toContain(id);
    },
  },
  {
    id: 'UPD-1',
    title: 'a skill PATCH with managerId and another field answers 422 and changes nothing',
    async run(call) {
      const id = await createSkill(call, 'alice', { name: 'Before' });
      const before = await call('GET', `/skills/${id}?view=draft`, 'alice');
      const res = await call('PATCH', `/skills/${id}`, 'alice', { managerId: null, name: 'After' });
      expect(res.status).toBe(422);
      expect(res.body.error.status).toBe('UNPROCESSABLE_ENTITY');
      expect(await call('GET', `/skills/${id}?view=draft`, 'alice')).toEqual(before);
    },
  },
  {
    id: 'LIFE-7',
    title: 'deploy promotes the draft: active, no unpublished changes, view=active shows it',
    async run(call) {
      const id = await createSkill(call, 'alice', { name: 'Deploy me', description: 'v1' });
      const patched = await call('PATCH', `/skills/${id}`, 'alice', { description: 'v2' });
      expect(patched.status).toBe(200);
      const deployed = await call('POST', `/skills/${id}/deploy`, 'alice', {});
      expect(deployed.status).toBe(200);
      expect(typeof deployed.body.deployedAt).toBe('string');
      expect(deployed.body.skill).toMatchObject({ status: 'active', hasUnpublishedChanges: false, activeVariationId: patched.body.draftVariationId });
      const active = await call('GET', `/skills/${id}?view=active`, 'alice');
      expect(active.body.description).toBe('v2');
    },
  },
  {
    id: 'DEL-1',
    title: 'DELETE answers 204, then GET is 404 and the list leaves it out',
    async run(call) {
      const id = await createSkill(call, 'alice', { name: 'Delete me' });
      const deleted = await call('DELETE', `/skills/${id}`, 'alice');
      expect(deleted).toEqual({ status: 204, body: undefined });
      expect((await call('GET', `/skills/${id}?view=draft`, 'alice')).status).toBe(404);
      const list = await call('GET', '/skills?pageSize=100', 'alice');
      expect(list.body.skills.map((s: { id: number }) => s.id)).not.toContain(id);
    },
  },
  {
    id: 'XFER-3',
    title: 'the recipient accepts: ownership moves and pendingOwnershipTransfer is gone',
    async run(call) {
      const id = await createSkill(call, 'alice', { name: 'Hand over' });
      const offered = await call('POST', `/skills/${id}/transfer-ownership`, 'alice', { newOwnerUserId: 'user_bob' });
      expect(offered.status).toBe(200);
      expect(offered.body.pendingOwnershipTransfer).toMatchObject({ pendingOwnerUserId: 'user_bob', requestedByUserId: 'user_alice' });
      // Only the recipient: carol can use the (org-visible) skill but is not the recipient.
      expect((await call('POST', `/skills/${id}/transfer-ownership/accept`, 'carol')).status).toBe(403);
      const accepted = await call('POST', `/skills/${id}/transfer-ownership/accept`, 'bob');
      expect(accepted.status).toBe(200);
      expect(accepted.body.accessConfig).toMatchObject({ ownerUserId: 'user_bob', ownerEmail: 'bob@acme.example' });
      expect('pendingOwnershipTransfer' in accepted.body).toBe(false);
      expect((await call('POST', `/skills/${id}/transfer-ownership/accept`, 'bob')).status).toBe(409);
    },
  },
];

/** Registers every rule check as a vitest test against a target (resolved lazily, after `beforeAll`). */
export function describeRuleChecks(label: string, getTarget: () => RuleTarget): void {
  describe(label, () => {
    beforeEach(async () => {
      await getTarget().reset();
    });
    for (const check of ruleChecks) {
      it(`${check.id}: ${check.title}`, async () => {
        await check.run(clientOf(getTarget()));
      });
    }
  });
}
