import { describe, expect, it } from 'vitest';
import {
  InvalidRequestError,
  type LedgerAppend,
  LedgerConflictError,
  LedgerRun,
  type StatementStore,
} from '../../src/index.js';
import { failLedgerWrites, type StoreDatabase } from '../faults/fail-ledger-writes.js';
import { entriesEndingAt, freshUrn } from './fixtures.js';
import { expectPlainData, hostile, type StoreFactory } from './harness.js';

/** Named append-only ledgers: dense indexes, optimistic positions, atomic appends across ledgers. */
export function ledgersContract(open: StoreFactory, database: () => StoreDatabase): void {
  it('appends entries at dense indexes and reads ranges back', async () => {
    const store = await open();
    const ledger = `releases-${freshUrn()}`;
    expect(await store.ledgers.count(ledger)).toBe(0);
    for (let n = 0; n < 5; n++) {
      const entry = await store.ledgers.append(ledger, { n });
      expect(entry).toMatchObject({ ledger, index: n, entry: { n } });
    }
    expect(await store.ledgers.count(ledger)).toBe(5);
    expect((await store.ledgers.read(ledger, { from: 1, limit: 3 })).map((e) => e.entry)).toEqual([
      { n: 1 },
      { n: 2 },
      { n: 3 },
    ]);
    expect(await store.ledgers.read(ledger, { from: 5 })).toEqual([]);
    expect(await store.ledgers.count(`${ledger}-other`)).toBe(0);
  });

  it('refuses an append at an index that is already taken', async () => {
    const store = await open();
    const ledger = `chain-${freshUrn()}`;
    await store.ledgers.append(ledger, 'genesis', { expectedIndex: 0 });
    const error = await store.ledgers.append(ledger, 'late', { expectedIndex: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerConflictError);
    expect((error as LedgerConflictError).actualIndex).toBe(1);
    expect(await store.ledgers.count(ledger)).toBe(1);
  });

  it('refuses an append whose expected index does not hold, saying where the ledger ends, and keeps nothing', async () => {
    const store = await open();
    const ledger = `held-${freshUrn()}`;
    await store.ledgers.append(ledger, 'zero');
    await store.ledgers.append(ledger, 'one');
    // Ahead of the end, behind it, and opening (0) a ledger that exists.
    for (const expectedIndex of [5, 1, 0]) {
      const error = await store.ledgers
        .append(ledger, 'late', { expectedIndex })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(LedgerConflictError);
      expect(error).toMatchObject({
        code: 'ledger-conflict',
        ledger,
        expectedIndex,
        actualIndex: 2,
        message: `ledger ${ledger}: expected to append at ${expectedIndex}, next index is 2`,
      });
    }
    expect((await store.ledgers.read(ledger)).map((e) => e.entry)).toEqual(['zero', 'one']);
  });

  it('returns the entry appended as a read gives it back: index, recorded time and value', async () => {
    const store = await open();
    const ledger = `returned-${freshUrn()}`;
    const opened = await store.ledgers.append(ledger, { z: 1, a: ['b', null] }, { expectedIndex: 0 });
    const next = await store.ledgers.append(ledger, 'next', { expectedIndex: 1 });
    const last = await store.ledgers.append(ledger, 2.5);
    expect([opened, next, last].map((e) => [e.ledger, e.index, e.entry])).toEqual([
      [ledger, 0, { z: 1, a: ['b', null] }],
      [ledger, 1, 'next'],
      [ledger, 2, 2.5],
    ]);
    expect(new Date(opened.recordedAt).toISOString()).toBe(opened.recordedAt);
    expect(await store.ledgers.read(ledger)).toEqual([opened, next, last]);
    // Stored as JSON.stringify wrote it: members in the order given.
    expect(Object.keys((await store.ledgers.read(ledger))[0]!.entry as object)).toEqual(['z', 'a']);
  });

  it('gives concurrent appends distinct consecutive indexes', async () => {
    const store = await open();
    const ledger = `busy-${freshUrn()}`;
    const entries = await Promise.all(Array.from({ length: 12 }, (_, n) => store.ledgers.append(ledger, n)));
    expect(entries.map((e) => e.index).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 12 }, (_, n) => n),
    );
  });

  it('refuses a read from a position that is not a whole number', async () => {
    const store = await open();
    for (const from of [-1, 1.5, Number.NaN]) {
      await expect(store.ledgers.read(`range-${freshUrn()}`, { from })).rejects.toBeInstanceOf(
        InvalidRequestError,
      );
    }
  });

  it('keeps __proto__ keys in an entry as plain data', async () => {
    const store = await open();
    const ledger = `proto-${freshUrn()}`;
    const appended = await store.ledgers.append(ledger, hostile());
    expectPlainData(appended.entry as object);
    expectPlainData((await store.ledgers.read(ledger))[0]!.entry as object);
  });

  describe('readUnder', () => {
    it('reads every ledger whose name starts with the prefix, by name (bytewise) and then index', async () => {
      const store = await open();
      const f = `family-${freshUrn()}`;
      await store.ledgers.appendAll([
        { ledger: `${f}#2`, entry: 'two-0' },
        { ledger: `${f}#é`, entry: 'e-acute' },
        { ledger: `${f}#10`, entry: 'ten' },
        { ledger: f, entry: 'parent' },
        { ledger: `${f}$`, entry: 'dollar' },
        { ledger: `${f}"`, entry: 'quote' },
        { ledger: `${f}#\u{10FFFF}`, entry: 'last' },
        { ledger: `${f}#`, entry: 'bare' },
        { ledger: `${f}#2`, entry: 'two-1' },
        { ledger: `${f}#Z`, entry: 'capital' },
        { ledger: `${f}#a`, entry: 'small' },
      ]);
      const under = async (prefix: string, range?: { from?: number; limit?: number }) =>
        (await store.ledgers.readUnder(prefix, range)).map((e) => [
          e.ledger.slice(f.length),
          e.index,
          e.entry,
        ]);
      // Bytewise: '1' < '2' < 'Z' < 'a' < 'é' < U+10FFFF, whatever a database's own collation says.
      expect(await under(`${f}#`)).toEqual([
        ['#', 0, 'bare'],
        ['#10', 0, 'ten'],
        ['#2', 0, 'two-0'],
        ['#2', 1, 'two-1'],
        ['#Z', 0, 'capital'],
        ['#a', 0, 'small'],
        ['#é', 0, 'e-acute'],
        ['#\u{10FFFF}', 0, 'last'],
      ]);
      expect(await under(`${f}#`, { from: 3, limit: 3 })).toEqual([
        ['#2', 1, 'two-1'],
        ['#Z', 0, 'capital'],
        ['#a', 0, 'small'],
      ]);
      expect(await under(`${f}#`, { from: 8 })).toEqual([]);
      expect(await under(`${f}#1`)).toEqual([['#10', 0, 'ten']]);
      expect((await under(f)).map(([name]) => name)).toEqual([
        '',
        '"',
        '#',
        '#10',
        '#2',
        '#2',
        '#Z',
        '#a',
        '#é',
        '#\u{10FFFF}',
        '$',
      ]);
      expect(await under(`${f}%`)).toEqual([]);
    });

    it('refuses an empty prefix, one ending in U+10FFFF, and a from that is not a whole number', async () => {
      const store = await open();
      await expect(store.ledgers.readUnder('')).rejects.toBeInstanceOf(InvalidRequestError);
      await expect(store.ledgers.readUnder('x\u{10FFFF}')).rejects.toBeInstanceOf(InvalidRequestError);
      await expect(store.ledgers.readUnder('x', { from: -1 })).rejects.toBeInstanceOf(InvalidRequestError);
    });
  });

  describe('appendAll', () => {
    const entriesOf = async (store: StatementStore, ledger: string) =>
      (await store.ledgers.read(ledger, { limit: 10_000 })).map((e) => [e.index, e.entry]);

    it('appends to several ledgers at once, each in the order given after its current end', async () => {
      const store = await open();
      const [a, b, c] = ['a', 'b', 'c'].map((n) => `bulk-${n}-${freshUrn()}`) as [string, string, string];
      await store.ledgers.append(a, 'a0');
      await store.ledgers.append(a, 'a1');
      await store.ledgers.appendAll([
        { ledger: a, entry: 'a2' },
        { ledger: b, entry: { n: 0 } },
        { ledger: a, entry: 'a3', expectedIndex: 3 },
        { ledger: c, entry: null, expectedIndex: 0 },
        { ledger: b, entry: [1, 'two'] },
      ]);
      expect(await entriesOf(store, a)).toEqual([
        [0, 'a0'],
        [1, 'a1'],
        [2, 'a2'],
        [3, 'a3'],
      ]);
      expect(await entriesOf(store, b)).toEqual([
        [0, { n: 0 }],
        [1, [1, 'two']],
      ]);
      expect(await entriesOf(store, c)).toEqual([[0, null]]);
      const [first] = await store.ledgers.read(b);
      expect(Date.parse(first!.recordedAt)).not.toBeNaN();
    });

    it('appends nothing at all when its last entry is not where it expected', async () => {
      const store = await open();
      const school = freshUrn();
      const ledgers = Array.from({ length: 40 }, (_, n) => `many-${n}-${school}`);
      const entries = Array.from({ length: 4500 }, (_, n) => ({ ledger: ledgers[n % 40]!, entry: { n } }));
      const guarded = `guarded-${school}`;
      await store.ledgers.append(guarded, 'first');
      const error = await store.ledgers
        .appendAll([...entries, { ledger: guarded, entry: 'late', expectedIndex: 0 }])
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(LedgerConflictError);
      expect(error).toMatchObject({ ledger: guarded, expectedIndex: 0, actualIndex: 1 });
      for (const ledger of ledgers) expect(await store.ledgers.count(ledger)).toBe(0);
      expect(await store.ledgers.count(guarded)).toBe(1);
    });

    it('appends nothing at all when one entry, written last in key order, does not hold', async () => {
      // Entries enough for several statements before the one refused (SQLite inserts 500 rows a
      // statement, in key order), the refused entry in the middle of those given and its ledger last in
      // key order: an expected index past the end, and a ledger opened (0) that already has entries.
      const store = await open();
      const school = freshUrn();
      const ledgers = Array.from({ length: 40 }, (_, n) => `mixed-${n}-${school}`);
      const guarded = `zz-guarded-${school}`;
      await store.ledgers.append(guarded, 'first');
      for (const expectedIndex of [3, 0]) {
        const entries: LedgerAppend[] = Array.from({ length: 2400 }, (_, n) => ({
          ledger: ledgers[n % 40]!,
          entry: { n },
          ...(n % 7 === 0 ? { expectedIndex: Math.floor(n / 40) } : {}),
        }));
        entries.splice(1200, 0, { ledger: guarded, entry: 'late', expectedIndex });
        const error = await store.ledgers.appendAll(entries).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(LedgerConflictError);
        expect(error).toMatchObject({
          ledger: guarded,
          expectedIndex,
          actualIndex: 1,
          message: `ledger ${guarded}: expected to append at ${expectedIndex}, next index is 1`,
        });
        for (const ledger of ledgers) expect(await store.ledgers.count(ledger)).toBe(0);
        expect((await store.ledgers.read(guarded)).map((e) => e.entry)).toEqual(['first']);
      }
    });

    it('stores each entry given with its text as that text exactly, the others as JSON.stringify writes them', async () => {
      const store = await open();
      const ledger = `texts-${freshUrn()}`;
      await store.ledgers.appendAll([
        { ledger, entry: { a: 1, b: [2] }, json: '{ "b" : [2], "a" : 1 }' },
        { ledger, entry: { y: 'é', x: null } },
        { ledger, json: '{"q":"\\u00e9\\t"}' },
      ]);
      const read = await store.ledgers.read(ledger);
      expect(read.map((e) => e.entry)).toEqual([{ a: 1, b: [2] }, { y: 'é', x: null }, { q: 'é\t' }]);
      expect(read.map((e) => Object.keys(e.entry as object))).toEqual([['b', 'a'], ['y', 'x'], ['q']]);
    });

    it('checks each expected index against the entries of the same call before it', async () => {
      const store = await open();
      const ledger = `chain-${freshUrn()}`;
      await store.ledgers.appendAll([
        { ledger, entry: 0, expectedIndex: 0 },
        { ledger, entry: 1, expectedIndex: 1 },
      ]);
      await expect(
        store.ledgers.appendAll([
          { ledger, entry: 2, expectedIndex: 2 },
          { ledger, entry: 3, expectedIndex: 2 },
        ]),
      ).rejects.toBeInstanceOf(LedgerConflictError);
      expect(await entriesOf(store, ledger)).toEqual([
        [0, 0],
        [1, 1],
      ]);
    });

    it('appends nothing at all when the database refuses its last write', async () => {
      // Opened first, so the schema exists when the failure is set up (the test may run alone).
      const store = await open();
      const school = freshUrn();
      const last = `zz-fails-${school}`;
      const restore = await failLedgerWrites(database(), last);
      try {
        const { ledgers, entries } = entriesEndingAt(last, school);
        await expect(store.ledgers.appendAll(entries)).rejects.toThrow(/injected failure/);
        for (const ledger of [...ledgers, last]) expect(await store.ledgers.count(ledger)).toBe(0);
      } finally {
        await restore();
      }
    });

    it('accepts an empty list', async () => {
      const store = await open();
      await store.ledgers.appendAll([]);
    });

    it('lets one of several bulk appends racing to open the same ledger win, and keeps nothing of the others', async () => {
      // Two handles stand for two processes; each append opens the contested ledger (expectedIndex 0)
      // beside a ledger of its own.
      const [one, two] = [await open(), await open()];
      const school = freshUrn();
      const contested = `contested-${school}`;
      const outcomes = await Promise.allSettled(
        Array.from({ length: 4 }, (_, w) =>
          (w % 2 === 0 ? one : two).ledgers.appendAll([
            { ledger: `own-${w}-${school}`, entry: w },
            { ledger: contested, entry: `opened-by-${w}`, expectedIndex: 0 },
          ]),
        ),
      );
      const won = outcomes.flatMap((o, w) => (o.status === 'fulfilled' ? [w] : []));
      expect(won).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome.status === 'fulfilled') continue;
        expect(outcome.reason).toBeInstanceOf(LedgerConflictError);
        expect(outcome.reason).toMatchObject({ ledger: contested, expectedIndex: 0, actualIndex: 1 });
      }
      expect((await one.ledgers.read(contested)).map((e) => e.entry)).toEqual([`opened-by-${won[0]}`]);
      for (let w = 0; w < 4; w++) {
        expect(await one.ledgers.count(`own-${w}-${school}`)).toBe(w === won[0] ? 1 : 0);
      }
    });

    it('keeps indexes dense and loses nothing when bulk and single appends race across connections', async () => {
      // Two handles stand for two processes. Bulk appends lock only ledgers they assert a position in, so
      // here (no expectedIndex) they race single appends and each other on the same ledgers.
      const [one, two] = [await open(), await open()];
      const school = freshUrn();
      const ledgers = [0, 1, 2].map((n) => `race-${n}-${school}`);
      const writes = [
        ...Array.from({ length: 4 }, (_, w) =>
          (w % 2 === 0 ? one : two).ledgers.appendAll(
            Array.from({ length: 30 }, (_, n) => ({ ledger: ledgers[n % 3]!, entry: `bulk-${w}-${n}` })),
          ),
        ),
        ...Array.from({ length: 4 }, (_, w) =>
          (w % 2 === 0 ? two : one).ledgers.append(ledgers[w % 3]!, `single-${w}`).then(() => undefined),
        ),
      ];
      await Promise.all(writes);
      const all = [];
      for (const ledger of ledgers) {
        const entries = await one.ledgers.read(ledger, { limit: 1000 });
        expect(entries.map((e) => e.index)).toEqual(entries.map((_, i) => i));
        all.push(...entries.map((e) => e.entry));
      }
      expect(all).toHaveLength(4 * 30 + 4);
      expect(new Set(all).size).toBe(all.length);
    });
  });

  describe.each([{}, { exclusive: true }])('appendStream(%j)', (mode) => {
    it('lands runs of entries over many ledgers all at once, placed as one appendAll would', async () => {
      const store = await open();
      const school = freshUrn();
      const log = `stream-log-${school}`;
      await store.ledgers.appendAll([
        { ledger: log, entry: 'before-0' },
        { ledger: log, entry: 'before-1' },
      ]);
      // Another handle, opened first (opening migrates, which needs the write lock an exclusive stream holds).
      const other = await open();
      const stream = await store.ledgers.appendStream(mode);
      await stream.add([
        { ledger: log, entry: { leaf: 0 }, expectedIndex: 2 },
        { ledger: `stream-a-${school}`, entry: 'a0' },
      ]);
      await stream.add([
        { ledger: log, entry: { leaf: 1 } },
        { ledger: `stream-a-${school}`, entry: 'a1' },
        {
          ledger: `stream-b-${school}`,
          entry: 'tab\there, back\\slash, newline\n, return\r, \u0000 and ünïcode',
        },
        // Asserted after two of the stream's own entries for it.
        { ledger: log, entry: { leaf: 2 }, expectedIndex: 4 },
      ]);
      // Nothing is visible before commit.
      expect(await other.ledgers.count(`stream-a-${school}`)).toBe(0);
      await stream.commit();
      const entries = async (ledger: string) =>
        (await store.ledgers.read(ledger)).map((e) => [e.index, e.entry]);
      expect(await entries(log)).toEqual([
        [0, 'before-0'],
        [1, 'before-1'],
        [2, { leaf: 0 }],
        [3, { leaf: 1 }],
        [4, { leaf: 2 }],
      ]);
      expect(await entries(`stream-a-${school}`)).toEqual([
        [0, 'a0'],
        [1, 'a1'],
      ]);
      expect(await entries(`stream-b-${school}`)).toEqual([
        [0, 'tab\there, back\\slash, newline\n, return\r, \u0000 and ünïcode'],
      ]);
    });

    it('stores an entry given as its text alone exactly as given, beside one given as both', async () => {
      const store = await open();
      const ledger = `stream-text-${freshUrn()}`;
      const stream = await store.ledgers.appendStream(mode);
      await stream.add([
        { ledger, json: '{"z":1,"a":[true,null,"\\t"]}' },
        { ledger, entry: { m: 1 }, json: '{"m":1}' },
      ]);
      await stream.commit();
      await store.ledgers.appendAll([{ ledger, json: '{"y":2,"b":"x"}' }]);
      const read = await store.ledgers.read(ledger);
      expect(read.map((e) => [e.index, e.entry])).toEqual([
        [0, { z: 1, a: [true, null, '\t'] }],
        [1, { m: 1 }],
        [2, { y: 2, b: 'x' }],
      ]);
      // The text itself, not a re-serialisation: members keep the order they were given in.
      expect(Object.keys(read[0]!.entry as object)).toEqual(['z', 'a']);
      expect(Object.keys(read[2]!.entry as object)).toEqual(['y', 'b']);
    });

    it('lands a LedgerRun as the same entries given as objects would land, texts kept exactly', async () => {
      const store = await open();
      const school = freshUrn();
      // Names and texts with what COPY escapes: raw whitespace between JSON tokens, escapes in strings.
      const log = `stream-run\tlog\\${school}`;
      const a = `stream-run-a\n${school}`;
      const b = `stream-run-b-ü-${school}`;
      await store.ledgers.append(a, 'theirs');
      const first = new LedgerRun();
      first.add(log, '{\n\t"leaf": 0\r\n}', 0);
      first.write('{"record":');
      first.write('"tab\\t, back\\\\slash, € 😀"}');
      const record = first.close(a);
      first.again(b, record);
      const second = new LedgerRun(1);
      second.add(log, '{"leaf":1}', 1);
      second.add(b, '[true, null]');
      const stream = await store.ledgers.appendStream(mode);
      await stream.add(first);
      await stream.add(second);
      await stream.commit();
      const entries = async (ledger: string) =>
        (await store.ledgers.read(ledger)).map((e) => [e.index, e.entry]);
      const recordEntry = { record: 'tab\t, back\\slash, € 😀' };
      expect(await entries(log)).toEqual([
        [0, { leaf: 0 }],
        [1, { leaf: 1 }],
      ]);
      expect(await entries(a)).toEqual([
        [0, 'theirs'],
        [1, recordEntry],
      ]);
      expect(await entries(b)).toEqual([
        [0, recordEntry],
        [1, [true, null]],
      ]);
    });

    it('writes runs handed over before the one before them is written, in the order added', async () => {
      const store = await open();
      const school = freshUrn();
      const log = `stream-ahead-log-${school}`;
      const early = `stream-ahead-early-${school}`;
      const other = await open();
      // Another writer's entry, committed before the stream starts.
      await other.ledgers.append(early, 'theirs');
      const stream = await store.ledgers.appendStream(mode);
      // A run big enough to be copied in pieces (over a megabyte), so a ledger found to have moved is
      // found mid-copy: the early ledger's end as committed is 1, but run 1 of this stream took index 1.
      const big = 'x'.repeat(400);
      const filler = (run: number) =>
        Array.from({ length: 3000 }, (_, n) => ({
          ledger: `stream-ahead-${run}-${n}-${school}`,
          entry: big,
        }));
      const runs = [
        stream.add([
          { ledger: log, entry: 0, expectedIndex: 0 },
          { ledger: early, entry: 'mine-1' },
        ]),
        stream.add([{ ledger: log, entry: 1 }, ...filler(2)]),
        stream.add([...filler(3), { ledger: early, entry: 'mine-2' }, { ledger: log, entry: 2 }]),
        stream.add([
          { ledger: early, entry: 'mine-3' },
          { ledger: log, entry: 3, expectedIndex: 3 },
        ]),
      ];
      await Promise.all(runs);
      await stream.commit();
      const entries = async (ledger: string) =>
        (await store.ledgers.read(ledger)).map((e) => [e.index, e.entry]);
      expect(await entries(log)).toEqual([
        [0, 0],
        [1, 1],
        [2, 2],
        [3, 3],
      ]);
      expect(await entries(early)).toEqual([
        [0, 'theirs'],
        [1, 'mine-1'],
        [2, 'mine-2'],
        [3, 'mine-3'],
      ]);
      expect(await entries(`stream-ahead-3-2999-${school}`)).toEqual([[0, big]]);
    });

    it('fails every run added after a failed one, and keeps nothing', async () => {
      const store = await open();
      const school = freshUrn();
      const log = `stream-failed-${school}`;
      await store.ledgers.append(log, 'taken');
      const stream = await store.ledgers.appendStream(mode);
      const first = stream.add([{ ledger: `stream-e-${school}`, entry: 1 }]);
      const failing = stream.add([{ ledger: log, entry: 'mine', expectedIndex: 0 }]);
      const after = stream.add([{ ledger: `stream-f-${school}`, entry: 1 }]);
      await first;
      await expect(failing).rejects.toBeInstanceOf(LedgerConflictError);
      await expect(after).rejects.toThrow(/ended/);
      await expect(stream.commit()).rejects.toThrow(/ended/);
      await stream.abort();
      expect(await store.ledgers.count(`stream-e-${school}`)).toBe(0);
      expect(await store.ledgers.count(`stream-f-${school}`)).toBe(0);
      expect(await store.ledgers.count(log)).toBe(1);
    });

    it('opens many ledgers at index 0, and keeps nothing when one it opens already has entries', async () => {
      const store = await open();
      const f = `stream-open-${freshUrn()}`;
      const opened = (run: number) =>
        Array.from({ length: 200 }, (_, n) => ({
          ledger: `${f}#${run}-${n}`,
          json: `${n}`,
          expectedIndex: 0,
        }));
      const stream = await store.ledgers.appendStream(mode);
      await stream.add(opened(1));
      await stream.add([...opened(2), { ledger: `${f}-log`, entry: 'leaf' }]);
      await stream.commit();
      const family = await store.ledgers.readUnder(`${f}#`);
      expect(family).toHaveLength(400);
      expect(family.every((e) => e.index === 0)).toBe(true);
      expect(family.filter((e) => e.ledger === `${f}#2-199`).map((e) => e.entry)).toEqual([199]);

      // One already taken: by another writer, or by the stream itself in an earlier run.
      await store.ledgers.append(`${f}-taken`, 'theirs');
      for (const second of [
        [{ ledger: `${f}-taken`, json: '"mine"', expectedIndex: 0 }],
        [{ ledger: `${f}#3-7`, json: '"again"', expectedIndex: 0 }],
      ]) {
        const failing = await store.ledgers.appendStream(mode);
        const run = async () => {
          await failing.add(opened(3));
          await failing.add([...opened(4), ...second]);
          await failing.commit();
        };
        await expect(run()).rejects.toBeInstanceOf(LedgerConflictError);
        await failing.abort();
        expect(await store.ledgers.readUnder(`${f}#3`)).toEqual([]);
        expect(await store.ledgers.readUnder(`${f}#4`)).toEqual([]);
        expect((await store.ledgers.read(`${f}-taken`)).map((e) => e.entry)).toEqual(['theirs']);
      }
    });

    it('keeps nothing when a position does not hold, or when aborted', async () => {
      const store = await open();
      const school = freshUrn();
      const log = `stream-conflict-${school}`;
      await store.ledgers.append(log, 'taken');
      const stream = await store.ledgers.appendStream(mode);
      const run = async () => {
        await stream.add([{ ledger: `stream-c-${school}`, entry: 1 }]);
        await stream.add([{ ledger: log, entry: 'mine', expectedIndex: 0 }]);
        await stream.commit();
      };
      await expect(run()).rejects.toBeInstanceOf(LedgerConflictError);
      await stream.abort();
      expect(await store.ledgers.count(`stream-c-${school}`)).toBe(0);
      expect(await store.ledgers.count(log)).toBe(1);

      const aborted = await store.ledgers.appendStream(mode);
      await aborted.add([{ ledger: `stream-d-${school}`, entry: 1 }]);
      await aborted.abort();
      expect(await store.ledgers.count(`stream-d-${school}`)).toBe(0);
      await expect(aborted.add([{ ledger: `stream-d-${school}`, entry: 2 }])).rejects.toThrow(/ended/);
    });
  });
}
