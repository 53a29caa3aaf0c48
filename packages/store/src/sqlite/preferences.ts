import { findCatalogue, LatestCatalogue, type Statement, type SubjectKey } from '@reuse-pref/schema';
import type Database from 'better-sqlite3';
import type {
  CompactRows,
  PreferenceIndexStatus,
  Preferences,
  ReindexResult,
  ResolveOptions,
} from '../ports/preferences.js';
import type { StatementRow } from '../ports/statements.js';
import { type IndexParameters, indexEntry } from '../preferences/index-entry.js';
import { planGroups } from '../preferences/plan.js';
import { resolveMembersSync } from '../preferences/resolve-members.js';
import {
  compactAnswer,
  compactRows,
  PreferenceSnapshot,
  type SnapshotSource,
} from '../preferences/snapshot.js';
import { checkCompetenceAge, checkParameters, statusOf } from '../preferences/status.js';
import { keyColumns, memberKeys, memberKeysJson, statementKeys } from '../preferences/subject-keys.js';
import type { SqliteConnection } from './connection.js';

/** A newly stored row, with the parsed statement when the caller had it (bulk loads and single appends). */
export interface IndexedRow {
  row: StatementRow;
  statement?: Statement;
}

interface MetaRow {
  catalogue_version: string;
  competence_age: number;
  stored_statements: number;
  indexed_statements: number;
  next_subject: number;
  version: number;
}

interface EntryRow {
  subject: number;
  statements: number;
  settled_from: number;
  date_of_birth: string | null;
  not_shared: number;
  stated: number;
  detail: string | null;
}

const REINDEX_CHUNK = 5000;
const READ_CHUNK = 4096;
/** Every national key (`uln:…`, `upn:…`) sorts after this, every `local:…` before it. */
const NATIONAL_KEYS_AFTER = 'u';

/**
 * The effective-preferences index on SQLite. SQLite runs one write transaction at a time, so keeping the
 * index is straightforward: `maintain` runs inside the statement append's transaction, groups the new
 * statements into subjects, merges subjects they link, re-resolves each touched subject's whole history
 * and writes its row. `version` in the meta row numbers the writing transactions, so a snapshot reads
 * what changed after the version it last saw.
 */
export class SqlitePreferences implements Preferences {
  readonly #connection: SqliteConnection;
  readonly #db: Database.Database;
  readonly #meta;
  readonly #keyLookup;
  readonly #memberRows;
  readonly #keysOfSubject;
  readonly #entry;
  readonly #byUpn;
  readonly #byUln;
  readonly #byLocal;
  readonly #repoint;
  readonly #dropSubject;
  readonly #insertKey;
  readonly #putEntry;
  readonly #bumpMeta;

