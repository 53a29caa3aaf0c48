import type {
  LedgerEntry,
  PurposeOutcome,
  Recipient,
  SignedTreeHead,
  SubjectReceipt,
} from '@reuse-pref/schema';
import type { TransparencyLog } from '../log/transparency-log.js';
import type { LedgerRecord, LedgerStore } from './ledger-store.js';

/**
 * Every release that included or excluded one subject, each with a receipt proving the public log holds
 * it under `treeHead`. The tree head must be one the log signed at its current size (or earlier, as long
 * as it covers every leaf of this subject).
 */
export async function subjectLedger(
  store: LedgerStore,
  log: TransparencyLog,
  key: string,
  treeHead: SignedTreeHead,
): Promise<SubjectReceipt[]> {
  const receipts: SubjectReceipt[] = [];
  for await (const record of store.forSubject(key)) {
    if (record.leafIndex >= treeHead.treeSize) continue;
    receipts.push(receiptFor(record, log, treeHead));
  }
  return receipts;
}

export function receiptFor(
  record: LedgerRecord,
  log: TransparencyLog,
  treeHead: SignedTreeHead,
): SubjectReceipt {
  return {
    entry: record.entry,
    salt: record.salt,
    proof: log.inclusionProof(record.leafIndex, treeHead.treeSize),
    treeHead,
  };
}

export interface RecipientToNotify {
  readonly recipient: Recipient;
  readonly releaseId: string;
  readonly dsReference: string;
  readonly decidedAt: string;
  readonly retainUntil: string;
  /** The purposes of that release the objection covers. */
  readonly purposes: string[];
  /** The release sent the data under an exemption for at least one of those purposes. */
  readonly underExemption: boolean;
}

/**
 * Art 19: the recipients of earlier releases that sent this subject's data for any of `purposes`, who
 * must now be told of the objection. Releases that excluded the subject sent nothing, so they are not
 * listed; releases decided at or after `objectionAt` already saw the objection.
 */
export async function recipientsToNotify(
  store: LedgerStore,
  key: string,
  objectionAt: string,
  purposes: readonly string[],
): Promise<RecipientToNotify[]> {
  const select = notificationFilter(objectionAt, purposes);
  const found: RecipientToNotify[] = [];
  for await (const { entry } of store.forSubject(key)) {
    const notification = select(entry);
    if (notification) found.push(notification);
  }
  return found;
}

/**
 * The same rule for one ledger entry at a time, for a ledger read some other way (a server's store, a
 * page at a time): the notification it calls for, or undefined.
 */
export function notificationFilter(
  objectionAt: string,
  purposes: readonly string[],
): (entry: LedgerEntry) => RecipientToNotify | undefined {
  const objectionMs = Date.parse(objectionAt);
  if (Number.isNaN(objectionMs)) throw new RangeError(`objectionAt is not a date-time: ${objectionAt}`);
  const wanted = new Set(purposes);
  return (entry) => {
    if (entry.outcome === 'EXCL' || Date.parse(entry.decidedAt) >= objectionMs) return undefined;
    const covered = entry.purposes.filter((p) => wanted.has(p.purpose));
    return covered.length === 0 ? undefined : notification(entry, covered);
  };
}

function notification(entry: LedgerEntry, covered: PurposeOutcome[]): RecipientToNotify {
  return {
    recipient: entry.recipient,
    releaseId: entry.releaseId,
    dsReference: entry.dsReference,
    decidedAt: entry.decidedAt,
    retainUntil: entry.retainUntil,
    purposes: covered.map((p) => p.purpose),
    underExemption: covered.some((p) => p.overriddenBy !== undefined),
  };
}
