import type { OperationId } from '@reuse-pref/contract';
import type { ContractOperation, Operation } from '../operation.js';
import { evaluateDistribution, getRelease, listReleaseSubjects } from './distributor.js';
import { submitBatch } from './ingest-batch.js';
import { getBatch, submitIntakeStatement } from './intake.js';
import { listOnwardShares } from './onward-shares.js';
import { getPupilPreferences, listPupilStatements, recordPupilStatement } from './pupil.js';
import { getChangeFeed, getStatement, listStatements } from './read-statements.js';
import { getTreeHead, listRegister } from './register.js';
import { getCapabilities, getHealth } from './service.js';
import { getSchoolSettings, updateSchoolSettings } from './settings.js';
import { getSubjectLedger, getSubjectReceipt } from './subject-ledger.js';
import { submitStatement } from './submit-statement.js';

/**
 * Every operation of the contract, by operationId. Typed so that an operation missing, extra, or filed
 * under another operation's id is a compile error: the server implements exactly openapi.yaml.
 */
const byId: { [Id in OperationId]: ContractOperation<Id> } = {
  getCapabilities,
  getHealth,
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
  getSubjectLedger,
  getSubjectReceipt,
};

/** Every operation the server implements; createApp keeps those of the configured role. */
export const operations: readonly Operation[] = Object.values(byId);
