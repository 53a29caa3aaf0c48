import { type Static, Type } from '@sinclair/typebox';
import type { EffectivePreferences, Statement } from '../documents.js';
import { CalendarDate, DateTime, LaEstab, LocalRef, Urn, Uuid } from '../model/common.js';
import { Finding } from '../model/finding.js';
import { StatementVerification } from '../model/signature.js';
import { Notice } from '../model/statement.js';
import { Cursor, envelope, nullable, schemaRef } from './ref.js';

const statementRef = () => schemaRef<Statement>('statement');

export const StatementPage = Type.Object(
  {
    items: Type.Array(statementRef()),
    nextCursor: nullable(Cursor),
  },
  {
    ...envelope('statement-page', 'A page of statements; nextCursor is null on the last page'),
  },
);

export const ChangeFeedEntry = Type.Object(
  {
    cursor: Cursor,
    storedAt: DateTime,
    statement: statementRef(),
  },
  {
    additionalProperties: false,
    description: 'One stored statement; resuming from `cursor` continues with the entry after this one',
  },
);

export const ChangeFeedPage = Type.Object(
  {
    changes: Type.Array(ChangeFeedEntry, { description: 'In the order the server stored them' }),
    nextCursor: Type.Union([Cursor, Type.Null()], {
      description: 'Resume point after the last entry; equals the request cursor when nothing is new',
    }),
    hasMore: Type.Boolean({ description: 'True when more entries are available right now' }),
  },
  envelope('change-feed-page', 'Change feed page: statements stored at a school since a cursor'),
);

export const StatementReceipt = Type.Object(
  {
    statementId: Uuid,
    outcome: Type.Union([Type.Literal('stored'), Type.Literal('duplicate')], {
      description: 'duplicate: the identical statement was already held, nothing changed',
    }),
    storedAt: DateTime,
    queries: Type.Array(Finding, { description: 'Query-severity findings the school must explain' }),
    verification: Type.Optional(StatementVerification),
  },
  envelope('statement-receipt', 'Acknowledgement of one stored statement'),
);

export const PupilPreferences = Type.Object(
  {
    urn: Urn,
    pupil: Type.String({ description: 'The pupil reference used in the request path' }),
    statementCount: Type.Integer({ minimum: 0 }),
    latestStatementId: nullable(Uuid),
    effective: schemaRef<EffectivePreferences>('effective-preferences'),
  },
  envelope('pupil-preferences', "A pupil's current preference set at one school; its ETag versions it"),
);

export const SchoolSettings = Type.Object(
  {
    urn: Urn,
    laEstab: LaEstab,
    competenceAge: Type.Integer({
      minimum: 0,
      maximum: 25,
      description: 'Age at which a pupil is presumed competent (12 in England by default)',
    }),
    currentNotice: Notice,
    censusReferenceDate: Type.Optional(CalendarDate),
    supplierId: Type.Optional(LocalRef),
    updatedAt: Type.Optional(
      Type.String({ format: 'date-time', description: 'Set by the server; ignored on PUT' }),
    ),
  },
  envelope('school-settings', "A school's settings, updated with If-Match"),
);

export type StatementPage = Static<typeof StatementPage>;
export type ChangeFeedEntry = Static<typeof ChangeFeedEntry>;
export type ChangeFeedPage = Static<typeof ChangeFeedPage>;
export type StatementReceipt = Static<typeof StatementReceipt>;
export type PupilPreferences = Static<typeof PupilPreferences>;
export type SchoolSettings = Static<typeof SchoolSettings>;
