import type { StatementRow } from '../ports/statements.js';
import type { StatementVerification } from '../ports/verifications.js';
import { type InsertResult, sameContent } from './statement-row.js';

/** A statement_verifications row as both backends read it. */
export interface VerificationDbRow {
  outcome: StatementVerification['outcome'];
  rule: string | null;
  signer_kid: string | null;
  hops: number;
  verified_at: string | Date;
}

export function toVerification(row: VerificationDbRow): StatementVerification {
  return {
    outcome: row.outcome,
    rule: row.rule,
    signerKid: row.signer_kid,
    hops: Number(row.hops),
    verifiedAt: row.verified_at instanceof Date ? row.verified_at.toISOString() : row.verified_at,
  };
}

/**
 * The rows whose outcome is to be recorded: those with one that were stored now, or are the same
 * statement as the copy already held. A row refused as a conflict (other content under the id) records
 * nothing, even where a single append's conflict is found only after its transaction.
 */
export function recordable(rows: readonly StatementRow[], results: readonly InsertResult[]): StatementRow[] {
  return rows.filter((row, i) => {
    if (row.verification === undefined) return false;
    const existing = results[i]!.existingBody;
    return existing === null || sameContent(row, existing);
  });
}
