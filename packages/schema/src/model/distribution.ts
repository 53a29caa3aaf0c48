import { type Static, Type } from '@sinclair/typebox';
import {
  DeliveryMode,
  ExemptionCode,
  IdentifiabilityTier,
  LawfulBasis,
  PurposeCode,
  RecipientClass,
  ReleaseOutcome,
  SensitivityTier,
} from './codes.js';
import { CalendarDate, CatalogueVersion, DateTime, Uuid } from './common.js';
import { ReleaseSignatures } from './signature.js';

export const Recipient = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }), class: RecipientClass },
  { additionalProperties: false },
);

export const DataTier = Type.Object(
  { identifiability: IdentifiabilityTier, sensitivity: SensitivityTier },
  { additionalProperties: false },
);

export const ExemptionRelied = Type.Object(
  {
    code: ExemptionCode,
    citation: Type.String({ minLength: 1, maxLength: 500, description: 'The legal provision relied on' }),
  },
  { additionalProperties: false },
);

export const DistributionRequestProperties = {
  dsReference: Type.String({
    pattern: '^[A-Za-z0-9][A-Za-z0-9_./-]{0,63}$',
    description: 'DfE data share reference',
  }),
  recipient: Recipient,
  purposes: Type.Array(PurposeCode, { minItems: 1, uniqueItems: true }),
  lawfulBasis: LawfulBasis,
  dataTiers: Type.Array(DataTier, { minItems: 1 }),
  deliveryMode: DeliveryMode,
  retainUntil: CalendarDate,
  cohort: Type.Object(
    { description: Type.String({ minLength: 1, maxLength: 500 }) },
    {
      additionalProperties: false,
      description: 'Who the request covers, in words; the cohort file lists them',
    },
  ),
  exemption: Type.Optional(ExemptionRelied),
  decisionMaker: Type.String({ minLength: 1, maxLength: 200 }),
  reasons: Type.String({ minLength: 1, maxLength: 4000 }),
  requestedAt: DateTime,
};

const StatedVsDefault = Type.Object(
  { stated: Type.Integer({ minimum: 0 }), default: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);

export const ReleaseCounts = Type.Object(
  {
    total: Type.Integer({ minimum: 0 }),
    included: Type.Integer({ minimum: 0 }),
    excluded: Type.Integer({ minimum: 0 }),
    overridden: Type.Integer({ minimum: 0 }),
    decidedByStatement: Type.Integer({
      minimum: 0,
      description: 'Subjects whose outcome a stated answer decided',
    }),
    decidedByDefault: Type.Integer({ minimum: 0, description: 'Subjects never asked: the default decided' }),
    byOutcome: Type.Object(
      { INCL: StatedVsDefault, EXCL: StatedVsDefault, OVRD: StatedVsDefault },
      { additionalProperties: false, description: 'Each outcome split by what decided it' },
    ),
  },
  { additionalProperties: false },
);

export const ReleaseDecisionProperties = {
  releaseId: Uuid,
  dsReference: Type.String({ minLength: 1 }),
  request: Type.Object(DistributionRequestProperties, { additionalProperties: false }),
  catalogueVersion: CatalogueVersion,
  decidedAt: DateTime,
  counts: ReleaseCounts,
  /** Absent from releases recorded before it existed, and from archives that keep no verifications. */
  signatures: Type.Optional(ReleaseSignatures),
};

export const PurposeOutcome = Type.Object(
  {
    purpose: PurposeCode,
    shared: Type.Boolean(),
    default: Type.Boolean(),
    decidedBy: Type.Union([Uuid, Type.Null()]),
    overriddenBy: Type.Optional(ExemptionCode),
  },
  { additionalProperties: false },
);

export const SubjectOutcomeProperties = {
  releaseId: Uuid,
  outcome: ReleaseOutcome,
  purposes: Type.Array(PurposeOutcome),
};

export type Recipient = Static<typeof Recipient>;
export type DataTier = Static<typeof DataTier>;
export type ExemptionRelied = Static<typeof ExemptionRelied>;
export type ReleaseCounts = Static<typeof ReleaseCounts>;
export type PurposeOutcome = Static<typeof PurposeOutcome>;
