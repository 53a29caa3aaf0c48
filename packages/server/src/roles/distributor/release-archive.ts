import { createHash, createPrivateKey, createPublicKey, type Hash, KeyObject } from 'node:crypto';
import {
  type CohortKeys,
  canonicalJson,
  type KeyInput,
  type LedgerRecord,
  leafHashOfText,
  membersFromIndex,
  purposesDocumentText,
  type ReleaseDraft,
  recordRelease,
  signTreeHead,
  verifyTreeHead,
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
  SubjectOutcome,
  SubjectReceipt,
} from '@reuse-pref/schema';
import {
  LedgerConflictError,
  LedgerRun,
  type LedgerStream,
  PreferenceIndexIncompleteError,
  type StatementStore,
} from '@reuse-pref/store';
import { ProblemError } from '../../http/problem.js';
import { DecidingStatements } from './deciding-statements.js';
import { KeyedMutex } from './keyed-mutex.js';
import { type SignedHeadKeeper, signedHeadInMemory } from './signed-head-file.js';
import { LOG, StoredLog } from './stored-log.js';

// Everything lives in the store's append-only ledgers, so the distributor runs on either store and a
// PostgreSQL deployment needs no file beside it. Names are prefixed so no other user of ledgers collides.
const REGISTER = 'release:register';
const releaseLedger = (releaseId: string) => `release:decision:${releaseId}`;
/** Each subject's outcome in a release, in cohort order (releases recorded before this kept them in
 * the decision's own ledger, after the decision: still read from there). */
const outcomesLedger = (releaseId: string) => `release:outcomes:${releaseId}`;
/**
 * A subject's records before decision 0052, one dense ledger per key; still read, never written.
 */
const subjectLedger = (key: string) => `release:subject:${key}`;
/**
 * Where a release files one subject's record since decision 0052: a ledger of its own, opened at index 0,
 * named after the key and the record's log leaf (15 digits, so a subject's records sort in log order).
 * Opening a ledger needs no look-up of its end, which recording the old way did once per subject and
 * identifier: at national scale, the database's largest cost in recording a release.
 */
const subjectRecordLedger = (key: string, leafIndex: number) =>
  `${subjectLedger(key)}#${String(leafIndex).padStart(LEAF_DIGITS, '0')}`;
// Enough for any log this standard will see (10^15 leaves); a longer number would still sort after.
const LEAF_DIGITS = 15;
const dsLedger = (dsReference: string) => `release:ds:${dsReference}`;
const READ_PAGE = 5000;
// Cohort members looked up in the index per query, and ledger entries handed to the store per run.
const INDEX_BATCH = 5000;
// (Runs of 2,000 rows cut the young collector's work and the peak RSS, but measured slower in wall time
// on a busy machine: decision 0049.)
const STREAM_RUN = 8000;
// Runs handed to the store before the gate waits for the oldest: while one is copied in, the next has
// its ledgers' ends read (PostgreSQL, on another connection) and a third is being drafted.
const RUNS_AHEAD = 2;
// Subjects drafted between two turns of the event loop: each await of the store's run in flight (a
// round trip, a copy's completion) waits for the next turn, so the turns come every few milliseconds.
const YIELD_EVERY = 64;

export type SubjectOutcomeItem = ReleaseSubjectPage['items'][number];

export interface StoredRelease {
  decision: ReleaseDecision;
  logIndex: number;
}

export type RecordResult =
  | ({ outcome: 'recorded' | 'already-recorded' } & StoredRelease)
  | { outcome: 'ds-reference-conflict'; releaseId: string };

/**
 * The ports the distributor keeps its records in, and reads its cohort's preferences from; with
 * `verifications`, each release also says how many of its deciding statements were verified end to end.
 */
export type DistributorStore = Pick<StatementStore, 'ledgers' | 'preferences'> &
  Partial<Pick<StatementStore, 'verifications'>>;

/**
 * The log in the store no longer extends the last tree head this server signed: someone with the
 * database's rights removed or rewrote leaves. The server will not sign over it (a new head would
 * legitimise the rewrite) nor record on top of it; it answers 503 `log-inconsistent` until an operator
 * has looked.
 */
