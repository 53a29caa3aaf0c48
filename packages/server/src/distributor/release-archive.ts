import { createHash } from 'node:crypto';
import {
  canonicalJson,
  type KeyInput,
  type LedgerRecord,
  membersFromIndex,
  type ReleaseDraft,
  receiptFor,
  recordRelease,
  TransparencyLog,
} from '@reuse-pref/release';
import type {
  DistributionRequest,
  LogLeaf,
  RegisterEntry,
  ReleaseDecision,
  ReleaseSubjectPage,
  SignedTreeHead,
  Subject,
  SubjectKey,
  SubjectReceipt,
} from '@reuse-pref/schema';
import {
  type JsonValue,
  type LedgerAppend,
  LedgerConflictError,
  PreferenceIndexIncompleteError,
  type StatementStore,
} from '@reuse-pref/store';
import { KeyedMutex } from '../operations/keyed-mutex.js';

// Everything lives in the store's append-only ledgers, so the distributor runs on either store and a
// PostgreSQL deployment needs no file beside it. Names are prefixed so no other user of ledgers collides.
const LOG = 'release:log';
const REGISTER = 'release:register';
const releaseLedger = (releaseId: string) => `release:decision:${releaseId}`;
const subjectLedger = (key: string) => `release:subject:${key}`;
const dsLedger = (dsReference: string) => `release:ds:${dsReference}`;
const READ_PAGE = 5000;
// Cohort members looked up in the index per query.
const INDEX_BATCH = 5000;

export type SubjectOutcomeItem = ReleaseSubjectPage['items'][number];

export interface StoredRelease {
  decision: ReleaseDecision;
  logIndex: number;
}

export type RecordResult =
  | ({ outcome: 'recorded' | 'already-recorded' } & StoredRelease)
  | { outcome: 'ds-reference-conflict'; releaseId: string };

/** The ports the distributor keeps its records in, and reads its cohort's preferences from. */
export type DistributorStore = Pick<StatementStore, 'ledgers' | 'preferences'>;

/**
 * The distributor's records: the public transparency log (rebuilt in memory from the store at start, so
 * proofs are computed without reading the store), each release with its per-subject outcomes, each
 * subject's private ledger records (entry + salt), and the public register.
 *
 * `recordRelease` (@reuse-pref/release) decides and records a release; this class is the archive it
 * records into, and commits each release (log leaves, subject records, decision and outcomes, DS
 * reference, register entry) in one store transaction, so a crash or a failed write leaves all of it or
 * none. The rest is reads.
 */
export class ReleaseArchive {
  private readonly lock = new KeyedMutex();

  private constructor(
    private readonly store: DistributorStore,
    private log: TransparencyLog,
    private readonly signingKey: KeyInput,
  ) {}

  static async open(store: DistributorStore, signingKey: KeyInput): Promise<ReleaseArchive> {
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
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.recordOnce(request, cohort, options, contentHash);
        } catch (error) {
          // Another process on the same database recorded first (the log or the DS reference moved): this
          // process's tree is behind. Rebuild it from what was committed and look again, once.
          if (!(error instanceof LedgerConflictError) || attempt > 1) throw error;
          this.log = await loadLog(this.store);
        }
      }
    });
  }

  private async recordOnce(
    request: DistributionRequest,
    cohort: readonly SubjectKey[],
    options: { now: Date; competenceAge: number },
    contentHash: string,
  ): Promise<RecordResult> {
    const ds = dsLedger(request.dsReference);
    const [earlier] = await this.store.ledgers.read(ds, { limit: 1 });
    if (earlier) {
      const { releaseId, contentHash: earlierHash } = earlier.entry as {
        releaseId: string;
        contentHash: string;
      };
      if (earlierHash !== contentHash) return { outcome: 'ds-reference-conflict', releaseId };
      const stored = await this.release(releaseId);
      if (stored) return { outcome: 'already-recorded', ...stored };
    }
    // Decide only from an index that has taken in every statement held (see PreferenceIndexStatus).
    const status = await this.store.preferences.status();
    if (!status.current) {
      throw new PreferenceIndexIncompleteError(
        `the preferences index has taken in ${status.indexedStatements} of ${status.statements} statements` +
          ` (catalogue ${status.catalogueVersion}): run reuse-pref store reindex`,
      );
    }
    // The reference's entry must land where it was seen to end, so two processes can never both record it.
    const dsIndex = await this.store.ledgers.count(ds);
    const decidedAt = options.now.toISOString();
    const recorded = await recordRelease(
      request,
      membersFromIndex(this.store.preferences, batches(cohort, INDEX_BATCH), {
        asOf: decidedAt,
        competenceAge: options.competenceAge,
      }),
      {
        archive: { begin: () => this.draft(request.dsReference, contentHash, dsIndex) },
        decidedAt,
        competenceAge: options.competenceAge,
      },
    );
    return { outcome: 'recorded', ...recorded };
  }

  /**
   * One release as the store will keep it, gathered in memory (a cohort here is at most the request
   * limit) and written by `commit` in one `ledgers.appendAll`: the log leaves first, at the index the
   * in-memory tree expects, then every subject's records, the decision and its outcomes, the DS
   * reference and the register entry. The in-memory tree takes the leaves only once they are committed.
   */
  private draft(dsReference: string, contentHash: string, dsIndex: number): ReleaseDraft {
    const firstLeafIndex = this.log.size;
    const leaves: LogLeaf[] = [];
    const subjectRecords: LedgerAppend[] = [];
    const outcomes: JsonValue[] = [];
    return {
      firstLeafIndex,
      add: ({ leaf, record, outcome }) => {
        leaves.push(leaf);
        // Filed under every identifier the cohort gave, so a family can look up by UPN or by ULN.
        for (const key of identifierKeys(record.entry.subject)) {
          subjectRecords.push({ ledger: subjectLedger(key), entry: asJson(record) });
        }
        const item: SubjectOutcomeItem = { subject: keyOf(record.entry.subject), outcome };
        outcomes.push(asJson(item));
      },
      commit: async ({ decision, leaf, logIndex, register }) => {
        leaves.push(leaf);
        const decisions = releaseLedger(decision.releaseId);
        await this.store.ledgers.appendAll([
          ...leaves.map((entry, i) => ({
            ledger: LOG,
            entry: asJson(entry),
            ...(i === 0 ? { expectedIndex: firstLeafIndex } : {}),
          })),
          ...subjectRecords,
          { ledger: decisions, entry: asJson({ decision, logIndex }) },
          ...outcomes.map((entry) => ({ ledger: decisions, entry })),
          {
            ledger: dsLedger(dsReference),
            entry: { releaseId: decision.releaseId, contentHash },
            expectedIndex: dsIndex,
          },
          { ledger: REGISTER, entry: asJson(register) },
        ]);
        for (const committed of leaves) this.log.append(committed);
      },
      // Nothing reaches the store before commit, so there is nothing to take back.
      abort: () => undefined,
    };
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

async function loadLog(store: DistributorStore): Promise<TransparencyLog> {
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

function* batches<T>(items: readonly T[], size: number): Generator<readonly T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}
