/** DET-5's byte bound counted as a client's UTF-8 encoder writes the text (src/mock/domain/body.ts). */
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, parseBody } from '../../src/mock/domain/body.js';

/** The bytes a client sends for this text: TextEncoder writes each lone surrogate as U+FFFD (3 bytes). */
const wireBytes = (text: string): number => new TextEncoder().encode(text).length;

/** A create body `{"name":"x","description":"<unit × n>"}` padded with ASCII to exactly `bytes` wire bytes. */
function bodyOf(unit: string, bytes: number): string {
  const head = '{"name":"x","description":"';
  const tail = '"}';
  const n = Math.floor((bytes - wireBytes(head + tail)) / wireBytes(unit));
  const text = head + unit.repeat(n) + tail;
  return head + unit.repeat(n) + 'a'.repeat(bytes - wireBytes(text)) + tail;
}

const status = (text: string): number => {
  const r = parseBody(text);
  return r.ok ? 200 : r.error.code;
};

describe('parseBody: DET-5 counts UTF-8 bytes as sent', () => {
  // A lone high surrogate before a 3-byte character: 3 + 3 bytes on the wire, not a 4-byte pair.
  for (const [name, unit] of [
    ['lone high surrogate then CJK', '\ud800\u4e2d'],
    ['lone low surrogate then CJK', '\udc00\u4e2d'],
    ['lone high surrogate then 2-byte', '\udbff\u00e9'],
    ['a real pair then a lone high at the end of each unit', '\ud83d\ude00\ud800'],
    ['mixed widths, well-formed', 'a\u00e9\u4e2d\ud83d\ude00'],
  ] as const) {
    it(`${name}: ${MAX_BODY_BYTES} wire bytes are read, one more answers 413`, () => {
      const at = bodyOf(unit, MAX_BODY_BYTES);
      const past = bodyOf(unit, MAX_BODY_BYTES + 1);
      expect([wireBytes(at), wireBytes(past)]).toEqual([MAX_BODY_BYTES, MAX_BODY_BYTES + 1]);
      expect(status(at)).toBe(200);
      expect(status(past)).toBe(413);
    });
  }

  it('a lone high surrogate as the last unit counts 3 bytes', () => {
    const at = (bytes: number): string => {
      const tail = '"}\ud800';
      const fixed = '{"name":"x","description":"' + tail;
      const pad = bytes - wireBytes(fixed);
      return '{"name":"x","description":"' + '\u4e2d'.repeat(Math.floor(pad / 3)) + 'a'.repeat(pad % 3) + tail;
    };
    expect([wireBytes(at(MAX_BODY_BYTES)), wireBytes(at(MAX_BODY_BYTES + 1))]).toEqual([MAX_BODY_BYTES, MAX_BODY_BYTES + 1]);
    expect(status(at(MAX_BODY_BYTES))).toBe(400); // not JSON past its end, but within the bound
    expect(status(at(MAX_BODY_BYTES + 1))).toBe(413);
  });
});