export class LogInconsistentError extends ProblemError {
  constructor(readonly reason: string) {
    super('log-inconsistent', {
      detail: `${reason} This server will not sign another tree head or record a release until an operator has investigated.`,
    });
  }
}

/** How the archive guards what it signs: where it keeps its last signed head, and whom it tells. */
export interface ArchiveGuard {
  heads: SignedHeadKeeper;
  /** Told once, when the log is found not to extend the last signed head. */
  alarm: (reason: string) => void;
}

/**
 * A cohort: the members of a request body, or (for a national release) a source that can be read
 * again, such as a file, since the DS reference's content hash may need a pass of its own.
 */
export type CohortSource = readonly SubjectKey[] | (() => CohortKeys);

/**
 * The distributor's records: the public transparency log (its leaves and subtree hashes in the store,
 * only the tree's right edge in memory: see StoredLog; every leaf re-hashed at start unless opened at
 * the edge, and caught up with what other processes committed before each use), each release with its
 * per-subject outcomes, each subject's private ledger records (entry + salt), and the public register.
 *
 * `recordRelease` (@reuse-pref/release) decides and records a release; this class is the archive it
 * records into. A release streams into one store transaction (`ledgers.appendStream`) as its subjects
 * are decided: log leaves, subject records and outcomes, then the decision, DS reference and register
 * entry, so a crash or a failed write leaves all of it or none, and a national cohort never sits in
 * memory (its leaf hashes are folded into a copy of the tree's edge as they are made). The rest is reads.
 */
export class ReleaseArchive {
  private readonly lock = new KeyedMutex();
  private readonly publicKey: KeyObject;
  /** The last head this server signed, as kept outside the store. */
  private lastSigned: SignedTreeHead | undefined;
  /** The root of the log's first lastSigned.treeSize leaves as read from the store (undefined: fewer). */
  private rootAtSigned: string | undefined;
  /** Why the log is not to be trusted any more; set once, never cleared by the process. */
  private inconsistent: string | undefined;

  private constructor(
    private readonly store: DistributorStore,
    private readonly log: StoredLog,
    private readonly signingKey: KeyInput,
    private readonly guard: ArchiveGuard,
    private readonly exclusive: boolean,
  ) {
    const privateKey = signingKey instanceof KeyObject ? signingKey : createPrivateKey(signingKey);
    this.publicKey = createPublicKey(privateKey);
  }

  /**
   * `guard`: where the last signed head is kept (outside the store) and whom to tell when the log no
   * longer extends it; in memory only by default. `exclusive`: this process writes nothing else to the
   * store while it records (the CLI recording a national release), so a release may hold the store's
   * write lock throughout and write in place (see `Ledgers.appendStream`). A server leaves it off.
   * `logCheck`: 'every-leaf' (the default, a server's start) reads and hashes every leaf of the log and
   * checks every stored subtree hash; 'edge' reads only the tree's right edge from the stored subtree
   * hashes, so opening costs the same however many releases the log holds, and checks only what the
   * edge covers (see StoredLog.openAtEdge; decision 0053).
   */
  static async open(
    store: DistributorStore,
    signingKey: KeyInput,
    options: { guard?: ArchiveGuard; exclusive?: boolean; logCheck?: 'every-leaf' | 'edge' } = {},
  ): Promise<ReleaseArchive> {
    const guard = options.guard ?? { heads: signedHeadInMemory(), alarm: () => undefined };
    const lastSigned = await guard.heads.read();
    const reading =
      options.logCheck === 'edge'
        ? await StoredLog.openAtEdge(store.ledgers, lastSigned?.treeSize)
        : await StoredLog.open(store.ledgers, lastSigned?.treeSize);
    const archive = new ReleaseArchive(store, reading.log, signingKey, guard, options.exclusive ?? false);
    archive.lastSigned = lastSigned;
    archive.rootAtSigned = reading.rootAtSigned;
    archive.check();
    // Subtree hashes that no longer match their leaves would give wrong proofs, signed head or not.
    if (reading.mismatch !== undefined) archive.raise(reading.mismatch);
    return archive;
  }

