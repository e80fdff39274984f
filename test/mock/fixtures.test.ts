import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPrincipals, loadSeed } from '../../src/mock/fixtures.js';
import { DEFAULT_PRINCIPALS, DEFAULT_SEED, coreFromFiles } from '../../src/mock/fixture-core.js';

const dir = mkdtempSync(join(tmpdir(), 'modus-fixtures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** Writes a temp fixture file (JSON value or raw text) and returns its path. */
function file(content: unknown): string {
  const path = join(dir, `fixture-${++n}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const alice = { token: 'tok_a', userId: 'user_a', email: 'a@x.example', orgUuid: '11111111-1111-4111-8111-111111111111', groups: [] };

/** The error message thrown by `fn`, or a failure when it does not throw. */
function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a throw');
}

describe('fixture loading', () => {
  it('AUTH-2: the bundled fixtures load: five principals, seven skills, six agents', () => {
    const core = coreFromFiles();
    expect(core.principals.map((p) => p.token)).toEqual(['tok_alice_owner', 'tok_bob_teammate', 'tok_carol_outsider', 'tok_dave_sales', 'tok_erin_other_org']);
    const state = core.exportState();
    expect([state.skills.length, state.agents.length]).toEqual([7, 6]);
    expect(loadPrincipals(DEFAULT_PRINCIPALS)).toHaveLength(5);
    expect(loadSeed(DEFAULT_SEED).skills).toHaveLength(7);
  });

  const badPrincipals: Array<[string, unknown, RegExp]> = [
    ['not JSON', '{"principals": [', /\/.*not valid JSON/],
    ['no principals key', { people: [] }, /principals/],
    ['missing token', { principals: [{ ...alice, token: undefined }] }, /\/principals\/0.*token/],
    ['bad email', { principals: [{ ...alice, email: 'nope' }] }, /\/principals\/0\/email/],
    ['bad org uuid', { principals: [{ ...alice, orgUuid: 'acme' }] }, /\/principals\/0\/orgUuid/],
    ['groups not a list', { principals: [{ ...alice, groups: 'eng' }] }, /\/principals\/0\/groups/],
    ['duplicate token', { principals: [alice, { ...alice, userId: 'user_b' }] }, /\/principals\/1\/token/],
    ['extra field', { principals: [{ ...alice, role: 'admin' }] }, /\/principals\/0.*role/],
  ];
  it.each(badPrincipals)('AUTH-2: a principals file with %s throws naming the file, the JSON path and the problem', (_what, content, pathAndProblem) => {
    const path = file(content);
    const message = thrown(() => coreFromFiles(path, DEFAULT_SEED));
    expect(message).toContain(path);
    expect(message).toMatch(pathAndProblem);
    expect(thrown(() => loadPrincipals(path))).toContain(path);
  });

  it('AUTH-2: a missing principals file throws naming the file', () => {
    const path = join(dir, 'does-not-exist.json');
    const message = thrown(() => coreFromFiles(path));
    expect(message).toContain(path);
    expect(message).toMatch(/cannot read|ENOENT/);
  });

  const badSeeds: Array<[string, unknown, RegExp]> = [
    ['not JSON', '{"skills": [}', /\/.*not valid JSON/],
    ['a skill without a name', { skills: [{ owner: 'user_alice' }] }, /\/skills\/0.*name/],
    ['an unknown owner', { skills: [{ owner: 'user_zed', name: 'x' }] }, /\/skills\/0\/owner.*user_zed/],
    ['a wrongly typed content field', { agents: [{ owner: 'user_alice', name: 'x' }, { owner: 'user_alice', name: 'y', type: 'bot' }] }, /\/agents\/1.*type/],
    ['a name over 200 characters', { skills: [{ owner: 'user_alice', name: 'n'.repeat(201) }] }, /\/skills\/0.*name/],
    ['a managerId that does not exist', { skills: [{ owner: 'user_alice', name: 'x', managerId: 9 }] }, /\/skills\/0\/managerId/],
    ['deploy not a boolean', { agents: [{ owner: 'user_alice', name: 'x', deploy: 'yes' }] }, /\/agents\/0\/deploy/],
    ['a transfer to another org', { skills: [{ owner: 'user_alice', name: 'x', pendingTransferTo: 'user_erin' }] }, /\/skills\/0\/pendingTransferTo/],
    ['an unknown top-level key', { skills: [], widgets: [] }, /widgets/],
  ];
  it.each(badSeeds)('fixtures: a seed file with %s throws naming the file, the JSON path and the problem', (_what, content, pathAndProblem) => {
    const path = file(content);
    const message = thrown(() => coreFromFiles(DEFAULT_PRINCIPALS, path));
    expect(message).toContain(path);
    expect(message).toMatch(pathAndProblem);
  });

  it('fixtures: an empty seed gives an empty mock whose ids start at 1', () => {
    const core = coreFromFiles(DEFAULT_PRINCIPALS, file({}));
    expect(core.exportState()).toEqual({ version: 1, nextId: { skill: 1, agent: 1 }, skills: [], agents: [] });
  });
});
