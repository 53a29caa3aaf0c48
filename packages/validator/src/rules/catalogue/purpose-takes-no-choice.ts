import { statementRule } from '../rule.js';

export const purposeTakesNoChoice = statementRule({
  id: 'purpose-takes-no-choice',
  severity: 'error',
  field: 'choices[].purpose',
  message: 'the purpose has kind none (core education) and takes no choice',
  why: 'Core education is not subject to objection or consent; recording a choice would mislead the person.',
  check(r, report) {
    if (r.choices === undefined) return;
    for (let i = 0; i < r.choices.length; i++) {
      const entry = r.choiceEntries[i];
      if (entry !== undefined && entry.allowed === undefined) {
        report(`/choices/${i}/purpose`, `${r.choicePurposes[i]} has kind none and takes no choice`);
      }
    }
  },
});