  get logSize(): number {
    return this.log.size;
  }

  /**
   * Reads the leaves other processes on the same database committed since this one last looked, so
   * every process serves the same log (servers are stateless over the store). Safe beside a recording
   * in this process: a leaf is taken only at the index the tree has reached. It only adds leaves after
   * those already held, so the part a signed head covers cannot change here and needs no new check (a
   * rewrite of it shows when the log is rebuilt from the store at start, and before every signature).
   */
  async catchUp(): Promise<void> {
    await this.log.catchUp();
  }

  /** Why the server no longer trusts the log in its store, or undefined while it does. */
  get inconsistency(): string | undefined {
    return this.inconsistent;
  }

  /**
   * Holds the log to the last head signed: the same key signed it, the store still has all its leaves,
   * and they still hash to its root. Run at start, after every rebuild from the store, and before every
   * signature.
   */
  private check(): void {
    const last = this.lastSigned;
    if (last === undefined || this.inconsistent !== undefined) return;
    const where = this.guard.heads.where;
    let reason: string | undefined;
    if (!verifyTreeHead(last, this.publicKey)) {
      reason = `The last tree head kept in ${where} is not signed by this server's key.`;
    } else if (this.log.size < last.treeSize) {
      reason = `The store holds ${this.log.size} log leaves, fewer than the ${last.treeSize} of the last tree head this server signed (kept in ${where}): leaves were removed.`;
    } else if (this.rootAtSigned !== last.rootHash) {
      reason = `The first ${last.treeSize} log leaves in the store no longer hash to the root of the last tree head this server signed (kept in ${where}): the log was rewritten.`;
    }
    if (reason !== undefined) this.raise(reason);
  }

  /** Stops trusting the log, and tells the operator (once). */
  private raise(reason: string): void {
    if (this.inconsistent !== undefined) return;
    this.inconsistent = reason;
    this.guard.alarm(reason);
  }

  private refuseIfInconsistent(): void {
    this.check();
    if (this.inconsistent !== undefined) throw new LogInconsistentError(this.inconsistent);
  }

  /**
   * The latest signed tree head: the last one again while the log has not grown, otherwise a new one,
   * signed only after checking the log extends the last, and kept (outside the store) before anyone
   * sees it.
   */
  async treeHead(now: Date): Promise<SignedTreeHead> {
    return this.lock.run('head', async () => {
      this.refuseIfInconsistent();
      const last = this.lastSigned;
      if (last !== undefined && last.treeSize === this.log.size) return last;
      const rootHash = this.log.rootHash();
      const head = signTreeHead(
        { treeSize: this.log.size, rootHash, timestamp: now.getTime() },
        this.signingKey,
      );
      await this.guard.heads.write(head);
      this.lastSigned = head;
      this.rootAtSigned = rootHash;
      return head;
    });
  }

  /** Leaves from `start` as their canonical JSON lines, up to `treeSize` (a signed head's size). */
  async leaves(start: number, limit: number, treeSize: number): Promise<string[]> {
    const count = Math.max(0, Math.min(limit, treeSize - start));
    if (count === 0) return [];
    const rows = await this.store.ledgers.read(LOG, { from: start, limit: count });
    return rows.map((row) => canonicalJson(row.entry));
  }

  /** RFC 9162 consistency proof between two sizes of the log (never beyond a signed head). */
  async consistencyProof(first: number, second: number): Promise<string[]> {
    this.refuseIfInconsistent();
    return this.log.consistencyProof(first, second);
  }

