import { statementRule } from '../rule.js';

export const dateOfBirthInFuture = statementRule({
  id: 'date-of-birth-in-future',
  severity: 'error',
  field: 'subject.dateOfBirth',
  message: 'the date of birth is after the validator clock date',
  why: 'CBDS date-of-birth rule: an impossible date makes every age-based competence decision wrong.',
  check({ dateOfBirth, context }, report) {
    if (dateOfBirth !== undefined && dateOfBirth > context.nowDate) {
      report('/subject/dateOfBirth', `${dateOfBirth} is after ${context.nowDate}`);
    }
  },
});
