import { type Static, Type } from '@sinclair/typebox';
import type { DistributionRequest, LedgerEntry, RegisterEntry, SubjectOutcome } from '../documents.js';
import { DateTime, Uln, Upn } from '../model/common.js';
import { Cursor, envelope, nullable, schemaRef } from './ref.js';

/** National keys only: a cohort crosses schools, so a local MIS id means nothing here. */
export const SubjectKey = Type.Object(
  { upn: Type.Optional(Upn), uln: Type.Optional(Uln) },
  {
    additionalProperties: false,
    // With only these two keys allowed, "at least one key" is "at least one of upn, uln".
    minProperties: 1,
    description: 'A pupil by UPN and/or ULN',
  },
);

export const DistributionEvaluation = Type.Object(
  {
    request: schemaRef<DistributionRequest>('distribution-request'),
    cohort: Type.Array(SubjectKey, {
      minItems: 1,
      maxItems: 100000,
      description: 'Every subject the request would include; each gets an outcome',
    }),
  },
  envelope('distribution-evaluation', 'A distribution request with its cohort, to evaluate and record'),
);

export const ReleaseSubjectPage = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        { subject: SubjectKey, outcome: schemaRef<SubjectOutcome>('subject-outcome') },
        { additionalProperties: false },
      ),
    ),
    nextCursor: nullable(Cursor),
  },
  envelope('release-subject-page', 'Per-subject outcomes of one release (personal data: distributor only)'),
);

export const RegisterPage = Type.Object(
  { items: Type.Array(schemaRef<RegisterEntry>('register-entry')), nextCursor: nullable(Cursor) },
  envelope('register-page', 'A page of the public release register, oldest first'),
);

export const SubjectLedger = Type.Object(
  {
    subject: SubjectKey,
    asOf: DateTime,
    entries: Type.Array(schemaRef<LedgerEntry>('ledger-entry'), {
      description: 'Every release that considered this subject, oldest first',
    }),
    nextCursor: nullable(Cursor),
  },
  envelope('subject-ledger', 'Which releases included a subject, to whom and why'),
);

export type SubjectKey = Static<typeof SubjectKey>;
export type DistributionEvaluation = Static<typeof DistributionEvaluation>;
export type ReleaseSubjectPage = Static<typeof ReleaseSubjectPage>;
export type RegisterPage = Static<typeof RegisterPage>;
export type SubjectLedger = Static<typeof SubjectLedger>;
