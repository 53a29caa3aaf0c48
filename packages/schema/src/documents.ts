import { type Static, Type } from '@sinclair/typebox';
import { SCHEMA_BASE, schemaRef } from './api/ref.js';
import { PurposeCatalogueProperties } from './model/catalogue.js';
import {
  DistributionRequestProperties,
  ReleaseDecisionProperties,
  SubjectOutcomeProperties,
} from './model/distribution.js';
import { EffectivePreferencesProperties } from './model/effective.js';
import { ValidationResultProperties } from './model/finding.js';
import {
  InclusionProof,
  LedgerEntryProperties,
  RegisterEntryProperties,
  SignedTreeHeadProperties,
} from './model/log.js';
import { ProblemDetailsProperties } from './model/problem.js';
import { SignatureEnvelope, TrustListProperties } from './model/signature.js';
import { StatementProperties } from './model/statement.js';

export { SCHEMA_BASE };

const doc = (name: string, title: string) => ({
  $id: `${SCHEMA_BASE}${name}.schema.json`,
  title,
  additionalProperties: false,
});

export const Statement = Type.Object(
  StatementProperties,
  doc('statement', 'Statement: one submission of reuse preferences, immutable'),
);
export const StatementSignature = Type.Object(
  SignatureEnvelope.properties,
  doc('statement-signature', "Statement signature: the producer's detached JWS and each relay's hop record"),
);
export const TrustList = Type.Object(
  TrustListProperties,
  doc('trust-list', 'Trust list: the suppliers whose signatures a receiver accepts, signed by its issuer'),
);
export type StatementSignature = Static<typeof StatementSignature>;
export type TrustList = Static<typeof TrustList>;
export const EffectivePreferences = Type.Object(
  EffectivePreferencesProperties,
  doc('effective-preferences', 'Effective preferences: what the resolver decided for one subject'),
);
export const PurposeCatalogueSchema = Type.Object(
  PurposeCatalogueProperties,
  doc('purpose-catalogue', 'Purpose catalogue: versioned list of purposes'),
);
export const ValidationResult = Type.Object(
  ValidationResultProperties,
  doc('validation-result', 'Validation result: every error and query found in one record'),
);
export const ProblemDetails = Type.Object(ProblemDetailsProperties, {
  ...doc('problem-details', 'RFC 9457 problem details with validation findings'),
  additionalProperties: true,
});
export const DistributionRequest = Type.Object(
  DistributionRequestProperties,
  doc('distribution-request', 'Distribution request: one proposed onward release'),
);
export const ReleaseDecision = Type.Object(
  ReleaseDecisionProperties,
  doc('release-decision', 'Release decision: the audited outcome of a distribution request'),
);
export const SubjectOutcome = Type.Object(
  SubjectOutcomeProperties,
  doc('subject-outcome', 'What one release did with one subject'),
);
export const LedgerEntry = Type.Object(
  LedgerEntryProperties,
  doc('ledger-entry', 'Ledger entry: what one release did with one subject, for that subject only'),
);
export const SignedTreeHead = Type.Object(
  SignedTreeHeadProperties,
  doc('signed-tree-head', 'Signed tree head of the release transparency log (RFC 9162 style)'),
);
export const SubjectReceipt = Type.Object(
  {
    // By reference, not embedded: an embedded copy would carry a second schema with the same $id.
    entry: schemaRef<Static<typeof LedgerEntry>>('ledger-entry'),
    salt: Type.String({
      pattern: '^[0-9a-f]{64}$',
      description: '32 random bytes, hex; only the subject gets it',
    }),
    proof: InclusionProof,
    treeHead: schemaRef<Static<typeof SignedTreeHead>>('signed-tree-head'),
  },
  doc('subject-receipt', 'Receipt: a ledger entry with the proof that the public log commits to it'),
);
export const RegisterEntry = Type.Object(
  RegisterEntryProperties,
  doc('register-entry', 'Public register entry: one release, no personal data'),
);

const CodeListEntry = Type.Object(
  {
    code: Type.String({ minLength: 1 }),
    label: Type.String({ minLength: 1 }),
    meaning: Type.String({ minLength: 1 }),
    dpv: Type.Optional(Type.String({ format: 'uri' })),
  },
  { additionalProperties: false },
);
export const CodeListDocument = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z]+(-[a-z]+)*$' }),
    title: Type.String(),
    specVersion: Type.String(),
    entries: Type.Array(CodeListEntry, { minItems: 1 }),
  },
  doc('codelist', 'A code list published in spec/v1/codelists/'),
);

export type Statement = Static<typeof Statement>;
export type EffectivePreferences = Static<typeof EffectivePreferences>;
export type ValidationResult = Static<typeof ValidationResult>;
export type ProblemDetails = Static<typeof ProblemDetails>;
export type DistributionRequest = Static<typeof DistributionRequest>;
export type ReleaseDecision = Static<typeof ReleaseDecision>;
export type SubjectOutcome = Static<typeof SubjectOutcome>;
export type LedgerEntry = Static<typeof LedgerEntry>;
export type SignedTreeHead = Static<typeof SignedTreeHead>;
export type SubjectReceipt = Static<typeof SubjectReceipt>;
export type RegisterEntry = Static<typeof RegisterEntry>;
