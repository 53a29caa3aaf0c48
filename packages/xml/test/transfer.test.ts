import { resolve } from '@reuse-pref/resolver';
import type { Statement } from '@reuse-pref/schema';
import { describe, expect, it } from 'vitest';
import { exportCtf, importCtf, ukLocalToInstant } from '../src/index.js';
import { historyAtA, schoolA, schoolB } from './fixtures/transfer-history.js';
import { isSchemaValid } from './statement-check.js';

const misB = { supplierId: 'SUP-B', system: 'Riverside MIS', systemVersion: '3.0' };
const asOf = '2026-09-10T00:00:00Z';

async function transfer(history: Statement[]): Promise<{ xml: string; imported: Statement[] }> {
  const xml = [
    ...exportCtf(history, {
      school: { lea: '801', estab: '2000', urn: schoolA.urn },
      destination: { lea: '802', estab: '4001', urn: schoolB.urn },
      dateTime: '2026-07-20T14:32:10',
    }),
  ].join('');
  const imported: Statement[] = [];
  // Arrives in 1 KiB pieces, as it would from disk or a network share.
  const bytes = new TextEncoder().encode(xml);
  const chunks = Array.from({ length: Math.ceil(bytes.length / 1024) }, (_, i) =>
    bytes.subarray(i * 1024, (i + 1) * 1024),
  );
  for await (const item of importCtf(chunks, {
    into: { urn: schoolB.urn },
    recordedBy: misB,
    recordedAt: '2026-09-01T08:00:00Z',
  })) {
    if ('error' in item) throw item.error;
    imported.push(item.value);
  }
  return { xml, imported };
}

describe('a pupil moves from school A to school B by CTF', () => {
  it('arrives with channel CTFI, the original ids and expressedAt, and provenance', async () => {
    const { imported } = await transfer(historyAtA);
    expect(imported).toHaveLength(historyAtA.length);
    imported.forEach((s, i) => {
      const before = historyAtA[i]!;
      expect(isSchemaValid(s), JSON.stringify(isSchemaValid.errors)).toBe(true);
      expect(s).toMatchObject({
        id: before.id,
        expressedAt: before.expressedAt,
        expressedBy: before.expressedBy,
        subject: before.subject,
        choices: before.choices,
        channel: 'CTFI',
        setting: schoolB,
        recordedAt: '2026-09-01T08:00:00Z',
        recordedBy: misB,
      });
      expect(s.competenceBasis).toBe(before.competenceBasis);
      // 14:32:10 in July is British Summer Time.
      expect(s.provenance?.transferredAt).toBe('2026-07-20T13:32:10Z');
    });
    // The statement that came to A from primary school keeps its first origin; the others name A.
    expect(imported.map((s) => s.provenance?.originalSetting)).toEqual([
      { urn: '100001', laEstab: '8012001' },
      schoolA,
      schoolA,
    ]);
    expect(imported.map((s) => s.provenance?.originalChannel)).toEqual(['PAPR', 'ONLN', 'MISE']);
    expect(imported[2]!.provenance?.originalRecordedBy).toEqual(historyAtA[2]!.recordedBy);
  });

  it('leaves the effective preferences unchanged for every purpose', async () => {
    const { imported } = await transfer(historyAtA);
    const atA = resolve({ statements: historyAtA, asOf });
    const atB = resolve({ statements: imported, asOf });
    const view = (p: (typeof atA.preferences)[number]) => ({
      purpose: p.purpose,
      shared: p.shared,
      value: p.value,
      default: p.default,
      decidedBy: p.decidedBy,
      flags: p.flags,
    });
    expect(atB.preferences.map(view)).toEqual(atA.preferences.map(view));
    // The history is rich enough to mean something: a competent pupil, a parent objection, defaults.
    const byPurpose = Object.fromEntries(atA.preferences.map((p) => [p.purpose, p]));
    expect(byPurpose.RSXT).toMatchObject({ shared: true, value: 'NOOB', decidedBy: historyAtA[2]!.id });
    expect(byPurpose.LINK).toMatchObject({ shared: false, value: 'OBJT', decidedBy: historyAtA[1]!.id });
    expect(byPurpose.APPS).toMatchObject({ shared: false, value: 'OBJT', decidedBy: historyAtA[2]!.id });
  });

  it('a second move keeps the first origin and the latest transfer time', async () => {
    const { imported: atB } = await transfer(historyAtA);
    const again = [
      ...exportCtf(atB, {
        school: { lea: '802', estab: '4001', urn: schoolB.urn },
        destination: { lea: '803', estab: '5002', urn: '100999' },
        dateTime: '2027-01-15T09:00:00',
      }),
    ].join('');
    const atC: Statement[] = [];
    for await (const item of importCtf(again, { into: { urn: '100999' }, recordedBy: misB })) {
      if ('value' in item) atC.push(item.value);
    }
    expect(atC.map((s) => s.provenance?.originalSetting)).toEqual([
      { urn: '100001', laEstab: '8012001' },
      schoolA,
      schoolA,
    ]);
    expect(atC.every((s) => s.provenance?.transferredAt === '2027-01-15T09:00:00Z')).toBe(true);
    expect(atC.every((s) => s.setting.laEstab === '8035002')).toBe(true);
  });

  it('refuses a CTF addressed to another school', async () => {
    const { xml } = await transfer(historyAtA);
    const items = [];
    for await (const item of importCtf(xml, { into: { urn: '123456' }, recordedBy: misB })) items.push(item);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ error: { element: 'DestSchool', line: 3 } });
  });
});

describe('CTF header times are UK local time', () => {
  const cases = [
    { given: '2026-07-20T14:32:10', want: '2026-07-20T13:32:10Z', why: 'summer is UTC+1' },
    { given: '2026-01-20T14:32:10', want: '2026-01-20T14:32:10Z', why: 'winter is UTC' },
    { given: '2026-03-29T03:30:00', want: '2026-03-29T02:30:00Z', why: 'just after the spring change' },
    { given: '2026-07-20T14:32:10+02:00', want: '2026-07-20T12:32:10Z', why: 'an explicit offset wins' },
  ];
  it.each(cases)('$why', ({ given, want }) => {
    expect(ukLocalToInstant(given)).toBe(want);
  });
});
