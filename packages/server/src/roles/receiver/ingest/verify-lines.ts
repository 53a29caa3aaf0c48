import { type KeyDirectory, keyDirectoryOf, verifyChain } from '@reuse-pref/provenance';
import type { Statement } from '@reuse-pref/schema';
import { applySignatureCheck } from '../batch-signatures.js';
import { judgeVerdict } from '../signature-policy.js';
import type { WorkerSignatures } from './messages.js';
import type { BatchLine } from './read-batch.js';

/** The directory over the last snapshot seen, kept while the keys do not change (its imported keys too). */
let directory: { generation: number; issuedAt: string; keys: KeyDirectory } | undefined;

function directoryOf(snapshot: WorkerSignatures['keys']): KeyDirectory {
  const { generation, trustList } = snapshot;
  if (directory?.generation !== generation || directory.issuedAt !== trustList.issuedAt)
    directory = { generation, issuedAt: trustList.issuedAt, keys: keyDirectoryOf(snapshot) };
  return directory.keys;
}

/**
 * Verifies each valid record's chain in an ingest worker, as checkBatchSignatures would on the event
 * loop, so verification (CPU-bound) runs on every core while the event loop stores. A chain naming a key
 * the snapshot lacks is left unverified here: the event loop's directory may still load it (a supplier
 * that has just rotated), and checks that record itself.
 */
export async function verifyLines(lines: BatchLine[], signatures: WorkerSignatures): Promise<BatchLine[]> {
  const keys = directoryOf(signatures.keys);
  const out: BatchLine[] = new Array(lines.length);
  for (const [i, line] of lines.entries()) {
    if (!('prepared' in line.record)) {
      out[i] = line;
      continue;
    }
    const statement = JSON.parse(line.record.prepared.body) as Statement;
    const verdict = await verifyChain(statement, keys);
    out[i] = verdict.failures.some((f) => f.rule === 'signature-key-unknown')
      ? line
      : applySignatureCheck(
          line,
          statement.id,
          judgeVerdict(signatures.mode, statement, verdict, signatures.verifiedAt),
        );
  }
  return out;
}
