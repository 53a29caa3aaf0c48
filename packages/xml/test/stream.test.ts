import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Statement } from '@reuse-pref/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CarriedItem,
  censusDocument,
  ctfDocument,
  type PupilOut,
  readCarriedXml,
  readStatementsFromXml,
  xmlToStatements,
} from '../src/index.js';
import { statement } from './arbitraries.js';
import { repoRoot } from './statement-check.js';

/** Cuts bytes at the given offsets: boundaries fall inside tags, entities and multi-byte characters. */
function cut(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const points = [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const p of points) {
    parts.push(bytes.subarray(from, p));
    from = p;
  }
  parts.push(bytes.subarray(from));
  return parts;
}

async function collect(source: Parameters<typeof readCarriedXml>[0]): Promise<CarriedItem[]> {
  const out: CarriedItem[] = [];
  for await (const item of readCarriedXml(source)) out.push(item);
  return out;
}

/** Line and column of every `<Statement>` start tag, found the slow, obvious way. */
function statementPositions(xml: string): { line: number; column: number }[] {
  const out: { line: number; column: number }[] = [];
  for (let i = xml.indexOf('<Statement>'); i !== -1; i = xml.indexOf('<Statement>', i + 1)) {
    const before = xml.slice(0, i).split('\n');
    out.push({ line: before.length, column: before.at(-1)!.length + 1 });
  }
  return out;
}

const pupils = fc.array(
  fc.record({ upn: fc.constant('B801200005001'), statements: fc.array(statement, { maxLength: 3 }) }),
  { minLength: 1, maxLength: 5 },
);

const header = { dateTime: '2026-07-20T14:32:10', source: { lea: '801', estab: '2000', urn: '100000' } };

