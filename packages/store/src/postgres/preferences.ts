import { finished } from 'node:stream/promises';
import { findCatalogue, LatestCatalogue, type Statement, type SubjectKey } from '@reuse-pref/schema';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type {
  CompactRows,
  PreferenceIndexStatus,
  Preferences,
  ReindexResult,
  ResolveOptions,
} from '../ports/preferences.js';
import type { StatementRow } from '../ports/statements.js';
import { type IndexEntry, type IndexParameters, indexEntry } from '../preferences/index-entry.js';
import { planGroups, type SubjectGroup } from '../preferences/plan.js';
import { resolveMembers } from '../preferences/resolve-members.js';
import {
  compactAnswer,
  compactRows,
  PreferenceSnapshot,
  type SnapshotSource,
} from '../preferences/snapshot.js';
import { checkCompetenceAge, checkParameters, statusOf } from '../preferences/status.js';
import { keysByColumn, memberKeys, memberKeysJson, statementKeys } from '../preferences/subject-keys.js';
import type { PostgresConnection, RetryPolicy } from './connection.js';

/** A newly stored row, with the parsed statement when the caller had it. */
export interface IndexedRow {
  row: StatementRow;
  statement?: Statement | undefined;
}

/**
 * Another transaction changed the subjects this one is about to write (it linked them, or created a key
 * this one meant to create): run the whole append again. Carries serialization_failure's code, which the
 * connection's transaction() retries.
 */
class IndexRace extends Error {
  readonly code = '40001';
}

/** Appends that keep the index may meet another append's merge now and then; each loss means it committed. */
export const INDEX_RETRY: RetryPolicy = { codes: new Set(), attempts: 10 };

const WRITE_CHUNK = 1000;
const READ_CHUNK = 5000;
const REINDEX_CHUNK = 5000;

/**
 * The index rows of the subjects a batch's keys name, as one text (member-rows.ts): a line per key found,
 * its place in the JSON array 0-based. No grouping or sort: the reader takes the lines in any order.
 */
const MEMBER_ROWS_SQL = `
  SELECT string_agg(
           CASE WHEN p.subject IS NULL THEN concat_ws(chr(9), g.ord - 1, k.subject)
           ELSE concat_ws(chr(9), g.ord - 1, k.subject, p.settled_from, p.not_shared, p.stated,
                          coalesce(to_json(p.date_of_birth)::text, 'null'), coalesce(p.detail, '')) END,
           chr(10))
    FROM json_array_elements_text($1::json) WITH ORDINALITY AS g (key, ord)
    JOIN subject_keys k ON k.key = g.key
    LEFT JOIN subject_preferences p ON p.subject = k.subject`;

