import type { Statement } from '@reuse-pref/schema';
import { contentHash } from './canonical-json.js';

/** The columns both stores keep for a statement: keys to find it by, its content hash and its body. */
export interface StatementRow {
  id: string;
  urn: string;
  upn: string | null;
  uln: string | null;
  localId: string | null;
  hash: string;
  /** The statement as JSON text, kept verbatim so a relay passes on exactly what it received. */
  body: string;
}

export function toStatementRow(statement: Statement): StatementRow {
  return {
    id: statement.id,
    urn: statement.setting.urn,
    upn: statement.subject.upn ?? null,
    uln: statement.subject.uln ?? null,
    localId: statement.subject.localId ?? null,
    hash: contentHash(statement),
    body: JSON.stringify(statement),
  };
}

/** What the store found when inserting a row: its sequence number, and the hash already there if any. */
export interface InsertResult {
  seq: string;
  existingHash: string | null;
}
