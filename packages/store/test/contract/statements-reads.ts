import { describe, expect, it } from 'vitest';
import { InvalidRequestError, type StoredStatement } from '../../src/index.js';
import { freshUrn, makeStatement, upn } from './fixtures.js';
import { ids, readAll, type StoreFactory } from './harness.js';

/** Reading statements back: pages and cursors, the change feed, each school apart, a pupil's history. */
export function statementReadsContract(open: StoreFactory): void {
  describe('listing with cursors', () => {
    it('pages through records with equal timestamps without skipping or repeating any', async () => {
      const store = await open();
      const urn = freshUrn();
      const sameTime = { urn, expressedAt: '2026-09-03T08:15:00Z' };
      const written: string[] = [];
      // Several batches, so equal storedAt values fall on both sides of page boundaries.
      for (let batch = 0; batch < 4; batch++) {
        const statements = Array.from({ length: 9 }, () => makeStatement(sameTime));
        await store.statements.appendBatch(statements.map((statement) => ({ statement })));
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
      await store.statements.bulkInsert(early);
      const first = await store.statements.list(urn, { limit: 4 });
      const late = Array.from({ length: 3 }, () => makeStatement({ urn }));
      await store.statements.bulkInsert(late);
      const rest = await readAll(store, urn, 1000).then((all) => all.slice(4));
      const resumed: StoredStatement[] = [];
      let after = first.nextCursor;
      while (after !== null) {
        const page = await store.statements.list(urn, { after, limit: 4 });
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
      await store.statements.bulkInsert(statements);
      const all = await readAll(store, urn, 100);
      const after = await store.statements.list(urn, { after: all[1]!.cursor });
      expect(ids(after.items)).toEqual(statements.slice(2).map((s) => s.id));
      expect(after.nextCursor).toBeNull();
    });

    it('refuses a cursor it did not issue and an out-of-range limit', async () => {
      const store = await open();
      const urn = freshUrn();
      for (const after of ['not a cursor', '', 'LTE', Buffer.from('01').toString('base64url'), '%%%']) {
        await expect(store.statements.list(urn, { after })).rejects.toBeInstanceOf(InvalidRequestError);
        await expect(store.statements.changes(urn, { after })).rejects.toBeInstanceOf(InvalidRequestError);
      }
      for (const limit of [0, -1, 1.5, 10_001]) {
        await expect(store.statements.list(urn, { limit })).rejects.toBeInstanceOf(InvalidRequestError);
      }
    });
  });

  describe('change feed', () => {
    it('returns new records after a cursor and a cursor to poll from when there are none', async () => {
      const store = await open();
      const urn = freshUrn();
      const empty = await store.statements.changes(urn);
      expect(empty.items).toEqual([]);
      const first = [makeStatement({ urn }), makeStatement({ urn })];
      await store.statements.appendBatch(first.map((statement) => ({ statement })));
      const page1 = await store.statements.changes(urn, { after: empty.cursor });
      expect(ids(page1.items)).toEqual(first.map((s) => s.id));
      const idle = await store.statements.changes(urn, { after: page1.cursor });
      expect(idle).toEqual({ items: [], cursor: page1.cursor });
      const second = makeStatement({ urn });
      await store.statements.append(second);
      const page2 = await store.statements.changes(urn, { after: idle.cursor });
      expect(ids(page2.items)).toEqual([second.id]);
    });

    it('resumes in a new store instance from a saved cursor', async () => {
      const urn = freshUrn();
      const writer = await open();
      const before = Array.from({ length: 3 }, () => makeStatement({ urn }));
      await writer.statements.bulkInsert(before);
      const { cursor } = await writer.statements.changes(urn, { limit: 2 });
      const after = makeStatement({ urn });
      await writer.statements.append(after);
      await writer.close();
      const reader = await open();
      const resumed = await reader.statements.changes(urn, { after: cursor });
      expect(ids(resumed.items)).toEqual([before[2]!.id, after.id]);
    });

    it('never skips a record while writers run concurrently', async () => {
      const store = await open();
      const urn = freshUrn();
      const written: string[] = [];
      const writers = Array.from({ length: 8 }, async () => {
        for (let round = 0; round < 5; round++) {
          const batch = Array.from({ length: 3 }, () => makeStatement({ urn }));
          await store.statements.appendBatch(batch.map((statement) => ({ statement })));
          written.push(...batch.map((s) => s.id));
        }
      });
      const seen: string[] = [];
      let cursor: string | undefined;
      let done = false;
      const reader = (async () => {
        while (!done) {
          const page = await store.statements.changes(
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
        const page = await store.statements.changes(urn, cursor === undefined ? {} : { after: cursor });
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
      await store.statements.append(a);
      await store.statements.append(b);
      expect(ids(await readAll(store, schoolA, 10))).toEqual([a.id]);
      expect(ids((await store.statements.changes(schoolA)).items)).toEqual([a.id]);
      expect(ids(await store.statements.pupilHistory({ urn: schoolA, localId: 'ADM-1' }))).toEqual([a.id]);
      expect(ids(await store.statements.pupilHistory({ urn: schoolA, upn: upn(31) }))).toEqual([]);
      // A cursor taken from school B's feed still reads only school A.
      const cursorB = (await store.statements.changes(schoolB)).cursor;
      const fromB = await store.statements.changes(schoolA, {
        after: (await store.statements.changes(schoolA)).cursor,
      });
      expect(fromB.items).toEqual([]);
      expect(
        (await store.statements.list(schoolA, { after: cursorB })).items.every(
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
      await store.statements.bulkInsert([atFirst, onlyLocal, atSecond, byUln, someoneElse]);

      expect(ids(await store.statements.pupilHistory({ upn: pupil.upn }))).toEqual([atFirst.id, atSecond.id]);
      expect(ids(await store.statements.pupilHistory({ uln: pupil.uln }))).toEqual([atFirst.id, byUln.id]);
      expect(ids(await store.statements.pupilHistory(pupil))).toEqual([atFirst.id, atSecond.id, byUln.id]);
      expect(ids(await store.statements.pupilHistory({ upn: pupil.upn, urn: second }))).toEqual([
        atSecond.id,
      ]);
      expect(ids(await store.statements.pupilHistory({ localId: 'P-1', urn: first }))).toEqual([
        atFirst.id,
        onlyLocal.id,
      ]);
      expect(
        ids(await store.statements.pupilHistory({ localId: 'P-1', urn: first, upn: pupil.upn })),
      ).toEqual([atFirst.id, onlyLocal.id]);
    });

    it('refuses a query that names no pupil, or a localId without its school', async () => {
      const store = await open();
      await expect(store.statements.pupilHistory({ urn: freshUrn() })).rejects.toBeInstanceOf(
        InvalidRequestError,
      );
      await expect(store.statements.pupilHistory({ localId: 'P-1' })).rejects.toBeInstanceOf(
        InvalidRequestError,
      );
    });
  });
}
