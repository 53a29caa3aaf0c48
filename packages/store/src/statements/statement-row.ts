import { canonicalJson, type Statement, type StatementVerification } from '@reuse-pref/schema';
import { encodeCursor } from '../cursor.js';
import { StatementConflictError } from '../errors.js';
import type { AppendOutcome, BulkInsertResult, StatementRow, StoredStatement } from '../ports/statements.js';

/** A validated statement as a store row; what `BatchRecord`'s `prepared` carries. */
export function toStatementRow(statement: Statement, verification?: StatementVerification): StatementRow {
  const row: StatementRow = {
    id: statement.id,
    urn: statement.setting.urn,
    upn: statement.subject.upn ?? null,
    uln: statement.subject.uln ?? null,
    localId: statement.subject.localId ?? null,
    body: JSON.stringify(statement),
  };
  if (verification) row.verification = verification;
  return row;
}

/** A stored row as callers see it; each backend passes its sequence number and time as it reads them. */
export function storedStatement(seq: number | string, storedAt: string, body: string): StoredStatement {
  return { cursor: encodeCursor(seq), storedAt, statement: JSON.parse(body) as Statement };
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

/**
 * What a bulk insert came to: `inserted` holds one result per row of `rows` (repeats already folded out),
 * `total` counts the statements given. Throws StatementConflictError on the first changed statement, which
 * inside the transaction rolls the whole insert back.
 */
export function bulkOutcome(
  rows: readonly StatementRow[],
  inserted: readonly InsertResult[],
  total: number,
): BulkInsertResult {
  let stored = 0;
  inserted.forEach((result, index) => {
    if (result.existingBody === null) stored++;
    else if (!sameContent(rows[index]!, result.existingBody))
      throw new StatementConflictError(rows[index]!.id);
  });
  return { stored, duplicate: total - stored };
}

/**
 * The parsed statement behind each row, where the caller gave one (so the preferences index need not
 * parse the body again); undefined for rows a worker prepared.
 */
export function parsedRows(
  rows: readonly StatementRow[],
  given: readonly (
    | Statement
    | { statement: Statement }
    | { prepared: StatementRow }
    | { rejected: unknown }
  )[],
): (Statement | undefined)[] {
  const byId = new Map<string, Statement>();
  for (const item of given) {
    if ('statement' in item && typeof item.statement === 'object')
      byId.set(item.statement.id, item.statement);
    else if ('specVersion' in item) byId.set(item.id, item);
  }
  return rows.map((row) => byId.get(row.id));
}
