import { type Static, Type } from '@sinclair/typebox';
import { ExemptionCode, LawfulBasis, PurposeCode, PurposeKind } from './codes.js';
import { CalendarDate, CatalogueVersion } from './common.js';

export const Purpose = Type.Object(
  {
    code: PurposeCode,
    title: Type.String({ minLength: 1 }),
    kind: PurposeKind,
    defaultLawfulBasis: LawfulBasis,
    dpv: Type.Optional(Type.String({ format: 'uri', description: 'Data Privacy Vocabulary IRI' })),
    overridingExemptions: Type.Array(ExemptionCode, {
      uniqueItems: true,
      description: 'The only exemptions that can include a person who objected to this purpose',
    }),
    adultText: Type.String({ minLength: 1, description: 'Plain-language text for parents and staff' }),
    childText: Type.String({ minLength: 1, description: 'Text a 9-year-old can read' }),
  },
  { additionalProperties: false },
);

export const PurposeCatalogueProperties = {
  catalogueVersion: CatalogueVersion,
  published: CalendarDate,
  purposes: Type.Array(Purpose, { minItems: 1 }),
};
const PurposeCatalogueShape = Type.Object(PurposeCatalogueProperties, { additionalProperties: false });

export type Purpose = Static<typeof Purpose>;
/** Readonly so that `as const` catalogue data satisfies it. */
export type PurposeCatalogue = {
  readonly catalogueVersion: string;
  readonly published: string;
  readonly purposes: readonly (Omit<Purpose, 'overridingExemptions'> & {
    readonly overridingExemptions: readonly Purpose['overridingExemptions'][number][];
  })[];
};
export type PurposeCatalogueDocument = Static<typeof PurposeCatalogueShape>;
