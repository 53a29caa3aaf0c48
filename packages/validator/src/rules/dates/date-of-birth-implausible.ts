import { statementRule } from '../rule.js';

export const dateOfBirthImplausible = statementRule({
  id: 'date-of-birth-implausible',
  severity: 'query',
  field: 'subject.dateOfBirth',
  message: 'the pupil was under 2 or over 25 at expressedAt',
  why: 'CBDS-style age range query: probably a keying error, but real cases exist (nursery, post-19 provision).',
  check({ age }, report) {
    if (age !== undefined && (age < 2 || age > 25)) {
      report('/subject/dateOfBirth', `pupil was ${age} at expressedAt`);
    }
  },
});
