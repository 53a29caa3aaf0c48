import type { Finding } from '@reuse-pref/schema';
import { type BatchRecord, prepareStatement } from '@reuse-pref/store';
import type { Principal } from '../../../auth/principal.js';
import { parseJson } from '../../../http/parse-json.js';
import { ProblemError } from '../../../http/problem.js';
import type { Limits } from '../../../limits.js';
import { checkStatement } from '../../../statements/check-statement.js';
import type { StatementValidator } from '../../../statements/statement-validator.js';

/** One NDJSON line of a batch, read and checked: what the store gets, and the queries to report. */
export interface BatchLine {
  line: number;
  record: BatchRecord;
  queries: Finding[];
}

export interface ReadBatchContext {
  validator: StatementValidator;
  limits: Pick<Limits, 'maxBatchRecords' | 'maxDepth'>;
  principal: Principal;
}

/**
 * Parses and checks every line of an NDJSON batch body. Throws ProblemError for what fails the whole
 * request (too many records, none at all); a bad line only rejects that record. Pure apart from the
 * validator, so it runs the same on the event loop or in an ingest worker.
 */
export function readBatch(body: string, context: ReadBatchContext): BatchLine[] {
  const { limits } = context;
  const lines: BatchLine[] = [];
  const texts = body.split('\n');
  for (let i = 0; i < texts.length; i++) {
    const raw = texts[i]!;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() === '') continue;
    if (lines.length === limits.maxBatchRecords) {
      throw new ProblemError('batch-too-large', {
        detail: `At most ${limits.maxBatchRecords} records per batch.`,
        maxBatchRecords: limits.maxBatchRecords,
      });
    }
    lines.push(readLine(context, text, i + 1));
  }
  if (lines.length === 0) throw new ProblemError('bad-request', { detail: 'The batch has no records.' });
  return lines;
}

function readLine(context: ReadBatchContext, text: string, line: number): BatchLine {
  let value: unknown;
  try {
    value = parseJson(text, { maxDepth: context.limits.maxDepth });
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    const finding: Finding = { rule: error.type, severity: 'error', pointer: '', message: error.message };
    return { line, record: { rejected: [finding] }, queries: [] };
  }
  const checked = checkStatement(context.validator, value, undefined, context.principal);
  // Prepared as a row straight away: the batch then holds strings, not thousands of parsed objects that
  // would outlive the young generation while the batch waits for its transaction (and a worker hands
  // strings back far more cheaply than objects).
  if (checked.ok) {
    return { line, record: { prepared: prepareStatement(checked.statement) }, queries: checked.queries };
  }
  const { id, findings } = checked;
  return { line, record: { rejected: findings, ...(id ? { id } : {}) }, queries: checked.queries };
}
