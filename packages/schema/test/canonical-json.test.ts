import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/index.js';

describe('canonicalJson (RFC 8785)', () => {
  it.each([
    { given: { b: 1, a: [true, null, 'x'] }, want: '{"a":[true,null,"x"],"b":1}' },
    { given: { z: { y: 1, x: 2 }, skipped: undefined }, want: '{"z":{"x":2,"y":1}}' },
    // UTF-16 code unit order: U+20AC is 0x20AC, below the 0xD83D that starts U+1F600.
    { given: { '\u{1F600}': 1, '\u20AC': 2, a: 3 }, want: '{"a":3,"\u20AC":2,"\u{1F600}":1}' },
    { given: { s: 'line\nbreak "quoted" \u0001' }, want: '{"s":"line\\nbreak \\"quoted\\" \\u0001"}' },
    { given: [1e21, 0.1, -0], want: '[1e+21,0.1,0]' },
    // JSON.parse makes "__proto__" an own key; it must serialise as one, not vanish or reach a prototype.
    { given: JSON.parse('{"b":1,"__proto__":{"x":1}}'), want: '{"__proto__":{"x":1},"b":1}' },
  ])('$want', ({ given, want }) => {
    expect(canonicalJson(given)).toBe(want);
  });

  it.each([
    ['plain', 'URN 100000 / ADM-1'],
    ['quote and backslash', 'a"b\\c'],
    ['control characters', '\u0000\u0008\t\u001f'],
    ['a surrogate pair', 'x\u{1F600}y'],
    ['a lone high surrogate', 'x\ud800y'],
    ['a lone low surrogate', '\udfff'],
    ['line and paragraph separators, DEL', '\u2028\u2029\u007f'],
  ])('writes a string with %s as JSON.stringify does', (_, s) => {
    expect(canonicalJson(s)).toBe(JSON.stringify(s));
    expect(canonicalJson({ [s]: s })).toBe(`{${JSON.stringify(s)}:${JSON.stringify(s)}}`);
  });

  it('writes every string, as a value or a member name, as JSON.stringify does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(canonicalJson([s])).toBe(`[${JSON.stringify(s)}]`);
        expect(canonicalJson({ [s]: true })).toBe(`{${JSON.stringify(s)}:true}`);
      }),
    );
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });
});
