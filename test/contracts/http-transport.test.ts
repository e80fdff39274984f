/** The HTTP transport every suite uses against a deployment: bodies are framed on every method. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpTransport } from '../../src/contracts/transports.js';

let server: Server;
let url: string;
const seen: Array<{ method: string; url: string; length: string | undefined; body: string }> = [];

beforeAll(async () => {
  // A plain keep-alive server that echoes what it parsed: a desynchronised connection shows as a parse error.
  server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', length: req.headers['content-length'], body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  server.on('clientError', (_err, socket) => socket.end('HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => {
  server.closeAllConnections();
  server.close(() => resolve());
}));

describe('httpTransport', () => {
  it('frames a DELETE body (Node writes it unframed otherwise), so the next request on the connection parses', async () => {
    const t = httpTransport(url);
    for (let i = 0; i < 20; i++) {
      const del = await t.send('DELETE', '/api/v1/skills', { 'content-type': 'application/json' }, '{"a":1}');
      const get = await t.send('GET', '/api/v1/skills/1', {}, undefined);
      expect([del.status, get.status]).toEqual([200, 200]);
    }
    expect(seen.filter((s) => s.method === 'DELETE').every((s) => s.length === '7' && s.body === '{"a":1}')).toBe(true);
    expect(seen.filter((s) => s.method === 'GET').every((s) => s.url === '/api/v1/skills/1' && s.body === '')).toBe(true);
  });
});
