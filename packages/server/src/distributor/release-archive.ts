import { createHash, randomUUID } from 'node:crypto';
import {
  canonicalJson,
  commitmentLeaf,
  evaluateRelease,
  type KeyInput,
  type LedgerRecord,
  ledgerEntry,
  newSalt,
  receiptFor,
  registerEntry,
  subjectKey,
  subjectOutcome,
  TransparencyLog,
} from '@reuse-pref/release';
import type {
  DistributionRequest,
  LogLeaf,
  RegisterEntry,
  ReleaseDecision,
  ReleaseSubjectPage,
  SignedTreeHead,
  Statement,
  Subject,
  SubjectKey,
  SubjectReceipt,
} from '@reuse-pref/schema';
import type { JsonValue, StatementStore } from '@reuse-pref/store';
import { KeyedMutex } from '../operations/keyed-mutex.js';

// Everything lives in the store's append-only ledgers, so the distributor runs on either store and a
// PostgreSQL deployment needs no file beside it. Names are prefixed so no other user of ledgers collides.
const LOG = 'release:log';
const REGISTER = 'release:register';
const releaseLedger = (releaseId: string) => `release:decision:${releaseId}`;
const subjectLedger = (key: string) => `release:subject:${key}`;
const dsLedger = (dsReference: string) => `release:ds:${dsReference}`;
const READ_PAGE = 5000;

export type SubjectOutcomeItem = ReleaseSubjectPage['items'][number];

export interface StoredRelease {
  decision: ReleaseDecision;
  logIndex: number;
}

export type RecordResult =
  | ({ outcome: 'recorded' | 'already-recorded' } & StoredRelease)
  | { outcome: 'ds-reference-conflict'; releaseId: string };

/**
 * The distributor's records: the public transparency log (rebuilt in memory from the store at start, so
 * proofs are computed without reading the store), each release with its per-subject outcomes, each
 * subject's private ledger records (entry + salt), and the public register.
 *
 * Recording writes the log leaves first and the register entry last: a crash in between leaves
 * commitments nothing points at (harmless, and still append-only), never a register entry whose leaves
 * are missing.
 */
export class ReleaseArchive {
  private readonly lock = new KeyedMutex();

  private constructor(
    private readonly store: StatementStore,
    private log: TransparencyLog,
    private readonly signingKey: KeyInput,
  ) {}

  static async open(store: StatementStore, signingKey: KeyInput): Promise<ReleaseArchive> {
    return new ReleaseArchive(store, await loadLog(store), signingKey);
  }

  get logSize(): number {
    return this.log.size;
  }

  /** A tree head over the whole log, signed now. */
  treeHead(now: Date): SignedTreeHead {
    return this.log.signTreeHead(this.signingKey, now.getTime());
  }

  /**
   * Evaluates the request against each cohort member's stored statements (every school's) and records
   * it. The same DS reference with the same request and cohort returns the earlier release; with other
   * content it is a conflict, because the register must show one decision per reference.
   */
  async record(
    request: DistributionRequest,
    cohort: readonly SubjectKey[],
    options: { now: Date; competenceAge: number },
  ): Promise<RecordResult> {
    return this.lock.run('record', async () => {
      const contentHash = createHash('sha256').update(canonicalJson({ request, cohort })).digest('hex');
      const [earlier] = await this.store.ledgers.read(dsLedger(request.dsReference), { limit: 1 });
      if (earlier) {
        const { releaseId, contentHash: earlierHash } = earlier.entry as {
          releaseId: string;
          contentHash: string;
        };
        if (earlierHash !== contentHash) return { outcome: 'ds-reference-conflict', releaseId };
        const stored = await this.release(releaseId);
        if (stored) return { outcome: 'already-recorded', ...stored };
      }
      return this.recordNew(request, cohort, options, contentHash);
    });
  }

