import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArraySplitter } from '../src/input/array-splitter.js';
import { feedInChunks } from './support/feed.js';

type Event = { line: number; text?: string; broken?: string; oversize?: number; notUtf8?: true };

function split(source: string | Buffer, cuts: readonly number[] = [], max?: number): Event[] {
  const events: Event[] = [];
  const splitter = new ArraySplitter(
    {
      element: (text, line) => events.push({ line, text }),
      broken: (line, message) => events.push({ line, broken: message }),
      oversize: (line, bytes) => events.push({ line, oversize: bytes }),
      notUtf8: (line) => events.push({ line, notUtf8: true }),
    },
    max,
  );
  feedInChunks(typeof source === 'string' ? Buffer.from(source) : source, cuts, splitter);
  return events;
}

describe('ArraySplitter', () => {
  it('reports an element that is not UTF-8 instead of decoding it lossily, wherever the chunks are cut', () => {
    const bytes = Buffer.concat([
      Buffer.from('[{"a":"é"},\n"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('",\n"ok"]'),
    ]);
    fc.assert(
      fc.property(fc.array(fc.nat(bytes.length), { maxLength: 8 }), (cuts) => {
        expect(split(bytes, cuts)).toEqual([
          { line: 1, text: '{"a":"é"}' },
          { line: 2, notUtf8: true },
          { line: 3, text: '"ok"' },
        ]);
      }),
    );
  });

  const cases: { name: string; given: string; want: Event[] }[] = [
    { name: 'empty array', given: '[]', want: [] },
    { name: 'empty array with spaces', given: ' [ \n ] \n', want: [] },
    {
      name: 'objects, scalars and nested brackets inside strings',
      given: '[{"a":"]}"},\n 12 ,"x\\"]" , true,[1,[2]]]',
      want: [
        { line: 1, text: '{"a":"]}"}' },
        { line: 2, text: '12' },
        { line: 2, text: '"x\\"]"' },
        { line: 2, text: 'true' },
        { line: 2, text: '[1,[2]]' },
      ],
    },
    {
      name: 'pretty-printed elements keep the line they start on',
      given: '[\n  {\n    "a": 1\n  },\n  {\n    "b": 2\n  }\n]\n',
      want: [
        { line: 2, text: '{\n    "a": 1\n  }' },
        { line: 5, text: '{\n    "b": 2\n  }' },
      ],
    },
    {
      name: 'empty element and trailing comma',
      given: '[1,,2,]',
      want: [
        { line: 1, text: '1' },
        { line: 1, broken: "empty array element (',' with no value before it)" },
        { line: 1, text: '2' },
        { line: 1, broken: "trailing ',' before the closing ]" },
      ],
    },
    {
      name: 'missing comma',
      given: '[{}\n{}]',
      want: [
        { line: 1, text: '{}' },
        { line: 2, broken: "expected ',' or ] between array elements" },
        { line: 2, text: '{}' },
      ],
    },
    {
      name: 'missing closing bracket',
      given: '[{},\n{"a":',
      want: [
        { line: 1, text: '{}' },
        { line: 2, broken: 'unexpected end of input inside this element' },
        { line: 2, broken: 'unexpected end of input: the array has no closing ]' },
      ],
    },
    {
      name: 'content after the array',
      given: '[1]\n[2]',
      want: [
        { line: 1, text: '1' },
        { line: 2, broken: 'unexpected content after the closing ] of the array' },
      ],
    },
  ];
  it.each(cases)('$name', ({ given, want }) => {
    expect(split(given)).toEqual(want);
  });

  it('reports an element over the limit once and carries on with the next', () => {
    const big = JSON.stringify({ grounds: 'x'.repeat(100) });
    expect(split(`[${big},\n{"ok":1}]`, [5, 50, 90], 64)).toEqual([
      { line: 1, oversize: big.length },
      { line: 2, text: '{"ok":1}' },
    ]);
  });

  it('gives the same elements wherever the chunks are cut, compact or pretty-printed', () => {
    const value = fc.jsonValue({ stringUnit: 'binary', maxDepth: 3 });
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 15 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 12 }),
        (values, pretty, cuts) => {
          const source = JSON.stringify(values, null, pretty ? 2 : undefined);
          const whole = split(source);
          expect(whole.map((e) => JSON.parse(e.text!))).toEqual(JSON.parse(source));
          expect(split(source, cuts)).toEqual(whole);
        },
      ),
      { numRuns: 150 },
    );
  });
});
