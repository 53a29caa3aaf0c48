import type { Finding, Statement } from '@reuse-pref/schema';
import { afterEach, describe, expect, it } from 'vitest';
import {
  IdempotencyConflictError,
  InvalidRequestError,
  LedgerConflictError,
  PreconditionFailedError,
  prepareStatement,
  StatementConflictError,
  type StatementStore,
  type StoredStatement,
} from '../../src/index.js';
import { freshUrn, makeStatement, reorderKeys, upn } from './fixtures.js';

/** Opens a store on the implementation's test database; called again, it opens the same database. */
export type StoreFactory = () => Promise<StatementStore>;

const finding: Finding = {
  rule: 'upn-check-letter',
  severity: 'error',
  pointer: '/subject/upn',
  message: 'subject.upn: the check letter is wrong',
};

async function readAll(store: StatementStore, urn: string, limit: number): Promise<StoredStatement[]> {
  const all: StoredStatement[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await store.listStatements(urn, after === undefined ? { limit } : { after, limit });
    all.push(...page.items);
    if (page.nextCursor === null) return all;
    after = page.nextCursor;
  }
}

const ids = (items: readonly StoredStatement[]) => items.map((item) => item.statement.id);

/**
 * The behaviour every StatementStore must have. Tests share one database per implementation, so each
 * uses its own schools, keys and ledgers.
 */
