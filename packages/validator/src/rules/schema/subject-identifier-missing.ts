import { schemaRule } from '../rule.js';

export const subjectIdentifierMissing = schemaRule({
  id: 'subject-identifier-missing',
  severity: 'error',
  field: 'subject',
  message: 'the subject has none of upn, uln, localId',
  why: 'The statement must be attachable to one pupil, or it cannot be honoured (Art 21 objections must reach the record).',
  keywords: ['anyOf'],
  locate: (e) => ({ pointer: e.instancePath, detail: 'needs at least one of upn, uln, localId' }),
});
