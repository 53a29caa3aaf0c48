import { ageOn } from '@reuse-pref/resolver';
import { type EffectivePreference, LatestCatalogue } from '@reuse-pref/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EntryReader } from '../src/preferences/entry-reader.js';
import { type Detail, FLAGS, type IndexParameters } from '../src/preferences/index-entry.js';
import { ANSWERED, EXACTLY, NO_SUBJECT, readMemberRows } from '../src/preferences/member-rows.js';

const parameters: IndexParameters = { catalogue: LatestCatalogue, competenceAge: 12 };
const CODES = LatestCatalogue.purposes.map((p) => p.code);
const AS_OF = ['2020-06-01T00:00:00Z', '2026-11-30T00:00:00Z', '2031-03-01T12:00:00+01:00'];

/**
 * The reading this replaced (JSON.parse of the detail, a preference for every requested purpose), kept
 * here as the oracle: the text reader must give exactly its answer for any detail, plain or not.
 */
function oracle(
  detail: Detail,
  notShared: number,
  stated: number,
  dateOfBirth: string | null,
  asOf: string,
  purposes?: ReadonlySet<string>,
): EffectivePreference[] {
  const reviewDue = dateOfBirth === null || !(ageOn(dateOfBirth, asOf) < parameters.competenceAge);
  const out: EffectivePreference[] = [];
  parameters.catalogue.purposes.forEach((purpose, i) => {
    if (purposes && !purposes.has(purpose.code)) return;
    const d = detail.p[i] ?? null;
    const by = d !== null && d[1] >= 0 ? detail.by[d[1]] : undefined;
    const flagBits = (d?.[2] ?? 0) & (reviewDue ? ~0 : ~1);
    out.push({
      purpose: purpose.code,
      kind: purpose.kind,
      shared: (notShared & (1 << i)) === 0,
      value: (d?.[0] ?? null) as EffectivePreference['value'],
      default: (stated & (1 << i)) === 0,
      decidedBy: by?.[0] ?? null,
      decidedByRole: (by?.[1] ?? null) as EffectivePreference['decidedByRole'],
      expressedAt: by?.[2] ?? null,
      flags: FLAGS.filter((_, bit) => (flagBits & (1 << bit)) !== 0),
    });
  });
  return out;
}

