import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareInstants,
  dateKey,
  instantKey,
  isCalendarDate,
  isDateTime,
  isFullDate,
  parseInstant,
} from '../src/index.js';

describe('parseInstant', () => {
  const same: [a: string, b: string][] = [
    ['2026-10-01T10:00:00+01:00', '2026-10-01T09:00:00Z'],
    ['2026-10-01t09:00:00z', '2026-10-01T09:00:00Z'],
    ['2026-10-01T09:00:00-00:00', '2026-10-01T09:00:00+00:00'],
    ['2026-10-01T09:00:00.1239Z', '2026-10-01T09:00:00.123Z'],
    ['2026-10-01T09:00:00.5Z', '2026-10-01T09:00:00.500Z'],
    ['2016-12-31T23:59:60Z', '2017-01-01T00:00:00Z'],
    ['2017-01-01T00:59:60+01:00', '2017-01-01T00:00:00Z'],
  ];
  it.each(same)('%s is the millisecond of %s', (a, b) => {
    expect(parseInstant(a)).toBe(parseInstant(b));
    expect(Number.isInteger(parseInstant(a))).toBe(true);
  });

  it.each([
    '2026-09-03T08:15:00Z',
    '2026-09-03T08:15:00.5+05:30',
    '1999-12-31T23:59:59.999-08:00',
    '2024-02-29T12:00:00Z',
    '1969-12-31T23:59:59.001Z',
  ])('agrees with Date.parse on %s', (s) => {
    expect(parseInstant(s)).toBe(Date.parse(s));
  });

  it('reads years before 100 as themselves, unlike Date.UTC', () => {
    expect(parseInstant('0050-01-01T00:00:00Z')).toBe(new Date('0050-01-01T00:00:00Z').getTime());
  });

  it('truncates the fraction after the millisecond, before 1970 too (towards the earlier instant)', () => {
    expect(parseInstant('2026-10-01T09:00:00.9999Z')).toBe(Date.parse('2026-10-01T09:00:00.999Z'));
    expect(parseInstant('1969-12-31T23:59:59.9999Z')).toBe(-1);
  });

  // Every form a lenient reader (ajv-formats, Date.parse, the resolver before one time module) takes and
  // RFC 3339 does not, or that names no real instant.
  it.each([
    ['2026-09-03 08:15:00Z', 'space separator'],
    ['2026-09-03\t08:15:00Z', 'tab separator'],
    ['2026-09-03T08:15:00+0100', 'offset without colon'],
    ['2026-09-03T08:15:00+01', 'offset hours only'],
    ['2026-09-03T08:15:00', 'no offset'],
    ['2026-09-03T08:15Z', 'no seconds'],
    ['2026-09-03T08:15:00.Z', 'empty fraction'],
    ['2026-02-30T08:15:00Z', '30 February'],
    ['2026-09-31T08:15:00Z', '31 September'],
    ['2025-02-29T08:15:00Z', '29 February in a common year'],
    ['2026-09-03T24:00:00Z', 'hour 24'],
    ['2016-12-31T23:59:60+01:00', 'leap second at 23:59 local, not UTC'],
    ['2026-10-01T09:59:60Z', 'leap second in the middle of the day'],
    ['2026-09-03T08:15:00+24:00', 'offset hour 24'],
    ['2026-09-03T08:15:00Zjunk', 'text after the offset'],
    ['2026-09-03', 'a date'],
    ['x', 'not a time'],
  ])('rejects %s (%s)', (s) => {
    expect(parseInstant(s)).toBeNaN();
    expect(isDateTime(s)).toBe(false);
  });

  it('agrees with Date.parse on any millisecond instant written by toISOString', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
        (d) => {
          const text = d.toISOString();
          expect(parseInstant(text)).toBe(d.getTime());
        },
      ),
    );
  });
});

