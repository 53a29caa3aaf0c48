import type { Statement } from '@reuse-pref/schema';
import type { LineVerdict, WorkerSignatures } from './ingest/messages.js';
import type { BatchLine } from './ingest/read-batch.js';
import { checkSignature, type SignatureCheck, type SignaturePolicy } from './signature-policy.js';

/**
 * A line with the policy's check applied: a record whose chain fails under `require-signature` becomes
 * a rejected record (so the all-or-nothing batch stores nothing); under `verify` the failures join the
 * record's queries. The outcome to record rides on the prepared row, so the store writes it in the
 * batch's own transaction, and on the line, for the record's outcome in the batch result.
 */
export function applySignatureCheck(line: BatchLine, id: string, check: SignatureCheck): BatchLine {
  const { errors, queries, verification } = check;
  if (errors.length > 0)
    return {
      line: line.line,
      record: { rejected: [...errors, ...line.queries], id },
      queries: line.queries,
      omitted: line.omitted,
    };
  if (!('prepared' in line.record) || !verification) return line;
  return {
    ...line,
    record: { prepared: { ...line.record.prepared, verification } },
    queries: queries.length > 0 ? [...line.queries, ...queries] : line.queries,
    verification,
  };
}

/**
 * Lines with the ingest workers' verdicts applied (as the event loop would apply its own checks); a line
 * without a verdict (invalid, or left to the event loop) stays as it was.
 */
export function applyVerdicts(lines: readonly BatchLine[], verdicts: readonly LineVerdict[]): BatchLine[] {
  return lines.map((line, i) => {
    const verdict = verdicts[i];
    return verdict && 'prepared' in line.record
      ? applySignatureCheck(line, line.record.prepared.id, verdict)
      : line;
  });
}

/**
 * The policy over a batch already read and validated, on the event loop (when the ingest workers did
 * not verify it already). Records are verified a few at a time, in order.
 */
export async function checkBatchSignatures(
  policy: SignaturePolicy | undefined,
  lines: BatchLine[],
  now: Date,
): Promise<BatchLine[]> {
  if (!policy || policy.mode === 'off') return lines;
  const out: BatchLine[] = new Array(lines.length);
  const check = async (i: number) => {
    const line = lines[i]!;
    if (!('prepared' in line.record) || line.verification) {
      out[i] = line;
      return;
    }
    const statement = JSON.parse(line.record.prepared.body) as Statement;
    out[i] = applySignatureCheck(line, statement.id, await checkSignature(policy, statement, now));
  };
  const WIDTH = 32;
  for (let start = 0; start < lines.length; start += WIDTH) {
    const slice: Promise<void>[] = [];
    for (let i = start; i < Math.min(start + WIDTH, lines.length); i++) slice.push(check(i));
    await Promise.all(slice);
  }
  return out;
}

/**
 * What the ingest workers need to verify a batch's chains themselves (on every core, while the event
 * loop stores the previous batch): the policy's mode and a snapshot of its keys. Undefined when the
 * policy is off, or its key directory cannot be copied to another thread (the event loop verifies).
 */
export async function workerSignatures(
  policy: SignaturePolicy | undefined,
  now: Date,
): Promise<WorkerSignatures | undefined> {
  if (!policy || policy.mode === 'off' || !policy.keys.snapshot) return undefined;
  return { mode: policy.mode, keys: await policy.keys.snapshot(), verifiedAt: now.toISOString() };
}
