import type { Finding, Statement } from '@reuse-pref/schema';
import { describe, expect, it } from 'vitest';
import {
  InvalidRequestError,
  prepareStatement,
  StatementConflictError,
  type StoredStatement,
} from '../../src/index.js';
import { freshUrn, makeStatement, reorderKeys, upn } from './fixtures.js';
import { expectPlainData, finding, HARD_TEXTS, hostile, ids, readAll, type StoreFactory } from './harness.js';

/** Writing statements: append, atomic batches, bulk loads, and the guarded append under the school's lock. */
export function statementWritesContract(open: StoreFactory): void {
  describe('append', () => {
    it('stores a statement and returns it unchanged', async () => {
      const store = await open();
      const statement = makeStatement({ urn: freshUrn(), upn: upn(1) });
      const outcome = await store.statements.append(statement);
      expect(outcome).toMatchObject({ outcome: 'stored', id: statement.id });
      const stored = await store.statements.get(statement.id);
      expect(stored?.statement).toEqual(statement);
      expect(stored?.cursor).toBe(outcome.cursor);
      expect(Date.parse(stored!.storedAt)).not.toBeNaN();
    });

    it('treats the same id with identical content as a no-op, whatever the key order', async () => {
      const store = await open();
      const urn = freshUrn();
      const statement = makeStatement({ urn });
      const first = await store.statements.append(statement);
      const again = await store.statements.append(reorderKeys(statement));
      expect(again).toEqual({ outcome: 'duplicate', id: statement.id, cursor: first.cursor });
      expect(ids((await store.statements.list(urn)).items)).toEqual([statement.id]);
    });

    it('refuses the same id with different content, naming the id, and keeps the original', async () => {
      const store = await open();
      const statement = makeStatement({ urn: freshUrn() });
      await store.statements.append(statement);
      const altered = { ...statement, expressedAt: '2026-10-01T00:00:00Z' };
      const error = await store.statements.append(altered).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StatementConflictError);
      expect((error as StatementConflictError).id).toBe(statement.id);
      expect((error as Error).message).toContain(statement.id);
      expect((await store.statements.get(statement.id))?.statement).toEqual(statement);
    });

    it('keeps every statement: a change is a new statement beside the old', async () => {
      const store = await open();
      const urn = freshUrn();
      const first = makeStatement({ urn, upn: upn(2), expressedAt: '2026-09-01T00:00:00Z' });
      const second = makeStatement({ urn, upn: upn(2), expressedAt: '2026-09-02T00:00:00Z' });
      await store.statements.append(first);
      await store.statements.append(second);
      expect(ids(await store.statements.pupilHistory({ upn: upn(2), urn }))).toEqual([first.id, second.id]);
    });

    it('returns nothing for an id never stored', async () => {
      const store = await open();
      expect(await store.statements.get('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    });

    it('keeps what was written after the store is closed and opened again', async () => {
      const urn = freshUrn();
      const statement = makeStatement({ urn });
      const writer = await open();
      await writer.statements.append(statement);
      await writer.close();
      const reader = await open();
      expect((await reader.statements.get(statement.id))?.statement).toEqual(statement);
    });
  });

  describe('appendBatch', () => {
    it('stores a valid batch and reports each record', async () => {
      const store = await open();
      const urn = freshUrn();
      const existing = makeStatement({ urn });
      await store.statements.append(existing);
      const fresh = [makeStatement({ urn }), makeStatement({ urn })];
      const result = await store.statements.appendBatch([
        { statement: fresh[0]! },
        { statement: existing },
        { statement: fresh[1]! },
      ]);
      expect(result.committed).toBe(true);
      expect(result.counts).toEqual({ stored: 2, duplicate: 1, rejected: 0, withheld: 0 });
      expect(result.outcomes.map((o) => [o.index, o.outcome])).toEqual([
        [0, 'stored'],
        [1, 'duplicate'],
        [2, 'stored'],
      ]);
      expect(ids(await readAll(store, urn, 10))).toEqual([existing.id, fresh[0]!.id, fresh[1]!.id]);
    });

    it('stores nothing when the caller rejected a record in the middle', async () => {
      const store = await open();
      const urn = freshUrn();
      const before = makeStatement({ urn });
      const after = makeStatement({ urn });
      const result = await store.statements.appendBatch([
        { statement: before },
        { rejected: [finding], id: 'bad-record' },
        { statement: after },
      ]);
      expect(result).toEqual({
        committed: false,
        counts: { stored: 0, duplicate: 0, rejected: 1, withheld: 2 },
        outcomes: [
          { index: 0, outcome: 'withheld', id: before.id },
          { index: 1, outcome: 'rejected', id: 'bad-record', findings: [finding] },
          { index: 2, outcome: 'withheld', id: after.id },
        ],
      });
      expect((await store.statements.list(urn)).items).toEqual([]);
    });

    it('stores nothing when a record in the middle conflicts with a stored statement', async () => {
      const store = await open();
      const urn = freshUrn();
      const stored = makeStatement({ urn });
      await store.statements.append(stored);
      const batch = [
        makeStatement({ urn }),
        { ...stored, recordedAt: '2026-12-01T00:00:00Z' },
        makeStatement({ urn }),
      ];
      const result = await store.statements.appendBatch(batch.map((statement) => ({ statement })));
      expect(result.committed).toBe(false);
      expect(result.outcomes[1]).toMatchObject({ outcome: 'rejected', id: stored.id });
      const rejected = result.outcomes[1] as { findings: Finding[] };
      expect(rejected.findings[0]).toMatchObject({ rule: 'statement-id-conflict', pointer: '/id' });
      expect(result.outcomes.map((o) => o.outcome)).toEqual(['withheld', 'rejected', 'withheld']);
      expect(ids(await readAll(store, urn, 10))).toEqual([stored.id]);
      expect(await store.statements.get(batch[0]!.id)).toBeUndefined();
    });

    it('folds a repeat within the batch and rejects a changed repeat', async () => {
      const store = await open();
      const urn = freshUrn();
      const statement = makeStatement({ urn });
      const repeated = await store.statements.appendBatch([
        { statement },
        { statement: reorderKeys(statement) },
      ]);
      expect(repeated.outcomes.map((o) => o.outcome)).toEqual(['stored', 'duplicate']);

      const other = makeStatement({ urn });
      const changed = await store.statements.appendBatch([
        { statement: other },
        { statement: { ...other, channel: 'ONLN' } as Statement },
      ]);
      expect(changed.committed).toBe(false);
      expect(changed.outcomes.map((o) => o.outcome)).toEqual(['withheld', 'rejected']);
      expect(await store.statements.get(other.id)).toBeUndefined();
    });

    it('takes prepared rows like statements: stored, folded as repeats, conflicts rejected', async () => {
      const store = await open();
      const urn = freshUrn();
      const a = makeStatement({ urn });
      const b = makeStatement({ urn });
      const result = await store.statements.appendBatch([
        { prepared: prepareStatement(a) },
        { statement: b },
        { prepared: prepareStatement(reorderKeys(a)) },
      ]);
      expect(result.outcomes.map((o) => o.outcome)).toEqual(['stored', 'stored', 'duplicate']);
      expect((await store.statements.get(a.id))?.statement).toEqual(a);
      const changed = await store.statements.appendBatch([
        { prepared: prepareStatement({ ...b, channel: 'ONLN' } as Statement) },
      ]);
      expect(changed.outcomes[0]).toMatchObject({ outcome: 'rejected', id: b.id });
    });

    it('accepts an empty batch', async () => {
      const store = await open();
      expect(await store.statements.appendBatch([])).toEqual({
        committed: true,
        outcomes: [],
        counts: { stored: 0, duplicate: 0, rejected: 0, withheld: 0 },
      });
    });
  });

  describe('bulkInsert', () => {
    it('stores many statements at once and counts repeats as duplicates', async () => {
      const store = await open();
      const urn = freshUrn();
      const statements = Array.from({ length: 2500 }, () => makeStatement({ urn }));
      expect(await store.statements.bulkInsert(statements)).toEqual({ stored: 2500, duplicate: 0 });
      expect(await store.statements.bulkInsert([...statements.slice(0, 10), statements[0]!])).toEqual({
        stored: 0,
        duplicate: 11,
      });
      expect(ids(await readAll(store, urn, 1000))).toEqual(statements.map((s) => s.id));
    });

    it('stores nothing when one statement conflicts', async () => {
      const store = await open();
      const urn = freshUrn();
      const stored = makeStatement({ urn });
      await store.statements.append(stored);
      const fresh = makeStatement({ urn });
      const attempt = store.statements.bulkInsert([fresh, { ...stored, channel: 'EMAL' } as Statement]);
      await expect(attempt).rejects.toBeInstanceOf(StatementConflictError);
      expect(await store.statements.get(fresh.id)).toBeUndefined();
    });
  });

  describe('appendIf', () => {
    const pupil = (urn: string, n: number) => ({ urn, upn: upn(n) });
    const empty = (history: readonly StoredStatement[]) => history.length === 0;

    it('stores when the guard accepts the history, and shows the guard that history', async () => {
      const store = await open();
      const urn = freshUrn();
      const first = makeStatement({ urn, upn: upn(7) });
      expect(await store.statements.appendIf(first, pupil(urn, 7), empty)).toMatchObject({
        outcome: 'stored',
        id: first.id,
      });
      const second = makeStatement({ urn, upn: upn(7) });
      let seen: string[] = [];
      const outcome = await store.statements.appendIf(second, pupil(urn, 7), (history) => {
        seen = ids(history);
        return true;
      });
      expect(outcome).toMatchObject({ outcome: 'stored', id: second.id });
      expect(seen).toEqual([first.id]);
    });

    it('refuses when the guard does not, storing nothing and returning the history it saw', async () => {
      const store = await open();
      const urn = freshUrn();
      const first = makeStatement({ urn, upn: upn(8) });
      await store.statements.append(first);
      const second = makeStatement({ urn, upn: upn(8) });
      const outcome = await store.statements.appendIf(second, pupil(urn, 8), empty);
      expect(outcome.outcome).toBe('refused');
      expect(ids((outcome as { history: StoredStatement[] }).history)).toEqual([first.id]);
      expect(await store.statements.get(second.id)).toBeUndefined();
    });

    it('lets exactly one of many racing writers through, across separate connections', async () => {
      // Two handles on the same database stand for two server processes: each writer checks "no
      // statement yet" and appends. Without the lock around read and write, several would see an empty
      // history and all be stored.
      const [a, b] = [await open(), await open()];
      const urn = freshUrn();
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 === 0 ? a : b).statements.appendIf(
            makeStatement({ urn, upn: upn(9) }),
            pupil(urn, 9),
            empty,
          ),
        ),
      );
      expect(outcomes.filter((o) => o.outcome === 'stored')).toHaveLength(1);
      expect(outcomes.filter((o) => o.outcome === 'refused')).toHaveLength(7);
      expect(await a.statements.pupilHistory(pupil(urn, 9))).toHaveLength(1);
    });

    it('rejects a conflicting id like append, and a query for another school', async () => {
      const store = await open();
      const urn = freshUrn();
      const stored = makeStatement({ urn, upn: upn(10) });
      await store.statements.append(stored);
      await expect(
        store.statements.appendIf({ ...stored, channel: 'ONLN' } as Statement, pupil(urn, 10), () => true),
      ).rejects.toBeInstanceOf(StatementConflictError);
      await expect(
        store.statements.appendIf(makeStatement({ urn, upn: upn(10) }), pupil(freshUrn(), 10), () => true),
      ).rejects.toBeInstanceOf(InvalidRequestError);
    });
  });

  describe('stored JSON', () => {
    it('keeps __proto__ keys in a statement as plain data without touching any prototype', async () => {
      const store = await open();
      const statement = { ...makeStatement({ urn: freshUrn() }), extension: hostile() } as Statement;
      await store.statements.append(statement);
      const read = (await store.statements.get(statement.id))!.statement as unknown as { extension: object };
      expectPlainData(read.extension);
    });

    it('round-trips unicode exactly, including NUL and lone surrogates', async () => {
      const store = await open();
      const urn = freshUrn();
      const statements = HARD_TEXTS.map((grounds, n) =>
        makeStatement({ urn, grounds, localId: `Łukasz-${n}-😀` }),
      );
      await store.statements.appendBatch(statements.map((statement) => ({ statement })));
      const read = await readAll(store, urn, 100);
      expect(read.map((item) => item.statement)).toEqual(statements);
      expect(ids(await store.statements.pupilHistory({ urn, localId: 'Łukasz-2-😀' }))).toEqual([
        statements[2]!.id,
      ]);
    });
  });
}
