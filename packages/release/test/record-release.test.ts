import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CohortMember,
  FileLedgerStore,
  generateLogKeyPair,
  type LedgerRecord,
  LocalReleaseArchive,
  MemoryLedgerStore,
  type ReleaseArchive,
  type ReleaseDraft,
  readRegister,
  recordRelease,
  type SubjectRecording,
  subjectKey,
  subjectLedger,
  TransparencyLog,
  verifyLogFile,
  verifyReceipt,
} from '../src/index.js';
import { request, statement, upn } from './fixtures.js';

const keys = generateLogKeyPair();
const member = (i: number): CohortMember => ({
  subject: { upn: upn(i), dateOfBirth: '2015-03-14' },
  statements: i % 3 === 0 ? [statement(upn(i), [{ purpose: 'LINK', value: 'OBJT' }])] : [],
});
const cohortOf = (from: number, n: number) => Array.from({ length: n }, (_, i) => member(from + i));

/** A cohort file that becomes unreadable after `good` members. */
async function* failingAfter(good: number): AsyncGenerator<CohortMember> {
  yield* cohortOf(0, good);
  throw new Error('cohort file: line 6 is not JSON');
}

async function filesArchive() {
  const dir = mkdtempSync(join(tmpdir(), 'release-record-'));
  const logPath = join(dir, 'log.jsonl');
  const ledgerPath = join(dir, 'ledger.jsonl');
  const log = await TransparencyLog.open(logPath);
  const ledger = new FileLedgerStore(ledgerPath);
  const files = () => [readFileSync(logPath, 'utf8'), readFileSync(ledgerPath, 'utf8')];
  return { log, ledger, logPath, files, archive: new LocalReleaseArchive(log, ledger) };
}

describe('recordRelease through an archive', () => {
  it('hands the archive every subject in cohort order, then the decision, and tells onSubject after each', async () => {
    const drafted: SubjectRecording[] = [];
    const seen: string[] = [];
    let committed: unknown;
    const archive: ReleaseArchive = {
      begin: (): ReleaseDraft => ({
        firstLeafIndex: 40,
        add: (subject) => {
          drafted.push(subject);
        },
        commit: async (release) => {
          committed = release;
        },
        abort: () => {
          throw new Error('nothing failed');
        },
      }),
    };
    const recorded = await recordRelease(request(), cohortOf(0, 4), {
      archive,
      decidedAt: '2026-10-02T10:00:00Z',
      onSubject: (result) => {
        // Told once the subject is drafted, never before.
        expect(drafted).toHaveLength(seen.length + 1);
        seen.push(result.subject.upn!);
      },
    });
    expect(seen).toEqual([0, 1, 2, 3].map(upn));
    expect(drafted.map((s) => [s.record.key, s.record.leafIndex, s.outcome.outcome])).toEqual([
      [`upn:${upn(0)}`, 40, 'EXCL'],
      [`upn:${upn(1)}`, 41, 'INCL'],
      [`upn:${upn(2)}`, 42, 'INCL'],
      [`upn:${upn(3)}`, 43, 'EXCL'],
    ]);
    for (const s of drafted) {
      expect(s.leaf).toEqual({
        type: 'subject',
        releaseId: recorded.decision.releaseId,
        commitment: expect.any(String),
      });
      expect(s.record.entry.subject).toEqual({ upn: s.record.key.slice(4) });
      expect(s.outcome.releaseId).toBe(recorded.decision.releaseId);
    }
    expect(recorded.logIndex).toBe(44);
    expect(committed).toEqual({
      decision: recorded.decision,
      leaf: { type: 'release', decision: recorded.decision },
      logIndex: 44,
      register: expect.objectContaining({ releaseId: recorded.decision.releaseId, logIndex: 44 }),
    });
  });

  it('aborts the draft, and reports the first error, when the cohort fails part-way', async () => {
    const events: string[] = [];
    const archive: ReleaseArchive = {
      begin: () => ({
        firstLeafIndex: 0,
        add: () => void events.push('add'),
        commit: async () => void events.push('commit'),
        abort: () => void events.push('abort'),
      }),
    };
    await expect(recordRelease(request(), failingAfter(2), { archive })).rejects.toThrow(/line 6/);
    expect(events).toEqual(['add', 'add', 'abort']);
  });

  it('says so when undoing a failed release fails too', async () => {
    const archive: ReleaseArchive = {
      begin: () => ({
        firstLeafIndex: 0,
        add: () => undefined,
        commit: async () => {
          throw new Error('disk full');
        },
        abort: () => {
          throw new Error('cannot truncate');
        },
      }),
    };
    const error = await recordRelease(request(), cohortOf(0, 2), { archive }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AggregateError);
    expect((error as AggregateError).errors.map((e: Error) => e.message)).toEqual([
      'disk full',
      'cannot truncate',
    ]);
  });
});

