/**
 * A copy of a JSON value as `JSON.parse(JSON.stringify(value))` answers it, without the text in between: the
 * in-process transport hands each answer over this way, so the client never shares an object with the mock's
 * state, at a fraction of the cost of printing and reading it back.
 */

/** Deeper than this, the copy leaves the value to the round trip (which also names a cycle). */
const MAX_COPY_DEPTH = 256;

/** Thrown inside the copy when a value is not plain data (a Date, a class, a toJSON, a `__proto__` key, a bigint). */
class NotPlain extends Error {}
const NOT_PLAIN = new NotPlain();

/** What `JSON.parse(JSON.stringify(value))` answers (undefined where stringify answers undefined). */
export function copyJson(value: unknown): unknown {
  try {
    return copyValue(value, 0);
  } catch (e) {
    if (e !== NOT_PLAIN) throw e;
    const text = JSON.stringify(value) as string | undefined;
    return text === undefined ? undefined : JSON.parse(text);
  }
}

/** undefined, a function or a symbol: what stringify leaves out of an object and writes as null in an array. */
function isSkipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

function copyValue(v: unknown, depth: number): unknown {
  if (typeof v === 'string' || typeof v === 'boolean' || v === null) return v;
  // Non-finite numbers print as null; -0 prints as 0.
  if (typeof v === 'number') return Number.isFinite(v) ? v + 0 : null;
  if (typeof v !== 'object' || depth > MAX_COPY_DEPTH) throw NOT_PLAIN;
  if (Array.isArray(v)) {
    if ('toJSON' in v) throw NOT_PLAIN;
    const out: unknown[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const item: unknown = v[i];
      out[i] = isSkipped(item) ? null : copyValue(item, depth + 1);
    }
    return out;
  }
  const proto: unknown = Object.getPrototypeOf(v);
  if ((proto !== Object.prototype && proto !== null) || 'toJSON' in v) throw NOT_PLAIN;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) {
    // JSON.parse makes `__proto__` an own key; an assignment would set the prototype instead.
    if (key === '__proto__') throw NOT_PLAIN;
    const item: unknown = (v as Record<string, unknown>)[key];
    if (!isSkipped(item)) out[key] = copyValue(item, depth + 1);
  }
  return out;
}
