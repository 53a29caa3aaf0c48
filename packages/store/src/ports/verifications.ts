import type { StatementVerification } from '@reuse-pref/schema';

export type { StatementVerification } from '@reuse-pref/schema';

/**
 * What a receiver found when it verified each statement's signature chain (spec/v1/signatures.md 8.1).
 * An outcome is written by the statement write that stores the statement (a `verification` on its
 * row), in the same transaction, once per school's copy: the first outcome recorded for a copy stays.
 * It is kept beside the statement, so every read of the statement returns the bytes that were received.
 */
export interface Verifications {
  /** The outcome recorded with one statement: the school's copy with `urn`, otherwise the first stored. */
  get(id: string, urn?: string): Promise<StatementVerification | undefined>;
  /**
   * How many of `ids` (a repeated id counts each time) have a copy verified end to end: one set-based
   * query, for a release to say how many of its deciding statements were verified.
   */
  countVerified(ids: readonly string[]): Promise<number>;
}
