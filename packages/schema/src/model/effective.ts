import { type Static, Type } from '@sinclair/typebox';
import { ChoiceValue, ExpressedByRole, PurposeCode, PurposeKind } from './codes.js';
import { CatalogueVersion, DateTime, Uuid } from './common.js';
import { Subject } from './statement.js';

export const ResolverFlag = Type.Unsafe<
  'review-due' | 'pupil-not-competent' | 'statement-id-conflict' | 'parents-disagree'
>({
  type: 'string',
  enum: ['review-due', 'pupil-not-competent', 'statement-id-conflict', 'parents-disagree'],
  description: 'Something staff should look at; never changes the outcome on its own',
});

export const EffectivePreference = Type.Object(
  {
    purpose: PurposeCode,
    kind: PurposeKind,
    shared: Type.Boolean({ description: 'Whether data may flow for this purpose' }),
    value: Type.Union([ChoiceValue, Type.Null()], { description: 'The deciding answer; null when default' }),
    default: Type.Boolean({ description: 'True when no stated answer decided it ("never asked")' }),
    decidedBy: Type.Union([Uuid, Type.Null()], {
      description: 'Id of the deciding statement; null when default',
    }),
    decidedByRole: Type.Union([ExpressedByRole, Type.Null()]),
    expressedAt: Type.Union([DateTime, Type.Null()]),
    flags: Type.Array(ResolverFlag, { uniqueItems: true }),
  },
  { additionalProperties: false },
);

export const EffectivePreferencesProperties = {
  subject: Subject,
  asOf: DateTime,
  catalogueVersion: CatalogueVersion,
  competenceAge: Type.Integer({ minimum: 0, maximum: 25 }),
  preferences: Type.Array(EffectivePreference, {
    description: 'One per catalogue purpose, in catalogue order',
  }),
};

export type ResolverFlag = Static<typeof ResolverFlag>;
export type EffectivePreference = Static<typeof EffectivePreference>;
