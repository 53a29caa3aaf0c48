import { type Static, Type } from '@sinclair/typebox';
import type { DistributionRequest, LedgerEntry, RegisterEntry, SubjectOutcome } from '../documents.js';
import { PurposeCode } from '../model/codes.js';
import { CalendarDate, DateTime, Uln, Upn, Uuid } from '../model/common.js';
import { Recipient } from '../model/distribution.js';
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

/**
 * Art 19 UK GDPR: when a pupil objects (or withdraws consent) after releases that sent their record, the
 * controller tells each recipient of those releases. One entry per earlier release that included the
 * pupil for a purpose the objection covers, decided before the objection.
 */
export const RecipientsToNotify = Type.Object(
  {
    subject: SubjectKey,
    objectionAt: DateTime,
    purposes: Type.Array(PurposeCode, {
      minItems: 1,
      description: 'The purposes the objection covers, as asked',
    }),
    recipients: Type.Array(
      Type.Object(
        {
          recipient: Recipient,
          releaseId: Uuid,
          dsReference: Type.String({ minLength: 1 }),
          decidedAt: DateTime,
          retainUntil: CalendarDate,
          purposes: Type.Array(PurposeCode, {
            minItems: 1,
            description: 'Purposes of that release the objection covers',
          }),
          underExemption: Type.Boolean({
            description: 'The release sent the data under an exemption for at least one of those purposes',
          }),
        },
        { additionalProperties: false },
      ),
      { description: 'Oldest release first' },
    ),
  },
  envelope(
    'recipients-to-notify',
    'Recipients of earlier releases to tell about a later objection (Art 19 UK GDPR)',
  ),
);

export type SubjectKey = Static<typeof SubjectKey>;
export type RecipientsToNotify = Static<typeof RecipientsToNotify>;
export type DistributionEvaluation = Static<typeof DistributionEvaluation>;
export type ReleaseSubjectPage = Static<typeof ReleaseSubjectPage>;
export type RegisterPage = Static<typeof RegisterPage>;
export type SubjectLedger = Static<typeof SubjectLedger>;
