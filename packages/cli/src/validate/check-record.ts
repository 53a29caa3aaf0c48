import type { Finding } from '@reuse-pref/schema';
import type { Validator } from '@reuse-pref/validator';
import type { SourceRecord } from '../input/record-reader.js';

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

export function checkRecord(record: SourceRecord, validator: Validator): RecordResult {
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
  return {
    line: record.line,
    id: idOf(record.value),
    valid: result.valid,
    broken: false,
    errors: result.errors,
    queries: result.queries,
  };
}
