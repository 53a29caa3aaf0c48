import { type KeyDirectory, keyDirectoryOf, verifyChain } from '@reuse-pref/provenance';
import type { Statement } from '@reuse-pref/schema';
import { judgeVerdict } from '../signature-policy.js';
import type { BatchBoard } from './batch-board.js';
import type { LineVerdict, VerdictRun, WorkerSignatures } from './messages.js';

/** The directory over the last snapshot seen, kept while the keys do not change (its imported keys too). */
let directory: { generation: number; issuedAt: string; keys: KeyDirectory } | undefined;

function directoryOf(snapshot: WorkerSignatures['keys']): KeyDirectory {
  const { generation, trustList } = snapshot;
  if (directory?.generation !== generation || directory.issuedAt !== trustList.issuedAt)
    directory = { generation, issuedAt: trustList.issuedAt, keys: keyDirectoryOf(snapshot) };
  return directory.keys;
}

/**
 * The verdict on one valid record's chain, as checkBatchSignatures would give it on the event loop. A
 * chain naming a key the snapshot lacks gets none here: the event loop's directory may still load it (a
 * supplier that has just rotated), and checks that record itself.
 */
async function verdictOn(
  statement: Statement,
  keys: KeyDirectory,
  signatures: WorkerSignatures,
): Promise<LineVerdict> {
  const verdict = await verifyChain(statement, keys);
  if (verdict.failures.some((f) => f.rule === 'signature-key-unknown')) return null;
  return judgeVerdict(signatures.mode, statement, verdict, signatures.verifiedAt);
}

/**
 * Verifies the chain of each valid record an ingest worker has just read (`statements`, as readBatch
 * kept them: nothing is parsed again), so verification (CPU-bound) runs on every core while the event
 * loop stores.
 */
export async function verifyLines(
  statements: readonly (Statement | undefined)[],
  count: number,
  signatures: WorkerSignatures,
): Promise<LineVerdict[]> {
  const keys = directoryOf(signatures.keys);
  const out: LineVerdict[] = new Array(count).fill(null);
  for (let i = 0; i < count; i++) {
    const statement = statements[i];
    if (statement) out[i] = await verdictOn(statement, keys, signatures);
  }
  return out;
}

/**
 * Verifies the lines of one part of a shared batch that this worker claims on the board, a run at a time
 * until none is left (docs/decisions/0047). `statementAt(i)` gives line i's statement; it is asked only
 * for lines the part's reader marked as valid records (the others get no verdict, as in verifyLines).
 */
export async function verifyClaimed(
  board: BatchBoard,
  part: number,
  statementAt: (i: number) => Statement,
  signatures: WorkerSignatures,
): Promise<VerdictRun[]> {
  const keys = directoryOf(signatures.keys);
  const runs: VerdictRun[] = [];
  for (let run = board.claim(part); run; run = board.claim(part)) {
    const verdicts: LineVerdict[] = [];
    for (let i = run.from; i < run.to; i++)
      verdicts.push(board.isRecord(part, i) ? await verdictOn(statementAt(i), keys, signatures) : null);
    // Consecutive runs (the usual case for a worker's own part) travel as one.
    const last = runs.at(-1);
    if (last && last.from + last.verdicts.length === run.from) last.verdicts.push(...verdicts);
    else runs.push({ from: run.from, verdicts });
  }
  return runs;
}
