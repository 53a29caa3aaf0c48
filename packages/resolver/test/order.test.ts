import { readFileSync } from 'node:fs';
import type { Statement } from '@reuse-pref/schema';
import { describe, expect, it } from 'vitest';
import { compareStatements } from '../src/index.js';

const example = JSON.parse(
  readFileSync(new URL('../../../spec/v1/examples/statement.json', import.meta.url), 'utf8'),
) as Statement;
const at = (id: string, expressedAt: string, recordedAt = expressedAt): Statement => ({
  ...example,
  id,
  expressedAt,
  recordedAt,
});

describe('compareStatements', () => {
  const table: [name: string, a: Statement, b: Statement, want: -1 | 0 | 1][] = [
    [
      'earlier instant first, whatever the offset text',
      at('00000000-0000-4000-8000-000000000002', '2026-10-01T10:00:00+01:00'),
      at('00000000-0000-4000-8000-000000000001', '2026-10-01T09:30:00Z'),
      -1,
    ],
    [
      'same instant: recordedAt decides',
      at('00000000-0000-4000-8000-000000000001', '2026-10-01T09:00:00Z', '2026-10-03T00:00:00Z'),
      at('00000000-0000-4000-8000-000000000002', '2026-10-01T10:00:00+01:00', '2026-10-02T00:00:00Z'),
      1,
    ],
    [
      'then lowercase id by code unit',
      at('B0000000-0000-4000-8000-000000000001', '2026-10-01T09:00:00Z'),
      at('a0000000-0000-4000-8000-000000000001', '2026-10-01T09:00:00Z'),
      1,
    ],
    [
      'digits beyond the millisecond do not count',
      at('00000000-0000-4000-8000-000000000001', '2026-10-01T09:00:00.1239Z'),
      at('00000000-0000-4000-8000-000000000002', '2026-10-01T09:00:00.1231Z'),
      -1,
    ],
    [
      'copies of one id with the same instants are equal',
      at('ABCDEF00-0000-4000-8000-000000000001', '2026-10-01T09:00:00Z'),
      at('abcdef00-0000-4000-8000-000000000001', '2026-10-01T09:00:00Z'),
      0,
    ],
  ];
  it.each(table)('%s', (_, a, b, want) => {
    expect(Math.sign(compareStatements(a, b))).toBe(want);
    expect(Math.sign(compareStatements(b, a))).toBe(-want || 0);
  });
});
