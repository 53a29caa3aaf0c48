import { schemaRule } from '../rule.js';
import { shownValue } from './shown-value.js';

export const fieldFormat = schemaRule({
  id: 'field-format',
  severity: 'error',
  field: '*',
  message: 'not a valid UUID, RFC 3339 full-date or RFC 3339 date-time with offset',
  why: 'Ordering by expressedAt (resolver rule 1) needs unambiguous instants; ids must compare reliably.',
  keywords: ['format'],
  locate: (e, record) => ({
    pointer: e.instancePath,
    detail: `${shownValue(record, e.instancePath)} is not a valid ${String((e.params as { format: unknown }).format)}`,
  }),
});
