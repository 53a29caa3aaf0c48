import { schemaRule } from '../rule.js';

export const fieldLength = schemaRule({
  id: 'field-length',
  severity: 'error',
  field: '*',
  message: 'the text is shorter or longer than the schema allows (counted in Unicode code points)',
  why: 'Bounded text keeps records minimal (Art 5(1)(c)) and fits MIS and CTF field sizes.',
  keywords: ['minLength', 'maxLength'],
  locate: (e) => ({
    pointer: e.instancePath,
    detail: `must be ${e.keyword === 'minLength' ? 'at least' : 'at most'} ${String((e.params as { limit: unknown }).limit)} characters`,
  }),
});
