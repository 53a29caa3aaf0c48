import { schemaRule } from '../rule.js';
import { shownValue } from './shown-value.js';

export const fieldPattern = schemaRule({
  id: 'field-pattern',
  severity: 'error',
  field: '*',
  message: 'the value does not match the pattern the schema gives for this field',
  why: 'UPN, ULN, URN, LA-Estab and local references follow CBDS/CTF formats; control characters break MIS exports.',
  keywords: ['pattern'],
  locate: (e, record) => ({
    pointer: e.instancePath,
    detail: `${shownValue(record, e.instancePath)} does not match ${String((e.params as { pattern: unknown }).pattern)}`,
  }),
});
