import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../src/input/line-splitter.js';
import { feedInChunks } from './support/feed.js';

type Event = { line: number; text?: string; oversize?: number };

function split(bytes: Uint8Array, cuts: readonly number[] = [], max?: number): Event[] {
  const events: Event[] = [];
  const splitter = new LineSplitter(
    {
      line: (text, line) => events.push({ line, text }),
      oversize: (line, bytes) => events.push({ line, oversize: bytes }),
    },
    max,
  );
  feedInChunks(bytes, cuts, splitter);
  return events;
}

describe('LineSplitter', () => {
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
