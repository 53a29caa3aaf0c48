import { describe, expect, it } from 'vitest';
import { parseInstant } from '../src/index.js';

describe('parseInstant', () => {
  const same: [a: string, b: string][] = [
    ['2026-10-01T10:00:00+01:00', '2026-10-01T09:00:00Z'],
    ['2026-10-01T10:00:00+0100', '2026-10-01T09:00:00z'],
    ['2026-10-01T10:00:00+01', '2026-10-01t09:00:00Z'],
    ['2026-10-01 09:00:00-00:00', '2026-10-01T09:00:00Z'],
    ['2026-10-01T09:00:00.1239Z', '2026-10-01T09:00:00.123Z'],
    ['2026-12-31T23:59:60Z', '2027-01-01T00:00:00Z'],
  ];
  it.each(same)('%s is the instant %s', (a, b) => {
    expect(parseInstant(a)).toBe(parseInstant(b));
    expect(Number.isNaN(parseInstant(a))).toBe(false);
  });

  it.each([
    '2026-09-03T08:15:00Z',
    '2026-09-03T08:15:00.5+05:30',
    '1999-12-31T23:59:59.999-08:00',
    '2024-02-29T12:00:00Z',
  ])('agrees with Date.parse on %s', (s) => {
    expect(parseInstant(s)).toBe(Date.parse(s));
  });

  it('reads years before 100 as themselves, unlike Date.UTC', () => {
    expect(parseInstant('0050-01-01T00:00:00Z')).toBe(new Date('0050-01-01T00:00:00Z').getTime());
  });

  it.each(['2026-09-03', '2026-09-03T08:15:00', '2026-09-03T08:15Z', '2026-09-03T25:00:00Z', 'x'])(
    'rejects %s',
    (s) => {
      expect(parseInstant(s)).toBeNaN();
    },
  );
});
