import type { ChainVerdict, KeyDirectory } from '@reuse-pref/provenance';
import { verifyChain } from '@reuse-pref/provenance';
import type { Finding, Statement, StatementVerification } from '@reuse-pref/schema';

/**
 * What the intake does with statement signatures (spec/v1/signatures.md 8):
 * - `require-signature`: a statement whose chain does not verify is rejected, each failure an error
 *   finding with its rule id, and nothing of it (or of its batch) is stored;
 * - `verify`: every chain is verified and the statement accepted whatever the outcome, each failure a
 *   query finding in its receipt;
 * - `off` (the default): signatures are not read; a signature member is stored and passed on unchanged.
 * Under `verify` and `require-signature` the outcome is recorded with each statement stored (8.1).
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
  /** What to record with the statement; absent when the policy is off. */
  verification?: StatementVerification;
}

const NONE: SignatureCheck = { errors: [], queries: [] };

/** The hop records a statement carries, as the verification counts them. */
function hopCount(statement: Statement): number {
  const hops = (statement.signature as { hops?: unknown } | undefined)?.hops;
  return Array.isArray(hops) ? hops.length : 0;
}

/**
 * The findings and the outcome to record that a verdict comes to under `mode` (not off). Pure, so an
 * ingest worker that verified the chain and the event loop come to the same answer.
 */
export function judgeVerdict(
  mode: 'require-signature' | 'verify',
  statement: Statement,
  verdict: ChainVerdict,
  verifiedAt: string,
): SignatureCheck {
  const hops = hopCount(statement);
  if (verdict.verified)
    return {
      errors: [],
      queries: [],
      verification: {
        outcome: 'verified',
        rule: null,
        signerKid: verdict.producer?.kid ?? null,
        hops,
        verifiedAt,
      },
    };
  // Under `verify` an unsigned statement is normal (most suppliers do not sign yet): nothing to report.
  if (!verdict.signed && mode === 'verify')
    return {
      errors: [],
      queries: [],
      verification: { outcome: 'unsigned', rule: null, signerKid: null, hops: 0, verifiedAt },
    };
  const severity = mode === 'require-signature' ? 'error' : 'query';
  const findings: Finding[] = verdict.failures.map((f) => ({
    rule: f.rule,
    severity,
    pointer: f.at,
    message: `${f.at.slice(1).replaceAll('/', '.')}: ${f.message}`,
  }));
  if (severity === 'error') return { errors: findings, queries: [] };
  return {
    errors: [],
    queries: findings,
    verification: {
      outcome: 'broken',
      rule: verdict.failures[0]?.rule ?? null,
      signerKid: verdict.producer?.kid ?? null,
      hops,
      verifiedAt,
    },
  };
}

/** The findings the policy makes of one validated statement's chain, and the outcome to record. */
export async function checkSignature(
  policy: SignaturePolicy | undefined,
  statement: Statement,
  now: Date,
): Promise<SignatureCheck> {
  if (!policy || policy.mode === 'off') return NONE;
  const verdict = await verifyChain(statement, policy.keys);
  return judgeVerdict(policy.mode, statement, verdict, now.toISOString());
}