function valuesSql(rows: number, columns: number, casts: readonly string[] = []): string {
  return Array.from({ length: rows }, (_, r) => {
    const cells = Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}${casts[c] ?? ''}`);
    return `(${cells.join(', ')})`;
  }).join(', ');
}

type Db = pg.Pool | pg.PoolClient;

/**
 * The effective-preferences index on PostgreSQL. `maintain` runs inside each statement append's
 * transaction. Appends to different schools run at once, so two of them may touch one subject (one
 * pupil, statements from two schools): each locks the subject rows it will rewrite (row locks, which
 * never fill the lock table) in subject order, checks that the keys still name those subjects, and
 * only then reads the subject's history, so the last writer of a subject has read every statement
 * committed before it. A key created or a subject merged by another transaction meanwhile sends the
 * whole append round again (IndexRace).
 */
export class PostgresPreferences implements Preferences {
  readonly #db: PostgresConnection;

  constructor(connection: PostgresConnection) {
    this.#db = connection;
  }

  async #parameters(db: Db): Promise<IndexParameters> {
    const { rows } = await db.query<{ catalogue_version: string; competence_age: number }>(
      'SELECT catalogue_version, competence_age FROM preference_index WHERE id = 1',
    );
    const meta = rows[0]!;
    return {
      catalogue: findCatalogue(meta.catalogue_version) ?? LatestCatalogue,
      competenceAge: meta.competence_age,
    };
  }

  async #subjectsOf(db: Db, keys: readonly string[]): Promise<Map<string, number>> {
    const { rows } = await db.query<{ key: string; subject: string }>(
      // A join on the unnested keys, not `key = ANY($1)`: given thousands of keys the planner may scan
      // the whole table for ANY (measured: a parallel seq scan, ten times the index probes' time).
      'SELECT k.key, k.subject FROM unnest($1::text[]) AS given (key) JOIN subject_keys k ON k.key = given.key',
      [keys],
    );
    return new Map(rows.map((r) => [r.key, Number(r.subject)]));
  }

  /** Takes newly stored statements into the index, inside the append's transaction. */
  async maintain(client: pg.PoolClient, rows: readonly IndexedRow[]): Promise<void> {
    if (rows.length === 0) return;
    const parameters = await this.#parameters(client);
    const keys = [...new Set(rows.flatMap(({ row }) => statementKeys(row)))];
    let groups: SubjectGroup[] | undefined;
    for (let round = 0; round < 10 && !groups; round++) {
      const known = await this.#subjectsOf(client, keys);
      const planned = planGroups(
        rows.map((r) => r.row),
        known,
      );
      const subjects = planned.flatMap((g) => g.subjects).sort((a, b) => a - b);
      if (subjects.length > 0) {
        const locked = await client.query(
          'SELECT subject FROM subject_preferences WHERE subject = ANY($1::bigint[]) ORDER BY subject FOR UPDATE',
          [subjects],
        );
        // A subject merged away while this waited for its lock: plan again from the keys as they are now.
        if (locked.rowCount !== subjects.length) continue;
        const again = await this.#subjectsOf(client, keys);
        if (again.size !== known.size || [...again].some(([k, s]) => known.get(k) !== s)) continue;
      }
      groups = planned;
    }
    if (!groups) throw new IndexRace('the subjects of this append kept changing under it');

    // Every key of the subjects that already exist, for their histories and for merging.
    const existing = groups.flatMap((g) => g.subjects);
    const keysOf = new Map<number, string[]>();
    if (existing.length > 0) {
      const { rows: found } = await client.query<{ key: string; subject: string }>(
        'SELECT key, subject FROM subject_keys WHERE subject = ANY($1::bigint[])',
        [existing],
      );
      for (const r of found) {
        const subject = Number(r.subject);
        const list = keysOf.get(subject);
        if (list) list.push(r.key);
        else keysOf.set(subject, [r.key]);
      }
    }
    const reading = groups.filter((g) => g.subjects.length > 0);
    const histories = await this.#histories(
      client,
      reading.map((g) => [...new Set([...g.keys, ...g.subjects.flatMap((s) => keysOf.get(s) ?? [])])]),
    );
    const fresh = groups.filter((g) => g.subjects.length === 0).length;
    const ids =
      fresh === 0
        ? []
        : (
            await client.query<{ id: string }>(
              "SELECT nextval('subject_ids') AS id FROM generate_series(1, $1)",
              [fresh],
            )
          ).rows.map((r) => Number(r.id));

    const repointFrom: number[] = [];
    const repointTo: number[] = [];
    const newKeys: string[] = [];
    const newKeySubjects: number[] = [];
    const entries: [number, IndexEntry][] = [];
    let nextId = 0;
    let nextHistory = 0;
    for (const group of groups) {
      let target: number;
      let history: Statement[];
      if (group.subjects.length === 0) {
        target = ids[nextId++]!;
        history = group.rows.map((i) => rows[i]!.statement ?? (JSON.parse(rows[i]!.row.body) as Statement));
      } else {
        target = group.subjects[0]!;
        history = histories[nextHistory++]!;
        for (const merged of group.subjects.slice(1)) {
          repointFrom.push(merged);
          repointTo.push(target);
        }
      }
      for (const key of group.newKeys) {
        newKeys.push(key);
        newKeySubjects.push(target);
      }
      entries.push([target, indexEntry(history, parameters)]);
    }

    if (repointFrom.length > 0) {
      await client.query(
        `UPDATE subject_keys k SET subject = m.target, changed = pg_current_xact_id()
           FROM unnest($1::bigint[], $2::bigint[]) AS m(source, target) WHERE k.subject = m.source`,
        [repointFrom, repointTo],
      );
      await client.query('DELETE FROM subject_preferences WHERE subject = ANY($1::bigint[])', [repointFrom]);
    }
    if (newKeys.length > 0) {
      const inserted = await client.query(
        `INSERT INTO subject_keys (key, subject)
           SELECT * FROM unnest($1::text[], $2::bigint[]) ORDER BY 1
         ON CONFLICT (key) DO NOTHING`,
        [newKeys, newKeySubjects],
      );
      // Another append created one of these keys since this one looked: its subject must be part of this.
      if (inserted.rowCount !== newKeys.length) throw new IndexRace('a key was created meanwhile');
    }
    await this.#writeEntries(client, entries);
    await client.query(
      `INSERT INTO preference_index_counts AS c (shard, indexed, subjects) VALUES (pg_backend_pid() % 64, $1, $2)
       ON CONFLICT (shard) DO UPDATE SET indexed = c.indexed + EXCLUDED.indexed, subjects = c.subjects + EXCLUDED.subjects`,
      [rows.length, fresh - repointFrom.length],
    );
  }

  async #writeEntries(client: pg.PoolClient, entries: readonly [number, IndexEntry][]): Promise<void> {
    for (let start = 0; start < entries.length; start += WRITE_CHUNK) {
      const chunk = entries.slice(start, start + WRITE_CHUNK);
      const params: unknown[] = [];
      for (const [subject, e] of chunk) {
        params.push(subject, e.statements, e.settledFrom, e.dateOfBirth, e.notShared, e.stated, e.detail);
      }
      await client.query(
        `INSERT INTO subject_preferences
           (subject, statements, settled_from, date_of_birth, not_shared, stated, detail)
         VALUES ${valuesSql(chunk.length, 7, ['::bigint', '::int', '::bigint', '::text', '::int', '::int', '::text'])}
         ON CONFLICT (subject) DO UPDATE SET statements = EXCLUDED.statements,
           settled_from = EXCLUDED.settled_from, date_of_birth = EXCLUDED.date_of_birth,
           not_shared = EXCLUDED.not_shared, stated = EXCLUDED.stated, detail = EXCLUDED.detail,
           changed = pg_current_xact_id()`,
        params,
      );
    }
  }

  /** For each list of keys, every statement holding any of them (one query for all the lists). */
  async #histories(db: Db, keyLists: readonly string[][]): Promise<Statement[][]> {
    if (keyLists.length === 0) return [];
    const listOf = new Map<string, number>();
    keyLists.forEach((keys, i) => {
      for (const key of keys) listOf.set(key, i);
    });
    const { upns, ulns, urns, localIds } = keysByColumn(listOf.keys());
    const { rows } = await db.query<{
      upn: string | null;
      uln: string | null;
      urn: string;
      local_id: string | null;
      body: string;
    }>(
      `SELECT upn, uln, urn, local_id, body FROM statements
        WHERE upn = ANY($1::text[]) OR uln = ANY($2::text[])
           OR (urn, local_id) IN (SELECT * FROM unnest($3::text[], $4::text[]))`,
      [upns, ulns, urns, localIds],
    );
    const out = keyLists.map((): Statement[] => []);
    for (const row of rows) {
      const keys = statementKeys({ urn: row.urn, upn: row.upn, uln: row.uln, localId: row.local_id });
      const list = keys.map((k) => listOf.get(k)).find((i) => i !== undefined);
      if (list !== undefined) out[list]!.push(JSON.parse(row.body) as Statement);
    }
    return out;
  }

  async status(): Promise<PreferenceIndexStatus> {
    const { rows } = await this.#db.pool.query<{
      statements: string;
      indexed: string;
      subjects: string;
      catalogue_version: string;
      competence_age: number;
    }>(
      `SELECT (SELECT coalesce(sum(stored), 0) FROM preference_index_counts) AS statements,
              (SELECT coalesce(sum(indexed), 0) FROM preference_index_counts) AS indexed,
              (SELECT coalesce(sum(subjects), 0) FROM preference_index_counts) AS subjects,
              catalogue_version, competence_age
         FROM preference_index WHERE id = 1`,
    );
    const r = rows[0]!;
    return statusOf(
      r.catalogue_version,
      r.competence_age,
      Number(r.statements),
      Number(r.indexed),
      Number(r.subjects),
    );
  }

  async resolve(members: readonly SubjectKey[], asOf: string, options?: ResolveOptions) {
    return (await this.answers(members, asOf, options)).all();
  }

  async answers(members: readonly SubjectKey[], asOf: string, options?: ResolveOptions) {
    return this.#readOnly(async (client) => {
      const parameters = await this.#parameters(client);
      checkParameters(parameters, options?.competenceAge);
      return resolveMembers(
        members,
        asOf,
        parameters,
        {
          rows: async (batch) => {
            // The keys as one JSON text and the answer as one text (member-rows.ts): no array parameter
            // escaped key by key, no row object per key or subject. The index probes are the join's.
            const { rows } = await client.query<[string | null]>({
              text: MEMBER_ROWS_SQL,
              values: [memberKeysJson(batch)],
              rowMode: 'array',
            });
            return rows[0]?.[0] ?? '';
          },
          histories: async (subjects) => {
            const { rows } = await client.query<{ key: string; subject: string }>(
              'SELECT key, subject FROM subject_keys WHERE subject = ANY($1::bigint[])',
              [subjects],
            );
            const lists = subjects.map((s) => rows.filter((r) => Number(r.subject) === s).map((r) => r.key));
            const histories = await this.#histories(client, lists);
            return new Map(subjects.map((s, i) => [s, histories[i]!]));
          },
        },
        options?.purposes,
      );
    });
  }

  /**
   * The batch is copied into a temporary table (COPY, one round trip) and joined to the index in one
   * query: the database does the lookups, set-based, and sends back one row per key found.
   */
  async compact(members: readonly SubjectKey[], asOfMs: number): Promise<CompactRows> {
    return this.#readOnly(async (client) => {
      await client.query(
        'CREATE TEMP TABLE IF NOT EXISTS cohort_batch (ord integer NOT NULL, key text NOT NULL) ON COMMIT DELETE ROWS',
      );
      const copy = client.query(copyFrom('COPY cohort_batch (ord, key) FROM STDIN'));
      let text = '';
      members.forEach((member, i) => {
        // Keys are UPNs and ULNs: no tab, newline or backslash can reach COPY's text format.
        for (const key of memberKeys(member)) if (!/[\t\n\\]/.test(key)) text += `${i}\t${key}\n`;
      });
      copy.end(text);
      await finished(copy);
      const { rows } = await client.query<
        [number, string, number | null, number | null, string | null, boolean | null]
      >({
        text: `SELECT c.ord, k.subject, p.not_shared, p.stated, p.settled_from, p.detail IS NOT NULL
                 FROM cohort_batch c JOIN subject_keys k ON k.key = c.key
                 LEFT JOIN subject_preferences p ON p.subject = k.subject`,
        rowMode: 'array',
      });
      const subjectsOf: number[][] = members.map(() => []);
      const byId = new Map<
        number,
        { notShared: number; stated: number; settledFrom: number; exact: boolean }
      >();
      for (const [ord, subject, notShared, stated, settledFrom, exact] of rows) {
        const id = Number(subject);
        subjectsOf[ord]!.push(id);
        if (notShared !== null) {
          byId.set(id, { notShared, stated: stated!, settledFrom: Number(settledFrom), exact: exact! });
        }
      }
      const out = compactRows(members.length);
      subjectsOf.forEach((subjects, i) => {
        const id = compactAnswer(subjects, (s) => byId.get(s), asOfMs);
        out.found[i] = id;
        if (id > 0) {
          const row = byId.get(id)!;
          out.notShared[i] = row.notShared;
          out.stated[i] = row.stated;
        }
      });
      return out;
    }, 'BEGIN ISOLATION LEVEL REPEATABLE READ');
  }

  /** Reads in one snapshot of the database (REPEATABLE READ), so keys, rows and histories agree. */
  async #readOnly<T>(
    work: (client: pg.PoolClient) => Promise<T>,
    begin = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
  ): Promise<T> {
    const client = await this.#db.pool.connect();
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async snapshot(): Promise<PreferenceSnapshot> {
    const parameters = await this.#parameters(this.#db.pool);
    const snapshot = new PreferenceSnapshot(this.#source(), parameters.catalogue.purposes.length);
    await snapshot.refresh();
    return snapshot;
  }

  #source(): SnapshotSource {
    return {
      read: (since, sink) =>
        this.#readOnly(async (client) => {
          // Every transaction below this one's xmin had finished when it began: what they wrote is read
          // now, and anything from one still running is read next time (changed >= this xmin).
          const { rows } = await client.query<{ xmin: string }>(
            'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin',
          );
          const changed =
            typeof since === 'string' ? `changed >= '${since.replace(/\D/g, '')}'::xid8` : 'true';
          // Only national keys: a cohort names no school's local id.
          const national = `left(key, 4) IN ('upn:', 'uln:')`;
          if (typeof since !== 'string') {
            const size = await client.query<{ keys: string; max_subject: string | null }>(
              `SELECT (SELECT count(*) FROM subject_keys WHERE ${national}) AS keys,
                      (SELECT max(subject) FROM subject_preferences) AS max_subject`,
            );
            sink.expect({
              keys: Number(size.rows[0]!.keys),
              maxSubject: Number(size.rows[0]!.max_subject ?? 0),
            });
          }
          await client.query(
            `DECLARE index_keys NO SCROLL CURSOR FOR
               SELECT key, subject FROM subject_keys WHERE ${changed} AND ${national}`,
          );
          // Rows as arrays, a small page at a time: each page dies young (a scavenge).
          for (;;) {
            const page = await client.query<[string, string]>({
              text: `FETCH ${READ_CHUNK} FROM index_keys`,
              rowMode: 'array',
            });
            if (page.rows.length === 0) break;
            for (const [key, subject] of page.rows) sink.key(key, Number(subject));
          }
          await client.query(
            `DECLARE index_subjects NO SCROLL CURSOR FOR
               SELECT subject, not_shared, stated, settled_from, detail IS NOT NULL AS exact
                 FROM subject_preferences WHERE ${changed}`,
          );
          for (;;) {
            const page = await client.query<[string, number, number, string, boolean]>({
              text: `FETCH ${READ_CHUNK} FROM index_subjects`,
              rowMode: 'array',
            });
            if (page.rows.length === 0) break;
            for (const [subject, notShared, stated, settledFrom, exact] of page.rows)
              sink.subject(Number(subject), notShared, stated, Number(settledFrom), exact);
          }
          return rows[0]!.xmin;
        }),
    };
  }

  async reindex(options?: {
    competenceAge?: number;
    onProgress?: (statements: number) => void;
  }): Promise<ReindexResult> {
    return this.#db.transaction(async (client) => {
      // Appends wait (SHARE conflicts with the ROW EXCLUSIVE an insert takes); reads go on.
      await client.query('LOCK TABLE statements IN SHARE MODE');
      const current = await this.#parameters(client);
      const competenceAge = options?.competenceAge ?? current.competenceAge;
      checkCompetenceAge(competenceAge);
      await client.query('TRUNCATE subject_keys, subject_preferences');
      await client.query(
        'UPDATE preference_index SET catalogue_version = $1, competence_age = $2 WHERE id = 1',
        [LatestCatalogue.catalogueVersion, competenceAge],
      );
      let statements = 0;
      for (let after = '0'; ; ) {
        const { rows } = await client.query<{
          seq: string;
          id: string;
          urn: string;
          upn: string | null;
          uln: string | null;
          local_id: string | null;
          body: string;
        }>(
          'SELECT seq, id, urn, upn, uln, local_id, body FROM statements WHERE seq > $1 ORDER BY seq LIMIT $2',
          [after, REINDEX_CHUNK],
        );
        if (rows.length === 0) break;
        await this.maintain(
          client,
          rows.map((r) => ({
            row: { id: r.id, urn: r.urn, upn: r.upn, uln: r.uln, localId: r.local_id, body: r.body },
          })),
        );
        statements += rows.length;
        after = rows[rows.length - 1]!.seq;
        options?.onProgress?.(statements);
      }
      // Under the lock nothing else stored a statement: what was read is what is held, stored and indexed.
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM subject_preferences');
      const subjects = Number(rows[0]!.n);
      await client.query('DELETE FROM preference_index_counts');
      await client.query(
        'INSERT INTO preference_index_counts (shard, stored, indexed, subjects) VALUES (-1, $1, $1, $2)',
        [statements, subjects],
      );
      return { statements, subjects };
    });
  }
}
