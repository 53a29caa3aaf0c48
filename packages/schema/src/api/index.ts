import {
  DistributionEvaluation,
  RecipientsToNotify,
  RegisterPage,
  ReleaseSubjectPage,
  SubjectLedger,
} from './distribution.js';
import { BatchProblem, BatchResult } from './ingest.js';
import { ConsistencyProof, LogLeaves } from './log.js';
import { OnwardSharePage } from './relay.js';
import { CapabilityStatement, Health, HealthProblem, Jwks } from './service.js';
import {
  ChangeFeedPage,
  PupilPreferences,
  SchoolSettings,
  StatementPage,
  StatementReceipt,
} from './statements.js';

export * from './distribution.js';
export * from './ingest.js';
export * from './log.js';
export { API_SCHEMA_BASE, Cursor } from './ref.js';
export * from './relay.js';
export * from './service.js';
export * from './statements.js';

/** The API envelope schemas, keyed by file stem in spec/v1/schemas/ (spread into PublishedSchemas). */
export const ApiSchemas = {
  'statement-page': StatementPage,
  'change-feed-page': ChangeFeedPage,
  'statement-receipt': StatementReceipt,
  'pupil-preferences': PupilPreferences,
  'school-settings': SchoolSettings,
  'batch-result': BatchResult,
  'batch-problem': BatchProblem,
  'distribution-evaluation': DistributionEvaluation,
  'release-subject-page': ReleaseSubjectPage,
  'register-page': RegisterPage,
  'subject-ledger': SubjectLedger,
  'log-leaves': LogLeaves,
  'consistency-proof': ConsistencyProof,
  'recipients-to-notify': RecipientsToNotify,
  'onward-share-page': OnwardSharePage,
  'capability-statement': CapabilityStatement,
  jwks: Jwks,
  health: Health,
  'health-problem': HealthProblem,
} as const;