export function runStoreContract(name: string, openStore: StoreFactory): void {
  describe(`StatementStore contract: ${name}`, () => {
    const opened: StatementStore[] = [];
    const open = async () => {
      const store = await openStore();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    describe('append', () => {
      it('stores a statement and returns it unchanged', async () => {
        const store = await open();
        const statement = makeStatement({ urn: freshUrn(), upn: upn(1) });
        const outcome = await store.append(statement);
        expect(outcome).toMatchObject({ outcome: 'stored', id: statement.id });
        const stored = await store.getStatement(statement.id);
        expect(stored?.statement).toEqual(statement);
        expect(stored?.cursor).toBe(outcome.cursor);
        expect(Date.parse(stored!.storedAt)).not.toBeNaN();
      });

      it('treats the same id with identical content as a no-op, whatever the key order', async () => {
        const store = await open();
        const urn = freshUrn();
        const statement = makeStatement({ urn });
        const first = await store.append(statement);
        const again = await store.append(reorderKeys(statement));
        expect(again).toEqual({ outcome: 'duplicate', id: statement.id, cursor: first.cursor });
        expect(ids((await store.listStatements(urn)).items)).toEqual([statement.id]);
      });

      it('refuses the same id with different content, naming the id, and keeps the original', async () => {
        const store = await open();
        const statement = makeStatement({ urn: freshUrn() });
        await store.append(statement);
        const altered = { ...statement, expressedAt: '2026-10-01T00:00:00Z' };
        const error = await store.append(altered).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(StatementConflictError);
        expect((error as StatementConflictError).id).toBe(statement.id);
        expect((error as Error).message).toContain(statement.id);
        expect((await store.getStatement(statement.id))?.statement).toEqual(statement);
      });

      it('keeps every statement: a change is a new statement beside the old', async () => {
        const store = await open();
        const urn = freshUrn();
        const first = makeStatement({ urn, upn: upn(2), expressedAt: '2026-09-01T00:00:00Z' });
        const second = makeStatement({ urn, upn: upn(2), expressedAt: '2026-09-02T00:00:00Z' });
        await store.append(first);
        await store.append(second);
        expect(ids(await store.pupilHistory({ upn: upn(2), urn }))).toEqual([first.id, second.id]);
      });

      it('returns nothing for an id never stored', async () => {
        const store = await open();
        expect(await store.getStatement('00000000-0000-4000-8000-000000000000')).toBeUndefined();
      });

      it('keeps what was written after the store is closed and opened again', async () => {
        const urn = freshUrn();
        const statement = makeStatement({ urn });
        const writer = await open();
        await writer.append(statement);
        await writer.close();
        const reader = await open();
        expect((await reader.getStatement(statement.id))?.statement).toEqual(statement);
      });
    });

    describe('appendBatch', () => {
      it('stores a valid batch and reports each record', async () => {
        const store = await open();
        const urn = freshUrn();
        const existing = makeStatement({ urn });
        await store.append(existing);
        const fresh = [makeStatement({ urn }), makeStatement({ urn })];
        const result = await store.appendBatch([
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
        const result = await store.appendBatch([
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
        expect((await store.listStatements(urn)).items).toEqual([]);
      });

      it('stores nothing when a record in the middle conflicts with a stored statement', async () => {
        const store = await open();
        const urn = freshUrn();
        const stored = makeStatement({ urn });
        await store.append(stored);
        const batch = [
          makeStatement({ urn }),
          { ...stored, recordedAt: '2026-12-01T00:00:00Z' },
          makeStatement({ urn }),
        ];
        const result = await store.appendBatch(batch.map((statement) => ({ statement })));
        expect(result.committed).toBe(false);
        expect(result.outcomes[1]).toMatchObject({ outcome: 'rejected', id: stored.id });
        const rejected = result.outcomes[1] as { findings: Finding[] };
        expect(rejected.findings[0]).toMatchObject({ rule: 'statement-id-conflict', pointer: '/id' });
        expect(result.outcomes.map((o) => o.outcome)).toEqual(['withheld', 'rejected', 'withheld']);
        expect(ids(await readAll(store, urn, 10))).toEqual([stored.id]);
        expect(await store.getStatement(batch[0]!.id)).toBeUndefined();
      });

      it('folds a repeat within the batch and rejects a changed repeat', async () => {
        const store = await open();
        const urn = freshUrn();
        const statement = makeStatement({ urn });
        const repeated = await store.appendBatch([{ statement }, { statement: reorderKeys(statement) }]);
        expect(repeated.outcomes.map((o) => o.outcome)).toEqual(['stored', 'duplicate']);

        const other = makeStatement({ urn });
        const changed = await store.appendBatch([
          { statement: other },
          { statement: { ...other, channel: 'ONLN' } as Statement },
        ]);
        expect(changed.committed).toBe(false);
        expect(changed.outcomes.map((o) => o.outcome)).toEqual(['withheld', 'rejected']);
        expect(await store.getStatement(other.id)).toBeUndefined();
      });

      it('takes prepared rows like statements: stored, folded as repeats, conflicts rejected', async () => {
        const store = await open();
        const urn = freshUrn();
        const a = makeStatement({ urn });
        const b = makeStatement({ urn });
        const result = await store.appendBatch([
          { prepared: prepareStatement(a) },
          { statement: b },
          { prepared: prepareStatement(reorderKeys(a)) },
        ]);
        expect(result.outcomes.map((o) => o.outcome)).toEqual(['stored', 'stored', 'duplicate']);
        expect((await store.getStatement(a.id))?.statement).toEqual(a);
        const changed = await store.appendBatch([
          { prepared: prepareStatement({ ...b, channel: 'ONLN' } as Statement) },
        ]);
        expect(changed.outcomes[0]).toMatchObject({ outcome: 'rejected', id: b.id });
      });

      it('accepts an empty batch', async () => {
        const store = await open();
        expect(await store.appendBatch([])).toEqual({
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
        expect(await store.bulkInsert(statements)).toEqual({ stored: 2500, duplicate: 0 });
        expect(await store.bulkInsert([...statements.slice(0, 10), statements[0]!])).toEqual({
          stored: 0,
          duplicate: 11,
        });
        expect(ids(await readAll(store, urn, 1000))).toEqual(statements.map((s) => s.id));
      });

      it('stores nothing when one statement conflicts', async () => {
        const store = await open();
        const urn = freshUrn();
        const stored = makeStatement({ urn });
        await store.append(stored);
        const fresh = makeStatement({ urn });
        const attempt = store.bulkInsert([fresh, { ...stored, channel: 'EMAL' } as Statement]);
        await expect(attempt).rejects.toBeInstanceOf(StatementConflictError);
        expect(await store.getStatement(fresh.id)).toBeUndefined();
      });
    });

    describe('listing with cursors', () => {
      it('pages through records with equal timestamps without skipping or repeating any', async () => {
        const store = await open();
        const urn = freshUrn();
        const sameTime = { urn, expressedAt: '2026-09-03T08:15:00Z' };
        const written: string[] = [];
        // Several batches, so equal storedAt values fall on both sides of page boundaries.
        for (let batch = 0; batch < 4; batch++) {
          const statements = Array.from({ length: 9 }, () => makeStatement(sameTime));
          await store.appendBatch(statements.map((statement) => ({ statement })));
          written.push(...statements.map((s) => s.id));
        }
        for (const limit of [1, 5, 7, 9, 36, 100]) {
          expect(ids(await readAll(store, urn, limit))).toEqual(written);
        }
      });

      it('resumes after a cursor even when records arrive between pages', async () => {
        const store = await open();
        const urn = freshUrn();
        const early = Array.from({ length: 10 }, () => makeStatement({ urn }));
        await store.bulkInsert(early);
        const first = await store.listStatements(urn, { limit: 4 });
        const late = Array.from({ length: 3 }, () => makeStatement({ urn }));
        await store.bulkInsert(late);
        const rest = await readAll(store, urn, 1000).then((all) => all.slice(4));
        const resumed: StoredStatement[] = [];
        let after = first.nextCursor;
        while (after !== null) {
          const page = await store.listStatements(urn, { after, limit: 4 });
          resumed.push(...page.items);
          after = page.nextCursor;
        }
        expect(ids(first.items)).toEqual(early.slice(0, 4).map((s) => s.id));
        expect(ids(resumed)).toEqual([...early.slice(4), ...late].map((s) => s.id));
        expect(ids(resumed)).toEqual(ids(rest));
      });

      it('resumes from the cursor of any single record', async () => {
        const store = await open();
        const urn = freshUrn();
        const statements = Array.from({ length: 5 }, () => makeStatement({ urn }));
        await store.bulkInsert(statements);
        const all = await readAll(store, urn, 100);
        const after = await store.listStatements(urn, { after: all[1]!.cursor });
        expect(ids(after.items)).toEqual(statements.slice(2).map((s) => s.id));
        expect(after.nextCursor).toBeNull();
      });

      it('refuses a cursor it did not issue and an out-of-range limit', async () => {
        const store = await open();
        const urn = freshUrn();
        for (const after of ['not a cursor', '', 'LTE', Buffer.from('01').toString('base64url'), '%%%']) {
          await expect(store.listStatements(urn, { after })).rejects.toBeInstanceOf(InvalidRequestError);
          await expect(store.changes(urn, { after })).rejects.toBeInstanceOf(InvalidRequestError);
        }
        for (const limit of [0, -1, 1.5, 10_001]) {
          await expect(store.listStatements(urn, { limit })).rejects.toBeInstanceOf(InvalidRequestError);
        }
      });
    });

    describe('change feed', () => {
      it('returns new records after a cursor and a cursor to poll from when there are none', async () => {
        const store = await open();
        const urn = freshUrn();
        const empty = await store.changes(urn);
        expect(empty.items).toEqual([]);
        const first = [makeStatement({ urn }), makeStatement({ urn })];
        await store.appendBatch(first.map((statement) => ({ statement })));
        const page1 = await store.changes(urn, { after: empty.cursor });
        expect(ids(page1.items)).toEqual(first.map((s) => s.id));
        const idle = await store.changes(urn, { after: page1.cursor });
        expect(idle).toEqual({ items: [], cursor: page1.cursor });
        const second = makeStatement({ urn });
        await store.append(second);
        const page2 = await store.changes(urn, { after: idle.cursor });
        expect(ids(page2.items)).toEqual([second.id]);
      });

      it('resumes in a new store instance from a saved cursor', async () => {
        const urn = freshUrn();
        const writer = await open();
        const before = Array.from({ length: 3 }, () => makeStatement({ urn }));
        await writer.bulkInsert(before);
        const { cursor } = await writer.changes(urn, { limit: 2 });
        const after = makeStatement({ urn });
        await writer.append(after);
        await writer.close();
        const reader = await open();
        const resumed = await reader.changes(urn, { after: cursor });
        expect(ids(resumed.items)).toEqual([before[2]!.id, after.id]);
      });

      it('never skips a record while writers run concurrently', async () => {
        const store = await open();
        const urn = freshUrn();
        const written: string[] = [];
        const writers = Array.from({ length: 8 }, async () => {
          for (let round = 0; round < 5; round++) {
            const batch = Array.from({ length: 3 }, () => makeStatement({ urn }));
            await store.appendBatch(batch.map((statement) => ({ statement })));
            written.push(...batch.map((s) => s.id));
          }
        });
        const seen: string[] = [];
        let cursor: string | undefined;
        let done = false;
        const reader = (async () => {
          while (!done) {
            const page = await store.changes(
              urn,
              cursor === undefined ? { limit: 7 } : { after: cursor, limit: 7 },
            );
            seen.push(...ids(page.items));
            cursor = page.cursor;
          }
        })();
        await Promise.all(writers);
        done = true;
        await reader;
        for (;;) {
          const page = await store.changes(urn, cursor === undefined ? {} : { after: cursor });
          if (page.items.length === 0) break;
          seen.push(...ids(page.items));
          cursor = page.cursor;
        }
        expect(new Set(seen).size).toBe(seen.length);
        expect([...seen].sort()).toEqual([...written].sort());
        expect(seen).toEqual(ids(await readAll(store, urn, 1000)));
      });
    });

    describe('school isolation', () => {
      it('lists, feeds and finds only the school asked for', async () => {
        const store = await open();
        const schoolA = freshUrn();
        const schoolB = freshUrn();
        const a = makeStatement({ urn: schoolA, upn: upn(30), localId: 'ADM-1' });
        const b = makeStatement({ urn: schoolB, upn: upn(31), localId: 'ADM-1' });
        await store.append(a);
        await store.append(b);
        expect(ids(await readAll(store, schoolA, 10))).toEqual([a.id]);
        expect(ids((await store.changes(schoolA)).items)).toEqual([a.id]);
        expect(ids(await store.pupilHistory({ urn: schoolA, localId: 'ADM-1' }))).toEqual([a.id]);
        expect(ids(await store.pupilHistory({ urn: schoolA, upn: upn(31) }))).toEqual([]);
        // A cursor taken from school B's feed still reads only school A.
        const cursorB = (await store.changes(schoolB)).cursor;
        const fromB = await store.changes(schoolA, { after: (await store.changes(schoolA)).cursor });
        expect(fromB.items).toEqual([]);
        expect(
          (await store.listStatements(schoolA, { after: cursorB })).items.every(
            (i) => i.statement.setting.urn === schoolA,
          ),
        ).toBe(true);
      });
    });

    describe('pupil history', () => {
      it('finds a pupil by upn or uln across schools, and by localId within one', async () => {
        const store = await open();
        const first = freshUrn();
        const second = freshUrn();
        const pupil = { upn: upn(40), uln: '1234567899' };
        const atFirst = makeStatement({ urn: first, ...pupil, localId: 'P-1' });
        const onlyLocal = makeStatement({ urn: first, localId: 'P-1' });
        const atSecond = makeStatement({ urn: second, upn: pupil.upn, localId: 'Q-9' });
        const byUln = makeStatement({ urn: second, uln: pupil.uln, localId: 'Q-9' });
        const someoneElse = makeStatement({ urn: second, upn: upn(41), localId: 'P-1' });
        await store.bulkInsert([atFirst, onlyLocal, atSecond, byUln, someoneElse]);

        expect(ids(await store.pupilHistory({ upn: pupil.upn }))).toEqual([atFirst.id, atSecond.id]);
        expect(ids(await store.pupilHistory({ uln: pupil.uln }))).toEqual([atFirst.id, byUln.id]);
        expect(ids(await store.pupilHistory(pupil))).toEqual([atFirst.id, atSecond.id, byUln.id]);
        expect(ids(await store.pupilHistory({ upn: pupil.upn, urn: second }))).toEqual([atSecond.id]);
        expect(ids(await store.pupilHistory({ localId: 'P-1', urn: first }))).toEqual([
          atFirst.id,
          onlyLocal.id,
        ]);
        expect(ids(await store.pupilHistory({ localId: 'P-1', urn: first, upn: pupil.upn }))).toEqual([
          atFirst.id,
          onlyLocal.id,
        ]);
      });

      it('refuses a query that names no pupil, or a localId without its school', async () => {
        const store = await open();
        await expect(store.pupilHistory({ urn: freshUrn() })).rejects.toBeInstanceOf(InvalidRequestError);
        await expect(store.pupilHistory({ localId: 'P-1' })).rejects.toBeInstanceOf(InvalidRequestError);
      });
    });

    describe('appendIf', () => {
      const pupil = (urn: string, n: number) => ({ urn, upn: upn(n) });
      const empty = (history: readonly StoredStatement[]) => history.length === 0;

      it('stores when the guard accepts the history, and shows the guard that history', async () => {
        const store = await open();
        const urn = freshUrn();
        const first = makeStatement({ urn, upn: upn(7) });
        expect(await store.appendIf(first, pupil(urn, 7), empty)).toMatchObject({
          outcome: 'stored',
          id: first.id,
        });
        const second = makeStatement({ urn, upn: upn(7) });
        let seen: string[] = [];
        const outcome = await store.appendIf(second, pupil(urn, 7), (history) => {
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
        await store.append(first);
        const second = makeStatement({ urn, upn: upn(8) });
        const outcome = await store.appendIf(second, pupil(urn, 8), empty);
        expect(outcome.outcome).toBe('refused');
        expect(ids((outcome as { history: StoredStatement[] }).history)).toEqual([first.id]);
        expect(await store.getStatement(second.id)).toBeUndefined();
      });

      it('lets exactly one of many racing writers through, across separate connections', async () => {
        // Two handles on the same database stand for two server processes: each writer checks "no
        // statement yet" and appends. Without the lock around read and write, several would see an empty
        // history and all be stored.
        const [a, b] = [await open(), await open()];
        const urn = freshUrn();
        const outcomes = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            (i % 2 === 0 ? a : b).appendIf(makeStatement({ urn, upn: upn(9) }), pupil(urn, 9), empty),
          ),
        );
        expect(outcomes.filter((o) => o.outcome === 'stored')).toHaveLength(1);
        expect(outcomes.filter((o) => o.outcome === 'refused')).toHaveLength(7);
        expect(await a.pupilHistory(pupil(urn, 9))).toHaveLength(1);
      });

      it('rejects a conflicting id like append, and a query for another school', async () => {
        const store = await open();
        const urn = freshUrn();
        const stored = makeStatement({ urn, upn: upn(10) });
        await store.append(stored);
        await expect(
          store.appendIf({ ...stored, channel: 'ONLN' } as Statement, pupil(urn, 10), () => true),
        ).rejects.toBeInstanceOf(StatementConflictError);
        await expect(
          store.appendIf(makeStatement({ urn, upn: upn(10) }), pupil(freshUrn(), 10), () => true),
        ).rejects.toBeInstanceOf(InvalidRequestError);
      });
    });

    describe('idempotency keys', () => {
      const response = { status: 201, headers: { location: '/statements/1' }, body: { stored: 1 } };

      it('replays the stored response for the same key and request', async () => {
        const store = await open();
        const scope = `client-${freshUrn()}`;
        expect(await store.getIdempotent(scope, 'key-1', 'hash-a')).toEqual({ state: 'new' });
        expect(await store.putIdempotent(scope, 'key-1', 'hash-a', response)).toEqual(response);
        const replay = await store.getIdempotent(scope, 'key-1', 'hash-a');
        expect(replay).toMatchObject({ state: 'replay', response });
        // A second save (a concurrent duplicate request) keeps the first response.
        const later = { ...response, body: { stored: 0 } };
        expect(await store.putIdempotent(scope, 'key-1', 'hash-a', later)).toEqual(response);
      });

      it('claims a key once: a second claim waits, the response ends the claim, later claims replay', async () => {
        const [a, b] = [await open(), await open()];
        const scope = `client-${freshUrn()}`;
        expect(await a.claimIdempotent(scope, 'key-c', 'hash-a', 60_000)).toEqual({ state: 'claimed' });
        // Another connection (another server process) sees the claim.
        expect(await b.claimIdempotent(scope, 'key-c', 'hash-a', 60_000)).toEqual({ state: 'in-progress' });
        await expect(b.claimIdempotent(scope, 'key-c', 'hash-b', 60_000)).rejects.toBeInstanceOf(
          IdempotencyConflictError,
        );
        await a.putIdempotent(scope, 'key-c', 'hash-a', response);
        expect(await b.claimIdempotent(scope, 'key-c', 'hash-a', 60_000)).toMatchObject({
          state: 'replay',
          response,
        });
      });

      it('lets exactly one of many racing claims through, across separate connections', async () => {
        const [a, b] = [await open(), await open()];
        const scope = `client-${freshUrn()}`;
        const claims = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            (i % 2 === 0 ? a : b).claimIdempotent(scope, 'key-r', 'h', 60_000),
          ),
        );
        expect(claims.filter((c) => c.state === 'claimed')).toHaveLength(1);
        expect(claims.filter((c) => c.state === 'in-progress')).toHaveLength(7);
      });

      it('frees a released claim, and takes over a stale one', async () => {
        const store = await open();
        const scope = `client-${freshUrn()}`;
        await store.claimIdempotent(scope, 'key-x', 'hash-a', 60_000);
        await store.releaseIdempotent(scope, 'key-x');
        expect(await store.claimIdempotent(scope, 'key-x', 'hash-a', 60_000)).toEqual({ state: 'claimed' });
        // The request holding it died: once older than staleAfterMs, the claim goes to the retry.
        await new Promise((resolve) => setTimeout(resolve, 30));
        expect(await store.claimIdempotent(scope, 'key-x', 'hash-a', 60_000)).toEqual({
          state: 'in-progress',
        });
        expect(await store.claimIdempotent(scope, 'key-x', 'hash-a', 10)).toEqual({ state: 'claimed' });
      });

      it('treats the same key with a different request as a conflict', async () => {
        const store = await open();
        const scope = `client-${freshUrn()}`;
        await store.putIdempotent(scope, 'key-1', 'hash-a', response);
        await expect(store.getIdempotent(scope, 'key-1', 'hash-b')).rejects.toBeInstanceOf(
          IdempotencyConflictError,
        );
        await expect(store.putIdempotent(scope, 'key-1', 'hash-b', response)).rejects.toBeInstanceOf(
          IdempotencyConflictError,
        );
        expect(await store.getIdempotent(`${scope}-other`, 'key-1', 'hash-b')).toEqual({ state: 'new' });
      });
    });

    describe('school state with ETags', () => {
      it('creates, updates on a matching ETag, and refuses a stale one changing nothing', async () => {
        const store = await open();
        const urn = freshUrn();
        expect(await store.getSchoolState(urn)).toBeUndefined();
        const created = await store.compareAndSet(urn, null, { census: 'autumn' });
        expect(created).toMatchObject({ urn, version: 1, data: { census: 'autumn' } });
        await expect(store.compareAndSet(urn, null, { census: 'again' })).rejects.toBeInstanceOf(
          PreconditionFailedError,
        );
        const updated = await store.compareAndSet(urn, created.etag, { census: 'spring' });
        expect(updated.version).toBe(2);
        expect(updated.etag).not.toBe(created.etag);
        const stale = await store
          .compareAndSet(urn, created.etag, { census: 'lost' })
          .catch((e: unknown) => e);
        expect(stale).toBeInstanceOf(PreconditionFailedError);
        expect((stale as PreconditionFailedError).currentEtag).toBe(updated.etag);
        expect(await store.getSchoolState(urn)).toEqual(updated);
        const anyVersion = await store.compareAndSet(urn, '*', { census: 'summer' });
        expect(anyVersion.version).toBe(3);
      });

      it('refuses * when no state exists, and keeps schools apart', async () => {
        const store = await open();
        const urn = freshUrn();
        await expect(store.compareAndSet(urn, '*', {})).rejects.toBeInstanceOf(PreconditionFailedError);
        expect(await store.getSchoolState(urn)).toBeUndefined();
        const other = await store.compareAndSet(freshUrn(), null, { x: 1 });
        await expect(store.compareAndSet(urn, other.etag, {})).rejects.toBeInstanceOf(
          PreconditionFailedError,
        );
      });

      it('lets exactly one of several concurrent updates from the same ETag win', async () => {
        const store = await open();
        const urn = freshUrn();
        const start = await store.compareAndSet(urn, null, { n: 0 });
        const attempts = await Promise.allSettled(
          Array.from({ length: 6 }, (_, n) => store.compareAndSet(urn, start.etag, { n: n + 1 })),
        );
        expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
        expect((await store.getSchoolState(urn))?.version).toBe(2);
      });
    });

    describe('ledger', () => {
      it('appends entries at dense indexes and reads ranges back', async () => {
        const store = await open();
        const ledger = `releases-${freshUrn()}`;
        expect(await store.countLedger(ledger)).toBe(0);
        for (let n = 0; n < 5; n++) {
          const entry = await store.appendLedger(ledger, { n });
          expect(entry).toMatchObject({ ledger, index: n, entry: { n } });
        }
        expect(await store.countLedger(ledger)).toBe(5);
        expect((await store.readLedger(ledger, { from: 1, limit: 3 })).map((e) => e.entry)).toEqual([
          { n: 1 },
          { n: 2 },
          { n: 3 },
        ]);
        expect(await store.readLedger(ledger, { from: 5 })).toEqual([]);
        expect(await store.countLedger(`${ledger}-other`)).toBe(0);
      });

      it('refuses an append at an index that is already taken', async () => {
        const store = await open();
        const ledger = `chain-${freshUrn()}`;
        await store.appendLedger(ledger, 'genesis', { expectedIndex: 0 });
        const error = await store.appendLedger(ledger, 'late', { expectedIndex: 0 }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(LedgerConflictError);
        expect((error as LedgerConflictError).actualIndex).toBe(1);
        expect(await store.countLedger(ledger)).toBe(1);
      });

      it('gives concurrent appends distinct consecutive indexes', async () => {
        const store = await open();
        const ledger = `busy-${freshUrn()}`;
        const entries = await Promise.all(
          Array.from({ length: 12 }, (_, n) => store.appendLedger(ledger, n)),
        );
        expect(entries.map((e) => e.index).sort((x, y) => x - y)).toEqual(
          Array.from({ length: 12 }, (_, n) => n),
        );
      });
    });

    describe('stored JSON', () => {
      const hostile = () =>
        JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');

      it('keeps __proto__ keys as plain data without touching any prototype', async () => {
        const store = await open();
        const urn = freshUrn();
        const statement = { ...makeStatement({ urn }), extension: hostile() } as Statement;
        await store.append(statement);
        const state = await store.compareAndSet(urn, null, hostile());
        const entry = await store.appendLedger(`proto-${urn}`, hostile());
        await store.putIdempotent(urn, 'k', 'h', { status: 200, body: hostile() });

        const read = [
          ((await store.getStatement(statement.id))!.statement as unknown as { extension: object }).extension,
          (await store.getSchoolState(urn))!.data as object,
          (await store.readLedger(`proto-${urn}`))[0]!.entry as object,
          ((await store.getIdempotent(urn, 'k', 'h')) as { response: { body: object } }).response.body,
          state.data as object,
          entry.entry as object,
        ];
        for (const value of read) {
          expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
          expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
          expect(JSON.stringify(value)).toBe(JSON.stringify(hostile()));
        }
        expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty('polluted');
      });

      it('round-trips unicode exactly, including NUL and lone surrogates', async () => {
        const store = await open();
        const urn = freshUrn();
        const texts = [
          'Dŵr, tŷ a chwarae: Cymraeg',
          'لا نوافق على المشاركة',
          '我们不同意 👨‍👩‍👧‍👦 🏳️‍🌈',
          'e\u0301 vs \u00e9',
          'nul \u0000 inside',
          'lone \ud800 surrogate',
        ];
        const statements = texts.map((grounds, n) =>
          makeStatement({ urn, grounds, localId: `Łukasz-${n}-😀` }),
        );
        await store.appendBatch(statements.map((statement) => ({ statement })));
        const read = await readAll(store, urn, 100);
        expect(read.map((item) => item.statement)).toEqual(statements);
        expect(ids(await store.pupilHistory({ urn, localId: 'Łukasz-2-😀' }))).toEqual([statements[2]!.id]);
        await store.compareAndSet(urn, null, { note: texts.join('|') });
        expect((await store.getSchoolState(urn))?.data).toEqual({ note: texts.join('|') });
      });
    });
  });
}
