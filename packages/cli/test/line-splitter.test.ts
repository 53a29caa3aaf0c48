import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../src/input/line-splitter.js';
import { feedInChunks } from './support/feed.js';

type Event = { line: number; text?: string; oversize?: number; notUtf8?: true };

function split(bytes: Uint8Array, cuts: readonly number[] = [], max?: number): Event[] {
  const events: Event[] = [];
  const splitter = new LineSplitter(
    {
      line: (text, line) => events.push({ line, text }),
      oversize: (line, bytes) => events.push({ line, oversize: bytes }),
      notUtf8: (line) => events.push({ line, notUtf8: true }),
    },
    max,
  );
  feedInChunks(bytes, cuts, splitter);
  return events;
}

describe('LineSplitter', () => {
  it('reports a line that is not UTF-8 instead of decoding it lossily, wherever the chunks are cut', () => {
    // 0xC3 0x28: a two-byte lead followed by an ASCII byte; 0xED 0xA0 0x80: an encoded surrogate.
    const bytes = Buffer.concat([
      Buffer.from('{"a":"caf\u00e9"}\n'),
      Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d, 0x0a]),
      Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22, 0x0a]),
      Buffer.from('"é"\n'),
    ]);
    fc.assert(
      fc.property(fc.array(fc.nat(bytes.length), { maxLength: 8 }), (cuts) => {
        expect(split(bytes, cuts)).toEqual([
          { line: 1, text: '{"a":"caf\u00e9"}' },
          { line: 2, notUtf8: true },
          { line: 3, notUtf8: true },
          { line: 4, text: '"é"' },
        ]);
      }),
    );
  });

  const cases: { given: string; want: Event[] }[] = [
    { given: '', want: [] },
    { given: 'a', want: [{ line: 1, text: 'a' }] },
    { given: 'a\n', want: [{ line: 1, text: 'a' }] },
    {
      given: 'a\n\nb',
      want: [
        { line: 1, text: 'a' },
        { line: 2, text: '' },
        { line: 3, text: 'b' },
      ],
    },
    {
      given: 'crlf\r\nends\r\n',
      want: [
        { line: 1, text: 'crlf' },
        { line: 2, text: 'ends' },
      ],
    },
    { given: 'caf\u00e9 \u{1f600}\n', want: [{ line: 1, text: 'caf\u00e9 \u{1f600}' }] },
  ];
  it.each(cases)('splits $given', ({ given, want }) => {
    expect(split(Buffer.from(given))).toEqual(want);
  });

  it('reports a line over the limit once, with its number and size, and carries on', () => {
    const given = Buffer.from(`short\n${'x'.repeat(50)}\nafter\n`);
    expect(split(given, [8, 20, 40], 16)).toEqual([
      { line: 1, text: 'short' },
      { line: 2, oversize: 50 },
      { line: 3, text: 'after' },
    ]);
  });

  it('gives the same lines wherever the chunks are cut, multi-byte characters included', () => {
    const line = fc.string({ unit: 'binary', maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ' '));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 12 }), (lines, cuts) => {
        const bytes = Buffer.from(lines.map((l) => `${l}\n`).join(''));
        const want = lines.map((text, i) => ({ line: i + 1, text }));
        expect(split(bytes, cuts)).toEqual(want);
      }),
      { numRuns: 150 },
    );
  });
});
