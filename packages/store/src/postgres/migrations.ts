import type pg from 'pg';

/** Advisory lock keys (first half of the two-int form), one namespace per kind of serialised write. */
export const LOCK_MIGRATIONS = 72_000;
export const LOCK_SCHOOL_APPEND = 72_001;
export const LOCK_LEDGER_APPEND = 72_002;
/** Every statement append holds this shared; a batch spanning many schools holds it alone. */
export const LOCK_ALL_SCHOOLS = 72_003;

// Each entry moves the schema one version on, in its own transaction.
const MIGRATIONS: readonly string[] = [
  `
  CREATE FUNCTION reuse_pref_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
  END $$;

  CREATE TABLE statements (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    urn TEXT NOT NULL,
    upn TEXT,
    uln TEXT,
    local_id TEXT,
    -- text, not jsonb: kept byte for byte, and jsonb would refuse a \\u0000 escape inside a string.
    body TEXT NOT NULL,
    stored_at TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  CREATE INDEX statements_by_school ON statements (urn, seq);
  CREATE INDEX statements_by_upn ON statements (upn) WHERE upn IS NOT NULL;
  CREATE INDEX statements_by_uln ON statements (uln) WHERE uln IS NOT NULL;
  CREATE INDEX statements_by_local_id ON statements (urn, local_id) WHERE local_id IS NOT NULL;
  CREATE TRIGGER statements_append_only BEFORE UPDATE OR DELETE ON statements
    FOR EACH ROW EXECUTE FUNCTION reuse_pref_append_only();
  CREATE TRIGGER statements_no_truncate BEFORE TRUNCATE ON statements
    FOR EACH STATEMENT EXECUTE FUNCTION reuse_pref_append_only();

  CREATE TABLE idempotency (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    response TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
  );

  CREATE TABLE school_state (
    urn TEXT PRIMARY KEY,
    version BIGINT NOT NULL,
    etag TEXT NOT NULL,
    data TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
  );

  CREATE TABLE ledger_entries (
    ledger TEXT NOT NULL,
    idx BIGINT NOT NULL,
    entry TEXT NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (ledger, idx)
  );
  CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION reuse_pref_append_only();
  CREATE TRIGGER ledger_no_truncate BEFORE TRUNCATE ON ledger_entries
    FOR EACH STATEMENT EXECUTE FUNCTION reuse_pref_append_only();
  `,
  // 2: a request running under an Idempotency-Key holds a claim, so a concurrent retry waits (409).
  `
  CREATE TABLE idempotency_claims (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    claimed_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (scope, key)
  );
  `,
  // 3: committed intake batches' results get their own table. Until now the server kept each in the
  // idempotency table under the scope 'intake-batch-result <client id>' and the request hash
  // 'batch-result', with the result as the stored response's body; those move here. The server wrote
  // each response as JSON.stringify({ status: 200, body }), so the body is the text between that prefix
  // and the last brace: cut out as text it keeps every escape as written, where PostgreSQL's JSON
  // operators refuse a \u0000 escape. Anything else written is read through json as a fallback.
  `
  CREATE TABLE batch_results (
    sender TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    result TEXT NOT NULL,
    saved_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (sender, batch_id)
  );
  INSERT INTO batch_results (sender, batch_id, result, saved_at)
    SELECT substr(scope, 21), key,
           CASE WHEN left(response, 21) = '{"status":200,"body":' AND right(response, 1) = '}'
                THEN substr(response, 22, length(response) - 22)
                ELSE (response::json -> 'body')::text END,
           created_at
      FROM idempotency
     WHERE left(scope, 20) = 'intake-batch-result ' AND request_hash = 'batch-result';
  DELETE FROM idempotency WHERE left(scope, 20) = 'intake-batch-result ' AND request_hash = 'batch-result';
  `,
  // 4: the effective-preferences index (decision 0025). Keys name subjects; each subject has one row of
  // the resolver's answer over its whole history. Two counts say whether the index has taken in every
  // statement: a trigger counts every row inserted into statements, by anything (this library, an older
  // one, raw SQL), and the index counts what it took in, in the same transaction. They are kept per
  // backend (a shard each, so concurrent appends never queue on one row), and start here with every
  // statement already stored as stored-but-not-indexed: the index reports itself incomplete until
  // \`reuse-pref store reindex\`. \`changed\` is the id of the transaction that last wrote a row: a
  // snapshot re-reads from the oldest transaction still running when it last read.
  `
  CREATE SEQUENCE subject_ids;
  CREATE TABLE subject_keys (
    key TEXT PRIMARY KEY,
    subject BIGINT NOT NULL,
    changed xid8 NOT NULL DEFAULT pg_current_xact_id()
  );
  CREATE INDEX subject_keys_by_subject ON subject_keys (subject);
  CREATE INDEX subject_keys_by_change ON subject_keys (changed);
  CREATE TABLE subject_preferences (
    subject BIGINT PRIMARY KEY,
    statements INTEGER NOT NULL,
    settled_from BIGINT NOT NULL,
    date_of_birth TEXT,
    not_shared INTEGER NOT NULL,
    stated INTEGER NOT NULL,
    detail TEXT,
    changed xid8 NOT NULL DEFAULT pg_current_xact_id()
  );
  CREATE INDEX subject_preferences_by_change ON subject_preferences (changed);
  CREATE TABLE preference_index (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    catalogue_version TEXT NOT NULL,
    competence_age INTEGER NOT NULL
  );
  INSERT INTO preference_index VALUES (1, '1', 12);
  CREATE TABLE preference_index_counts (
    shard INTEGER PRIMARY KEY,
    stored BIGINT NOT NULL DEFAULT 0,
    indexed BIGINT NOT NULL DEFAULT 0,
    subjects BIGINT NOT NULL DEFAULT 0
  );
  INSERT INTO preference_index_counts (shard, stored) SELECT -1, count(*) FROM statements;
  CREATE FUNCTION reuse_pref_count_stored() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO preference_index_counts AS c (shard, stored)
      SELECT pg_backend_pid() % 64, count(*) FROM inserted HAVING count(*) > 0
    ON CONFLICT (shard) DO UPDATE SET stored = c.stored + EXCLUDED.stored;
    RETURN NULL;
  END $$;
  CREATE TRIGGER statements_counted AFTER INSERT ON statements REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION reuse_pref_count_stored();
  `,
  // 5: a statement is held once per school, not once in all: a pupil who moved school has a copy at
  // each (a CTF transfer keeps the id), and each school's copy is in its own list and feed. The index
  // on (id, urn) still finds every copy of an id.
  `
  ALTER TABLE statements DROP CONSTRAINT statements_id_key;
  ALTER TABLE statements ADD CONSTRAINT statements_id_urn_key UNIQUE (id, urn);
  `,
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
    verified_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (id, urn)
  );
  CREATE TRIGGER statement_verifications_append_only BEFORE UPDATE OR DELETE ON statement_verifications
    FOR EACH ROW EXECUTE FUNCTION reuse_pref_append_only();
  CREATE TRIGGER statement_verifications_no_truncate BEFORE TRUNCATE ON statement_verifications
    FOR EACH STATEMENT EXECUTE FUNCTION reuse_pref_append_only();
  `,
  // 7: ledger names compare as their bytes, whatever the database's collation, so a family of ledgers
  // under one prefix (a subject's records, one ledger per release: decision 0052) is one range of the
  // primary key, as in SQLite. The column's type and stored bytes are unchanged; its index is rebuilt.
  `
  ALTER TABLE ledger_entries ALTER COLUMN ledger TYPE TEXT COLLATE "C";
  `,
];

/**
 * Brings the database up to this library's schema (or, for tests of a migration, up to `target`);
 * concurrent openers wait on an advisory lock.
 */
export async function migrate(pool: pg.Pool, target = MIGRATIONS.length): Promise<void> {
  const client = await pool.connect();
  // A connection dropped mid-migration fails the open (the queries reject); without a listener the
  // client's 'error' event would end the process first.
  const ignore = () => undefined;
  client.on('error', ignore);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_MIGRATIONS]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS reuse_pref_migrations (
         version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT MAX(version) AS version FROM reuse_pref_migrations',
    );
    const current = rows[0]?.version ?? 0;
    if (current > MIGRATIONS.length) {
      throw new Error(`store schema version ${current} is newer than this library (${MIGRATIONS.length})`);
    }
    for (let version = current; version < target; version++) {
      await client.query('BEGIN');
      try {
        await client.query(MIGRATIONS[version]!);
        await client.query('INSERT INTO reuse_pref_migrations (version) VALUES ($1)', [version + 1]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    const unlocked = await client.query('SELECT pg_advisory_unlock($1)', [LOCK_MIGRATIONS]).then(
      () => true,
      () => false,
    );
    client.off('error', ignore);
    // A client that could not even unlock has lost its connection: destroy it rather than pool it.
    client.release(!unlocked);
  }
}
