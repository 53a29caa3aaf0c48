import type { KeyDirectory } from '@reuse-pref/provenance';
import { verifyChain } from '@reuse-pref/provenance';
import type { Finding, Statement } from '@reuse-pref/schema';
import type { BatchLine } from './ingest/read-batch.js';

/**
 * What the intake does with statement signatures (spec/v1/signatures.md 8):
 * - `require-signature`: a statement whose chain does not verify is rejected, each failure an error
 *   finding with its rule id, and nothing of it (or of its batch) is stored;
 * - `verify`: every chain is verified and the statement accepted whatever the outcome, each failure a
 *   query finding in its receipt;
 * - `off` (the default): signatures are not read; a signature member is stored and passed on unchanged.
 * The resolver and the release gate never see any of this.
 */
export interface SignaturePolicy {
  mode: 'require-signature' | 'verify' | 'off';
  /** The keys of the suppliers a verified trust list names (`keyDirectory` of @reuse-pref/provenance). */
  keys: KeyDirectory;
}

export interface SignatureCheck {
  errors: Finding[];
  queries: Finding[];
}

const NONE: SignatureCheck = { errors: [], queries: [] };

/** The findings the policy makes of one validated statement's chain. */
export async function checkSignature(
  policy: SignaturePolicy | undefined,
  statement: Statement,
): Promise<SignatureCheck> {
  if (!policy || policy.mode === 'off') return NONE;
  // Under `verify` an unsigned statement is normal (most suppliers do not sign yet): nothing to report.
  if (policy.mode === 'verify' && statement.signature === undefined) return NONE;
  const verdict = await verifyChain(statement, policy.keys);
  if (verdict.verified) return NONE;
  const severity = policy.mode === 'require-signature' ? 'error' : 'query';
  const findings: Finding[] = verdict.failures.map((f) => ({
    rule: f.rule,
    severity,
    pointer: f.at,
    message: `${f.at.slice(1).replaceAll('/', '.')}: ${f.message}`,
  }));
  return severity === 'error' ? { errors: findings, queries: [] } : { errors: [], queries: findings };
}

/**
 * The policy over a batch already read and validated: a record whose chain fails under
 * `require-signature` becomes a rejected record (so the all-or-nothing batch stores nothing); under
 * `verify` the failures join the record's queries. Records are verified a few at a time, in order.
 */
export async function checkBatchSignatures(
  policy: SignaturePolicy | undefined,
  lines: BatchLine[],
): Promise<BatchLine[]> {
  if (!policy || policy.mode === 'off') return lines;
  const out: BatchLine[] = new Array(lines.length);
  const check = async (i: number) => {
    const line = lines[i]!;
    if (!('prepared' in line.record)) {
      out[i] = line;
      return;
    }
    const statement = JSON.parse(line.record.prepared.body) as Statement;
    const { errors, queries } = await checkSignature(policy, statement);
    out[i] =
      errors.length > 0
        ? {
            line: line.line,
            record: { rejected: [...errors, ...line.queries], id: statement.id },
            queries: line.queries,
            omitted: line.omitted,
          }
        : queries.length > 0
          ? { ...line, queries: [...line.queries, ...queries] }
          : line;
  };
  const WIDTH = 32;
  for (let start = 0; start < lines.length; start += WIDTH) {
    const slice: Promise<void>[] = [];
    for (let i = start; i < Math.min(start + WIDTH, lines.length); i++) slice.push(check(i));
    await Promise.all(slice);
  }
  return out;
}
