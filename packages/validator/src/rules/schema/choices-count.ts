import { schemaRule } from '../rule.js';

export const choicesCount = schemaRule({
  id: 'choices-count',
  severity: 'error',
  field: 'choices',
  message: 'a statement has 1 to 64 choices',
  why: 'A statement with no choice says nothing; an unbounded list is a denial-of-service risk.',
  keywords: ['minItems', 'maxItems'],
  locate: (e) => ({
    pointer: e.instancePath,
    detail: `must have ${e.keyword === 'minItems' ? 'at least' : 'at most'} ${String((e.params as { limit: unknown }).limit)} choices`,
  }),
});
