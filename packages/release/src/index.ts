export { canonicalJson } from '@reuse-pref/schema';
export { LocalReleaseArchive } from './archive/local-archive.js';
export {
  ledgerEntry,
  type RecordedRelease,
  type RecordOptions,
  recordRelease,
} from './archive/record-release.js';
export type {
  ReleaseArchive,
  ReleaseDraft,
  ReleaseRecording,
  SubjectRecording,
} from './archive/release-archive.js';
export { type CohortMember, subjectKey } from './gate/cohort.js';
export {
  decideSubject,
  type PreparedRequest,
  prepareRequest,
  type SubjectDecision,
} from './gate/decide-subject.js';
export {
  type Cohort,
  countOutcome,
  type EvaluateOptions,
  emptyCounts,
  evaluateRelease,
  type SubjectResult,
  subjectOutcome,
} from './gate/evaluate.js';
export {
  type CohortKeys,
  type CompactEvaluateOptions,
  type CompactPreferences,
  type CompactRows,
  evaluateFromCompactIndex,
  type IndexAnswers,
  membersFromIndex,
  type PreferenceIndex,
} from './gate/indexed-cohort.js';
export { CohortError, readCohortFile, readCohortKeys, subjectFromKeyLine } from './input/cohort-file.js';
export {
  type CohortKeyRun,
  isCohortKeyRun,
  keysOfRun,
  readCohortKeyRuns,
} from './input/cohort-key-runs.js';
export { lineBatches } from './input/line-batches.js';
export { parseDistributionRequest, RequestError } from './input/request.js';
export { commitmentLeaf, ledgerCommitment, newSalt } from './ledger/commitment.js';
export {
  FileLedgerStore,
  type LedgerRecord,
  type LedgerStore,
  type LocalLedger,
  MemoryLedgerStore,
} from './ledger/ledger-store.js';
export { canonicalPurposesText, purposesDocumentText } from './ledger/purposes-text.js';
export {
  notificationFilter,
  type RecipientToNotify,
  receiptFor,
  recipientsToNotify,
  subjectLedger,
} from './ledger/subject-ledger.js';
export { consistencyHolds, verifyHeadConsistency, verifyReceiptAgainstHead } from './log/consistency.js';
export { EMPTY_TREE_HASH, leafHash, leafHashOfText, nodeHash } from './log/hash.js';
export { LogFormatError, readLogLines } from './log/log-file.js';
export { MerkleTree } from './log/merkle.js';
export {
  type AlignedSubtree,
  consistencyPathFrom,
  inclusionPathFrom,
  MerkleFrontier,
  subtreeHashFrom,
} from './log/merkle-frontier.js';
export { type LogMark, TransparencyLog } from './log/transparency-log.js';
export {
  generateLogKeyPair,
  type KeyInput,
  signTreeHead,
  treeHeadBytes,
  verifyTreeHead,
} from './log/tree-head.js';
export {
  checkLeaf,
  receiptLeafHash,
  type Verification,
  type VerifyLogInput,
  verifyLogFile,
  verifyReceipt,
} from './log/verify.js';
export { verifyConsistency, verifyInclusion } from './log/verify-proofs.js';
export { type Observation, observeHead, type ProofSource } from './log/witness.js';
export { csvCell, registerCsv } from './register/csv.js';
export { escapeHtml, registerHtml, registerJson } from './register/html.js';
export { readRegister, registerEntry } from './register/register-entry.js';
