import { ApiSchemas } from './api/index.js';
import {
  CodeListDocument,
  DistributionRequest,
  EffectivePreferences,
  LedgerEntry,
  ProblemDetails,
  PurposeCatalogueSchema,
  RegisterEntry,
  ReleaseDecision,
  SignedTreeHead,
  Statement,
  StatementSignature,
  SubjectOutcome,
  SubjectReceipt,
  TrustList,
  ValidationResult,
} from './documents.js';

// Kept apart from documents.ts: the API envelopes refer to the documents, and the list of everything
// published needs both, so neither of them has to import the other.

/** Every schema published in spec/v1/schemas/, keyed by file stem. */
export const PublishedSchemas = {
  statement: Statement,
  'statement-signature': StatementSignature,
  'trust-list': TrustList,
  'effective-preferences': EffectivePreferences,
  'purpose-catalogue': PurposeCatalogueSchema,
  'validation-result': ValidationResult,
  'problem-details': ProblemDetails,
  'distribution-request': DistributionRequest,
  'release-decision': ReleaseDecision,
  'subject-outcome': SubjectOutcome,
  'ledger-entry': LedgerEntry,
  'signed-tree-head': SignedTreeHead,
  'subject-receipt': SubjectReceipt,
  'register-entry': RegisterEntry,
  codelist: CodeListDocument,
  ...ApiSchemas,
} as const;
