import type { Finding } from '@reuse-pref/schema';
import type { Validator } from '@reuse-pref/validator';
import type { SourceRecord } from '../input/record-reader.js';
import type { StatementIds } from './statement-ids.js';

/** The outcome for one record of the input. */
export interface RecordResult {
  line: number;
  /** The statement id when the record has a string `id`, so people can find it in their MIS. */
  id: string | null;
  valid: boolean;
  /** Not JSON at all (or too large to be a statement): the validator never saw it. */
  broken: boolean;
  errors: Finding[];
  queries: Finding[];
}

function idOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
}

/**
 * Validates one record. With `ids`, the record is also compared with every earlier record of the same
 * input: one id with different content is refused, as the intake refuses it.
 */
export function checkRecord(record: SourceRecord, validator: Validator, ids?: StatementIds): RecordResult {
  if (record.kind === 'broken') {
    return {
      line: record.line,
      id: null,
      valid: false,
      broken: true,
      errors: [{ rule: record.rule, severity: 'error', pointer: '', message: record.message }],
      queries: [],
    };
  }
  const result = validator.validate(record.value);
  const conflict = ids?.check(record.value, record.line);
  return {
    line: record.line,
    id: idOf(record.value),
    valid: result.valid && !conflict,
    broken: false,
    errors: conflict ? [...result.errors, conflict] : result.errors,
    queries: result.queries,
  };
}
