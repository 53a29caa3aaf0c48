import { type KeyDirectory, keyDirectoryOf, verifyChain } from '@reuse-pref/provenance';
import type { Statement } from '@reuse-pref/schema';
import { judgeVerdict } from '../signature-policy.js';
import type { LineVerdict, WorkerSignatures } from './messages.js';

/** The directory over the last snapshot seen, kept while the keys do not change (its imported keys too). */
let directory: { generation: number; issuedAt: string; keys: KeyDirectory } | undefined;

function directoryOf(snapshot: WorkerSignatures['keys']): KeyDirectory {
  const { generation, trustList } = snapshot;
  if (directory?.generation !== generation || directory.issuedAt !== trustList.issuedAt)
    directory = { generation, issuedAt: trustList.issuedAt, keys: keyDirectoryOf(snapshot) };
  return directory.keys;
}

/**
 * Verifies the chain of each valid record an ingest worker has just read (`statements`, as readBatch
 * kept them: nothing is parsed again), as checkBatchSignatures would on the event loop, so verification
 * (CPU-bound) runs on every core while the event loop stores. A chain naming a key the snapshot lacks
 * gets no verdict here: the event loop's directory may still load it (a supplier that has just
 * rotated), and checks that record itself.
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
    if (!statement) continue;
    const verdict = await verifyChain(statement, keys);
    if (verdict.failures.some((f) => f.rule === 'signature-key-unknown')) continue;
    out[i] = judgeVerdict(signatures.mode, statement, verdict, signatures.verifiedAt);
  }
  return out;
}