describe('LocalReleaseArchive', () => {
  it('keeps nothing of a release whose cohort fails part-way, and the next release records as if it never ran', async () => {
    const { log, ledger, logPath, files, archive } = await filesArchive();
    await recordRelease(request(), cohortOf(0, 5), { archive, decidedAt: '2026-10-02T10:00:00Z' });
    const before = files();
    const size = log.size;
    await expect(
      recordRelease(request({ dsReference: 'DR230101.03' }), failingAfter(5), { archive }),
    ).rejects.toThrow(/line 6/);
    expect(files()).toEqual(before);
    expect(log.size).toBe(size);

    const next = await recordRelease(request({ dsReference: 'DR230101.04' }), cohortOf(10, 3), { archive });
    expect(next.logIndex).toBe(size + 3);
    expect((await readRegister(logPath)).map((e) => [e.dsReference, e.logIndex])).toEqual([
      ['DR230101.02', 5],
      ['DR230101.04', size + 3],
    ]);
    const head = log.signTreeHead(keys.privateKey);
    const [receipt] = await subjectLedger(ledger, log, subjectKey({ upn: upn(10) }), head);
    expect(receipt!.proof.leafIndex).toBe(size);
    expect(verifyReceipt(receipt!, keys.publicKey)).toEqual({ ok: true, problems: [] });
    expect(await verifyLogFile({ logPath, treeHead: head, publicKey: keys.publicKey })).toEqual({
      ok: true,
      problems: [],
    });
    log.close();
    ledger.close();
  });

  it('keeps nothing when writing the release out fails', async () => {
    const { log, ledger, files, archive } = await filesArchive();
    await recordRelease(request(), cohortOf(0, 3), { archive });
    const before = files();
    const size = log.size;
    const flush = ledger.flush.bind(ledger);
    ledger.flush = () => {
      throw new Error('disk full');
    };
    await expect(recordRelease(request({ dsReference: 'DR9' }), cohortOf(3, 3), { archive })).rejects.toThrow(
      /disk full/,
    );
    ledger.flush = flush;
    expect(files()).toEqual(before);
    expect(log.size).toBe(size);
    log.close();
    ledger.close();
  });

  it('takes a failed release back out of an in-memory log and ledger too', async () => {
    const log = TransparencyLog.inMemory();
    const ledger = new MemoryLedgerStore();
    const archive = new LocalReleaseArchive(log, ledger);
    await recordRelease(request(), cohortOf(0, 2), { archive });
    const root = log.rootHash();
    await expect(recordRelease(request(), failingAfter(2), { archive })).rejects.toThrow(/line 6/);
    expect([log.size, log.rootHash()]).toEqual([3, root]);
    const records: LedgerRecord[] = [];
    for await (const record of ledger.forSubject(`upn:${upn(0)}`)) records.push(record);
    expect(records.map((r) => r.leafIndex)).toEqual([0]);
  });

  it('records one release at a time', async () => {
    const archive = new LocalReleaseArchive(TransparencyLog.inMemory(), new MemoryLedgerStore());
    const draft = archive.begin();
    expect(() => archive.begin()).toThrow(/already recording/);
    await draft.abort();
    expect(() => archive.begin()).not.toThrow();
  });

  it('never takes back leaves a signed tree head covers', async () => {
    const log = TransparencyLog.inMemory();
    const archive = new LocalReleaseArchive(log, new MemoryLedgerStore());
    const draft = archive.begin();
    const leaf = { type: 'subject' as const, releaseId: 'r', commitment: 'c'.repeat(64) };
    draft.add({
      leaf,
      record: { key: 'upn:x', leafIndex: 0, salt: 's', entry: {} as never },
      outcome: {} as never,
    });
    log.signTreeHead(keys.privateKey);
    expect(() => draft.abort()).toThrow(/tree head was signed at 1/);
  });
});
