/** What the request log and the inspector show in place of a credential. */
export const REDACTED = '[redacted]';

/** Words that make a header name, query key or JSON key credential-like (`X-Api-Key`, `access_token`, `clientSecret`). */
const SECRET_WORDS = new Set([
  'auth', 'authorization', 'token', 'secret', 'password', 'passwd', 'pwd', 'passphrase', 'apikey', 'cookie', 'session',
  'sessionid', 'sid', 'credential', 'credentials', 'signature', 'sig', 'jwt', 'csrf', 'xsrf', 'bearer', 'otp',
]);
/** Word pairs that are one credential (`api-key`, `privateKey`, `access_key`). */
const SECRET_PAIRS = new Set(['api key', 'private key', 'access key', 'secret key', 'client secret']);
/** Names that look like credentials but are the API's own cursors: LIST-1 page tokens are no secret. */
const NOT_SECRET = new Set(['page token', 'next page token']);

/** Splits a name into lower-case words at separators and camelCase humps (`nextPageToken` -> next page token). */
function words(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** Decides which names are credentials: the built-in list plus the names given with `--redact NAME`. */
export interface Redactor {
  isSecret(name: string): boolean;
  headers(headers: Record<string, string | string[] | undefined>): Record<string, string>;
  url(url: string): string;
  /** A parsed JSON body with credential-like keys replaced at any depth; text bodies get the query treatment. */
  body(value: unknown): unknown;
}

/** Redacts a credential header: `Bearer tok_a…` (5 chars at most, only for long tokens) or `[redacted]`. */
export function redactAuthorization(value: string): string {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(value);
  if (!m || m[1]!.length < 12) return REDACTED;
  return `Bearer ${m[1]!.slice(0, 5)}…`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

type IsSecret = (name: string) => boolean;

/** The built-in rule for credential-like names, plus the `extra` names. */
function secretNames(extra: readonly string[]): IsSecret {
  const more = new Set(extra.map((n) => words(n).join(' ')));
  return (name) => {
    const w = words(name);
    const joined = w.join(' ');
    if (more.has(joined)) return true;
    if (NOT_SECRET.has(joined) || w.length === 0) return false;
    if (joined === 'key' || w.some((x) => SECRET_WORDS.has(x))) return true;
    return w.some((x, i) => i > 0 && SECRET_PAIRS.has(`${w[i - 1]} ${x}`));
  };
}

/** A query string (or form body) with the values of credential-like keys redacted. */
function redactQuery(text: string, isSecret: IsSecret): string {
  return text.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    return eq > 0 && isSecret(safeDecode(pair.slice(0, eq))) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
  }).join('&');
}

/** A JSON value with credential-like keys redacted at any depth (100 levels at most). */
function redactJson(value: unknown, isSecret: IsSecret, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 100) return value;
  if (Array.isArray(value)) return value.map((v) => redactJson(v, isSecret, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = isSecret(k) ? REDACTED : redactJson(v, isSecret, depth + 1);
  return out;
}

/** Builds a redactor; `extra` are more names (`--redact X-Tenant-Key`), compared case-insensitively. */
export function createRedactor(extra: readonly string[] = []): Redactor {
  const isSecret = secretNames(extra);
  return {
    isSecret,
    headers(headers) {
      const out: Record<string, string> = {};
      for (const [name, raw] of Object.entries(headers)) {
        if (raw === undefined) continue;
        const value = Array.isArray(raw) ? raw.join(', ') : raw;
        if (name === 'authorization') out[name] = redactAuthorization(value);
        else out[name] = isSecret(name) ? REDACTED : value;
      }
      return out;
    },
    url(url) {
      const q = url.indexOf('?');
      return q < 0 ? url : `${url.slice(0, q)}?${redactQuery(url.slice(q + 1), isSecret)}`;
    },
    body(value) {
      if (typeof value === 'string') return /^[^\s=&]+=[^\s&]*(&[^\s=&]+=[^\s&]*)*$/.test(value) ? redactQuery(value, isSecret) : value;
      return redactJson(value, isSecret);
    },
  };
}
