import { readFileSync } from 'node:fs';
import type { Statement } from '@reuse-pref/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolve } from '../src/index.js';

const example = JSON.parse(
  readFileSync(new URL('../../../spec/v1/examples/statement.json', import.meta.url), 'utf8'),
) as Statement;

// Small pools so that generated histories are full of the hard cases: repeated ids in both cases,
// equal instants written in different offsets, people named like prototype members, NFC/NFD twins.
const ids = [
  'aaaaaaaa-0000-4000-8000-000000000001',
  'AAAAAAAA-0000-4000-8000-000000000001',
  'bbbbbbbb-0000-4000-8000-000000000002',
  'BBBBBBBB-0000-4000-8000-000000000002',
  'cccccccc-0000-4000-8000-000000000003',
  '00000000-0000-4000-8000-000000000004',
  '00000000-0000-4000-8000-000000000005',
  '00000000-0000-4000-8000-000000000006',
];
const instants = [
  '2024-02-29T12:00:00Z',
  '2026-03-01T00:00:00Z',
  '2026-10-01T10:00:00+01:00',
  '2026-10-01T09:00:00Z',
  '2026-10-01T09:00:00.0004Z',
  '2026-10-14T23:30:00-01:00',
  '2026-10-15T00:30:00+01:00',
  '2026-12-01T00:00:00Z',
];
const people = ['C-1', 'C-2', '__proto__', 'constructor', 'Zo\u00eb', 'Zoe\u0308'];
const purposes = ['EDUC', 'STAT', 'LINK', 'COMM', 'AIDV', 'APPS', 'XPRT'];
const values = ['OBJT', 'NOOB', 'CONS', 'DECL', 'REFU', 'NOBT'] as const;
const roles = ['PUP', 'PAR', 'CAR', 'CORP', 'REP', 'SCH'] as const;
const bases = [undefined, 'ASSD', 'PR12', 'AUTH', 'BINT', 'NA'] as const;
const births = [undefined, '2012-02-29', '2014-10-15', '2018-01-01'];

const statementArb = fc
  .record({
    id: fc.constantFrom(...ids),
    expressedAt: fc.constantFrom(...instants),
    recordedAt: fc.constantFrom(...instants),
    role: fc.constantFrom(...roles),
    personRef: fc.constantFrom(...people),
    basis: fc.constantFrom(...bases),
    dob: fc.constantFrom(...births),
    choices: fc.array(
      fc.record({ purpose: fc.constantFrom(...purposes), value: fc.constantFrom(...values) }),
      {
        minLength: 1,
        maxLength: 5,
      },
    ),
  })
  .map(
    (r): Statement => ({
      ...example,
      id: r.id,
      subject: { upn: 'B801200005001', ...(r.dob ? { dateOfBirth: r.dob } : {}) },
      expressedBy: { role: r.role, personRef: r.personRef },
      ...(r.basis ? { competenceBasis: r.basis } : { competenceBasis: undefined }),
      expressedAt: r.expressedAt,
      recordedAt: r.recordedAt,
      choices: r.choices,
    }),
  )
  .map((s) => JSON.parse(JSON.stringify(s)) as Statement);

const historyAndPermutation = fc
  .array(statementArb, { maxLength: 10 })
  .chain((history) =>
    fc.tuple(
      fc.constant(history),
      fc.shuffledSubarray(history, { minLength: history.length, maxLength: history.length }),
    ),
  );

describe('resolve is independent of arrival order', () => {
  it('gives the identical result for any permutation of the same history', () => {
    fc.assert(
      fc.property(
        historyAndPermutation,
        fc.constantFrom('2026-11-01T00:00:00Z', '2026-10-01T09:00:00Z', '2026-10-15T00:00:00+01:00'),
        fc.constantFrom(undefined, { dateOfBirth: '2014-10-15' }),
        ([history, permuted], asOf, subject) => {
          const a = resolve({ statements: history, asOf, ...(subject ? { subject } : {}) });
          const b = resolve({ statements: permuted, asOf, ...(subject ? { subject } : {}) });
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws and always answers every catalogue purpose coherently', () => {
    fc.assert(
      fc.property(fc.array(statementArb, { maxLength: 10 }), (history) => {
        const result = resolve({ statements: history, asOf: new Date('2026-11-01T00:00:00Z') });
        expect(result.preferences.map((p) => p.purpose)).toEqual([
          'EDUC',
          'STAT',
          'RSCH',
          'RSXT',
          'LINK',
          'COMM',
          'AIDV',
          'MEDI',
          'OPER',
          'IMMI',
          'POLC',
          'APPS',
        ]);
        for (const p of result.preferences) {
          expect(p.default).toBe(p.decidedBy === null);
          expect(p.default).toBe(p.value === null);
          if (p.decidedBy !== null) expect(p.decidedBy).toBe(p.decidedBy.toLowerCase());
        }
      }),
      { numRuns: 300 },
    );
  });
});
