import { type SigningKey, signStatement } from '@reuse-pref/provenance';
import type { Finding, Statement } from '@reuse-pref/schema';
import type { StatementStore } from '@reuse-pref/store';
import { createValidator } from '@reuse-pref/validator';
import { BAD_STATEMENTS, STATEMENTS } from './school/statements.js';

export interface HeldBack {
  statement: Statement;
  errors: Finding[];
}

export interface SeedReport {
  /** Newly stored; a restart finds them already held and counts them as duplicates. */
  stored: number;
  duplicate: number;
  /** Accepted with a query the school must be ready to explain. */
  queried: { statement: Statement; queries: Finding[] }[];
  /** Failed the MIS's own validation: kept out of the store and off the API. */
  heldBack: HeldBack[];
}

/**
 * Loads the seeded school the way an MIS takes in forms: each statement is validated when it is keyed,
 * stored if it passes (queries and all), held back for the office to correct if it does not.
 */
export async function seedSchool(
  store: Pick<StatementStore, 'statements'>,
  now: Date,
  signing?: SigningKey,
): Promise<SeedReport> {
  const validator = createValidator({ now });
  const report: SeedReport = { stored: 0, duplicate: 0, queried: [], heldBack: [] };
  for (const keyed of [...STATEMENTS, ...BAD_STATEMENTS]) {
    // An MIS that signs signs every statement as it is keyed (spec/v1/signatures.md 3), so what the
    // office holds back and sends later is signed too. Ed25519 signs the same bytes on every start.
    const statement = signing ? await signStatement(keyed, signing) : keyed;
    const result = validator.validate(statement);
    if (!result.valid) {
      report.heldBack.push({ statement, errors: result.errors });
      continue;
    }
    if (result.queries.length > 0) report.queried.push({ statement, queries: result.queries });
    const { outcome } = await store.statements.append(statement);
    report[outcome === 'stored' ? 'stored' : 'duplicate'] += 1;
  }
  return report;
}
