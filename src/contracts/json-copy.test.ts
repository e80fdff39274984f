/** copyJson answers what the JSON round trip answers: same values, same key order, same errors. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyJson } from './json-copy.js';

const roundTrip = (v: unknown): unknown => {
  const text = JSON.stringify(v) as string | undefined;
  return text === undefined ? undefined : JSON.parse(text);
};

/** Both answers, or the error each threw, with the key order made visible. */
function outcome(f: () => unknown): unknown {
  try {
    const v = f();
    return { value: v, keys: JSON.stringify(v) };
  } catch (e) {
    return { error: (e as Error).constructor.name };
  }
}

describe('copyJson', () => {
  it('equals the JSON round trip on any value', () => {
    const anything = fc.anything({ withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withTypedArray: true, withUnicodeString: true });
    fc.assert(fc.property(anything, (v) => {
      expect(outcome(() => copyJson(v))).toEqual(outcome(() => roundTrip(v)));
    }), { numRuns: 1000, seed: 10 });
  });

  it('drops and nulls what stringify drops and nulls, keeps an own __proto__ key, calls toJSON', () => {
    const odd = { a: undefined, b: () => 1, c: [undefined, NaN, -0, Infinity], d: new Date(0), e: { toJSON: () => 5 } };
    expect(copyJson(odd)).toEqual({ c: [null, null, 0, null], d: '1970-01-01T00:00:00.000Z', e: 5 });
    expect(Object.is((copyJson([-0]) as number[])[0], 0)).toBe(true);
    const proto = copyJson(JSON.parse('{"__proto__":{"x":1}}')) as object;
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.keys(proto)).toEqual(['__proto__']);
  });

  it('never shares an object with its input, and names a cycle as stringify does', () => {
    const input = { rows: [{ id: 1 }] };
    const copy = copyJson(input) as typeof input;
    expect(copy.rows[0]).not.toBe(input.rows[0]);
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    expect(() => copyJson(cycle)).toThrow(TypeError);
  });
});
