import type Database from 'better-sqlite3';

// Each entry moves the schema one version on; PRAGMA user_version records how far a file has come. Most
// are SQL; one that must read the schema first is a function.
const MIGRATIONS: ReadonlyArray<string | ((db: Database.Database) => void)> = [
  `
  CREATE TABLE statements (
    -- AUTOINCREMENT: sequence numbers are never reused, even after the highest row is gone, so a cursor
    -- never points at a different record later.
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    urn TEXT NOT NULL,
    upn TEXT,
    uln TEXT,
    local_id TEXT,
    body TEXT NOT NULL,
    stored_at TEXT NOT NULL
  );
  CREATE INDEX statements_by_school ON statements (urn, seq);
  CREATE INDEX statements_by_upn ON statements (upn) WHERE upn IS NOT NULL;
  CREATE INDEX statements_by_uln ON statements (uln) WHERE uln IS NOT NULL;
  CREATE INDEX statements_by_local_id ON statements (urn, local_id) WHERE local_id IS NOT NULL;
  CREATE TRIGGER statements_no_update BEFORE UPDATE ON statements
    BEGIN SELECT RAISE(ABORT, 'statements are append-only'); END;
  CREATE TRIGGER statements_no_delete BEFORE DELETE ON statements
    BEGIN SELECT RAISE(ABORT, 'statements are append-only'); END;

  CREATE TABLE idempotency (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    response TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (scope, key)
  );

  CREATE TABLE school_state (
    urn TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    etag TEXT NOT NULL,
    data TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE ledger_entries (
    ledger TEXT NOT NULL,
    idx INTEGER NOT NULL,
    entry TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (ledger, idx)
  );
  CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger_entries
    BEGIN SELECT RAISE(ABORT, 'ledgers are append-only'); END;
  CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger_entries
    BEGIN SELECT RAISE(ABORT, 'ledgers are append-only'); END;
  `,
  // 2: a request running under an Idempotency-Key holds a claim, so a concurrent retry waits (409).
  `
  CREATE TABLE idempotency_claims (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    claimed_at INTEGER NOT NULL,
    PRIMARY KEY (scope, key)
  );
  `,
  // 3: committed intake batches' results get their own table. Until now the server kept each in the
  // idempotency table under the scope 'intake-batch-result <client id>' and the request hash
  // 'batch-result', with the result as the stored response's body; those move here.
  `
  CREATE TABLE batch_results (
    sender TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    result TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (sender, batch_id)
  );
  INSERT INTO batch_results (sender, batch_id, result, saved_at)
    SELECT substr(scope, 21), key, json_extract(response, '$.body'), created_at FROM idempotency
     WHERE substr(scope, 1, 20) = 'intake-batch-result ' AND request_hash = 'batch-result';
  DELETE FROM idempotency
   WHERE substr(scope, 1, 20) = 'intake-batch-result ' AND request_hash = 'batch-result';
  `,
  // 4: the effective-preferences index (decision 0025). Keys name subjects; each subject has one row of
  // the resolver's answer over its whole history. Two counts say whether the index has taken in every
  // statement: a trigger counts every row inserted into statements, by anything (this library, an older
  // one, raw SQL), and the index counts what it took in, in the same transaction. They start here with
  // every statement already stored as stored-but-not-indexed: the index reports itself incomplete until
  // \`reuse-pref store reindex\`. \`changed\` is the meta row's version when a row was last written: what
  // a snapshot refresh reads from.
  `
  CREATE TABLE subject_keys (
    key TEXT PRIMARY KEY,
    subject INTEGER NOT NULL,
    changed INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX subject_keys_by_subject ON subject_keys (subject);
  CREATE INDEX subject_keys_by_change ON subject_keys (changed);
  CREATE TABLE subject_preferences (
    subject INTEGER PRIMARY KEY,
    statements INTEGER NOT NULL,
    settled_from INTEGER NOT NULL,
    date_of_birth TEXT,
    not_shared INTEGER NOT NULL,
    stated INTEGER NOT NULL,
    detail TEXT,
    changed INTEGER NOT NULL
  );
  CREATE INDEX subject_preferences_by_change ON subject_preferences (changed);
  CREATE TABLE preference_index (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    catalogue_version TEXT NOT NULL,
    competence_age INTEGER NOT NULL,
    stored_statements INTEGER NOT NULL,
    indexed_statements INTEGER NOT NULL,
    next_subject INTEGER NOT NULL,
    version INTEGER NOT NULL
  );
  INSERT INTO preference_index SELECT 1, '1', 12, count(*), 0, 1, 0 FROM statements;
  CREATE TRIGGER statements_counted AFTER INSERT ON statements
    BEGIN UPDATE preference_index SET stored_statements = stored_statements + 1 WHERE id = 1; END;
  `,
  // 5: a statement is held once per school, not once in all: a pupil who moved school has a copy at
  // each (a CTF transfer keeps the id). SQLite cannot drop a UNIQUE constraint, so the table is rebuilt
  // with UNIQUE (id, urn), keeping every row and sequence number, and every index and trigger on it
  // (whichever migrations made them) is made again from its own SQL.
  (db) => {
    const attached = db
      .prepare<[], { sql: string }>(
        `SELECT sql FROM sqlite_master
          WHERE tbl_name = 'statements' AND type IN ('index', 'trigger') AND sql IS NOT NULL`,
      )
      .all();
    db.exec(`
      CREATE TABLE statements_per_school (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL,
        urn TEXT NOT NULL,
        upn TEXT,
        uln TEXT,
        local_id TEXT,
        body TEXT NOT NULL,
        stored_at TEXT NOT NULL,
        UNIQUE (id, urn)
      );
      INSERT INTO statements_per_school (seq, id, urn, upn, uln, local_id, body, stored_at)
        SELECT seq, id, urn, upn, uln, local_id, body, stored_at FROM statements ORDER BY seq;
      DROP TABLE statements;
      ALTER TABLE statements_per_school RENAME TO statements;
    `);
    for (const { sql } of attached) db.exec(sql);
  },
  // 6: what the receiver found when it verified each statement's signature chain (issue 15), one row per
  // school's copy, written in the statement's own transaction. Beside the statement, never in its body,
  // so the bytes a relay passes on (and the signatures over them) stay as received. Append-only as the
  // statements are. Statements stored before this, or under policy off, have no row.
  `
  CREATE TABLE statement_verifications (
    id TEXT NOT NULL,
    urn TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('verified', 'unsigned', 'broken')),
    rule TEXT,
    signer_kid TEXT,
    hops INTEGER NOT NULL CHECK (hops >= 0),
    verified_at TEXT NOT NULL,
    PRIMARY KEY (id, urn)
  ) WITHOUT ROWID;
  CREATE TRIGGER statement_verifications_no_update BEFORE UPDATE ON statement_verifications
    BEGIN SELECT RAISE(ABORT, 'statement verifications are append-only'); END;
  CREATE TRIGGER statement_verifications_no_delete BEFORE DELETE ON statement_verifications
    BEGIN SELECT RAISE(ABORT, 'statement verifications are append-only'); END;
  `,
];

/** Brings the file up to this library's schema (or, for tests of a migration, up to `target`). */
export function migrate(db: Database.Database, target = MIGRATIONS.length): void {
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > MIGRATIONS.length) {
      throw new Error(`store schema version ${current} is newer than this library (${MIGRATIONS.length})`);
    }
    for (let version = current; version < target; version++) {
      const step = MIGRATIONS[version]!;
      if (typeof step === 'string') db.exec(step);
      else step(db);
    }
    if (target > current) db.pragma(`user_version = ${target}`);
  }).immediate();
}
