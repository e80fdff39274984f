/** Issue 11, finding 7: DET-3 order for unreadable bodies (Content-Encoding), ERR-1 for a request without Host, zip bombs. */
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/mock/http/index.js';
import { startMock, type RunningMock } from '../../src/mock/server.js';
import { coreFromFiles } from '../../src/mock/fixture-core.js';

const ALICE = 'Bearer tok_alice_owner';
/** superagent would JSON-encode a Buffer: send the bytes as they are. */
const asIs = (raw: unknown): string => raw as string;
const CORRUPT_GZIP = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x03, 0xff, 0xff]);

function post(path: string, body: Buffer, encoding: string, auth?: string) {
  const app = createApp({ core: coreFromFiles() });
  let req = request(app).post(path).set('content-type', 'application/json').set('content-encoding', encoding);
  if (auth) req = req.set('authorization', auth);
  return req.serialize(asIs).send(body);
}

describe('DET-3: an unreadable body is answered after auth and routing', () => {
  it.each([
    ['a corrupt gzip', CORRUPT_GZIP, 'gzip'],
    ['an unsupported Content-Encoding', Buffer.from('{"name":"x"}'), 'x-foo'],
  ])('%s: 401 without a token, 404 on an unknown route, 405 on a wrong method, then 400', async (_what, body, encoding) => {
    expect((await post('/api/v1/skills', body, encoding)).status).toBe(401);
    expect((await post('/api/v1/nothing-here', body, encoding, ALICE)).status).toBe(404);
    expect((await post('/api/v1/skills/1', body, encoding, ALICE)).status).toBe(405);
    const res = await post('/api/v1/skills', body, encoding, ALICE);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT' });
  });

  it('a GET ignores its body, so a corrupt gzip body does not turn it into a 400', async () => {
    const app = createApp({ core: coreFromFiles() });
    const res = await request(app).get('/api/v1/skills').set('authorization', ALICE).set('content-encoding', 'gzip').serialize(asIs).send(CORRUPT_GZIP);
    expect(res.status).toBe(200);
  });

  it('a gzip bomb (100 MiB of zeros in 100 KiB) answers 413 without inflating it all, and the mock keeps answering', async () => {
    const app = createApp({ core: coreFromFiles() });
    const bomb = gzipSync(Buffer.alloc(100 * 1024 * 1024));
    const res = await request(app).post('/api/v1/skills').set('authorization', ALICE).set('content-type', 'application/json')
      .set('content-encoding', 'gzip').serialize(asIs).send(bomb);
    expect(res.status).toBe(413);
    expect((await request(app).get('/api/v1/skills').set('authorization', ALICE)).status).toBe(200);
  });
});

describe('ERR-1: a request without Host', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  });
  afterAll(() => mock.close());

  function raw(text: string): Promise<string> {
    const { port } = new URL(mock.url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.end(text));
      const chunks: Buffer[] = [];
      socket.on('data', (c: Buffer) => chunks.push(c));
      socket.on('error', reject);
      socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
  }

  it('HTTP/1.1 without Host answers 400 with the JSON error body (Node alone answers a bare 400)', async () => {
    const answer = await raw('GET /api/v1/skills HTTP/1.1\r\nAuthorization: Bearer tok_alice_owner\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toMatch(/content-type: application\/json/i);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
    expect(body).toEqual({ error: { code: 400, status: 'INVALID_ARGUMENT', message: expect.stringContaining('Host') } });
  });

  it('HTTP/1.0 without Host is still served (Host is optional there), but not the admin API', async () => {
    expect(await raw('GET /api/v1/skills HTTP/1.0\r\nAuthorization: Bearer tok_alice_owner\r\n\r\n')).toMatch(/^HTTP\/1\.1 200 /);
    expect(await raw('GET /__mock/state HTTP/1.0\r\n\r\n')).toMatch(/^HTTP\/1\.1 403 /);
  });
});
