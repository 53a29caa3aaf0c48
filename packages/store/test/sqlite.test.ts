import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { LedgerConflictError } from '../src/errors.js';
import { openSqliteStore } from '../src/sqlite/index.js';
import { migrate } from '../src/sqlite/migrations.js';
import { freshUrn, legacyBatchResult, makeStatement, verifiedOutcome } from './contract/fixtures.js';
import { runStoreContract } from './contract/run-store-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'rp-store-sqlite-'));
const path = join(dir, 'store.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A ledger's entries as the file holds them: each one's SQLite type and value, by index. */
function storedTexts(ledger: string): unknown[] {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare('SELECT typeof(entry) AS type, entry FROM ledger_entries WHERE ledger = ? ORDER BY idx')
      .all(ledger);
  } finally {
    db.close();
  }
}

runStoreContract(
  'sqlite',
  () => openSqliteStore({ path }),
  () => ({ kind: 'sqlite', path }),
);

describe('sqlite store', () => {
  it('refuses other writes through a handle while its exclusive ledger stream holds the write lock', async () => {
    const store = await openSqliteStore({ path });
    try {
      const stream = await store.ledgers.appendStream({ exclusive: true });
      await stream.add([{ ledger: `exclusive-${freshUrn()}`, entry: 1 }]);
      await expect(store.statements.append(makeStatement({ urn: freshUrn() }))).rejects.toThrow(/write lock/);
      await stream.commit();
      expect((await store.statements.append(makeStatement({ urn: freshUrn() }))).outcome).toBe('stored');
    } finally {
      await store.close();
    }
  });

  it.each([{}, { exclusive: true }])(
    'stores the texts of a ledger stream (%j) as TEXT, byte for byte as given, not as the bytes bound',
    async (mode) => {
      const store = await openSqliteStore({ path });
      const ledger = `stream-typed-${freshUrn()}`;
      const texts = ['{"a": "ü€😀"}', '[1,\n2]'];
      try {
        const stream = await store.ledgers.appendStream(mode);
        await stream.add(texts.map((json) => ({ ledger, json })));
        await stream.commit();
      } finally {
        await store.close();
      }
      expect(storedTexts(ledger)).toEqual(texts.map((entry) => ({ type: 'text', entry })));
    },
  );

  it('stores the texts of append and appendAll as TEXT, byte for byte as given or as JSON.stringify wrote them', async () => {
    const store = await openSqliteStore({ path });
    const ledger = `typed-${freshUrn()}`;
    try {
      await store.ledgers.append(ledger, { a: 'ü€😀' });
      await store.ledgers.appendAll([
        { ledger, json: '[1,\n2]' },
        { ledger, entry: ['x'] },
      ]);
    } finally {
      await store.close();
    }
    expect(storedTexts(ledger)).toEqual(
      ['{"a":"ü€😀"}', '[1,\n2]', '["x"]'].map((entry) => ({ type: 'text', entry })),
    );
  });

  it('fails the commit of a staged stream, keeping nothing, when a ledger it opened was taken meanwhile', async () => {
    const store = await openSqliteStore({ path });
    const other = await openSqliteStore({ path });
    try {
      const f = `staged-open-${freshUrn()}`;
      const stream = await store.ledgers.appendStream();
      await stream.add([
        { ledger: `${f}#1`, json: '1', expectedIndex: 0 },
        { ledger: `${f}#2`, json: '2', expectedIndex: 0 },
        { ledger: `${f}-log`, json: '"leaf"' },
      ]);
      // Staging takes no write lock, so another process may open the same ledger before the commit.
      await other.ledgers.append(`${f}#2`, 'theirs', { expectedIndex: 0 });
      const failed = await stream.commit().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failed).toBeInstanceOf(LedgerConflictError);
      expect(failed).toMatchObject({ ledger: `${f}#2`, expectedIndex: 0, actualIndex: 1 });
      expect((await store.ledgers.readUnder(f)).map((e) => [e.ledger, e.entry])).toEqual([
        [`${f}#2`, 'theirs'],
      ]);
    } finally {
      await other.close();
      await store.close();
    }
  });

  it('leaves the file in WAL mode', async () => {
    const store = await openSqliteStore({ path });
    await store.close();
    const db = new Database(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses to update or delete a stored statement or ledger entry, even through raw SQL', async () => {
    const store = await openSqliteStore({ path });
    const statement = makeStatement({ urn: freshUrn() });
    await store.statements.append(statement);
    await store.ledgers.append('raw-sql', { n: 1 });
    await store.close();
    const db = new Database(path);
    const attempts = [
      () => db.prepare("UPDATE statements SET body = '{}' WHERE id = ?").run(statement.id),
      () => db.prepare('DELETE FROM statements WHERE id = ?').run(statement.id),
      () => db.prepare("UPDATE ledger_entries SET entry = '{}' WHERE ledger = 'raw-sql'").run(),
      () => db.prepare("DELETE FROM ledger_entries WHERE ledger = 'raw-sql'").run(),
    ];
    for (const attempt of attempts) expect(attempt).toThrow(/append-only/);
    db.close();
  });

  it('reports the index incomplete over statements stored before it existed, until reindex', async () => {
    const old = join(dir, 'version-3.db');
    const db = new Database(old);
    migrate(db, 3);
    const statement = makeStatement({ urn: freshUrn(), upn: 'B801200005001' });
    db.prepare(
      'INSERT INTO statements (id, urn, upn, uln, local_id, body, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(
      statement.id,
      statement.setting.urn,
      statement.subject.upn,
      null,
      statement.subject.localId,
      JSON.stringify(statement),
      '2026-10-01T00:00:00.000Z',
    );
    db.close();
    const store = await openSqliteStore({ path: old });
    try {
      expect(await store.preferences.status()).toMatchObject({
        complete: false,
        current: false,
        statements: 1,
        indexedStatements: 0,
      });
      await store.statements.append(makeStatement({ urn: freshUrn() }));
      expect(await store.preferences.status()).toMatchObject({
        complete: false,
        statements: 2,
        indexedStatements: 1,
      });
      expect(await store.preferences.reindex({ competenceAge: 13 })).toEqual({ statements: 2, subjects: 2 });
      expect(await store.preferences.status()).toMatchObject({
        complete: true,
        current: true,
        competenceAge: 13,
      });
      const [prefs] = await store.preferences.resolve([{ upn: 'B801200005001' }], '2027-01-01T00:00:00Z', {
        competenceAge: 13,
      });
      expect(prefs!.find((p) => p.purpose === 'RSXT')).toMatchObject({
        shared: false,
        decidedBy: statement.id,
      });
    } finally {
      await store.close();
    }
    const raw = new Database(old);
    const other = makeStatement({ urn: freshUrn() });
    raw
      .prepare('INSERT INTO statements (id, urn, body, stored_at) VALUES (?, ?, ?, ?)')
      .run(other.id, other.setting.urn, JSON.stringify(other), 'x');
    raw.close();
    const reopened = await openSqliteStore({ path: old });
    expect((await reopened.preferences.status()).complete).toBe(false);
    await reopened.close();
  });

  it('moves batch results an older store kept among idempotency keys into their own table', async () => {
    const old = join(dir, 'version-2.db');
    const db = new Database(old);
    migrate(db, 2);
    const legacy = legacyBatchResult('client-a');
    const insert = db.prepare(
      'INSERT INTO idempotency (scope, key, request_hash, response, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    const { scope, key, requestHash, response } = legacy.row;
    insert.run(scope, key, requestHash, response, '2026-10-01T09:00:01.000Z');
    insert.run(
      'client-a',
      'kept',
      'hash',
      JSON.stringify({ status: 201, body: { ok: true } }),
      '2026-10-01T09:00:02.000Z',
    );
    db.close();

    const store = await openSqliteStore({ path: old });
    try {
      expect(await store.batches.get('client-a', legacy.batchId)).toEqual(legacy.result);
      expect(await store.batches.get('client-b', legacy.batchId)).toBeUndefined();
      expect(await store.idempotency.lookup(scope, key, requestHash)).toEqual({ state: 'new' });
      expect(await store.idempotency.lookup('client-a', 'kept', 'hash')).toMatchObject({
        state: 'replay',
        response: { status: 201, body: { ok: true } },
      });
    } finally {
      await store.close();
    }
    const reopened = new Database(old);
    expect(reopened.pragma('user_version', { simple: true })).toBe(6);
    reopened.close();
  });

  it('moves a version-4 file to one copy per school, keeping rows, sequence numbers, indexes and triggers', async () => {
    const old = join(dir, 'version-4.db');
    const db = new Database(old);
    migrate(db, 4);
    const urn = freshUrn();
    const held = [makeStatement({ urn }), makeStatement({ urn })];
    const insert = db.prepare(
      'INSERT INTO statements (id, urn, upn, uln, local_id, body, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const s of held)
      insert.run(s.id, urn, null, null, s.subject.localId, JSON.stringify(s), '2026-10-01T09:00:00.000Z');
    const before = db
      .prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'statements' ORDER BY name")
      .all();
    db.close();

    const store = await openSqliteStore({ path: old });
    try {
      const page = await store.statements.list(urn);
      expect(page.items.map((i) => i.statement)).toEqual(held);
      const copy = { ...held[0]!, setting: { urn: freshUrn(), laEstab: '8012001' } };
      const stored = await store.statements.append(copy);
      expect(stored.outcome).toBe('stored');
      expect((await store.statements.list(copy.setting.urn)).items).toHaveLength(1);
    } finally {
      await store.close();
    }
    const reopened = new Database(old);
    expect(reopened.pragma('user_version', { simple: true })).toBe(6);
    expect(
      reopened.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'statements' ORDER BY name").all(),
    ).toEqual(before);
    // Sequence numbers carry on after the rebuilt table's rows, so no cursor ever points elsewhere.
    expect(reopened.prepare('SELECT seq FROM statements ORDER BY seq').all()).toEqual([
      { seq: 1 },
      { seq: 2 },
      { seq: 3 },
    ]);
    expect(() => reopened.prepare('DELETE FROM statements').run()).toThrow(/append-only/);
    reopened.close();
  });

  it('moves a version-5 file to keeping verification outcomes: no outcome for what it held, append-only', async () => {
    const old = join(dir, 'version-5.db');
    const db = new Database(old);
    migrate(db, 5);
    const urn = freshUrn();
    const held = makeStatement({ urn });
    db.prepare('INSERT INTO statements (id, urn, body, stored_at) VALUES (?, ?, ?, ?)').run(
      held.id,
      urn,
      JSON.stringify(held),
      '2026-10-01T09:00:00.000Z',
    );
    db.close();
    const store = await openSqliteStore({ path: old });
    const verification = verifiedOutcome();
    try {
      expect(await store.verifications.get(held.id)).toBeUndefined();
      const next = makeStatement({ urn });
      await store.statements.append(next, { verification });
      expect(await store.verifications.get(next.id, urn)).toEqual(verification);
    } finally {
      await store.close();
    }
    const reopened = new Database(old);
    expect(reopened.pragma('user_version', { simple: true })).toBe(6);
    expect(() => reopened.prepare('DELETE FROM statement_verifications').run()).toThrow(/append-only/);
    expect(() => reopened.prepare("UPDATE statement_verifications SET outcome = 'broken'").run()).toThrow(
      /append-only/,
    );
    reopened.close();
  });
});
