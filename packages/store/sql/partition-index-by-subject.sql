-- Partitions the effective-preferences index of a PostgreSQL store (schema version 4 or later) by
-- subject, with PostgreSQL's declarative hash partitioning: subject_keys by key, subject_preferences by
-- subject, 16 partitions each. Run it once, in one transaction, while no server writes to the store:
--   psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -1 -f partition-index-by-subject.sql
-- The store needs no change: every key it looks up or locks names its partition, so each lookup, lock
-- and upsert touches one partition. See docs/guides/national-scale.md (tested by packages/store/test/partitioning.test.ts).

ALTER TABLE subject_keys RENAME TO subject_keys_unpartitioned;
CREATE TABLE subject_keys (
  key TEXT PRIMARY KEY,
  subject BIGINT NOT NULL,
  changed xid8 NOT NULL DEFAULT pg_current_xact_id()
) PARTITION BY HASH (key);

ALTER TABLE subject_preferences RENAME TO subject_preferences_unpartitioned;
CREATE TABLE subject_preferences (
  subject BIGINT PRIMARY KEY,
  statements INTEGER NOT NULL,
  settled_from BIGINT NOT NULL,
  date_of_birth TEXT,
  not_shared INTEGER NOT NULL,
  stated INTEGER NOT NULL,
  detail TEXT,
  changed xid8 NOT NULL DEFAULT pg_current_xact_id()
) PARTITION BY HASH (subject);

DO $$
BEGIN
  FOR i IN 0..15 LOOP
    EXECUTE format('CREATE TABLE subject_keys_p%s PARTITION OF subject_keys FOR VALUES WITH (MODULUS 16, REMAINDER %s)', i, i);
    EXECUTE format('CREATE TABLE subject_preferences_p%s PARTITION OF subject_preferences FOR VALUES WITH (MODULUS 16, REMAINDER %s)', i, i);
  END LOOP;
END $$;

INSERT INTO subject_keys SELECT key, subject, changed FROM subject_keys_unpartitioned;
INSERT INTO subject_preferences
  SELECT subject, statements, settled_from, date_of_birth, not_shared, stated, detail, changed
    FROM subject_preferences_unpartitioned;
DROP TABLE subject_keys_unpartitioned;
DROP TABLE subject_preferences_unpartitioned;

-- The same secondary indexes as before, now one per partition.
CREATE INDEX subject_keys_by_subject ON subject_keys (subject);
CREATE INDEX subject_keys_by_change ON subject_keys (changed);
CREATE INDEX subject_preferences_by_change ON subject_preferences (changed);
