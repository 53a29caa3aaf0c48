import type { EffectivePreference, SubjectKey } from '@reuse-pref/schema';

/** What the index holds, and whether a gate may decide from it. */
export interface PreferenceIndexStatus {
  /**
   * Every stored statement has been taken into the index: the number of statements the index has taken
   * in (counted in the same transaction as each append) equals the number the store holds. False after a
   * migration over existing statements, or after anything wrote statements without keeping the index
   * (an older library, raw SQL), until `reindex` runs.
   */
  complete: boolean;
  /** The index is complete and built for this library's purpose catalogue. */
  current: boolean;
  statements: number;
  indexedStatements: number;
  subjects: number;
  catalogueVersion: string;
  competenceAge: number;
}

/**
 * Each member's compact state, in the order asked: `found[i]` is a subject id (its bits are
 * `notShared[i]`, `stated[i]`), NO_STATEMENTS (0), or RESOLVE_EXACTLY (-1) when the compact form cannot
 * say (see PreferenceSnapshot.find).
 */
export interface CompactRows {
  found: Int32Array;
  notShared: Uint32Array;
  stated: Uint32Array;
}

/**
 * Cohort members as the places of their keys in a run of bytes (ASCII, as a cohort file holds them):
 * member i's UPN is bytes [upnStart[i], upnEnd[i]), absent when upnStart[i] is -1, and likewise its
 * ULN. A snapshot reads the keys where they lie, with no string or object per member.
 */
export interface KeyPositions {
  readonly bytes: Uint8Array;
  readonly count: number;
  readonly upnStart: Int32Array;
  readonly upnEnd: Int32Array;
  readonly ulnStart: Int32Array;
  readonly ulnEnd: Int32Array;
}

/**
 * The whole index held in this process's memory (`PreferenceSnapshot`): `find` says which subject's
 * bits decide for a member at a time (a subject id; 0, no statement names the member; -1, the compact
 * form cannot say: resolve the member exactly), and `refresh` reads what changed since the last read.
 */
export interface CompactIndex {
  readonly subjects: number;
  /** Bytes of typed arrays held. */
  readonly bytes: number;
  refresh(): Promise<void>;
  find(member: SubjectKey, asOfMs: number): number;
  notShared(subject: number): number;
  stated(subject: number): number;
  compact(members: readonly SubjectKey[], asOfMs: number): CompactRows;
  /**
   * compact() for members given as the places of their keys in bytes; `into` (at least as long as the
   * batch) is written instead of new arrays, so a cohort read in runs reuses one set.
   */
  compactAt(members: KeyPositions, asOfMs: number, into?: CompactRows): CompactRows;
}

export interface ResolveOptions {
  competenceAge?: number;
  /** Only these purpose codes in each answer (catalogue order); every purpose when absent. */
  purposes?: readonly string[];
}

/** A batch's effective preferences, built member by member when read (Preferences.answers). */
export interface PreferenceAnswers {
  readonly length: number;
  preferencesOf(i: number): EffectivePreference[];
}

export interface ReindexResult {
  statements: number;
  subjects: number;
}

/**
 * The effective-preferences index: each subject's effective preferences (shared or not, stated or
 * default, the deciding statement) as `@reuse-pref/resolver` gives them over the subject's whole
 * history, kept in the same transaction as every statement append. A subject is every statement
 * connected through shared identifiers (UPN, ULN, or a school's own id within that school). Bit i of
 * the compact forms is purpose i of the purpose catalogue.
 */
export interface Preferences {
  status(): Promise<PreferenceIndexStatus>;
  /**
   * Each member's effective preferences at `asOf`, exactly what the resolver returns over every
   * statement of the subject the member's identifiers name (of both subjects, if a member's UPN and
   * ULN name two the statements never linked). Throws PreferenceIndexIncompleteError when the index
   * is not current, or when its competence age is not `competenceAge`. With `purposes`, each answer
   * lists only those purposes, in catalogue order (what a release reads: the rest is never built).
   */
  resolve(
    members: readonly SubjectKey[],
    asOf: string,
    options?: ResolveOptions,
  ): Promise<EffectivePreference[][]>;
  /**
   * resolve()'s answers, each member's preferences made only when asked for (`preferencesOf(i)`, in
   * the order of `members`): a batch looked up ahead of its use then holds a text and a few arrays, not
   * an object per member and purpose that outlives the young generation while it waits.
   */
  answers(members: readonly SubjectKey[], asOf: string, options?: ResolveOptions): Promise<PreferenceAnswers>;
  /**
   * The compact form for a batch of members, read in the database: a set-based query (PostgreSQL copies
   * the batch into a temporary table and joins it to the index). The same answers as a snapshot's.
   */
  compact(members: readonly SubjectKey[], asOfMs: number): Promise<CompactRows>;
  /**
   * The compact form of the whole index in this process's memory (a few bytes a subject), for
   * deciding a national cohort at the speed of reading it; `refresh()` brings it up to date.
   */
  snapshot(): Promise<CompactIndex>;
  /**
   * Rebuilds the index from every stored statement, in one transaction that holds statement appends
   * off until it ends; the index is complete afterwards. `competenceAge` (default: the index's own)
   * changes the age it is built for.
   */
  reindex(options?: {
    competenceAge?: number;
    onProgress?: (statements: number) => void;
  }): Promise<ReindexResult>;
}