  /**
   * Decides the request from the preferences index (every school's statements about each member) and
   * records it. The same DS reference with the same request and cohort returns the earlier release;
   * with other content it is a conflict, because the register must show one decision per reference.
   */
  async record(
    request: DistributionRequest,
    cohort: CohortSource,
    options: { now: Date; competenceAge: number },
  ): Promise<RecordResult> {
    return this.lock.run('record', async () => {
      this.refuseIfInconsistent();
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.recordOnce(request, cohort, options);
        } catch (error) {
          // Another process on the same database recorded first (the log or the DS reference moved): this
          // process's tree is behind. Catch up with what was committed and look again, once.
          if (!(error instanceof LedgerConflictError) || attempt > 1) throw error;
          await this.catchUp();
          this.refuseIfInconsistent();
        }
      }
    });
  }

  private async recordOnce(
    request: DistributionRequest,
    cohort: CohortSource,
    options: { now: Date; competenceAge: number },
  ): Promise<RecordResult> {
    const keys = (): CohortKeys => (typeof cohort === 'function' ? cohort() : [cohort]);
    const ds = dsLedger(request.dsReference);
    const [earlier] = await this.store.ledgers.read(ds, { limit: 1 });
    if (earlier) {
      const { releaseId, contentHash: earlierHash } = earlier.entry as {
        releaseId: string;
        contentHash: string;
      };
      const hash = new ContentHash(request);
      for await (const batch of keys()) hash.add(batch);
      if (earlierHash !== hash.digest()) return { outcome: 'ds-reference-conflict', releaseId };
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
    await this.catchUp();
    // The reference's entry must land where it was seen to end, so two processes can never both record it.
    const dsIndex = await this.store.ledgers.count(ds);
    const decidedAt = options.now.toISOString();
    const hash = new ContentHash(request);
    // The decision as committed: the gate's, with the count of verified deciding statements added.
    let committed: ReleaseDecision | undefined;
    const recorded = await recordRelease(
      request,
      membersFromIndex(this.store.preferences, rebatch(keys(), INDEX_BATCH, hash), {
        asOf: decidedAt,
        competenceAge: options.competenceAge,
        purposes: request.purposes,
      }),
      {
        archive: {
          begin: () =>
            this.draft(
              request.dsReference,
              () => hash.digest(),
              dsIndex,
              (decision) => {
                committed = decision;
              },
            ),
        },
        decidedAt,
        competenceAge: options.competenceAge,
      },
    );
    return { outcome: 'recorded', ...recorded, decision: committed ?? recorded.decision };
  }

  /**
   * One release streaming into one store transaction: each subject's log leaf (the first at the index
   * the in-memory tree expects), records under every identifier and outcome go to the store in runs,
   * one run in flight while the next is decided; the commit adds the decision leaf, the decision, the
   * DS reference (at the index it was seen to end, so two processes cannot both record one reference)
   * and the register entry. The in-memory tree takes the leaf hashes only once they are committed.
   */
  private async draft(
    dsReference: string,
    contentHash: () => string,
    dsIndex: number,
    onCommitted: (decision: ReleaseDecision) => void,
  ): Promise<ReleaseDraft> {
    const stream: LedgerStream = await this.store.ledgers.appendStream({ exclusive: this.exclusive });
    const { verifications } = this.store;
    const deciding = verifications ? new DecidingStatements(verifications) : undefined;
    const firstLeafIndex = this.log.size;
    // The release's leaves folded into a copy of the tree's edge; the log takes it at the commit.
    const extension = this.log.extension();
    let leaves = 0;
    let subjects = 0;
    // The release's outcomes ledger, named once (every subject of a release has the same releaseId).
    let outcomes: string | undefined;
    // The run being drafted: its entries' texts go straight into the run's buffer, off the JavaScript
    // heap, so none of them outlives a young-generation collection while three runs are alive.
    let run = new LedgerRun();
    // Runs handed to the store and not yet seen written, oldest first.
    const inFlight: Promise<void>[] = [];
    const addLeaf = (leaf: LogLeaf, json?: string): void => {
      const text = json ?? canonicalJson(leaf);
      leaves += 1;
      // The canonical line is the leaf's stored text too: serialised once, hashed and kept as it is.
      run.add(LOG, text, leaves === 1 ? firstLeafIndex : undefined);
      // A leaf that completes a block of the tree brings the block's subtree hashes, in the same commit.
      const subtrees = extension.add(leafHashOfText(text));
      if (subtrees !== undefined) run.add(subtrees.ledger, subtrees.json, subtrees.expectedIndex);
    };
    // Hands the run over at once (the store may start on it, e.g. read its ledgers' ends, while the
    // runs before are still being written) and returns the oldest run in flight once RUNS_AHEAD are:
    // the gate waits for the store only when it is that many runs ahead.
    const flush = () => {
      const rows = run;
      // The next run starts with this one's room: runs are of about one size.
      run = new LedgerRun(rows.buffer.length);
      deciding?.flush();
      const added = stream.add(rows);
      // A failure surfaces on a later wait; until then it must not count as unhandled.
      added.catch(() => undefined);
      inFlight.push(added);
      return inFlight.length > RUNS_AHEAD ? inFlight.shift() : undefined;
    };
    return {
      firstLeafIndex,
      add: ({ leaf, leafJson, record, outcome, entryJson }) => {
        addLeaf(leaf, leafJson);
        const { subject } = record.entry;
        // The record's canonical JSON around the entry's (serialised once, for the commitment), written
        // into the run in pieces, once for every identifier it is filed under.
        let filed: number | undefined;
        const file = (ledger: string) => {
          if (filed !== undefined) return run.again(ledger, filed, 0);
          run.write('{"entry":');
          run.write(entryJson ?? canonicalJson(record.entry));
          run.write(
            `,"key":${JSON.stringify(record.key)},"leafIndex":${record.leafIndex},"salt":${JSON.stringify(record.salt)}}`,
          );
          filed = run.close(ledger, 0);
          return filed;
        };
        // Filed under every identifier the cohort gave, so a family can look up by UPN or by ULN.
        // Each copy opens a ledger of its own (decision 0052), at index 0.
        const { leafIndex } = record;
        if (subject.upn) file(subjectRecordLedger(`upn:${subject.upn}`, leafIndex));
        if (subject.uln) file(subjectRecordLedger(`uln:${subject.uln}`, leafIndex));
        outcomes ??= outcomesLedger(record.entry.releaseId);
        run.add(outcomes, outcomeItemText(subject, outcome));
        deciding?.add(record.entry.purposes);
        if (run.length >= STREAM_RUN) return flush();
        // The gate decides synchronously between awaits: a turn of the event loop now and then lets the
        // run in flight go on meanwhile (its database's answers read, its rows sent), not only when the
        // next run waits for it.
        if (++subjects % YIELD_EVERY === 0) return new Promise<void>((resolve) => setImmediate(resolve));
      },
      commit: async (drafted) => {
        const { decision, leaf, register } = await withSignatures(drafted, deciding);
        const { logIndex } = drafted;
        addLeaf(leaf);
        run.add(releaseLedger(decision.releaseId), JSON.stringify({ decision, logIndex }));
        run.add(
          dsLedger(dsReference),
          JSON.stringify({ releaseId: decision.releaseId, contentHash: contentHash() }),
          dsIndex,
        );
        run.add(REGISTER, JSON.stringify(register));
        // The oldest run first, then the rest in the order handed over: the first failure is the one reported.
        await flush();
        for (const added of inFlight.splice(0)) await added;
        await stream.commit();
        // A catch-up that ran meanwhile has read these very leaves from the store; else take them now.
        this.log.adopt(extension, firstLeafIndex);
        onCommitted(decision);
      },
      abort: async () => {
        await Promise.allSettled(inFlight.splice(0));
        await stream.abort();
      },
    };
  }

  async release(releaseId: string): Promise<StoredRelease | undefined> {
    const [first] = await this.store.ledgers.read(releaseLedger(releaseId), { limit: 1 });
    return first?.entry as StoredRelease | undefined;
  }

  async releaseSubjects(releaseId: string, from: number, limit: number): Promise<SubjectOutcomeItem[]> {
    const rows = await this.store.ledgers.read(outcomesLedger(releaseId), { from, limit });
    if (rows.length === 0 && (await this.store.ledgers.count(outcomesLedger(releaseId))) === 0) {
      // A release recorded before outcomes had a ledger of their own: after the decision, in its ledger.
      const older = await this.store.ledgers.read(releaseLedger(releaseId), { from: from + 1, limit });
      return older.map((row) => row.entry as SubjectOutcomeItem);
    }
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

  /**
   * One subject's ledger records, oldest first, by a key as subjectKey makes them (`upn:...`): those
   * recorded before decision 0052 (in one ledger), then one ledger per release since, in log order.
   */
  async subjectRecords(key: string, from: number, limit: number): Promise<LedgerRecord[]> {
    const { ledgers } = this.store;
    const earlier = await ledgers.count(subjectLedger(key));
    const rows = from < earlier ? await ledgers.read(subjectLedger(key), { from, limit }) : [];
    if (rows.length < limit) {
      const since = await ledgers.readUnder(`${subjectLedger(key)}#`, {
        from: Math.max(0, from - earlier),
        limit: limit - rows.length,
      });
      rows.push(...since);
    }
    return rows.map((row) => row.entry as unknown as LedgerRecord);
  }

  /** The receipt for one release of one subject against a head signed now; undefined when none. */
  async receipt(key: string, releaseId: string, now: Date): Promise<SubjectReceipt | undefined> {
    for (let from = 0; ; from += READ_PAGE) {
      const page = await this.subjectRecords(key, from, READ_PAGE);
      const record = page.find((r) => r.entry.releaseId === releaseId);
      if (record) {
        const treeHead = await this.treeHead(now);
        const proof = await this.log.inclusionProof(record.leafIndex, treeHead.treeSize);
        return { entry: record.entry, salt: record.salt, proof, treeHead };
      }
      if (page.length < READ_PAGE) return undefined;
    }
  }
}

/**
 * SHA-256 of the canonical JSON of `{ request, cohort }`, fed one batch of keys at a time: the same
 * digest as hashing the whole document at once (RFC 8785 puts "cohort" before "request"), without
 * ever holding a national cohort's text.
 */
class ContentHash {
  readonly #hash: Hash = createHash('sha256').update('{"cohort":[');
  #first = true;
  constructor(private readonly request: DistributionRequest) {}

  add(keys: readonly SubjectKey[]): void {
    // One update per batch: a call into the hash per key would cost more than hashing the key.
    let text = '';
    for (const key of keys) {
      text += this.#first ? canonicalJson(key) : `,${canonicalJson(key)}`;
      this.#first = false;
    }
    this.#hash.update(text);
  }

  digest(): string {
    return this.#hash.update(`],"request":${canonicalJson(this.request)}}`).digest('hex');
  }
}

/** The cohort in batches of `size` keys, each seen by the content hash on the way. */
async function* rebatch(source: CohortKeys, size: number, hash: ContentHash): AsyncGenerator<SubjectKey[]> {
  let batch: SubjectKey[] = [];
  for await (const keys of source) {
    hash.add(keys);
    for (const key of keys) {
      batch.push(key);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * The drafted decision, its log leaf and register entry, each with `signatures` (how many deciding
 * statements were verified end to end) when the store keeps verification outcomes; otherwise as drafted.
 */
async function withSignatures(
  drafted: Parameters<ReleaseDraft['commit']>[0],
  deciding: DecidingStatements | undefined,
): Promise<Pick<Parameters<ReleaseDraft['commit']>[0], 'decision' | 'leaf' | 'register'>> {
  if (!deciding) return drafted;
  const signatures = await deciding.result();
  const decision = { ...drafted.decision, signatures };
  return { decision, leaf: { type: 'release', decision }, register: { ...drafted.register, signatures } };
}

/**
 * The stored text of an outcomes row, `JSON.stringify({ subject: { upn, uln }, outcome })` (those of the
 * subject's identifiers that are present), for an outcome as the gate makes it (subjectOutcome:
 * releaseId, outcome, purposes), written field by field: one per subject of a national release.
 */
function outcomeItemText(subject: Subject, outcome: SubjectOutcome): string {
  const upn = subject.upn ? `"upn":${canonicalJson(subject.upn)}` : '';
  const uln = subject.uln ? `"uln":${canonicalJson(subject.uln)}` : '';
  const key = upn && uln ? `{${upn},${uln}}` : `{${upn}${uln}}`;
  return `{"subject":${key},"outcome":{"releaseId":${canonicalJson(outcome.releaseId)},"outcome":${canonicalJson(outcome.outcome)},"purposes":${purposesDocumentText(outcome.purposes)}}}`;
}
