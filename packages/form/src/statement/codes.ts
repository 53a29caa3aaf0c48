import type { Channels, ChoiceValues, CodeOf, CompetenceBases, PurposeKinds } from '@reuse-pref/schema';

// The code lists' literal unions, named for this package (the schema exports the lists, not the unions).
export type ChoiceValue = CodeOf<typeof ChoiceValues>;
export type Channel = CodeOf<typeof Channels>;
export type PurposeKind = CodeOf<typeof PurposeKinds>;
export type CompetenceBasis = CodeOf<typeof CompetenceBases>;
