import { randomUUID } from 'node:crypto';
import type { Statement, StatementVerification } from '@reuse-pref/schema';

const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** A UPN with a correct check letter, distinct for each n (so tests use realistic keys). */
export function upn(n: number): string {
  const digits = `8012000${String(n).padStart(5, '0')}`;
  const sum = [...digits].reduce((total, digit, i) => total + Number(digit) * (i + 2), 0);
  return `${UPN_LETTERS[sum % 23]}${digits}`;
}

let nextUrn = Math.floor(Math.random() * 500_000) + 100_000;

/** A school URN no other test in this run uses, so tests sharing a database stay apart. */
export function freshUrn(): string {
  nextUrn += 1;
  return String(nextUrn);
}

export interface StatementOptions {
  urn: string;
  id?: string;
  upn?: string;
  uln?: string;
  localId?: string;
  expressedAt?: string;
  grounds?: string;
}

export function makeStatement(options: StatementOptions): Statement {
  const subject: Statement['subject'] = { dateOfBirth: '2015-03-14' };
  if (options.upn !== undefined) subject.upn = options.upn;
  if (options.uln !== undefined) subject.uln = options.uln;
  subject.localId = options.localId ?? `ADM-${randomUUID().slice(0, 8)}`;
  return {
    id: options.id ?? randomUUID(),
    specVersion: '1.0.0',
    catalogueVersion: '1',
    subject,
    setting: { urn: options.urn, laEstab: '8012000' },
    expressedBy: { role: 'PAR', personRef: 'C-2231' },
    competenceBasis: 'NA',
    expressedAt: options.expressedAt ?? '2026-09-03T08:15:00Z',
    recordedAt: '2026-09-04T10:02:11Z',
    recordedBy: { supplierId: 'SUP-EXAMPLE', system: 'Example MIS', systemVersion: '7.2.1' },
    channel: 'PAPR',
    notice: { id: 'NOTICE-ADMISSIONS', version: '2026.1', language: 'en' },
    choices: [
      { purpose: 'STAT', value: 'NOOB' },
      options.grounds === undefined
        ? { purpose: 'RSXT', value: 'OBJT' }
        : { purpose: 'RSXT', value: 'OBJT', grounds: options.grounds },
    ],
  };
}

/** The same statement with its keys in reverse order at every level: equal content, different text. */
export function reorderKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reorderKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).reverse();
  return JSON.parse(
    `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(reorderKeys(v))}`).join(',')}}`,
  );
}

/**
 * How the server kept a committed batch's result before the store had a batch table (schema version 2):
 * an idempotency record under the scope `intake-batch-result <client>` and the hash `batch-result`.
 */
export function legacyBatchResult(sender: string) {
  const batchId = randomUUID();
  const result = {
    batchId,
    committed: true,
    receivedAt: '2026-10-01T09:00:00.000Z',
    counts: { records: 1, stored: 1, duplicate: 0, rejected: 0, notStored: 0 },
    outcomes: [{ line: 1, statementId: 'Łukasz 😀 nul \u0000 end', outcome: 'stored', findings: [] }],
  };
  return {
    sender,
    batchId,
    result,
    row: {
      scope: `intake-batch-result ${sender}`,
      key: batchId,
      requestHash: 'batch-result',
      response: JSON.stringify({ status: 200, body: result }),
    },
  };
}

/** Thousands of entries over many ledgers, then one for `last`: a write made to fail there fails late. */
export function entriesEndingAt(last: string, school: string) {
  const ledgers = Array.from({ length: 30 }, (_, n) => `bulk-${n}-${school}`);
  const entries = Array.from({ length: 3000 }, (_, n) => ({ ledger: ledgers[n % 30]!, entry: { n } }));
  return { ledgers, entries: [...entries, { ledger: last, entry: 'last' }] };
}

/** A signature chain verified end to end, as a receiver records it with the statement. */
export function verifiedOutcome(signerKid = 'mis-1', hops = 1): StatementVerification {
  return { outcome: 'verified', rule: null, signerKid, hops, verifiedAt: '2026-11-30T09:00:00.000Z' };
}
