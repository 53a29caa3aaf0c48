import { statementRule } from '../rule.js';

export const expressedBeforeBirth = statementRule({
  id: 'expressed-before-birth',
  severity: 'error',
  field: 'expressedAt',
  message: 'the date of expressedAt is before the date of birth',
  why: 'Impossible: either date is wrong, and competence depends on both.',
  check({ expressedDate, dateOfBirth }, report) {
    // The written date (validation.md 5): where the person was, as written.
    if (expressedDate === undefined || dateOfBirth === undefined || expressedDate >= dateOfBirth) return;
    report('/expressedAt', `${expressedDate} is before date of birth ${dateOfBirth}`);
  },
});
