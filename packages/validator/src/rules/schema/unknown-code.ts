import { schemaRule } from '../rule.js';
import { shownValue } from './shown-value.js';

export const unknownCode = schemaRule({
  id: 'unknown-code',
  severity: 'error',
  field: '*',
  message: 'the value is not in the code list for this field',
  why: 'Closed code lists, as in CBDS: a code a receiver does not know cannot be given a meaning.',
  keywords: ['enum'],
  locate: (e, record) => ({
    pointer: e.instancePath,
    detail: `${shownValue(record, e.instancePath)} is not one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(' ')}`,
  }),
});
