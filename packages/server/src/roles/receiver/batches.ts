import { randomUUID } from 'node:crypto';
import type { BatchResult, RecordOutcome } from '@reuse-pref/schema';
import type { BatchOutcome } from '@reuse-pref/store';
import { principalKey } from '../../auth/principal.js';
import { problem } from '../../http/problem.js';
import { json } from '../../http/respond.js';
import { defineOperation } from '../../operation.js';
import { loadBatchResult, saveBatchResult } from './batch-results.js';
import { workerSignatures } from './batch-signatures.js';
import { type BatchLine, readBatchInSlices } from './ingest/read-batch.js';
import { writeBatch } from './write-batch.js';

/**
 * NDJSON bulk ingest at the census intake. A batch commits atomically and all-or-nothing
 * (docs/decisions/0011): with any rejected record nothing of it is stored, and every record's outcome is
 * reported so the sender can fix the bad lines and resend the batch under a new Idempotency-Key. A
 * record about a school outside the token's scopes is rejected (rule school-not-in-scope), not 403,
 * so one stray record does not hide the outcomes of the rest.
 */
export const submitBatch = defineOperation('submitBatch', {
  method: 'POST',
  path: '/intake/batches',
  roles: ['receiver'],
  idempotent: 'required',
  body: { types: ['application/x-ndjson'], limit: 'maxBatchBytes' },
  async handle({ body, principal, services }) {
    const now = services.now();
    const read = services.ingestWorkers
      ? await services.ingestWorkers.readChecking(
          body,
          now,
          principal,
          services.limits,
          await workerSignatures(services.signatures, now),
        )
      : {
          lines: await readBatchInSlices(body, {
            validator: services.validator(),
            limits: services.limits,
            principal,
          }),
        };
    const { lines, result } = await writeBatch(services, read.lines, read.verdicts, now);
    const receivedAt = now.toISOString();
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
      await saveBatchResult(services.store, principalKey(principal), batch);
      return json(201, batch, { location: `/intake/batches/${batch.batchId}` });
    }
    const omitted = listWithin(outcomes, services.limits.maxFindingsPerBatch, lines);
    return problem('batch-rejected', {
      detail: `${batch.counts.rejected} of ${batch.counts.records} record(s) rejected; nothing was stored.`,
      batch,
      ...(omitted > 0 ? { findingsOmitted: omitted } : {}),
    });
  },
});

/** A committed batch's result again, for a sender that lost the response. */
export const getBatch = defineOperation('getBatch', {
  method: 'GET',
  path: '/intake/batches/{batchId}',
  roles: ['receiver'],
  async handle({ params, principal, services }) {
    const batchId = params.batchId;
    const batch = /^[0-9a-f-]{36}$/i.test(batchId)
      ? await loadBatchResult(services.store, principalKey(principal), batchId.toLowerCase())
      : undefined;
    return batch ? json(200, batch) : problem('not-found', { detail: 'No committed batch with this id.' });
  },
});

/**
 * Keeps at most `max` findings over the outcomes of a rejected batch, in line order (each record's own
 * list was already cut to maxFindingsPerRecord when it was read); returns how many were left out in all.
 * Every record keeps its outcome: only the listing of findings is bounded, so the answer to a batch
 * built to fail every rule on every line stays small.
 */
function listWithin(outcomes: RecordOutcome[], max: number, lines: readonly BatchLine[]): number {
  let omitted = lines.reduce((n, line) => n + line.omitted, 0);
  let budget = max;
  for (const outcome of outcomes) {
    if (outcome.findings.length <= budget) {
      budget -= outcome.findings.length;
      continue;
    }
    omitted += outcome.findings.length - budget;
    outcome.findings = outcome.findings.slice(0, budget);
    budget = 0;
  }
  return omitted;
}

function recordOutcome(outcome: BatchOutcome, line: BatchLine): RecordOutcome {
  // The signature check's outcome, as recorded with the statement (policy verify or require-signature).
  const verification = line.verification ? { verification: line.verification } : {};
  switch (outcome.outcome) {
    case 'stored':
    case 'duplicate':
      return {
        line: line.line,
        statementId: outcome.id,
        outcome: outcome.outcome,
        findings: line.queries,
        ...verification,
      };
    case 'withheld':
      return {
        line: line.line,
        statementId: outcome.id,
        outcome: 'not-stored',
        findings: line.queries,
        ...verification,
      };
    case 'rejected':
      return {
        line: line.line,
        statementId: outcome.id ?? null,
        outcome: 'rejected',
        findings: outcome.findings,
      };
  }
}
