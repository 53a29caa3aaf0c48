import type { Finding, Statement } from '@reuse-pref/schema';
import { encodeCursor } from '../cursor.js';
import { StatementConflictError } from '../errors.js';
import type { BatchOutcome, BatchRecord, BatchResult, StatementRow } from '../ports/statements.js';
import { type InsertResult, sameContent, toStatementRow } from './statement-row.js';

/**
 * A batch split into the rows to insert and what is already decided without the database: the caller's
 * rejections, and repeats of an id within the batch itself.
 */
export interface BatchPlan {
  rows: StatementRow[];
  /** For each record: the caller's rejection, or the row it is (or repeats). */
  slots: Array<{ rejected: Finding[]; id?: string } | { row: number; repeat: boolean }>;
  rejectedEarly: boolean;
}

export function conflictFinding(id: string): Finding {
  return {
    rule: 'statement-id-conflict',
    severity: 'error',
    pointer: '/id',
    message: `id ${id} is already stored with different content; statements are immutable`,
  };
}

/**
 * A statement is held once per school (a pupil who moved school has a copy at each): rows are one per
 * (id, school), and the same id for another school in the same batch is that school's copy.
 */
export const copyKey = (row: Pick<StatementRow, 'id' | 'urn'>): string => `${row.urn} ${row.id}`;

export function planBatch(records: readonly BatchRecord[]): BatchPlan {
  const rows: StatementRow[] = [];
  const byId = new Map<string, number>();
  const slots: BatchPlan['slots'] = [];
  let rejectedEarly = false;
  for (const record of records) {
    if ('rejected' in record) {
      slots.push(record.id === undefined ? { rejected: record.rejected } : record);
      rejectedEarly = true;
      continue;
    }
    const row =
      'prepared' in record ? record.prepared : toStatementRow(record.statement, record.verification);
    const seen = byId.get(copyKey(row));
    if (seen === undefined) {
      byId.set(copyKey(row), rows.length);
      slots.push({ row: rows.length, repeat: false });
      rows.push(row);
    } else if (sameContent(rows[seen]!, row.body)) {
      slots.push({ row: seen, repeat: true });
    } else {
      slots.push({ rejected: [conflictFinding(row.id)], id: row.id });
      rejectedEarly = true;
    }
  }
  return { rows, slots, rejectedEarly };
}

/**
 * The rows of a bulk insert, repeats within it folded (one INSERT must not carry an id twice); a repeat
 * with other content is a StatementConflictError before anything is written.
 */
export function planBulk(statements: readonly Statement[]): StatementRow[] {
  const plan = planBatch(statements.map((statement) => ({ statement })));
  const clash = plan.slots.find((slot) => 'rejected' in slot);
  if (clash && 'rejected' in clash) throw new StatementConflictError(clash.id!);
  return plan.rows;
}

/**
 * Turns insert results into per-record outcomes. `committed` is false when anything was rejected, in which
 * case the caller must roll back and every valid record is reported as withheld.
 */
export function completeBatch(plan: BatchPlan, inserted: readonly InsertResult[] | null): BatchResult {
  const conflicts = new Set<number>();
  if (inserted) {
    inserted.forEach((result, row) => {
      if (result.existingBody !== null && !sameContent(plan.rows[row]!, result.existingBody))
        conflicts.add(row);
    });
  }
  const committed = inserted !== null && !plan.rejectedEarly && conflicts.size === 0;
  const counts = { stored: 0, duplicate: 0, rejected: 0, withheld: 0 };
  const outcomes = plan.slots.map((slot, index): BatchOutcome => {
    if ('rejected' in slot) {
      counts.rejected++;
      return slot.id === undefined
        ? { index, outcome: 'rejected', findings: slot.rejected }
        : { index, outcome: 'rejected', id: slot.id, findings: slot.rejected };
    }
    const row = plan.rows[slot.row]!;
    if (conflicts.has(slot.row) && !slot.repeat) {
      counts.rejected++;
      return { index, outcome: 'rejected', id: row.id, findings: [conflictFinding(row.id)] };
    }
    if (!committed) {
      counts.withheld++;
      return { index, outcome: 'withheld', id: row.id };
    }
    const result = inserted![slot.row]!;
    const cursor = encodeCursor(result.seq);
    if (slot.repeat || result.existingBody !== null) {
      counts.duplicate++;
      return { index, outcome: 'duplicate', id: row.id, cursor };
    }
    counts.stored++;
    return { index, outcome: 'stored', id: row.id, cursor };
  });
  return { committed, outcomes, counts };
}

/**
 * The plan of a settlement's final records (Statements.appendBatchSettling), held to the plan the rows
 * were written by: unless a record became rejected, the same rows with the same bodies in the same
 * order, so the insert results still line up with them.
 */
export function settledPlan(written: BatchPlan, records: readonly BatchRecord[]): BatchPlan {
  const plan = planBatch(records);
  if (plan.rejectedEarly) return plan;
  const same =
    plan.rows.length === written.rows.length &&
    plan.rows.every((row, i) => row.id === written.rows[i]!.id && row.body === written.rows[i]!.body);
  if (!same) throw new Error('a batch settlement must give back the records the batch was written with');
  return plan;
}
