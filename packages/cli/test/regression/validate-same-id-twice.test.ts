import type { Statement } from '@reuse-pref/schema';
import { statementsToXml } from '@reuse-pref/xml';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureBuilt, runBin } from '../support/bin.js';
import { good, ndjson, variant } from '../support/statements.js';

// `validate` checked each record alone, so one file holding the same statement id twice with different
// choices passed, and the intake then refused the whole batch with statement-id-conflict. It now
// compares every record with the earlier ones, as validation.md's history rule says: same id and same
// decision-relevant content is a re-delivery (fine), anything else is a conflict on the later record.

beforeAll(() => ensureBuilt(), BUILD_TIMEOUT_MS);

const changedChoice = variant(good.id, (s) => {
  s.choices[0]!.value = s.choices[0]!.value === 'OBJT' ? 'NOOB' : 'OBJT';
});
const reRecorded = variant(good.id.toUpperCase(), (s) => {
  // Where and when it was recorded is not what the resolver decides on: a CTF copy is the same statement.
  s.recordedAt = '2026-10-01T09:00:00Z';
  s.recordedBy = { supplierId: 'SUP-OTHER', system: 'Other MIS' };
});

function records(stdout: string) {
  return stdout
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l))
    .filter((l) => l.type === 'record');
}

describe('regression: validate passed one id with two contents', () => {
  it('refuses the later record of an id used with different choices, naming the first line', () => {
    const run = runBin(['validate', '--format', 'json', '-'], {
      input: ndjson(good, variant('00000000-0000-4000-8000-0000000000b2'), changedChoice),
    });
    expect(run.status).toBe(1);
    const out = records(run.stdout);
    expect(out.map((r) => r.valid)).toEqual([true, true, false]);
    expect(out[2].errors).toEqual([
      {
        rule: 'statement-id-conflict',
        severity: 'error',
        pointer: '/id',
        message: 'id is also used by the record at line 1 with different content',
      },
    ]);
  });

  it('accepts the same statement twice, and a copy re-recorded elsewhere with the id in capitals', () => {
    const run = runBin(['validate', '--quiet', '-'], { input: ndjson(good, good, reRecorded) });
    expect(run.stdout).toBe('3 records, 3 valid, 0 with errors, 0 with queries, 0 broken\n');
    expect(run.status).toBe(0);
  });

  it('finds the conflict in an XML file too', () => {
    const xml = statementsToXml([good, changedChoice] as Statement[]);
    const run = runBin(['validate', '--quiet', '-'], { input: xml });
    expect(run.stdout).toBe('2 records, 1 valid, 1 with errors, 0 with queries, 0 broken\n');
    expect(run.status).toBe(1);
  });

  it('keeps track of many ids without mixing them up', () => {
    const many = Array.from({ length: 20_000 }, (_, i) =>
      variant(`00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`),
    );
    const conflict = variant(many[12_345]!.id, (s) => {
      s.expressedAt = '2026-09-02T08:00:00Z';
    });
    const run = runBin(['validate', '--format', 'json', '-'], { input: ndjson(...many, ...many, conflict) });
    const out = records(run.stdout);
    expect(out.filter((r) => !r.valid).map((r) => [r.line, r.errors[0].message])).toEqual([
      [40_001, 'id is also used by the record at line 12346 with different content'],
    ]);
    expect(run.status).toBe(1);
  });
});
