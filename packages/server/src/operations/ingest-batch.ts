import { randomUUID } from 'node:crypto';
import type { BatchResult, Finding, RecordOutcome } from '@reuse-pref/schema';
import type { BatchOutcome, BatchRecord } from '@reuse-pref/store';
import type { Principal } from '../auth/principal.js';
import { parseJson } from '../http/parse-json.js';
import { ProblemError, problem } from '../http/problem.js';
import { json } from '../http/respond.js';
import type { Operation, Services, StatementValidator } from '../operation.js';
import { saveBatchResult } from './batch-results.js';
import { checkStatement, readId } from './check-statement.js';

interface Line {
  line: number;
  record: BatchRecord;
  queries: Finding[];
}

/**
 * NDJSON bulk ingest at the census intake. A batch commits atomically and all-or-nothing
 * (docs/decisions/0011): with any rejected record nothing of it is stored, and every record's outcome is
 * reported so the sender can fix the bad lines and resend the batch under a new Idempotency-Key. A
 * record about a school outside the token's scopes is rejected (rule school-not-in-scope), not 403,
 * so one stray record does not hide the outcomes of the rest.
 */
export const submitBatch: Operation = {
  operationId: 'submitBatch',
  method: 'POST',
  path: '/intake/batches',
  roles: ['receiver'],
  scope: 'receiver:write',
  idempotent: 'required',
  body: { types: ['application/x-ndjson'], limit: 'maxBatchBytes' },
  async handle({ body, principal, services }) {
    const lines = readLines(services, body, principal);
    const receivedAt = services.now().toISOString();
    const result = await services.store.appendBatch(lines.map((l) => l.record));
    const outcomes = result.outcomes.map((o) => recordOutcome(o, lines[o.index]!));
    const count = (outcome: RecordOutcome['outcome']) => outcomes.filter((o) => o.outcome === outcome).length;
    const batch: BatchResult = {
      batchId: randomUUID(),
      committed: result.committed,
      receivedAt,
      counts: {
        records: outcomes.length,
        stored: count('stored'),
        duplicate: count('duplicate'),
        rejected: count('rejected'),
        notStored: count('not-stored'),
      },
      outcomes,
    };
    if (result.committed) {
      await saveBatchResult(services.store, principal.clientId, batch);
      return json(201, batch, { location: `/intake/batches/${batch.batchId}` });
    }
    return problem('batch-rejected', {
      detail: `${batch.counts.rejected} of ${batch.counts.records} record(s) rejected; nothing was stored.`,
      batch,
    });
  },
};

function readLines(services: Services, body: string, principal: Principal): Line[] {
  const validator = services.validator();
  const lines: Line[] = [];
  const texts = body.split('\n');
  for (const [i, raw] of texts.entries()) {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() === '') continue;
    if (lines.length === services.limits.maxBatchRecords) {
      throw new ProblemError('batch-too-large', {
        detail: `At most ${services.limits.maxBatchRecords} records per batch.`,
        maxBatchRecords: services.limits.maxBatchRecords,
      });
    }
    lines.push(readLine(services, validator, text, i + 1, principal));
  }
  if (lines.length === 0) throw new ProblemError('bad-request', { detail: 'The batch has no records.' });
  return lines;
}

function readLine(
  services: Services,
  validator: StatementValidator,
  text: string,
  line: number,
  principal: Principal,
): Line {
  let value: unknown;
  try {
    value = parseJson(text, { maxDepth: services.limits.maxDepth });
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    const finding: Finding = { rule: error.type, severity: 'error', pointer: '', message: error.message };
    return { line, record: { rejected: [finding] }, queries: [] };
  }
  const checked = checkStatement(validator, value, undefined, principal);
  if (checked.ok) return { line, record: { statement: checked.statement }, queries: checked.queries };
  const id = readId(value);
  return {
    line,
    record: { rejected: [...checked.errors, ...checked.queries], ...(id ? { id } : {}) },
    queries: checked.queries,
  };
}

function recordOutcome(outcome: BatchOutcome, line: Line): RecordOutcome {
  switch (outcome.outcome) {
    case 'stored':
    case 'duplicate':
      return { line: line.line, statementId: outcome.id, outcome: outcome.outcome, findings: line.queries };
    case 'withheld':
      return { line: line.line, statementId: outcome.id, outcome: 'not-stored', findings: line.queries };
    case 'rejected':
      return {
        line: line.line,
        statementId: outcome.id ?? null,
        outcome: 'rejected',
        findings: outcome.findings,
      };
  }
}
