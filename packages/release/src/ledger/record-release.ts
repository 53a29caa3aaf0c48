import type { DistributionRequest, LedgerEntry, ReleaseDecision, Subject } from '@reuse-pref/schema';
import { subjectKey } from '../gate/cohort.js';
import { type Cohort, type EvaluateOptions, evaluateRelease, type SubjectResult } from '../gate/evaluate.js';
import type { TransparencyLog } from '../log/transparency-log.js';
import { commitmentLeaf, newSalt } from './commitment.js';
import type { LedgerStore } from './ledger-store.js';

export interface RecordOptions extends Omit<EvaluateOptions, 'onSubject'> {
  readonly log: TransparencyLog;
  readonly ledger: LedgerStore;
  /** Also told about each subject, after the ledger has it (for a caller that streams outcomes out). */
  readonly onSubject?: (result: SubjectResult) => void | Promise<void>;
}

export interface RecordedRelease {
  readonly decision: ReleaseDecision;
  /** Index of the release decision leaf: the register links each entry to it. */
  readonly logIndex: number;
}

/**
 * Evaluates a request and records it: one committed ledger leaf per subject, then the public release
 * decision leaf, whose counts the subject leaves before it add up to.
 */
export async function recordRelease(
  request: DistributionRequest,
  cohort: Cohort,
  options: RecordOptions,
): Promise<RecordedRelease> {
  const decidedAt = options.decidedAt ?? new Date().toISOString();
  const { log, ledger, onSubject, ...evaluateOptions } = options;
  const decision = await evaluateRelease(request, cohort, {
    ...evaluateOptions,
    decidedAt,
    onSubject: async (result) => {
      const entry = ledgerEntry(request, result, decidedAt);
      const salt = newSalt();
      const leafIndex = log.append(commitmentLeaf(entry, salt));
      await ledger.add({ key: subjectKey(result.subject), leafIndex, salt, entry });
      if (onSubject) await onSubject(result);
    },
  });
  const logIndex = log.append({ type: 'release', decision });
  log.flush();
  ledger.flush?.();
  return { decision, logIndex };
}

export function ledgerEntry(
  request: DistributionRequest,
  result: SubjectResult,
  decidedAt: string,
): LedgerEntry {
  return {
    releaseId: result.releaseId,
    dsReference: request.dsReference,
    decidedAt,
    // Identifiers only: the date of birth decided nothing here and need not travel into the ledger.
    subject: identifiersOf(result.subject),
    outcome: result.outcome,
    recipient: request.recipient,
    lawfulBasis: request.lawfulBasis,
    deliveryMode: request.deliveryMode,
    retainUntil: request.retainUntil,
    ...(request.exemption ? { exemption: request.exemption } : {}),
    purposes: result.purposes,
  };
}

function identifiersOf(subject: Subject): Subject {
  const { dateOfBirth: _dob, ...ids } = subject;
  return ids;
}
