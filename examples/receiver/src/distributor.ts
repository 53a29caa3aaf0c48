import { join } from 'node:path';
import {
  type CohortMember,
  FileLedgerStore,
  generateLogKeyPair,
  LocalReleaseArchive,
  recordRelease,
  registerEntry,
  subjectKey,
  subjectLedger,
  TransparencyLog,
  type Verification,
  verifyReceipt,
} from '@reuse-pref/release';
import type {
  DistributionRequest,
  RegisterEntry,
  ReleaseDecision,
  SignedTreeHead,
  Subject,
  SubjectReceipt,
} from '@reuse-pref/schema';
import type { StatementStore } from '@reuse-pref/store';

/**
 * A cohort as the distributor assembles it: the pupils a request covers (from the census records) with
 * every statement the intake holds about each. A pupil with no statement is still in it: "never asked".
 */
export async function cohortFromIntake(
  store: Pick<StatementStore, 'statements'>,
  subjects: readonly Subject[],
): Promise<CohortMember[]> {
  const cohort: CohortMember[] = [];
  for (const subject of subjects) {
    const query = subject.upn ? { upn: subject.upn } : subject.uln ? { uln: subject.uln } : undefined;
    const history = query ? await store.statements.pupilHistory(query) : [];
    cohort.push({ subject, statements: history.map((h) => h.statement) });
  }
  return cohort;
}

export interface RecordedDistribution {
  decision: ReleaseDecision;
  register: RegisterEntry;
}

export interface Distributor {
  /** Evaluates a request against a cohort and records it in the log and the private ledger. */
  decide(
    request: DistributionRequest,
    cohort: readonly CohortMember[],
    decidedAt: string,
  ): Promise<RecordedDistribution>;
  /** Signs the log as it stands: what receipts are checked against. */
  signTreeHead(timestamp?: number): SignedTreeHead;
  /** One pupil's releases, each with an inclusion receipt under `treeHead`. */
  ledger(subject: Subject, treeHead: SignedTreeHead): Promise<SubjectReceipt[]>;
  /** Checks a receipt offline, with only the log's public key: what a family can do. */
  verify(receipt: SubjectReceipt): Verification;
  publicKey: string;
  close(): void;
}

/**
 * The DfE release function over the intake, using @reuse-pref/release in-process: a transparency log
 * (public) and a ledger (private) in `dir`, and a signing key made for this run.
 */
export async function openDistributor(dir: string): Promise<Distributor> {
  const keys = generateLogKeyPair();
  const log = await TransparencyLog.open(join(dir, 'release-log.jsonl'));
  const ledgerStore = new FileLedgerStore(join(dir, 'ledger.private.jsonl'));
  const archive = new LocalReleaseArchive(log, ledgerStore);
  return {
    publicKey: keys.publicKey,
    async decide(request, cohort, decidedAt) {
      const { decision, logIndex } = await recordRelease(request, cohort, { archive, decidedAt });
      return { decision, register: registerEntry(decision, logIndex) };
    },
    signTreeHead: (timestamp) => log.signTreeHead(keys.privateKey, timestamp),
    ledger: (subject, treeHead) => subjectLedger(ledgerStore, log, subjectKey(subject), treeHead),
    verify: (receipt) => verifyReceipt(receipt, keys.publicKey),
    close() {
      log.close();
      ledgerStore.close();
    },
  };
}
