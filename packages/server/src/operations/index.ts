import type { Operation } from '../operation.js';
import { submitBatch } from './ingest-batch.js';
import { getBatch, submitIntakeStatement } from './intake.js';
import { getPupilPreferences, listPupilStatements, recordPupilStatement } from './pupil.js';
import { getChangeFeed, getStatement, listStatements } from './read-statements.js';
import { getCapabilities, getHealth } from './service.js';
import { getSchoolSettings, updateSchoolSettings } from './settings.js';
import { submitStatement } from './submit-statement.js';

/** Every operation the server implements; createApp keeps those of the configured role. */
export const operations: readonly Operation[] = [
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
];