/** Exact nanoseconds-and-below of a date-time, with BigInt: the oracle for compareInstants. */
function exact(s: string): bigint {
  const dot = s.indexOf('.', 19);
  const end = dot < 0 ? 19 : s.slice(dot + 1).search(/[^0-9]/) + dot + 1;
  const digits = dot < 0 ? '' : s.slice(dot + 1, end);
  const whole = Date.parse(`${s.slice(0, 19)}${s.slice(end).toUpperCase()}`);
  return BigInt(whole) * 10n ** 30n + BigInt(digits.padEnd(33, '0').slice(0, 33) || '0');
}

describe('compareInstants', () => {
  it.each([
    ['2026-10-01T09:00:00.1231Z', '2026-10-01T09:00:00.1239Z', -1],
    ['2026-10-01T09:00:00.1239Z', '2026-10-01T09:00:00.123Z', 1],
    ['2026-10-01T09:00:00.12300Z', '2026-10-01T09:00:00.123Z', 0],
    ['2026-10-01T09:00:00.1230005Z', '2026-10-01T09:00:00.1235Z', -1],
    ['2026-10-01T09:00:00Z', '2026-10-01T09:00:00+00:00', 0],
    ['2026-10-01T10:00:00+01:00', '2026-10-01T09:00:00-00:00', 0],
    ['2026-10-01T09:14:00+01:00', '2026-10-01T08:15:00Z', -1],
  ] as const)('%s against %s is %i', (a, b, want) => {
    expect(compareInstants(a, b)).toBe(want);
    expect(compareInstants(b, a)).toBe(-want || 0);
  });

  it('takes a clock reading in epoch milliseconds', () => {
    const ms = Date.parse('2026-10-01T09:00:00Z');
    expect(compareInstants('2026-10-01T09:00:00.0001Z', ms)).toBe(1);
    expect(compareInstants('2026-10-01T09:00:00.000Z', ms)).toBe(0);
    expect(compareInstants('2026-10-01T08:59:59.9999Z', ms)).toBe(-1);
  });

  it('is NaN when either side cannot be read', () => {
    expect(compareInstants('2026-10-01 09:00:00Z', '2026-10-01T09:00:00Z')).toBeNaN();
    expect(compareInstants('2026-10-01T09:00:00Z', Number.NaN)).toBeNaN();
  });

  it('orders any two date-times as their exact values do, and instantKey is equal exactly when they are', () => {
    const fraction = fc.option(fc.stringMatching(/^[0-9]{1,12}$/), { nil: undefined });
    const offset = fc.constantFrom('Z', 'z', '+00:00', '-00:00', '+01:00', '-05:30', '+14:00');
    const stamp = fc
      .tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 59 }), fraction, offset)
      .map(
        ([h, m, f, o]) =>
          `2026-10-01T1${h}:${String(m).padStart(2, '0')}:07${f === undefined ? '' : `.${f}`}${o}`,
      );
    fc.assert(
      fc.property(stamp, stamp, (a, b) => {
        const want = exact(a) < exact(b) ? -1 : exact(a) > exact(b) ? 1 : 0;
        expect(compareInstants(a, b)).toBe(want);
        expect(instantKey(a) === instantKey(b)).toBe(want === 0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('full-date', () => {
  it.each(['2024-02-29', '0050-01-01', '2026-12-31'])('%s is a date', (s) => {
    expect(isFullDate(s)).toBe(true);
    expect(dateKey(s)).toBe(Number(s.replace(/-/g, '')));
  });

  it.each(['2025-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-01', '2026-01-01T00:00:00Z', ''])(
    '%s is not a full-date',
    (s) => {
      expect(isFullDate(s)).toBe(false);
    },
  );

  it('reads the written date of a date-time, in its own offset', () => {
    expect(dateKey('2026-10-01T23:30:00-01:00')).toBe(20261001);
  });

  it('checks calendar days for any year', () => {
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
    expect(isCalendarDate(Number.NaN, 1, 1)).toBe(false);
  });
});
