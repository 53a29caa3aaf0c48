import { type Static, Type } from '@sinclair/typebox';
import type { ProblemDetails } from '../documents.js';
import { DateTime, Uuid } from '../model/common.js';
import { Finding } from '../model/finding.js';
import { StatementVerification } from '../model/signature.js';
import { envelope, nullable, SCHEMA_BASE, schemaRef } from './ref.js';

export const RecordOutcome = Type.Object(
  {
    line: Type.Integer({ minimum: 1, description: '1-based line number in the NDJSON body' }),
    statementId: nullable(Uuid),
    outcome: Type.Union(
      [
        Type.Literal('stored'),
        Type.Literal('duplicate'),
        Type.Literal('rejected'),
        Type.Literal('not-stored'),
      ],
      {
        description:
          'stored / duplicate (identical statement already held) when the batch committed; rejected ' +
          '(this record has errors) or not-stored (valid, but another record failed) when it did not',
      },
    ),
    findings: Type.Array(Finding, { description: 'Errors and queries for this record' }),
    verification: Type.Optional(StatementVerification),
  },
  { additionalProperties: false },
);

export const BatchResult = Type.Object(
  {
    batchId: Uuid,
    committed: Type.Boolean({ description: 'All records stored, or none: a batch commits atomically' }),
    receivedAt: DateTime,
    counts: Type.Object(
      {
        records: Type.Integer({ minimum: 0 }),
        stored: Type.Integer({ minimum: 0 }),
        duplicate: Type.Integer({ minimum: 0 }),
        rejected: Type.Integer({ minimum: 0 }),
        notStored: Type.Integer({ minimum: 0 }),
      },
      { additionalProperties: false },
    ),
    outcomes: Type.Array(RecordOutcome, { description: 'One per NDJSON line, in line order' }),
  },
  envelope('batch-result', 'Outcome of one NDJSON batch, record by record'),
);

export type BatchResult = Static<typeof BatchResult>;
export type RecordOutcome = Static<typeof RecordOutcome>;

/** A rejected batch: a problem (status 422) that also carries every record's outcome. */
export const BatchProblem = Type.Unsafe<ProblemDetails & { batch: BatchResult }>({
  $id: `${SCHEMA_BASE}batch-problem.schema.json`,
  title: 'Problem details for a rejected batch, with the outcome of every record',
  allOf: [
    { $ref: './problem-details.schema.json' },
    {
      type: 'object',
      required: ['batch'],
      properties: { batch: schemaRef<BatchResult>('batch-result') },
    },
  ],
});
export type BatchProblem = Static<typeof BatchProblem>;
