import { expect, it } from 'vitest';
import {
  type BatchRecord,
  type BatchSettlement,
  prepareStatement,
  type StatementRow,
  type StatementStore,
} from '../../src/index.js';
import { freshUrn, makeStatement, verifiedOutcome } from './fixtures.js';
import { finding, ids, readAll, type StoreFactory } from './harness.js';

/** A settlement giving `final` by whichever way the store asks, and counting how it was asked. */
function settlement(final: () => readonly BatchRecord[]): BatchSettlement & { asked: number } {
  const made = {
    asked: 0,
    wait() {
      made.asked++;
      return final();
    },
    async settled() {
      made.asked++;
      return final();
    },
  };
  return made;
}

const withVerification = (row: StatementRow, kid: string): BatchRecord => ({
  prepared: { ...row, verification: verifiedOutcome(kid) },
});

/**
 * appendBatchSettling (docs/decisions/0038): the rows are written while a last check runs, and the
 * batch commits with the settlement's records, or not at all, exactly as appendBatch of those records.
 */
export function batchSettlementContract(open: StoreFactory): void {
  const settling = (store: StatementStore) => {
    const append = store.statements.appendBatchSettling;
    if (!append) throw new Error('every store of this repository settles batches');
    return append.bind(store.statements);
  };

  it('commits with the outcomes the settlement gives, as appendBatch of its records would', async () => {
    const store = await open();
    const urn = freshUrn();
    const statements = [makeStatement({ urn }), makeStatement({ urn })];
    const rows = statements.map((s) => prepareStatement(s));
    const final = rows.map((row, i) => withVerification(row, `kid-${i}`));
    const settle = settlement(() => final);
    const result = await settling(store)(
      rows.map((prepared) => ({ prepared })),
      settle,
    );
    expect(settle.asked).toBeGreaterThan(0);
    expect(result.committed).toBe(true);
    expect(result.counts).toEqual({ stored: 2, duplicate: 0, rejected: 0, withheld: 0 });
    expect(ids(await readAll(store, urn, 10))).toEqual(statements.map((s) => s.id));
    for (const [i, s] of statements.entries())
      expect(await store.verifications.get(s.id, urn)).toEqual(verifiedOutcome(`kid-${i}`));
  });

  it('stores nothing when the settlement rejects a record, and reports it as appendBatch would', async () => {
    const store = await open();
    const urn = freshUrn();
    const statements = [makeStatement({ urn }), makeStatement({ urn }), makeStatement({ urn })];
    const rows = statements.map((s) => prepareStatement(s));
    const final: BatchRecord[] = [
      withVerification(rows[0]!, 'a'),
      { rejected: [finding], id: statements[1]!.id },
      withVerification(rows[2]!, 'c'),
    ];
    const result = await settling(store)(
      rows.map((prepared) => ({ prepared })),
      settlement(() => final),
    );
    expect(result).toEqual({
      committed: false,
      counts: { stored: 0, duplicate: 0, rejected: 1, withheld: 2 },
      outcomes: [
        { index: 0, outcome: 'withheld', id: statements[0]!.id },
        { index: 1, outcome: 'rejected', id: statements[1]!.id, findings: [finding] },
        { index: 2, outcome: 'withheld', id: statements[2]!.id },
      ],
    });
    expect((await store.statements.list(urn)).items).toEqual([]);
    expect(await store.verifications.get(statements[0]!.id, urn)).toBeUndefined();
  });

  it('rolls back and fails with the settlement that throws, or that gives other records back', async () => {
    const store = await open();
    const urn = freshUrn();
    const statements = [makeStatement({ urn }), makeStatement({ urn })];
    const rows = statements.map((s) => prepareStatement(s));
    const broken = new Error('the workers died');
    await expect(
      settling(store)(
        rows.map((prepared) => ({ prepared })),
        settlement(() => {
          throw broken;
        }),
      ),
    ).rejects.toBe(broken);
    const other = prepareStatement({ ...statements[1]!, expressedAt: '2026-10-01T00:00:00Z' });
    await expect(
      settling(store)(
        rows.map((prepared) => ({ prepared })),
        settlement(() => [{ prepared: rows[0]! }, { prepared: other }]),
      ),
    ).rejects.toThrow(/records the batch was written with/);
    expect((await store.statements.list(urn)).items).toEqual([]);
  });

  it('answers from the final records, writing nothing, when the batch is rejected before writing', async () => {
    const store = await open();
    const urn = freshUrn();
    const statements = [makeStatement({ urn }), makeStatement({ urn })];
    const rows = statements.map((s) => prepareStatement(s));
    const other: typeof finding = { ...finding, rule: 'signature-invalid', pointer: '/signature/jws' };
    const given: BatchRecord[] = [{ rejected: [finding], id: statements[0]!.id }, { prepared: rows[1]! }];
    const result = await settling(store)(
      given,
      settlement(() => [given[0]!, { rejected: [other], id: statements[1]!.id }]),
    );
    expect(result).toEqual(
      await store.statements.appendBatch([given[0]!, { rejected: [other], id: statements[1]!.id }]),
    );
    expect(result.counts.rejected).toBe(2);
    expect((await store.statements.list(urn)).items).toEqual([]);
  });

  it('stores nothing and records no outcome when a row conflicts with a stored statement', async () => {
    const store = await open();
    const urn = freshUrn();
    const stored = makeStatement({ urn });
    await store.statements.append(stored);
    const fresh = makeStatement({ urn });
    const rows = [
      prepareStatement(fresh),
      prepareStatement({ ...stored, recordedAt: '2026-12-01T00:00:00Z' }),
    ];
    const result = await settling(store)(
      rows.map((prepared) => ({ prepared })),
      settlement(() => rows.map((row) => withVerification(row, 'k'))),
    );
    expect(result.committed).toBe(false);
    expect(result.outcomes.map((o) => o.outcome)).toEqual(['withheld', 'rejected']);
    expect(ids(await readAll(store, urn, 10))).toEqual([stored.id]);
    expect(await store.verifications.get(fresh.id, urn)).toBeUndefined();
  });
}