/** Strings as the index holds them, and any others a store fed without validation could (quotes, escapes). */
const text = fc.oneof(
  fc.constantFrom('NOOB', 'DECL', 'OBJT', 'PAR', 'PUP', '2025-09-10T08:15:00Z', '', ']', '],"p":['),
  fc.uuid(),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

/** Strings with nothing JSON escapes: the details the reader reads in place. */
const plainText = fc.oneof(
  fc.constantFrom('NOOB', 'DECL', 'OBJT', 'PAR', 'PUP', '2025-09-10T08:15:00Z', '', ']', '],"p":[', 'null'),
  fc.uuid(),
);

/** A detail as indexEntry writes one, over the given strings, with deciders out of range now and then. */
const detailOf = (strings: fc.Arbitrary<string>): fc.Arbitrary<Detail> =>
  fc.array(fc.tuple(strings, strings, strings), { maxLength: 3 }).chain((by) =>
    fc.record({
      by: fc.constant(by),
      p: fc.array(
        fc.option(
          fc.tuple(fc.option(strings, { nil: null }), fc.integer({ min: -1, max: by.length }), fc.nat(15)),
          { nil: null },
        ),
        { maxLength: CODES.length + 1 },
      ),
    }),
  ) as fc.Arbitrary<Detail>;

const purposesArb = fc.option(fc.uniqueArray(fc.constantFrom(...CODES), { maxLength: 4 }), {
  nil: undefined,
});

describe('EntryReader: an index row read from its text', () => {
  it.each([
    ['any strings', text],
    ['strings without escapes (read in place)', plainText],
  ])(
    'gives what parsing the detail as JSON gives, for any detail, birth date and purposes asked for: %s',
    (_, strings) => {
      fc.assert(
        fc.property(
          detailOf(strings),
          fc.nat(),
          fc.nat(),
          fc.option(fc.constantFrom('2010-02-28', '2012-06-01', '2018-03-14'), { nil: null }),
          fc.constantFrom(...AS_OF),
          purposesArb,
          fc.string({ maxLength: 5 }),
          (detail, notShared, stated, dateOfBirth, asOf, codes, before) => {
            const purposes = codes && new Set(codes);
            const reader = new EntryReader(parameters, asOf, purposes);
            // The row lies somewhere inside a larger text, as in a batch's answer.
            const birth = JSON.stringify(dateOfBirth);
            const detailText = JSON.stringify(detail);
            const line = `${before}\t${birth}\t${detailText}\n`;
            const birthStart = before.length + 1;
            const detailStart = birthStart + birth.length + 1;
            const want = oracle(detail, notShared, stated, dateOfBirth, asOf, purposes);
            const read = (plain: boolean) =>
              reader.read(
                line,
                plain,
                notShared,
                stated,
                birthStart,
                birthStart + birth.length,
                detailStart,
                detailStart + detailText.length,
              );
            // Read in place when there is no backslash, parsed when there is: the same answer either way,
            // and again on a second read (shared objects are not changed by being handed out).
            expect(read(!line.includes('\\'))).toEqual(want);
            expect(read(false)).toEqual(want);
            expect(read(!line.includes('\\'))).toEqual(want);
          },
        ),
        { numRuns: 400 },
      );
    },
  );

  it('reads a row as indexEntry writes it, and hands out flag lists and undecided preferences that refuse changes', () => {
    const detail: Detail = {
      by: [['00000000-0000-4100-8000-000000000001', 'PAR', '2025-09-10T08:15:00Z']],
      p: [null, ['NOOB', 0, 1], null, ['DECL', 0, 0]],
    };
    const line = `"2018-03-14"\t${JSON.stringify(detail)}`;
    const reader = new EntryReader(parameters, '2031-06-01T00:00:00Z');
    const got = reader.read(line, true, 0b1000, 0b1010, 0, 12, 13, line.length);
    expect(got).toEqual(oracle(detail, 0b1000, 0b1010, '2018-03-14', '2031-06-01T00:00:00Z'));
    expect(got[1]!.flags).toEqual(['review-due']);
    expect(() => got[1]!.flags.push('parents-disagree')).toThrow(TypeError);
    expect(() => {
      (got[0] as { shared: boolean }).shared = false;
    }).toThrow(TypeError);
  });
});

describe('readMemberRows: a batch answer text', () => {
  const detail = '{"by":[],"p":[]}';
  const row = (place: number, subject: number, settledFrom = 1000, d = detail) =>
    `${place}\t${subject}\t${settledFrom}\t5\t6\t"2012-01-01"\t${d}`;

  it('answers a member from its one subject row, in any line order, the same subject twice once', () => {
    const lines = [
      row(3, 7), // member 1's ULN
      `4\t8`, // member 2: a subject without a row
      row(2, 7), // member 1's UPN, the same subject
      row(0, 9, 5000), // member 0: its row holds only from 5000
      row(10, 11, -5), // member 5
      row(12, 13, 1000, ''), // member 6: the resolver refused the history
      row(14, 15), // member 7's UPN ...
      row(15, 16), // ... and its ULN naming another subject
      row(17, 18), // member 8's ULN ...
      row(16, 19), // ... and its UPN naming another subject, read after it
    ];
    for (const order of [lines, [...lines].reverse()]) {
      const rows = readMemberRows(order.join('\n'), 9, 2000);
      expect([...rows.answer]).toEqual([
        EXACTLY,
        ANSWERED,
        EXACTLY,
        NO_SUBJECT,
        NO_SUBJECT,
        ANSWERED,
        EXACTLY,
        EXACTLY,
        EXACTLY,
      ]);
      expect(Object.fromEntries(rows.subjectsOf)).toEqual({
        0: [9],
        2: [8],
        6: [13],
        7: [15, 16],
        8: [19, 18],
      });
      const text = rows.text;
      expect([rows.notShared[1], rows.stated[1]]).toEqual([5, 6]);
      expect(text.slice(rows.birthStart[1], rows.birthEnd[1])).toBe('"2012-01-01"');
      expect(text.slice(rows.detailStart[5], rows.detailEnd[5])).toBe(detail);
      expect(rows.plain[1]).toBe(1);
    }
  });

  it('marks a row with a backslash as not plain, and only that row', () => {
    const rows = readMemberRows(
      [row(0, 1), row(2, 3, 1000, '{"by":[["a\\"b","PAR","x"]],"p":[]}')].join('\n'),
      2,
      2000,
    );
    expect([...rows.plain]).toEqual([1, 0]);
  });

  it('reads an empty answer as no member found', () => {
    const rows = readMemberRows('', 3, 0);
    expect([...rows.answer]).toEqual([NO_SUBJECT, NO_SUBJECT, NO_SUBJECT]);
  });

  it('refuses a text that is not an answer rather than reading it as one', () => {
    expect(() => readMemberRows('x\t1', 1, 0)).toThrow(RangeError);
    expect(() => readMemberRows('4\t1', 2, 0)).toThrow(RangeError);
    expect(() => readMemberRows('0\t1\t5\t0\t0\t"2012-01-01"', 1, 0)).toThrow(RangeError);
  });
});