  private async recordNew(
    request: DistributionRequest,
    cohort: readonly SubjectKey[],
    options: { now: Date; competenceAge: number },
    contentHash: string,
  ): Promise<RecordResult> {
    const releaseId = randomUUID();
    const decidedAt = options.now.toISOString();
    const firstIndex = this.log.size;
    const leaves: LogLeaf[] = [];
    const records: LedgerRecord[] = [];
    const outcomes: SubjectOutcomeItem[] = [];
    try {
      const decision = await evaluateRelease(request, this.members(cohort), {
        releaseId,
        decidedAt,
        competenceAge: options.competenceAge,
        onSubject: (result) => {
          const entry = ledgerEntry(request, result, decidedAt);
          const salt = newSalt();
          const leaf = commitmentLeaf(entry, salt);
          const leafIndex = this.log.append(leaf);
          leaves.push(leaf);
          records.push({ key: subjectKey(result.subject), leafIndex, salt, entry });
          outcomes.push({ subject: keyOf(result.subject), outcome: subjectOutcome(result) });
        },
      });
      const releaseLeaf: LogLeaf = { type: 'release', decision };
      const logIndex = this.log.append(releaseLeaf);
      leaves.push(releaseLeaf);

      for (const [i, leaf] of leaves.entries()) {
        await this.store.ledgers.append(LOG, asJson(leaf), { expectedIndex: firstIndex + i });
      }
      for (const record of records) {
        // Filed under every identifier the cohort gave, so a family can look up by UPN or by ULN.
        for (const key of identifierKeys(record.entry.subject)) {
          await this.store.ledgers.append(subjectLedger(key), asJson(record));
        }
      }
      await this.store.ledgers.append(releaseLedger(releaseId), asJson({ decision, logIndex }));
      for (const item of outcomes) await this.store.ledgers.append(releaseLedger(releaseId), asJson(item));
      await this.store.ledgers.append(dsLedger(request.dsReference), { releaseId, contentHash });
      await this.store.ledgers.append(REGISTER, asJson(registerEntry(decision, logIndex)));
      return { outcome: 'recorded', decision, logIndex };
    } catch (error) {
      // The in-memory tree may now hold leaves the store does not: rebuild it from what was committed.
      this.log = await loadLog(this.store);
      throw error;
    }
  }

  /** Each member with every statement held about them, from any school. */
  private async *members(cohort: readonly SubjectKey[]) {
    for (const key of cohort) {
      const history = await this.store.statements.pupilHistory({
        ...(key.upn ? { upn: key.upn } : {}),
        ...(key.uln ? { uln: key.uln } : {}),
      });
      const statements: Statement[] = history.map((s) => s.statement);
      // The resolver needs a date of birth for competence; the cohort names identifiers only.
      const dateOfBirth = statements.find((s) => s.subject.dateOfBirth)?.subject.dateOfBirth;
      const subject: Subject = { ...key, ...(dateOfBirth ? { dateOfBirth } : {}) };
      yield { subject, statements };
    }
  }

  async release(releaseId: string): Promise<StoredRelease | undefined> {
    const [first] = await this.store.ledgers.read(releaseLedger(releaseId), { limit: 1 });
    return first?.entry as StoredRelease | undefined;
  }

  async releaseSubjects(releaseId: string, from: number, limit: number): Promise<SubjectOutcomeItem[]> {
    const rows = await this.store.ledgers.read(releaseLedger(releaseId), { from: from + 1, limit });
    return rows.map((row) => row.entry as SubjectOutcomeItem);
  }

  async register(from: number, limit: number): Promise<RegisterEntry[]> {
    const rows = await this.store.ledgers.read(REGISTER, { from, limit });
    return rows.map((row) => row.entry as unknown as RegisterEntry);
  }

  async wholeRegister(): Promise<RegisterEntry[]> {
    const all: RegisterEntry[] = [];
    for (let from = 0; ; from += READ_PAGE) {
      const page = await this.register(from, READ_PAGE);
      all.push(...page);
      if (page.length < READ_PAGE) return all;
    }
  }

  /** One subject's ledger records, oldest first, by a key as subjectKey makes them (`upn:...`). */
  async subjectRecords(key: string, from: number, limit: number): Promise<LedgerRecord[]> {
    const rows = await this.store.ledgers.read(subjectLedger(key), { from, limit });
    return rows.map((row) => row.entry as unknown as LedgerRecord);
  }

  /** The receipt for one release of one subject against a head signed now; undefined when none. */
  async receipt(key: string, releaseId: string, now: Date): Promise<SubjectReceipt | undefined> {
    for (let from = 0; ; from += READ_PAGE) {
      const page = await this.subjectRecords(key, from, READ_PAGE);
      const record = page.find((r) => r.entry.releaseId === releaseId);
      if (record) return receiptFor(record, this.log, this.treeHead(now));
      if (page.length < READ_PAGE) return undefined;
    }
  }
}

async function loadLog(store: StatementStore): Promise<TransparencyLog> {
  const log = TransparencyLog.inMemory();
  for (let from = 0; ; from += READ_PAGE) {
    const page = await store.ledgers.read(LOG, { from, limit: READ_PAGE });
    for (const row of page) log.append(row.entry as unknown as LogLeaf);
    if (page.length < READ_PAGE) return log;
  }
}

function identifierKeys(subject: Subject): string[] {
  return [...(subject.upn ? [`upn:${subject.upn}`] : []), ...(subject.uln ? [`uln:${subject.uln}`] : [])];
}

function keyOf(subject: Subject): SubjectKey {
  return { ...(subject.upn ? { upn: subject.upn } : {}), ...(subject.uln ? { uln: subject.uln } : {}) };
}

const asJson = (value: unknown): JsonValue => value as JsonValue;