describe('streaming reader', () => {
  it('reads the same pupils and statements wherever the chunk boundaries fall', async () => {
    await fc.assert(
      fc.asyncProperty(pupils, fc.array(fc.nat(), { maxLength: 40 }), async (ps: PupilOut[], offsets) => {
        const xml = [...ctfDocument(header, ps)].join('');
        const items = await collect(cut(new TextEncoder().encode(xml), offsets));
        expect(items.filter((i) => i.kind === 'error')).toEqual([]);
        const read = items.flatMap((i) => (i.kind === 'pupil' ? [i] : []));
        expect(read.map((p) => p.statements.map((s) => s.value))).toStrictEqual(
          JSON.parse(JSON.stringify(ps.map((p) => p.statements))),
        );
        expect(read.flatMap((p) => p.statements.map(({ line, column }) => ({ line, column })))).toEqual(
          statementPositions(xml),
        );
      }),
      { numRuns: 100 },
    );
  });

  const tricky = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE CTfile>
<CTfile>
  <!-- a <Pupil> inside a comment is not a pupil -->
  <Header><DocumentName>Common Transfer File</DocumentName><CTFversion>26.0</CTFversion>
    <DateTime>2026-07-20T14:32:10</DateTime>
    <SourceSchool><LEA>801</LEA><Estab>2000</Estab><URN>100000</URN><SchoolName>St Mary's &amp; St John's</SchoolName></SourceSchool>
    <DestSchool><LEA>802</LEA><Estab>4001</Estab></DestSchool></Header>
  <CTFpupilData>
    <Pupil>
      <UPN>B801200005001</UPN>
      <Note kind="a > b"><![CDATA[</Pupil> inside CDATA]]></Note>
      <Pupil-ish/>
      <ReusePreferences Version="1.1"/>
    </Pupil>
    <Pupil><UPN>A801200005001</UPN></Pupil>
  </CTFpupilData>
</CTfile>`;

  it.each([1, 2, 3, 7, 64])(
    'is not fooled by comments, CDATA and quoted ">" in %i-character chunks',
    async (size) => {
      const chunks: string[] = [];
      for (let i = 0; i < tricky.length; i += size) chunks.push(tricky.slice(i, i + size));
      const items = await collect(chunks);
      expect(
        items.map((i) => (i.kind === 'pupil' ? `${i.kind} ${i.upn} ${i.line}:${i.column}` : i.kind)),
      ).toEqual(['header', 'pupil B801200005001 10:5', 'pupil A801200005001 16:5']);
      const head = items[0]!;
      expect(head.kind === 'header' && head.header).toEqual({
        kind: 'ctf',
        documentName: 'Common Transfer File',
        ctfVersion: '26.0',
        dateTime: '2026-07-20T14:32:10',
        source: { lea: '801', estab: '2000', urn: '100000', name: "St Mary's & St John's" },
        destination: { lea: '802', estab: '4001' },
      });
    },
  );

  it('reads census pupils on roll and the census header', async () => {
    const s = fc.sample(statement, { numRuns: 1, seed: 7 })[0]! as Statement;
    const xml = [
      ...censusDocument(
        {
          dateTime: '2026-10-01T09:00:00',
          referenceDate: '2026-10-01',
          term: 'AUT',
          year: '2026',
          source: { lea: '801', estab: '2000' },
        },
        [{ upn: 'B801200005001', statements: [s] }],
      ),
    ].join('');
    const items = await collect([xml]);
    expect(items.map((i) => i.kind)).toEqual(['header', 'pupil']);
    expect(items[0]!.kind === 'header' && items[0]!.header).toMatchObject({
      kind: 'census',
      referenceDate: '2026-10-01',
      source: { lea: '801', estab: '2000' },
    });
    expect(items[1]!.kind === 'pupil' && items[1]!.element).toBe('PupilOnRoll');
    expect(xmlToStatements(xml)).toStrictEqual(JSON.parse(JSON.stringify([s])));
  });

  it('goes on past a broken pupil and reports it where it is', async () => {
    const xml = `<CTfile><CTFpupilData>
  <Pupil><UPN>B801200005001</UPN><ReusePreferences Version="1.1"><Statement></Wrong></ReusePreferences></Pupil>
  <Pupil><UPN>A801200005001</UPN></Pupil>
</CTFpupilData></CTfile>`;
    const items = await collect(xml);
    expect(items.map((i) => i.kind)).toEqual(['error', 'pupil']);
    const error = items[0]!.kind === 'error' ? items[0]!.error : undefined;
    expect(error).toMatchObject({ line: 2, column: 77, element: 'Wrong' });
  });

  const unreadable: { why: string; given: Uint8Array[]; element: string; line: number }[] = [
    {
      why: 'bytes that are not UTF-8',
      given: [new TextEncoder().encode('<CTfile>\n  <Header>'), Uint8Array.of(0xff, 0xfe, 0x3c)],
      element: '?',
      line: 2,
    },
    {
      why: 'a file of text with no element',
      given: [new TextEncoder().encode('not xml\n')],
      element: '?',
      line: 1,
    },
    {
      why: 'a file with no element at all',
      given: [new TextEncoder().encode('  \n')],
      element: '?',
      line: 2,
    },
    {
      why: 'an unclosed root',
      given: [new TextEncoder().encode('<CTfile>\n<CTFpupilData>\n')],
      element: 'CTFpupilData',
      line: 3,
    },
  ];
  it.each(unreadable)('reports $why as one located error and stops', async ({ given, element, line }) => {
    const items = await collect(given);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'error', error: { element, line } });
  });

  it('yields the same items and errors, in file order, for every error vector wherever the chunks fall', async () => {
    const vectors = JSON.parse(
      readFileSync(join(repoRoot, 'conformance/vectors/v1/xml/must/errors.json'), 'utf8'),
    ) as { tests: { xml: string }[] }[];
    const files = vectors.flatMap((c) => c.tests.map((t) => t.xml));
    const shape = (items: CarriedItem[]) =>
      items.map((i) => (i.kind === 'error' ? { ...i.error.toJSON() } : { kind: i.kind, line: i.line }));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...files),
        fc.array(fc.nat(), { maxLength: 20 }),
        async (xml, offsets) => {
          const whole = shape(await collect(xml));
          expect(whole.at(-1)).toHaveProperty('message');
          expect(shape(await collect(cut(new TextEncoder().encode(xml), offsets)))).toEqual(whole);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('hands validate one item per statement, with its line', async () => {
    const [a, b] = fc.sample(statement, { numRuns: 2, seed: 11 }) as Statement[];
    const xml = [...ctfDocument(header, [{ statements: [a!] }, { statements: [b!] }])].join('');
    const seen: { line: number; ok: boolean }[] = [];
    for await (const item of readStatementsFromXml(Readable(xml)))
      seen.push({ line: item.line, ok: 'value' in item });
    expect(seen).toEqual(statementPositions(xml).map((p) => ({ line: p.line, ok: true })));
  });
});

/** A byte stream the way Node hands a file to a reader: Buffers of 16 KiB. */
async function* Readable(text: string): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += 16_384) yield bytes.subarray(i, i + 16_384);
}
