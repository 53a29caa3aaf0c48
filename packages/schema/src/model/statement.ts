import { type Static, Type } from '@sinclair/typebox';
import { Channel, ChoiceValue, CompetenceBasis, ExpressedByRole, PurposeCode } from './codes.js';
import {
  CalendarDate,
  CatalogueVersion,
  DateTime,
  LaEstab,
  LocalRef,
  localRef,
  SpecVersion,
  Uln,
  Upn,
  Urn,
  Uuid,
} from './common.js';
import { SignatureEnvelope } from './signature.js';

export const Subject = Type.Object(
  {
    upn: Type.Optional(Upn),
    uln: Type.Optional(Uln),
    localId: Type.Optional(LocalRef),
    dateOfBirth: Type.Optional(CalendarDate),
  },
  {
    additionalProperties: false,
    // "At least one of upn, uln, localId", wrapped in allOf: beside `properties`, a bare anyOf of
    // required-only branches reads to openapi-typescript as `object | unknown`, which is `unknown`; inside
    // allOf it reads as `object & unknown`, which is the object. The same rule for every JSON Schema tool.
    allOf: [{ anyOf: [{ required: ['upn'] }, { required: ['uln'] }, { required: ['localId'] }] }],
    description: 'The pupil: at least one of upn, uln, localId; dateOfBirth where the holder has it',
  },
);

export const Setting = Type.Object(
  { urn: Urn, laEstab: LaEstab },
  { additionalProperties: false, description: 'The school holding the record' },
);

export const ExpressedBy = Type.Object(
  {
    role: ExpressedByRole,
    personRef: localRef('The MIS contact id of the person; for PUP, the pupil’s own reference'),
  },
  { additionalProperties: false },
);

export const RecordedBy = Type.Object(
  {
    supplierId: LocalRef,
    system: Type.String({ minLength: 1, maxLength: 100 }),
    systemVersion: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  },
  { additionalProperties: false, description: 'The software that recorded the statement' },
);

export const Notice = Type.Object(
  {
    id: LocalRef,
    version: Type.String({ minLength: 1, maxLength: 32 }),
    language: Type.String({
      pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$',
      description: 'BCP 47 tag, e.g. en, cy, en-GB',
    }),
  },
  { additionalProperties: false, description: 'The privacy notice shown when the choice was made' },
);

export const Choice = Type.Object(
  {
    purpose: PurposeCode,
    value: ChoiceValue,
    grounds: Type.Optional(
      Type.String({ maxLength: 500, description: 'Optional grounds, e.g. for an objection' }),
    ),
  },
  { additionalProperties: false },
);

export const Provenance = Type.Object(
  {
    originalSetting: Setting,
    originalChannel: Channel,
    originalRecordedAt: DateTime,
    originalRecordedBy: RecordedBy,
    transferredAt: DateTime,
  },
  {
    additionalProperties: false,
    description:
      'Where an imported (CTFI) statement was first recorded; required exactly when channel is CTFI',
  },
);

export const StatementProperties = {
  id: Uuid,
  specVersion: SpecVersion,
  catalogueVersion: CatalogueVersion,
  subject: Subject,
  setting: Setting,
  expressedBy: ExpressedBy,
  competenceBasis: Type.Optional(CompetenceBasis),
  expressedAt: DateTime,
  recordedAt: DateTime,
  recordedBy: RecordedBy,
  channel: Channel,
  notice: Notice,
  choices: Type.Array(Choice, { minItems: 1, maxItems: 64 }),
  provenance: Type.Optional(Provenance),
  signature: Type.Optional(SignatureEnvelope),
};

export type Subject = Static<typeof Subject>;
export type Setting = Static<typeof Setting>;
export type ExpressedBy = Static<typeof ExpressedBy>;
export type RecordedBy = Static<typeof RecordedBy>;
export type Notice = Static<typeof Notice>;
export type Choice = Static<typeof Choice>;
export type Provenance = Static<typeof Provenance>;
