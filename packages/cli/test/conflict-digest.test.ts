import { conflictKey } from '@reuse-pref/resolver';
import type { Statement } from '@reuse-pref/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conflictDigest } from '../src/validate/conflict-digest.js';

// conflictDigest stands in for conflictKey where millions of statements must be remembered (reuse-pref
// validate's id table). It must agree with the key exactly: equal keys give equal digests, and different
// keys different digests. Values are drawn from small pools, with odd ones a JSON reader can produce, so
// that equal keys are common and every way two keys can differ is tried.

const maybe = <T>(...values: T[]) => fc.constantFrom<(T | undefined | null)[]>(...values, undefined, null);
// Texts two code units apart in length, or ending in U+0000, test the digest's pairing of code units;
// whole numbers hash as words and others as text (5 and 5.0 are one number, -0 writes 0).
const ODD_VALUES: unknown[] = [
  'A',
  'A\u0000',
  'AB',
  'AB\u0000',
  '',
  '1',
  1,
  1.5,
  -0,
  0,
  2 ** 53,
  7,
  2 ** 40 + 7,
  -7,
  -(2 ** 40) - 7,
  1e300,
  false,
  null,
  undefined,
  ['A'],
  { A: 1 },
];
const choice = fc.oneof(
  fc.record({
    purpose: fc.constantFrom<unknown>('STAT', 'LINK', 'A=B', 'A', 7, null),
    value: fc.constantFrom<unknown>('OBJT', 'NOOB', 'B=C', 'C', true, { x: 1 }),
    grounds: fc.constantFrom(undefined, 'because', ''),
  }),
  fc.constantFrom<unknown>('?', 3, null, ['STAT', 'OBJT']),
);
const statement = fc.record({
  id: fc.constant('00000000-0000-4000-8000-000000000001'),
  subject: fc.oneof(
    fc.record({
      upn: maybe('B801200005001', 'A'),
      uln: maybe('1234567899'),
      localId: maybe<unknown>('L1', 1),
      dateOfBirth: maybe('2015-03-14'),
    }),
    fc.constantFrom<unknown>(undefined, 'B801200005001', ['x']),
  ),
  expressedBy: fc.oneof(
    fc.record({ role: maybe('PAR', 'PUP'), personRef: maybe('C-1', 'C-2') }),
    fc.constant(undefined),
  ),
  competenceBasis: maybe('NA', 'PR12'),
  expressedAt: fc.constantFrom<unknown>(
    '2026-09-03T08:15:00Z',
    '2026-09-03T09:15:00+01:00',
    '2026-09-03T08:15:00.000Z',
    '2026-09-03T08:15:00.0004Z',
    '2026-09-03T08:15:00.00040Z',
    'not a time',
    1788423300000,
    undefined,
  ),
  catalogueVersion: fc.constantFrom<unknown>('1', 1, '2', undefined),
  recordedAt: fc.constantFrom('2026-09-04T10:02:11Z', '2026-10-01T09:00:00Z'),
  channel: fc.constantFrom('PAPR', 'CTFI'),
  choices: fc.oneof(fc.array(choice, { maxLength: 5 }), fc.constantFrom<unknown>(undefined, 'STAT=OBJT')),
});

describe('conflictDigest', () => {
  it('is equal exactly when conflictKey is equal', () => {
    fc.assert(
      fc.property(statement, statement, (a, b) => {
        const [x, y] = [a, b] as unknown as Statement[];
        expect(conflictDigest(x!) === conflictDigest(y!)).toBe(conflictKey(x!) === conflictKey(y!));
      }),
      { numRuns: 20_000 },
    );
  });

  // Two random statements rarely differ in one field only, which is where a digest that drops part of a
  // value would show: here the second is the first with one decision field set to another value.
  it('tells apart, or not, exactly as the key does when one field changes', () => {
    const paths = [
      ['subject', 'upn'],
      ['subject', 'uln'],
      ['subject', 'localId'],
      ['subject', 'dateOfBirth'],
      ['expressedBy', 'role'],
      ['expressedBy', 'personRef'],
      ['competenceBasis'],
      ['catalogueVersion'],
      ['choices', 0, 'purpose'],
      ['choices', 0, 'value'],
    ] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.constantFrom(...ODD_VALUES),
        fc.constantFrom(...ODD_VALUES),
        (path, from, to) => {
          const base = (v: unknown) => {
            const s: Record<string, unknown> = {
              subject: { upn: 'B801200005001' },
              expressedBy: { role: 'PAR' },
              expressedAt: '2026-09-03T08:15:00Z',
              choices: [
                { purpose: 'STAT', value: 'OBJT' },
                { purpose: 'LINK', value: 'NOOB' },
              ],
            };
            let at: Record<string | number, unknown> = s;
            for (const step of path.slice(0, -1)) at = at[step] as Record<string | number, unknown>;
            at[path[path.length - 1]!] = v;
            return s as unknown as Statement;
          };
          const [x, y] = [base(from), base(to)];
          expect(conflictDigest(x) === conflictDigest(y)).toBe(conflictKey(x) === conflictKey(y));
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('does not change when only the recording or the order of the choices changes', () => {
    fc.assert(
      fc.property(statement, fc.array(fc.double(), { minLength: 5, maxLength: 5 }), (a, keys) => {
        const choices = Array.isArray(a.choices)
          ? a.choices
              .map((c, i) => ({ c, k: keys[i]! }))
              .sort((p, q) => p.k - q.k)
              .map((p) => p.c)
          : a.choices;
        const copy = {
          ...a,
          recordedAt: '2027-01-01T00:00:00Z',
          channel: 'CTFI',
          choices,
        } as unknown as Statement;
        expect(conflictKey(copy)).toBe(conflictKey(a as unknown as Statement));
        expect(conflictDigest(copy)).toBe(conflictDigest(a as unknown as Statement));
      }),
      { numRuns: 5_000 },
    );
  });

  it('is a whole number below 2^53', () => {
    fc.assert(
      fc.property(statement, (a) => {
        const d = conflictDigest(a as unknown as Statement);
        expect(Number.isSafeInteger(d) && d >= 0).toBe(true);
      }),
    );
  });
});
