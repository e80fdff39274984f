/** The kit's cleanup: deletes what the run created, trying roles in turn, and never what it did not create. */
import { describe, expect, it } from 'vitest';
import { deleteCreated } from '../../src/contracts/checks/index.js';
import { UnsafeWriteError, type ClientOptions } from '../../src/contracts/client.js';
import { fakeClient } from './fake-target.js';

/** Creates answer ids from 10 up; a DELETE answers 204 only to `deleter`'s token, 403 to anyone else. */
function target(deleter = 'tok-owner', options: ClientOptions = {}) {
  let next = 10;
  return fakeClient((method, _path, token) => {
    if (method === 'POST') return { status: 201, body: { id: next++ } };
    if (method === 'DELETE') return token === deleter ? { status: 204 } : { status: 403, body: { error: { code: 403, status: 'PERMISSION_DENIED', message: 'no' } } };
    return { status: 200, body: {} };
  }, options);
}

describe('deleteCreated', () => {
  it('deletes only the keys the client created, newest first as listed, and sends nothing for the others', async () => {
    const { client, sent } = target();
    await client.call({ method: 'POST', path: '/api/v1/skills', role: 'owner', body: { name: 'a' } });
    await client.call({ method: 'POST', path: '/api/v1/agents', role: 'owner', body: { name: 'b' } });
    sent.length = 0;
    const result = await deleteCreated(client, [
      { key: 'agents/11', roles: ['owner'] },
      { key: 'skills/1', roles: ['owner'] }, // seed data: not the run's
      { key: 'skills/10', roles: ['owner'] },
    ]);
    expect(result).toEqual({ deleted: ['agents/11', 'skills/10'], failed: [] });
    expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual(['DELETE /api/v1/agents/11', 'DELETE /api/v1/skills/10']);
  });

  it('tries each distinct role once, in order, until one gets a 204; a key no role can delete is reported', async () => {
    const { client, sent } = target('tok-teammate');
    await client.call({ method: 'POST', path: '/api/v1/skills', role: 'outsider', body: { name: 'a' } });
    sent.length = 0;
    expect(await deleteCreated(client, [{ key: 'skills/10', roles: ['outsider', 'owner', 'outsider', 'teammate', 'otherOrg'] }])).toEqual({ deleted: ['skills/10'], failed: [] });
    expect(sent.map((s) => s.token)).toEqual(['tok-outsider', 'tok-owner', 'tok-teammate']);
    sent.length = 0;
    expect(await deleteCreated(client, [{ key: 'skills/10', roles: ['owner', 'owner'] }])).toEqual({ deleted: [], failed: ['skills/10'] });
    expect(sent).toHaveLength(1);
  });

  it('is exempt from the request budget, and TargetClient.cleanup deletes everything created with the creator first', async () => {
    const { client, sent } = target('tok-teammate', { maxRequests: 2 });
    await client.call({ method: 'POST', path: '/api/v1/skills', role: 'owner', body: { name: 'a' } });
    await client.call({ method: 'POST', path: '/api/v1/agents', role: 'outsider', body: { name: 'b' } });
    sent.length = 0;
    expect(await client.cleanup()).toEqual([]);
    expect(sent.map((s) => `${s.path} ${s.token}`)).toEqual([
      '/api/v1/agents/11 tok-outsider', '/api/v1/agents/11 tok-owner', '/api/v1/agents/11 tok-teammate',
      '/api/v1/skills/10 tok-owner', '/api/v1/skills/10 tok-teammate',
    ]);
  });

  it('on a guarded client a write to what the run did not create is still refused before it is sent', async () => {
    const { client, sent } = target('tok-owner', { guardWrites: true });
    await expect(client.call({ method: 'DELETE', path: '/api/v1/skills/1', role: 'owner' }, true)).rejects.toBeInstanceOf(UnsafeWriteError);
    expect(await deleteCreated(client, [{ key: 'skills/1', roles: ['owner'] }])).toEqual({ deleted: [], failed: [] });
    expect(sent).toEqual([]);
  });
});
