import { Agent } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { MockCore } from '../mock/domain/index.js';
import { withParsedBody, type Transport } from './client.js';
import { copyJson } from './json-copy.js';

/**
 * The in-process mock: no sockets, the same core the HTTP server wraps. The answer's body reaches the client
 * as a copy equal to what its JSON text parses to; the text itself is printed only if a wrapper reads it.
 */
export function inProcessTransport(core: MockCore): Transport {
  return {
    async send(method, path, headers, body) {
      const res = core.handle({ method, url: path, headers, body });
      const parsed = res.body === undefined ? undefined : copyJson(res.body);
      let text: string | undefined;
      const raw = {
        status: res.status,
        headers: res.headers,
        get text(): string {
          return (text ??= res.body === undefined ? '' : JSON.stringify(res.body));
        },
      };
      return withParsedBody(raw, parsed);
    },
  };
}

/** HTTP(S) to a base URL, with keep-alive and a 30 s timeout per request. */
export function httpTransport(baseUrl: string, timeoutMs = 30_000): Transport {
  const base = new URL(baseUrl);
  const secure = base.protocol === 'https:';
  const agent = secure ? undefined : new Agent({ keepAlive: true, maxSockets: 32 });
  const prefix = base.pathname.replace(/\/+$/, '');
  return {
    send(method, path, headers, body) {
      // Node frames a body by Content-Length or chunks, except on DELETE, GET and HEAD, where it writes the
      // bytes unframed: the server then reads them as the start of the next request on the connection.
      const framed = body === undefined || Object.keys(headers).some((k) => k.toLowerCase() === 'content-length') ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
      return new Promise((resolve, reject) => {
        const req = (secure ? httpsRequest : httpRequest)(
          { protocol: base.protocol, hostname: base.hostname, port: base.port, method, path: prefix + path, headers: framed, agent, timeout: timeoutMs },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const out: Record<string, string> = {};
              for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
              resolve({ status: res.statusCode ?? 0, headers: out, text: Buffer.concat(chunks).toString('utf8') });
            });
            res.on('error', reject);
          },
        );
        req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out after ${timeoutMs} ms`)));
        req.on('error', reject);
        req.end(body);
      });
    },
  };
}
