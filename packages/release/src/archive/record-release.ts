import type { DistributionRequest, LedgerEntry, ReleaseDecision, Subject } from '@reuse-pref/schema';
import { subjectKey } from '../gate/cohort.js';
import {
  type Cohort,
  type EvaluateOptions,
  evaluateRelease,
  type SubjectResult,
  subjectOutcome,
} from '../gate/evaluate.js';
import { commitmentLeafText, commitmentOfText, newSalt } from '../ledger/commitment.js';
import { ledgerEntryText } from '../ledger/entry-text.js';
import { registerEntry } from '../register/register-entry.js';
import type { ReleaseArchive } from './release-archive.js';

export interface RecordOptions extends Omit<EvaluateOptions, 'onSubject'> {
  /** Where the release is kept: all of it in one step, or (on any failure) none of it. */
  readonly archive: ReleaseArchive;
  /** Also told about each subject once its record is drafted (for a caller that streams outcomes out). */
  readonly onSubject?: (result: SubjectResult) => void | Promise<void>;
}

export interface RecordedRelease {
  readonly decision: ReleaseDecision;
  /** Index of the release decision leaf: the register links each entry to it. */
  readonly logIndex: number;
}

/**
 * Evaluates a request and records it: one committed ledger leaf and private record per subject, then the
 * public release decision leaf (whose counts the subject leaves before it add up to) and the register
 * entry, all kept by the archive in one step. If anything fails (a cohort that cannot be read, a write),
 * the archive keeps nothing of the release.
 */
export async function recordRelease(
  request: DistributionRequest,
  cohort: Cohort,
  options: RecordOptions,
): Promise<RecordedRelease> {
  const decidedAt = options.decidedAt ?? new Date().toISOString();
  const { archive, onSubject, ...evaluateOptions } = options;
  const draft = await archive.begin();
  try {
    let leafIndex = draft.firstLeafIndex;
    // Templates of the release's entry and leaf texts, made with the first subject (its releaseId).
    let texts: { entry: (entry: LedgerEntry) => string; leaf: (commitment: string) => string } | undefined;
    const decision = await evaluateRelease(request, cohort, {
      ...evaluateOptions,
      decidedAt,
      onSubject: (result) => {
        const entry = ledgerEntry(request, result, decidedAt);
        texts ??= { entry: ledgerEntryText(entry), leaf: commitmentLeafText(entry.releaseId) };
        const salt = newSalt();
        const entryJson = texts.entry(entry);
        const commitment = commitmentOfText(salt, entryJson);
        const added = draft.add({
          leaf: { type: 'subject', releaseId: entry.releaseId, commitment },
          leafJson: texts.leaf(commitment),
          record: { key: subjectKey(result.subject), leafIndex: leafIndex++, salt, entry },
          outcome: subjectOutcome(result),
          entryJson,
        });
        // Only a promise costs the gate an await: a draft that writes synchronously keeps its fast path.
        if (!onSubject) return added;
        return added ? added.then(() => onSubject(result)) : onSubject(result);
      },
    });
    const logIndex = leafIndex;
    await draft.commit({
      decision,
      leaf: { type: 'release', decision },
      logIndex,
      register: registerEntry(decision, logIndex),
    });
    return { decision, logIndex };
  } catch (error) {
    try {
      await draft.abort();
    } catch (undoError) {
      throw new AggregateError([error, undoError], 'recording a release failed, and so did undoing it');
    }
    throw error;
  }
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
