import type { MockCore, MockRequest, MockResponse } from '../domain/index.js';

/** A core answer with its body already encoded, ready for one `writeHead` + `end`. */
export interface Serialized {
  response: MockResponse;
  /** The core's headers plus Content-Length (absent for a body-less answer such as 204). */
  headers: Record<string, string | number>;
  body: Buffer | undefined;
}

/** Answers API requests from the core, reusing the encoded text of GET answers while the state version holds. */
export interface AnswerCache {
  answer(request: MockRequest): Serialized;
}

/** Bytes of cached bodies kept at most: enough for every page a bench or a test suite asks, small next to a 100k state. */
export const CACHE_MAX_BYTES = 16 * 1024 * 1024;

/** Encodes a core answer once: the JSON text straight into a Buffer, its length read from the Buffer (no second pass). */
export function serialize(response: MockResponse): Serialized {
  if (response.body === undefined) return { response, headers: response.headers, body: undefined }; // 204: no Content-Length (RFC 9110)
  const body = Buffer.from(JSON.stringify(response.body));
  return { response, headers: { ...response.headers, 'content-length': body.length }, body };
}

/**
 * The entry as kept: the body as the sent bytes only, read back on demand (`onExchange` with --validate).
 * Holding the core's rendered objects made V8 pretenure the render sites, so every uncached answer
 * after them went straight to the old generation (RSS grew under list-page walks).
 */
function kept(entry: Serialized): Serialized {
  const { body } = entry;
  if (body === undefined) return entry;
  const { status, headers } = entry.response;
  const response: MockResponse = {
    status,
    headers,
    get body(): unknown {
      return JSON.parse(body.toString('utf8')) as unknown;
    },
  };
  return { response, headers: entry.headers, body };
}

/**
 * Issue 14: a GET answer depends only on the state, the url and the Authorization header (the core reads
 * no other header), and `core.version()` moves on every change of state, so the encoded answer is reused
 * for the same key until the version moves; then every entry is dropped at once. Bodies that failed to
 * read never reach a GET's answer, but such requests skip the cache anyway, as do all other methods.
 */
export function createAnswerCache(core: MockCore, maxBytes = CACHE_MAX_BYTES): AnswerCache {
  const entries = new Map<string, Serialized>();
  let version = core.version();
  let bytes = 0;
  const sync = (): void => {
    if (core.version() === version) return;
    entries.clear();
    bytes = 0;
    version = core.version();
  };
  const keep = (key: string, entry: Serialized): void => {
    const size = (entry.body?.length ?? 0) + key.length;
    if (size > maxBytes) return;
    // Oldest first out: a Map iterates in insertion order.
    for (const [oldKey, old] of entries) {
      if (bytes + size <= maxBytes) break;
      entries.delete(oldKey);
      bytes -= (old.body?.length ?? 0) + oldKey.length;
    }
    entries.set(key, kept(entry));
    bytes += size;
  };
  return {
    answer(request) {
      if (request.method !== 'GET' || request.bodyError) return serialize(core.handle(request));
      sync();
      const key = `${request.headers['authorization'] ?? ''}\n${request.url}`;
      const hit = entries.get(key);
      if (hit) return hit;
      const entry = serialize(core.handle(request));
      sync(); // a list that minted a page token moved the version: this answer belongs to the new one
      keep(key, entry);
      return entry;
    },
  };
}
