import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { StatementIds } from '../src/validate/statement-ids.js';
import { variant } from './support/statements.js';

describe('StatementIds', () => {
  it('remembers 100,000 ids through two growths: repeats pass, one changed content conflicts', () => {
    const ids = new StatementIds();
    const base = variant('00000000-0000-4000-8000-000000000000');
    const statements = Array.from({ length: 100_000 }, () => ({ ...base, id: randomUUID() }));
    const conflicts: number[] = [];
    for (const [i, s] of statements.entries()) if (ids.check(s, i + 1)) conflicts.push(i);
    for (const [i, s] of statements.entries()) if (ids.check(s, 100_001 + i)) conflicts.push(i);
    expect(conflicts).toEqual([]);
    const changed = variant(statements[12_345]!.id.toUpperCase(), (s) => {
      s.competenceBasis = 'BINT';
    });
    expect(ids.check(changed, 300_000)).toEqual({
      rule: 'statement-id-conflict',
      severity: 'error',
      pointer: '/id',
      message: 'id is also used by the record at line 12346 with different content',
    });
  });

  it.each([
    ['not a uuid', 'not-a-uuid'],
    ['a uuid with a brace', '{00000000-0000-4000-8000-000000000001'],
    ['a uuid with a non-hex digit', '00000000-0000-4000-8000-00000000000g'],
    ['a number', 7],
  ])('passes over %s: it has an error of its own and cannot be compared', (_why, id) => {
    const ids = new StatementIds();
    const a = { ...variant('00000000-0000-4000-8000-000000000001'), id };
    const b = { ...variant('00000000-0000-4000-8000-000000000001', (s) => (s.competenceBasis = 'BINT')), id };
    expect(ids.check(a, 1)).toBeUndefined();
    expect(ids.check(b, 2)).toBeUndefined();
  });

  it('passes over values that are not statements', () => {
    const ids = new StatementIds();
    for (const value of [null, 3, 'x', [], [{ id: '00000000-0000-4000-8000-000000000001' }]]) {
      expect(ids.check(value, 1)).toBeUndefined();
    }
  });
});
