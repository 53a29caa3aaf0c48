import type {
  RegisterEntry,
  ReleaseDecision,
  ReleaseDecisionLeaf,
  SubjectCommitmentLeaf,
  SubjectOutcome,
} from '@reuse-pref/schema';
import type { LedgerRecord } from '../ledger/ledger-store.js';

/** One subject of a release as it is kept: its public commitment, its private record, its outcome. */
export interface SubjectRecording {
  /** The commitment to the record, for the public log at `record.leafIndex`. */
  readonly leaf: SubjectCommitmentLeaf;
  /** The entry and salt that open the commitment, for the subject's private ledger. */
  readonly record: LedgerRecord;
  /** The subject's outcome as the release lists it (the subject's identifiers are `record.entry.subject`). */
  readonly outcome: SubjectOutcome;
  /** `record.entry` as canonical JSON, the text the commitment was made over: serialised once, kept as is. */
  readonly entryJson?: string;
  /** `leaf` as canonical JSON, the text the log hashes and keeps: serialised once, kept as is. */
  readonly leafJson?: string;
}

/** The release itself, once every subject is decided. */
export interface ReleaseRecording {
  readonly decision: ReleaseDecision;
  /** The decision's leaf, for the public log at `logIndex`, after every subject's leaf. */
  readonly leaf: ReleaseDecisionLeaf;
  readonly logIndex: number;
  /** The public register's line for it. */
  readonly register: RegisterEntry;
}

/**
 * One release being recorded. Nothing of it counts until `commit` resolves: then every subject added and
 * the release are kept, in one step. `abort` (and a `commit` that fails) leaves none of it.
 */
export interface ReleaseDraft {
  /** Index the first subject's leaf takes in the log; the rest follow, then the decision leaf. */
  readonly firstLeafIndex: number;
  /** Adds one subject, in cohort order. Synchronous where it can be: the gate then skips an await. */
  add(subject: SubjectRecording): void | Promise<void>;
  commit(release: ReleaseRecording): Promise<void>;
  abort(): void | Promise<void>;
}

/**
 * Where releases are kept: the public transparency log, each subject's private ledger, each release's
 * decision and per-subject outcomes, and the public register. `recordRelease` writes through it; the CLI
 * keeps files (`LocalReleaseArchive`), a server keeps its database.
 */
export interface ReleaseArchive {
  /** Starts recording one release; one at a time per archive. */
  begin(): ReleaseDraft | Promise<ReleaseDraft>;
}
