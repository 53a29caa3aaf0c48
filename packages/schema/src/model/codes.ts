import { type TUnsafe, Type } from '@sinclair/typebox';
import { type CodeList, type CodeOf, codesOf } from '../codelists/define.js';
import * as L from '../codelists/lists.js';

/**
 * A closed code list becomes a plain `enum` in JSON Schema: readers in any language get one clear
 * "must be one of" rule, and the TS type is the literal union of the list's codes.
 */
function codeSchema<const C extends CodeList>(list: C, description: string): TUnsafe<CodeOf<C>> {
  return Type.Unsafe<CodeOf<C>>({ type: 'string', enum: codesOf(list), description });
}

export const ChoiceValue = codeSchema(
  L.ChoiceValues,
  'What the person said: see codelists/choice-values.json',
);
export const ExpressedByRole = codeSchema(
  L.ExpressedByRoles,
  'Who expressed it: see codelists/expressed-by.json',
);
export const CompetenceBasis = codeSchema(L.CompetenceBases, 'See codelists/competence-basis.json');
export const Channel = codeSchema(L.Channels, 'See codelists/channels.json');
export const PurposeKind = codeSchema(L.PurposeKinds, 'See codelists/purpose-kinds.json');
export const LawfulBasis = codeSchema(L.LawfulBases, 'See codelists/lawful-bases.json');
export const ExemptionCode = codeSchema(L.Exemptions, 'See codelists/exemptions.json');
export const RecipientClass = codeSchema(L.RecipientClasses, 'See codelists/recipient-classes.json');
export const DeliveryMode = codeSchema(L.DeliveryModes, 'See codelists/delivery-modes.json');
export const IdentifiabilityTier = codeSchema(
  L.IdentifiabilityTiers,
  'See codelists/identifiability-tiers.json',
);
export const SensitivityTier = codeSchema(L.SensitivityTiers, 'See codelists/sensitivity-tiers.json');
export const ReleaseOutcome = codeSchema(L.ReleaseOutcomes, 'See codelists/release-outcomes.json');
export const Severity = codeSchema(L.Severities, 'See codelists/severities.json');

/**
 * Purpose codes are an open pattern, not an enum: the catalogue is versioned data, and a receiver must
 * be able to say "unknown purpose for catalogue version N" (a validation rule) rather than fail a schema.
 */
export const PurposeCode = Type.String({
  pattern: '^[A-Z]{4}$',
  description: 'A purpose code from the catalogue',
});