  constructor(connection: SqliteConnection) {
    this.#connection = connection;
    const db = connection.db;
    this.#db = db;
    this.#meta = db.prepare<[], MetaRow>('SELECT * FROM preference_index WHERE id = 1');
    this.#keyLookup = db.prepare<[string], { subject: number }>(
      'SELECT subject FROM subject_keys WHERE key = ?',
    );
    // A batch of keys in one statement (a JSON array): one index probe each, without a statement call
    // and a row object of its own per key (a sixth of recording a release, looked up one by one).
    // A batch's keys in one statement (a JSON array) and its answer as one text (member-rows.ts): one
    // index probe per key, and neither a statement call nor a row object and strings per key or subject.
    // A line per key found, its place in the array (json_each's key) first; no grouping or sort (the
    // reader takes the lines in any order), and each line one concat_ws (measured: about half the time
    // of the same text joined with || and grouped).
    this.#memberRows = db
      .prepare<[string], string | null>(
        `SELECT group_concat(
                  CASE WHEN p.subject IS NULL THEN concat_ws(char(9), j.key, k.subject)
                  ELSE concat_ws(char(9), j.key, k.subject, p.settled_from, p.not_shared, p.stated,
                                 json_quote(p.date_of_birth), coalesce(p.detail, '')) END,
                  char(10))
           FROM json_each(?) AS j JOIN subject_keys AS k ON k.key = j.value
           LEFT JOIN subject_preferences AS p ON p.subject = k.subject`,
      )
      .pluck();
    this.#keysOfSubject = db.prepare<[number], { key: string }>(
      'SELECT key FROM subject_keys WHERE subject = ?',
    );
    this.#entry = db.prepare<[number], EntryRow>('SELECT * FROM subject_preferences WHERE subject = ?');
    const history = 'SELECT seq, upn, uln, urn, local_id, body FROM statements WHERE';
    this.#byUpn = db.prepare<[string], { seq: number; body: string }>(`${history} upn = ?`);
    this.#byUln = db.prepare<[string], { seq: number; body: string }>(`${history} uln = ?`);
    this.#byLocal = db.prepare<[string, string], { seq: number; body: string }>(
      `${history} urn = ? AND local_id = ?`,
    );
    this.#repoint = db.prepare<[number, number, number]>(
      'UPDATE subject_keys SET subject = ?, changed = ? WHERE subject = ?',
    );
    this.#dropSubject = db.prepare<[number]>('DELETE FROM subject_preferences WHERE subject = ?');
    this.#insertKey = db.prepare<[string, number, number]>(
      'INSERT INTO subject_keys (key, subject, changed) VALUES (?, ?, ?)',
    );
    this.#putEntry = db.prepare<
      [number, number, number, string | null, number, number, string | null, number]
    >(
      `INSERT INTO subject_preferences
         (subject, statements, settled_from, date_of_birth, not_shared, stated, detail, changed)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (subject) DO UPDATE SET statements = excluded.statements,
         settled_from = excluded.settled_from, date_of_birth = excluded.date_of_birth,
         not_shared = excluded.not_shared, stated = excluded.stated, detail = excluded.detail,
         changed = excluded.changed`,
    );
    this.#bumpMeta = db.prepare<[number, number]>(
      `UPDATE preference_index SET indexed_statements = indexed_statements + ?, next_subject = ?,
         version = version + 1 WHERE id = 1`,
    );
  }

  #parameters(meta: MetaRow = this.#meta.get()!): IndexParameters {
    const catalogue = findCatalogue(meta.catalogue_version) ?? LatestCatalogue;
    return { catalogue, competenceAge: meta.competence_age };
  }

  /**
   * Takes newly stored statements into the index. Runs inside the caller's write transaction (the one
   * that inserted them), so the index and the statements commit together or not at all.
   */
  maintain(rows: readonly IndexedRow[]): void {
    if (rows.length === 0) return;
    const meta = this.#meta.get()!;
    const parameters = this.#parameters(meta);
    const version = meta.version + 1;
    let nextSubject = meta.next_subject;
    const known = new Map<string, number>();
    for (const { row } of rows) {
      for (const key of statementKeys(row)) {
        if (known.has(key)) continue;
        const found = this.#keyLookup.get(key);
        if (found) known.set(key, found.subject);
      }
    }
    for (const group of planGroups(
      rows.map((r) => r.row),
      known,
    )) {
      const [target = nextSubject++, ...merged] = group.subjects;
      let history: Statement[];
      if (group.subjects.length === 0) {
        history = group.rows.map((i) => rows[i]!.statement ?? (JSON.parse(rows[i]!.row.body) as Statement));
      } else {
        const keys = new Set(group.keys);
        for (const subject of group.subjects) {
          for (const { key } of this.#keysOfSubject.all(subject)) keys.add(key);
        }
        history = this.#history(keys);
      }
      for (const subject of merged) {
        this.#repoint.run(target, version, subject);
        this.#dropSubject.run(subject);
      }
      for (const key of group.newKeys) this.#insertKey.run(key, target, version);
      const entry = indexEntry(history, parameters);
      this.#putEntry.run(
        target,
        entry.statements,
        entry.settledFrom,
        entry.dateOfBirth,
        entry.notShared,
        entry.stated,
        entry.detail,
        version,
      );
    }
    this.#bumpMeta.run(rows.length, nextSubject);
  }

  /** Every statement holding any of these keys, each once. */
  #history(keys: Iterable<string>): Statement[] {
    const bodies = new Map<number, string>();
    for (const key of keys) {
      const columns = keyColumns(key);
      const found =
        columns.kind === 'upn'
          ? this.#byUpn.all(columns.value)
          : columns.kind === 'uln'
            ? this.#byUln.all(columns.value)
            : this.#byLocal.all(columns.urn, columns.localId);
      for (const row of found) bodies.set(row.seq, row.body);
    }
    return [...bodies.values()].map((body) => JSON.parse(body) as Statement);
  }

  async status(): Promise<PreferenceIndexStatus> {
    const meta = this.#meta.get()!;
    const subjects = this.#db
      .prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM subject_preferences')
      .get()!.n;
    return statusOf(
      meta.catalogue_version,
      meta.competence_age,
      meta.stored_statements,
      meta.indexed_statements,
      subjects,
    );
  }

  async resolve(members: readonly SubjectKey[], asOf: string, options?: ResolveOptions) {
    return (await this.answers(members, asOf, options)).all();
  }

  async answers(members: readonly SubjectKey[], asOf: string, options?: ResolveOptions) {
    // One read transaction: the keys, entries and histories come from one state of the file.
    return this.#db.transaction(() => {
      const parameters = this.#parameters();
      checkParameters(parameters, options?.competenceAge);
      return resolveMembersSync(
        members,
        asOf,
        parameters,
        {
          rows: (batch) => this.#memberRows.get(memberKeysJson(batch)) ?? '',
          histories: (subjects) =>
            new Map(subjects.map((s) => [s, this.#history(this.#keysOfSubject.all(s).map((r) => r.key))])),
        },
        options?.purposes,
      );
    })();
  }

  /** SQLite answers a point lookup in microseconds in this process: one per key, in one read transaction. */
  async compact(members: readonly SubjectKey[], asOfMs: number): Promise<CompactRows> {
    return this.#db.transaction(() => {
      const out = compactRows(members.length);
      const rows = new Map<number, EntryRow | undefined>();
      const row = (subject: number) => {
        if (!rows.has(subject)) rows.set(subject, this.#entry.get(subject));
        const r = rows.get(subject);
        return r && { settledFrom: r.settled_from, exact: r.detail !== null };
      };
      members.forEach((member, i) => {
        const subjects = memberKeys(member).map((key) => this.#keyLookup.get(key)?.subject ?? 0);
        const id = compactAnswer(subjects, row, asOfMs);
        out.found[i] = id;
        if (id > 0) {
          out.notShared[i] = rows.get(id)!.not_shared;
          out.stated[i] = rows.get(id)!.stated;
        }
      });
      return out;
    })();
  }

  async snapshot(): Promise<PreferenceSnapshot> {
    const snapshot = new PreferenceSnapshot(this.#source(), this.#parameters().catalogue.purposes.length);
    await snapshot.refresh();
    return snapshot;
  }

  #source(): SnapshotSource {
    const db = this.#db;
    // Only national keys: a cohort names no school's local id. Every `uln:…` and `upn:…` sorts after
    // 'u' and every `local:…` before it, so the read starts there on the primary key.
    const keys = db
      .prepare<[number, string, number], [string, number]>(
        'SELECT key, subject FROM subject_keys WHERE changed > ? AND key > ? ORDER BY key LIMIT ?',
      )
      .raw();
    const subjects = db
      .prepare<[number, number, number], [number, number, number, number, number]>(
        `SELECT subject, not_shared, stated, settled_from, detail IS NOT NULL
           FROM subject_preferences WHERE changed > ? AND subject > ? ORDER BY subject LIMIT ?`,
      )
      .raw();
    const sizes = db.prepare<[string], { keys: number; maxSubject: number | null }>(
      `SELECT (SELECT COUNT(*) FROM subject_keys WHERE key > ?) AS keys,
              (SELECT MAX(subject) FROM subject_preferences) AS maxSubject`,
    );
    return {
      read: async (since, sink) => {
        const after = typeof since === 'number' ? since : -1;
        // One read transaction, so the keys and subjects belong together; the version read with them is
        // where the next refresh starts (SQLite commits one writer at a time, in version order).
        return db.transaction(() => {
          const version = this.#meta.get()!.version;
          if (after < 0) {
            const size = sizes.get(NATIONAL_KEYS_AFTER)!;
            sink.expect({ keys: size.keys, maxSubject: size.maxSubject ?? 0 });
          }
          // Small pages: each page's rows die young (a scavenge), instead of filling the old generation.
          for (let last = NATIONAL_KEYS_AFTER; ; ) {
            const rows = keys.all(after, last, READ_CHUNK);
            if (rows.length === 0) break;
            for (const [key, subject] of rows) sink.key(key, subject);
            last = rows[rows.length - 1]![0];
          }
          for (let last = 0; ; ) {
            const rows = subjects.all(after, last, READ_CHUNK);
            if (rows.length === 0) break;
            for (const [subject, notShared, stated, settledFrom, exact] of rows)
              sink.subject(subject, notShared, stated, settledFrom, exact === 1);
            last = rows[rows.length - 1]![0];
          }
          return version;
        })();
      },
    };
  }

  async reindex(options?: {
    competenceAge?: number;
    onProgress?: (statements: number) => void;
  }): Promise<ReindexResult> {
    const chunk = this.#db.prepare<[number, number], StatementRow & { seq: number; local_id: string | null }>(
      'SELECT seq, id, urn, upn, uln, local_id, body FROM statements WHERE seq > ? ORDER BY seq LIMIT ?',
    );
    return this.#connection.write(() => {
      const meta = this.#meta.get()!;
      const competenceAge = options?.competenceAge ?? meta.competence_age;
      checkCompetenceAge(competenceAge);
      this.#db.exec('DELETE FROM subject_keys; DELETE FROM subject_preferences;');
      this.#db
        .prepare(
          `UPDATE preference_index SET catalogue_version = ?, competence_age = ?, indexed_statements = 0,
             stored_statements = 0, next_subject = 1 WHERE id = 1`,
        )
        .run(LatestCatalogue.catalogueVersion, competenceAge);
      let statements = 0;
      for (let after = 0; ; ) {
        const rows = chunk.all(after, REINDEX_CHUNK);
        if (rows.length === 0) break;
        this.maintain(rows.map((r) => ({ row: { ...r, localId: r.local_id } })));
        statements += rows.length;
        after = rows[rows.length - 1]!.seq;
        options?.onProgress?.(statements);
      }
      // Under the write lock nothing else stored a statement: what was read is what is held.
      this.#db.prepare('UPDATE preference_index SET stored_statements = ? WHERE id = 1').run(statements);
      const subjects = this.#db
        .prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM subject_preferences')
        .get()!.n;
      return { statements, subjects };
    });
  }
}
