import { Agent, request } from 'node:http';

/** One raw HTTP answer: status, headers and the body as text (JSON parsed when it is JSON). */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
}

/** What to send; the body may be raw bytes (e.g. invalid UTF-8) and Content-Length is set from it. */
export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** A keep-alive agent so thousands of requests reuse a few sockets. */
export function keepAliveAgent(maxSockets = 32): Agent {
  return new Agent({ keepAlive: true, maxSockets });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Sends one request to `baseUrl` and reads the whole answer. */
export function send(baseUrl: string, agent: Agent, req: RawRequest): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, 'utf8');
  const headers: Record<string, string | number> = { ...req.headers };
  if (body) headers['content-length'] = body.length;
  return new Promise((resolve, reject) => {
    const r = request({ host: url.hostname, port: url.port, method: req.method, path: req.path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: parseJson(text) });
      });
    });
    // Node hands any answer to CONNECT over as a tunnel: read the raw socket to the end instead.
    r.on('connect', (res, socket, head: Buffer) => {
      const chunks: Buffer[] = [head];
      socket.on('data', (c: Buffer) => chunks.push(c));
      socket.on('error', reject);
      socket.on('close', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: parseJson(text) });
      });
    });
    r.on('error', reject);
    r.end(body);
  });
}

/** A JSON API call as `token`; the body is stringified. */
export function api(baseUrl: string, agent: Agent, method: string, path: string, token: string, body?: unknown): Promise<RawAnswer> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return send(baseUrl, agent, { method, path, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
