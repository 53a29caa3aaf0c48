import { canonicalJson, type Statement } from '@reuse-pref/schema';
import { encodeCursor } from './cursor.js';
import { StatementConflictError } from './errors.js';
import type { AppendOutcome } from './types.js';

/**
 * The columns both stores keep for a statement: keys to find it by, and its body. Plain strings only, so
 * a caller can prepare rows away from the thread that writes them (a worker) and hand them over cheaply,
 * and a batch holds no parsed statement objects while it waits for its transaction.
 */
export interface StatementRow {
  id: string;
  urn: string;
  upn: string | null;
  uln: string | null;
  localId: string | null;
  /** The statement as JSON text, kept verbatim so a relay passes on exactly what it received. */
  body: string;
}

/** A validated statement as a store row; what `BatchRecord`'s `prepared` carries. */
export function toStatementRow(statement: Statement): StatementRow {
  return {
    id: statement.id,
    urn: statement.setting.urn,
    upn: statement.subject.upn ?? null,
    uln: statement.subject.uln ?? null,
    localId: statement.subject.localId ?? null,
    body: JSON.stringify(statement),
  };
}

/**
 * Whether a body already stored under the row's id holds the same statement. Canonical comparison (key
 * order ignored) runs only when ids collide, which keeps it off the insert path.
 */
export function sameContent(row: StatementRow, storedBody: string): boolean {
  return (
    storedBody === row.body || canonicalJson(JSON.parse(storedBody)) === canonicalJson(JSON.parse(row.body))
  );
}

/** What the store found when inserting a row: its sequence number, and the body already there if any. */
export interface InsertResult {
  seq: string;
  existingBody: string | null;
}

/**
 * What appending one row came to: stored, or a duplicate of the same content already held. Throws
 * StatementConflictError for other content under the same id; inside a transaction that rolls it back.
 */
export function appendOutcome(row: StatementRow, result: InsertResult): AppendOutcome {
  if (result.existingBody !== null && !sameContent(row, result.existingBody)) {
    throw new StatementConflictError(row.id);
  }
  const cursor = encodeCursor(result.seq);
  return result.existingBody === null
    ? { outcome: 'stored', id: row.id, cursor }
    : { outcome: 'duplicate', id: row.id, cursor };
}
