import { statementIdConflict } from './statement-id-conflict.js';

/** Rules over the statements held for one subject (validation.md 7). */
export const historyRules = [statementIdConflict] as const;
