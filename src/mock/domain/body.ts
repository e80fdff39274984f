import { fail, ok } from './errors.js';
import type { Result } from './types.js';

/** DET-5: the largest body accepted, in bytes. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** DET-5: the deepest JSON nesting accepted. */
export const MAX_DEPTH = 64;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Node's Buffer where there is one (not in browsers): it counts UTF-8 bytes natively. */
const nativeBuffer = (globalThis as { Buffer?: { byteLength(text: string, encoding: 'utf8'): number } }).Buffer;

/**
 * UTF-8 byte length without allocating (works in browsers too, where there is no Buffer), or the length in
 * UTF-16 units when that alone puts it on one side of MAX_BODY_BYTES (3 bytes a unit at most, 1 at least).
 */
function utf8Length(text: string): number {
  if (text.length * 3 <= MAX_BODY_BYTES || text.length > MAX_BODY_BYTES) return text.length; // decided: skip the count
  // Well-formed text (no lone surrogate) has the byte length the loop below counts: Buffer counts it natively.
  if (nativeBuffer && (text as { isWellFormed?: () => boolean }).isWellFormed?.()) return nativeBuffer.byteLength(text, 'utf8');
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair: one code point of 4 bytes
      i++;
    } else bytes += 3; // BMP, or a lone surrogate, which UTF-8 encoders write as U+FFFD (3 bytes)
  }
  return bytes;
}

/**
 * Nesting depth of JSON text, found by a scan that never recurses, so 10,000 levels cost nothing. A string is
 * skipped with indexOf (to its closing quote, past each backslash and the character it escapes): a megabyte
 * in one string is a native search, not a loop over its characters.
 */
function scanDepth(text: string, limit: number): number {
  let depth = 0;
  let backslash = text.indexOf('\\');
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // The string's end: the next quote no backslash escapes; an unterminated string ends the scan.
      for (;;) {
        const quote = text.indexOf('"', i + 1);
        if (quote < 0) return depth;
        if (backslash >= 0 && backslash <= i) backslash = text.indexOf('\\', i + 1);
        if (backslash < 0 || backslash > quote) {
          i = quote;
          break;
        }
        i = backslash + 1; // the escaped character, skipped whatever it is
        if (i >= text.length) return depth;
        backslash = text.indexOf('\\', i + 1);
      }
    } else if (c === 123 || c === 91) {
      if (++depth > limit) return depth;
    } else if (c === 125 || c === 93) depth--;
  }
  return depth;
}

/** The first prototype-polluting key anywhere in a parsed value, walked without recursion. */
function findForbiddenKey(value: unknown): string | undefined {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
      continue;
    }
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) return key;
      stack.push((v as Record<string, unknown>)[key]);
    }
  }
  return undefined;
}

/** ERR-2/DET-5: parses a request body; undefined when there is none. */
export function parseBody(text: string | undefined): Result<unknown> {
  if (text === undefined || text.trim() === '') return ok(undefined);
  if (utf8Length(text) > MAX_BODY_BYTES) {
    return fail(413, `request body exceeds ${MAX_BODY_BYTES} bytes`);
  }
  if (scanDepth(text, MAX_DEPTH) > MAX_DEPTH) return fail(400, `request body is nested deeper than ${MAX_DEPTH} levels`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return fail(400, `request body is not valid JSON: ${(e as Error).message}`);
  }
  const bad = findForbiddenKey(value);
  if (bad !== undefined) return fail(400, `request body contains the forbidden key "${bad}"`);
  return ok(value);
}

/** True for a plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
