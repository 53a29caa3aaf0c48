import type { UploadedRecord } from '@reuse-pref/client';

/** What an upload did, record by record and batch by batch. */
export interface UploadTotals {
  /** Records read from the input (JSON or not). */
  records: number;
  stored: number;
  /** Stored with at least one query: accepted, but the school should be ready to explain. */
  storedWithQuery: number;
  /** Already held by the intake (same id, same content): a resend, harmless. */
  duplicate: number;
  /** Records with an error: their batch was refused. */
  rejected: number;
  /** Valid records in a refused batch: a batch commits whole, so send them again. */
  notStored: number;
  /** Lines that are not a JSON value: never sent. */
  notJson: number;
  batchesCommitted: number;
  batchesRejected: number;
}

export function emptyTotals(): UploadTotals {
  return {
    records: 0,
    stored: 0,
    storedWithQuery: 0,
    duplicate: 0,
    rejected: 0,
    notStored: 0,
    notJson: 0,
    batchesCommitted: 0,
    batchesRejected: 0,
  };
}

export function countRecord(totals: UploadTotals, record: UploadedRecord): void {
  totals.records++;
  const { outcome, findings } = record.outcome;
  if (outcome === 'stored') {
    totals.stored++;
    if (findings.some((f) => f.severity === 'query')) totals.storedWithQuery++;
  } else if (outcome === 'duplicate') totals.duplicate++;
  else if (outcome === 'rejected') totals.rejected++;
  else totals.notStored++;
  if (record.lastInBatch) {
    if (record.committed) totals.batchesCommitted++;
    else totals.batchesRejected++;
  }
}

/** 0 when every record is held by the intake; 1 when any was not stored (rejected, its batch, not JSON). */
export function exitCodeOf(totals: UploadTotals): 0 | 1 {
  return totals.rejected + totals.notStored + totals.notJson > 0 ? 1 : 0;
}

const n = (value: number) => value.toLocaleString('en-GB');

export function totalsText(totals: UploadTotals): string {
  const row = (label: string, value: number, note = '') =>
    `  ${label.padEnd(30)}${n(value).padStart(10)}${note ? `   ${note}` : ''}\n`;
  return (
    row('records read', totals.records) +
    row(
      'stored',
      totals.stored,
      totals.storedWithQuery ? `(${n(totals.storedWithQuery)} with a query)` : '',
    ) +
    row('already held (duplicate)', totals.duplicate) +
    row('rejected (fix and resend)', totals.rejected) +
    row('not stored (batch refused)', totals.notStored, totals.notStored ? '(resend as they are)' : '') +
    row('not JSON (never sent)', totals.notJson) +
    row('batches committed', totals.batchesCommitted) +
    row('batches refused', totals.batchesRejected)
  );
}
