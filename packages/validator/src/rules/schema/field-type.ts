import { schemaRule } from '../rule.js';

export const fieldType = schemaRule({
  id: 'field-type',
  severity: 'error',
  field: '*',
  message: 'the value has the wrong JSON type (a statement must be an object)',
  why: 'Receivers in any language must read the same value the sender meant; no type coercion.',
  keywords: ['type'],
  locate: (e) => ({
    pointer: e.instancePath,
    detail: `must be ${String((e.params as { type: unknown }).type)}`,
  }),
});
