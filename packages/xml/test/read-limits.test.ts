import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CarriedItem,
  DEFAULT_READ_LIMITS,
  type ReadLimits,
  readCarriedXml,
  XmlCarriageError,
  xmlToStatements,
} from '../src/index.js';
import { repoRoot } from './statement-check.js';

// The reader holds one pupil at a time, and now no more than its limits of that: these pin what happens
// at each limit, and that the outcome never depends on where the file's chunks were cut.

const ctf: string = JSON.parse(
  readFileSync(join(repoRoot, 'conformance/vectors/v1/xml/must/reading.json'), 'utf8'),
)[0].tests[0].xml;
const pupilStart = ctf.indexOf('    <Pupil>');
const pupilEnd = ctf.indexOf('  </CTFpupilData>');
const pupil = ctf.slice(pupilStart, pupilEnd);
const withPupils = (...pupils: string[]) => ctf.slice(0, pupilStart) + pupils.join('') + ctf.slice(pupilEnd);
const fatSurname = (length: number) =>
  pupil.replace('<Surname>Jones</Surname>', `<Surname>${'x'.repeat(length)}</Surname>`);

function cut(text: string, offsets: number[]): string[] {
  const points = [...new Set(offsets.map((o) => o % (text.length + 1)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let from = 0;
  for (const p of points) {
    parts.push(text.slice(from, p));
    from = p;
  }
  parts.push(text.slice(from));
  return parts;
}

async function read(xml: string | string[], limits: Partial<ReadLimits>): Promise<CarriedItem[]> {
  const out: CarriedItem[] = [];
  for await (const item of readCarriedXml(xml, { limits })) out.push(item);
  return out;
}

const summary = (items: CarriedItem[]) =>
  items.map((i) =>
    i.kind === 'error' ? `error <${i.error.element}> ${i.error.line}: ${i.error.reason}` : i.kind,
  );

describe('maxElementLength', () => {
  const limits = { maxElementLength: pupil.length + 500 };
  const xml = withPupils(pupil, fatSurname(1000), pupil);
  const secondLine = xml.slice(0, xml.indexOf('<Pupil>', xml.indexOf('<Pupil>') + 1)).split('\n').length;

  it('passes over a pupil longer than the limit with one located error and reads the next', async () => {
    expect(summary(await read(xml, limits))).toEqual([
      'header',
      'pupil',
      `error <Pupil> ${secondLine}: longer than ${limits.maxElementLength} characters (the reader's maxElementLength), so not read`,
      'pupil',
    ]);
  });

  it('gives the same items wherever the chunks are cut', async () => {
    const whole = summary(await read(xml, limits));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 30 }), async (offsets) => {
        expect(summary(await read(cut(xml, offsets), limits))).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });

  it('reads a pupil exactly at the limit', async () => {
    const items = await read(withPupils(pupil), { maxElementLength: pupil.trimStart().trimEnd().length });
    expect(summary(items)).toEqual(['header', 'pupil']);
  });

  it('throws from xmlToStatements, naming the element', () => {
    expect(() => xmlToStatements(xml, { limits })).toThrow(
      expect.objectContaining({ element: 'Pupil', line: secondLine }),
    );
  });
});

describe('maxTextLength', () => {
  it('refuses a text node longer than the limit inside a pupil, naming its element', async () => {
    const items = await read(withPupils(fatSurname(2000), pupil), { maxTextLength: 1999 });
    expect(summary(items).slice(1)).toEqual([
      `error <Surname> ${ctf.slice(0, ctf.indexOf('<Surname>')).split('\n').length}: a text or attribute value longer than 1999 characters (the reader's maxTextLength)`,
      'pupil',
    ]);
    expect(summary(await read(withPupils(fatSurname(1999)), { maxTextLength: 1999 }))).toEqual([
      'header',
      'pupil',
    ]);
  });

  it('counts an attribute value as text', async () => {
    const long = pupil.replace(
      '<ReusePreferences Version="1.1">',
      `<ReusePreferences Version="1.1" Note="${'n'.repeat(300)}">`,
    );
    const [, item] = await read(withPupils(long), { maxTextLength: 299 });
    expect(item).toMatchObject({ kind: 'error', error: { element: 'ReusePreferences' } });
  });
});

describe('maxMarkupLength', () => {
  it('stops the file at a comment, tag or attribute outside the pupils longer than the limit', async () => {
    const comment = ctf.replace('<CTFpupilData>', `<!--${'c'.repeat(5000)}--><CTFpupilData>`);
    const tag = ctf.replace('<CTFpupilData>', `<CTFpupilData Note="${'a'.repeat(5000)}">`);
    for (const xml of [comment, tag]) {
      const whole = summary(await read(xml, { maxMarkupLength: 4096 }));
      expect(whole).toEqual([
        'header',
        expect.stringMatching(
          /^error <\?> \d+: markup longer than 4096 characters \(the reader's maxMarkupLength\)$/,
        ),
      ]);
      expect(summary(await read(cut(xml, [100, 700, 3000, 5200]), { maxMarkupLength: 4096 }))).toEqual(whole);
      expect(summary(await read(xml, { maxMarkupLength: 5100 }))).toEqual(['header', 'pupil']);
    }
  });

  it('stops a tag that never closes without holding the rest of the file', async () => {
    async function* endless() {
      yield '<CTfile><CTFpupilData Note="';
      for (let i = 0; i < 1000; i++) yield 'z'.repeat(1024);
    }
    const items: CarriedItem[] = [];
    for await (const item of readCarriedXml(endless(), { limits: { maxMarkupLength: 64 * 1024 } }))
      items.push(item);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'error', error: { element: '?', line: 1, column: 9 } });
  });
});

describe('limits given', () => {
  it('defaults to 16 MiB elements and 1 MiB text and markup', () => {
    expect(DEFAULT_READ_LIMITS).toEqual({
      maxElementLength: 16 * 1024 * 1024,
      maxTextLength: 1024 * 1024,
      maxMarkupLength: 1024 * 1024,
    });
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a limit of %s, naming it', (value) => {
    expect(() => xmlToStatements(ctf, { limits: { maxTextLength: value } })).toThrow(
      /read limit maxTextLength must be a positive whole number/,
    );
  });

  it('is an XmlCarriageError that names the element, as every reading error is', async () => {
    const [, error] = await read(withPupils(fatSurname(100)), { maxElementLength: 50 });
    expect(error?.kind === 'error' && error.error).toBeInstanceOf(XmlCarriageError);
  });
});
