import { describe, expect, it } from 'vitest';
import { ageOn } from '../src/index.js';

describe('ageOn', () => {
  const table: [dob: string, on: string, want: number][] = [
    ['2014-10-15', '2026-10-14', 11],
    ['2014-10-15', '2026-10-15', 12],
    ['2014-10-15', '2026-10-15T00:30:00+01:00', 12],
    ['2014-10-15', '2026-10-14T23:30:00-01:00', 11],
    ['2012-02-29', '2026-02-28', 13],
    ['2012-02-29', '2026-03-01', 14],
    ['2012-02-29', '2024-02-28', 11],
    ['2012-02-29', '2024-02-29', 12],
    ['2000-01-01', '2000-01-01', 0],
    ['2020-06-01', '2019-06-01', -1],
    ['0099-03-01', '0111-03-01T00:00:00Z', 12],
  ];
  it.each(table)('born %s, on %s: %i', (dob, on, want) => {
    expect(ageOn(dob, on)).toBe(want);
  });

  it('is NaN when a date cannot be read', () => {
    expect(ageOn('2014/10/15', '2026-10-15')).toBeNaN();
    expect(ageOn('2014-10-15', 'yesterday')).toBeNaN();
  });
});
