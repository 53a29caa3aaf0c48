import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordReader, type SourceRecord } from '../src/input/record-reader.js';
import { feedInChunks } from './support/feed.js';

type Brief = { line: number; value?: unknown; rule?: string };

function read(source: string | Buffer, cuts: readonly number[] = [], max?: number) {
  const records: SourceRecord[] = [];
  const reader = new RecordReader((r) => records.push(r), max);
  feedInChunks(typeof source === 'string' ? Buffer.from(source) : source, cuts, reader);
  const brief: Brief[] = records.map((r) =>
    r.kind === 'value' ? { line: r.line, value: r.value } : { line: r.line, rule: r.rule },
  );
  return { brief, records, form: reader.form };
}

describe('RecordReader', () => {
  const cases: { name: string; given: string; form: string | undefined; want: Brief[] }[] = [
    { name: 'empty input', given: '', form: undefined, want: [] },
    { name: 'whitespace only', given: ' \n\n ', form: undefined, want: [] },
    { name: 'one compact statement', given: '{"a":1}', form: 'ndjson', want: [{ line: 1, value: { a: 1 } }] },
    {
      name: 'one pretty-printed statement after blank lines',
      given: '\n\n{\n  "a": {\n    "b": [1, 2]\n  }\n}\n',
      form: 'ndjson',
      want: [{ line: 3, value: { a: { b: [1, 2] } } }],
    },
    {
      name: 'NDJSON with blank lines, CRLF and a byte order mark',
      given: '\ufeff{"a":1}\r\n\r\n{"a":2}\r\n',
      form: 'ndjson',
      want: [
        { line: 1, value: { a: 1 } },
        { line: 3, value: { a: 2 } },
      ],
    },
    {
      name: 'NDJSON with broken lines in between',
      given: '{"a":1}\nnot json\n{"a":\n{"a":3}\n}\n{"a": "open\n{"a":6}\n{"a":7',
      form: 'ndjson',
      want: [
        { line: 1, value: { a: 1 } },
        { line: 2, rule: 'json-syntax' },
        { line: 3, rule: 'json-syntax' },
        { line: 4, value: { a: 3 } },
        { line: 5, rule: 'json-syntax' },
        { line: 6, rule: 'json-syntax' },
        { line: 7, value: { a: 6 } },
        { line: 8, rule: 'json-syntax' },
      ],
    },
    {
      name: 'a JSON array, one element broken',
      given: '[\n{"a":1},\n{"a":},\n{"a":3}\n]',
      form: 'array',
      want: [
        { line: 2, value: { a: 1 } },
        { line: 3, rule: 'json-syntax' },
        { line: 4, value: { a: 3 } },
      ],
    },
    {
      name: 'an array after leading blank lines and a byte order mark',
      given: '\ufeff\n\n[{"a":1}]',
      form: 'array',
      want: [{ line: 3, value: { a: 1 } }],
    },
  ];
  it.each(cases)('$name', ({ given, form, want }) => {
    const got = read(given);
    expect(got.brief).toEqual(want);
    expect(got.form).toBe(form);
  });

  it('lets an unclosed line swallow what follows, up to the next line starting with {', () => {
    expect(read('{"a":1}\n{"a":\nnope\n  "more"\n{"a":4}\n').brief).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 2, rule: 'json-syntax' },
      { line: 5, value: { a: 4 } },
    ]);
  });

  it('says why a line is broken', () => {
    const { records } = read('{"a":1}\n{"a" 1}\n');
    expect(records[1]).toMatchObject({ kind: 'broken', line: 2, rule: 'json-syntax' });
    expect((records[1] as { message: string }).message).toMatch(/^invalid JSON: /);
  });

  it('reports a record over the size limit as record-too-large, in either form', () => {
    const big = JSON.stringify({ grounds: 'x'.repeat(200) });
    expect(read(`${big}\n{"a":1}\n`, [], 100).brief).toEqual([
      { line: 1, rule: 'record-too-large' },
      { line: 2, value: { a: 1 } },
    ]);
    expect(read(`[${big},\n{"a":1}]`, [], 100).brief).toEqual([
      { line: 1, rule: 'record-too-large' },
      { line: 2, value: { a: 1 } },
    ]);
  });

  const record = fc.dictionary(fc.string({ unit: 'binary', maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), {
    maxKeys: 5,
  });
  const brokenLine = fc.constantFrom('{"a":', 'nope', '}', '{"s": "unterminated', '[1,', '{"a" 1}');
  const opensDocument = (line: unknown) => line === '{"a":' || line === '[1,';

  it('finds the same records and the same broken line numbers wherever the chunks are cut', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(record, brokenLine), { minLength: 1, maxLength: 25 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (generated, cuts) => {
          // A line that opens a value swallows the lines after it up to the next record line: that is the
          // multi-line document rule. Here an opener is always followed by a record, so each broken line
          // stands alone.
          const items = generated.map((item, i) =>
            opensDocument(item) && typeof generated[i + 1] === 'string' ? 'nope' : item,
          );
          // An NDJSON file must not open with `[`, which would make it an array.
          const lines = [
            '{"first":true}',
            ...items.map((i) => (typeof i === 'string' ? i : JSON.stringify(i))),
          ];
          const want: Brief[] = lines.map((text, i) =>
            typeof items[i - 1] === 'string'
              ? { line: i + 1, rule: 'json-syntax' }
              : { line: i + 1, value: JSON.parse(text) },
          );
          expect(read(lines.join('\n'), cuts).brief).toEqual(want);
        },
      ),
      { numRuns: 150 },
    );
  });
});
