import { readFileSync } from 'node:fs';
import type { Statement } from '@reuse-pref/schema';
import { describe, expect, it } from 'vitest';
import { compareStatements, ResolverInputError, resolve } from '../../src/index.js';

// The resolver once had its own lenient timestamp reader: it ordered `2026-10-01 09:00:00+0100` (space,
// offset without colon) and read 31 September as 1 October, while the validator rejected both. Such a
// statement now never gets a place in the order: the resolver refuses the input (resolver.md 1).
const example = JSON.parse(
  readFileSync(new URL('../../../../spec/v1/examples/statement.json', import.meta.url), 'utf8'),
) as Statement;
const parent = (
  id: string,
  expressedAt: string,
  value: 'OBJT' | 'NOOB',
  recordedAt = expressedAt,
): Statement => ({
  ...example,
  id,
  expressedAt,
  recordedAt,
  choices: [{ purpose: 'LINK', value }],
});
const ok = parent('00000000-0000-4000-8000-000000000001', '2026-09-01T08:00:00Z', 'NOOB');
const asOf = '2026-11-01T00:00:00Z';

function refusal(run: () => unknown): { pointer: string; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ResolverInputError);
    expect(error).toBeInstanceOf(RangeError);
    const { pointer, message } = error as ResolverInputError;
    return { pointer, message };
  }
  throw new Error('resolve did not refuse the input');
}

describe('timestamps only a lenient reader takes are refused, never ordered or left out', () => {
  it.each([
    ['2026-10-01 09:00:00Z', 'space separator'],
    ['2026-10-01T09:00:00+0100', 'offset without colon'],
    ['2026-10-01T09:00:00+01', 'offset hours only'],
    ['2026-09-31T09:00:00Z', 'a day the month does not have'],
    ['2026-10-01T09:59:60Z', 'a leap second that is not 23:59 UTC'],
  ])('expressedAt %s (%s)', (at) => {
    const bad = parent('00000000-0000-4000-8000-000000000002', at, 'OBJT', '2026-10-02T09:00:00Z');
    const got = refusal(() => resolve({ statements: [ok, bad], asOf }));
    expect(got.pointer).toBe('/statements/1/expressedAt');
    expect(got.message).toContain('00000000-0000-4000-8000-000000000002');
    expect(got.message).toContain(JSON.stringify(at));
    expect(refusal(() => resolve({ statements: [bad, ok], asOf })).pointer).toBe('/statements/0/expressedAt');
  });

  it('refuses a recordedAt it cannot read, even on a statement after asOf', () => {
    const bad = parent(
      '00000000-0000-4000-8000-000000000002',
      '2027-01-01T00:00:00Z',
      'OBJT',
      '2027-01-01 00:00:00Z',
    );
    expect(refusal(() => resolve({ statements: [ok, bad], asOf })).pointer).toBe('/statements/1/recordedAt');
  });

  it('refuses a date of birth that is not a full-date, on a statement or from the caller', () => {
    const bad = { ...ok, subject: { ...ok.subject, dateOfBirth: '2014-02-30' } };
    expect(refusal(() => resolve({ statements: [bad], asOf })).pointer).toBe(
      '/statements/0/subject/dateOfBirth',
    );
    const caller = refusal(() => resolve({ statements: [ok], asOf, subject: { dateOfBirth: '2014-1-01' } }));
    expect(caller.pointer).toBe('/subject/dateOfBirth');
  });

  it('refuses an asOf or competence age it cannot read', () => {
    expect(refusal(() => resolve({ statements: [ok], asOf: '2026-11-01 00:00:00Z' })).pointer).toBe('/asOf');
    expect(refusal(() => resolve({ statements: [ok], asOf: new Date(Number.NaN) })).pointer).toBe('/asOf');
    expect(refusal(() => resolve({ statements: [ok], asOf, competenceAge: 11.5 })).pointer).toBe(
      '/competenceAge',
    );
  });

  it('compareStatements refuses them too', () => {
    const bad = parent('00000000-0000-4000-8000-000000000002', '2026-10-01 09:00:00Z', 'OBJT');
    expect(refusal(() => compareStatements(ok, bad)).pointer).toBe('/expressedAt');
  });

  it('still reads every RFC 3339 form: t and z in lower case, -00:00, a fraction', () => {
    const statements = [
      parent('00000000-0000-4000-8000-000000000002', '2026-10-01t10:00:00.5+01:00', 'OBJT'),
      parent('00000000-0000-4000-8000-000000000003', '2026-10-01T09:00:01-00:00', 'NOOB'),
      ok,
    ];
    const link = resolve({ statements, asOf }).preferences.find((p) => p.purpose === 'LINK');
    expect(link).toMatchObject({ value: 'NOOB', decidedBy: '00000000-0000-4000-8000-000000000003' });
  });
});
