import type { OperationId } from '@reuse-pref/contract';
import type { ContractOperation, Operation } from './operation.js';
import { getConsistencyProof, listLogLeaves } from './roles/distributor/log.js';
import { getTreeHead, listRegister } from './roles/distributor/register.js';
import { evaluateDistribution, getRelease, listReleaseSubjects } from './roles/distributor/releases.js';
import {
  getSubjectLedger,
  getSubjectReceipt,
  listRecipientsToNotify,
} from './roles/distributor/subject-ledger.js';
import { getPupilPreferences } from './roles/producer/pupil-preferences.js';
import { listPupilStatements, recordPupilStatement } from './roles/producer/pupil-statements.js';
import { getSchoolSettings, updateSchoolSettings } from './roles/producer/settings.js';
import { getChangeFeed, getStatement, listStatements } from './roles/producer/statements.js';
import { submitStatement } from './roles/producer/submit-statement.js';
import { getBatch, submitBatch } from './roles/receiver/batches.js';
import { submitIntakeStatement } from './roles/receiver/intake-statement.js';
import { listOnwardShares } from './roles/relay/onward-shares.js';
import { getCapabilities } from './roles/service/capabilities.js';
import { getHealth } from './roles/service/health.js';
import { getSigningKeys } from './roles/service/signing-keys.js';

/**
 * Every operation of the contract, by operationId. Typed so that an operation missing, extra, or filed
 * under another operation's id is a compile error: the server implements exactly openapi.yaml.
 */
const byId: { [Id in OperationId]: ContractOperation<Id> } = {
  getCapabilities,
  getHealth,
  getSigningKeys,
  listStatements,
  submitStatement,
  getStatement,
  listPupilStatements,
  recordPupilStatement,
  getPupilPreferences,
  getChangeFeed,
  getSchoolSettings,
  updateSchoolSettings,
  submitBatch,
  getBatch,
  submitIntakeStatement,
  listOnwardShares,
  evaluateDistribution,
  getRelease,
  listReleaseSubjects,
  listRegister,
  getTreeHead,
  listLogLeaves,
  getConsistencyProof,
  getSubjectLedger,
  getSubjectReceipt,
  listRecipientsToNotify,
};

/** Every operation the server implements; createApp keeps those of the configured role. */
export const operations: readonly Operation[] = Object.values(byId);
