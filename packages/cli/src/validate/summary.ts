import type { RecordResult } from './check-record.js';

export interface Summary {
  records: number;
  valid: number;
  withErrors: number;
  withQueries: number;
  broken: number;
}

export function emptySummary(): Summary {
  return { records: 0, valid: 0, withErrors: 0, withQueries: 0, broken: 0 };
}

export function count(summary: Summary, result: RecordResult): void {
  summary.records++;
  if (result.broken) summary.broken++;
  else if (result.errors.length > 0) summary.withErrors++;
  if (result.valid) summary.valid++;
  if (result.queries.length > 0) summary.withQueries++;
}

/** Exit status of a validation run: queries are accepted, errors and broken records are not. */
export function exitCodeOf(summary: Summary): 0 | 1 {
  return summary.withErrors > 0 || summary.broken > 0 ? 1 : 0;
}
