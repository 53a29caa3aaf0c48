import { statementRule } from '../rule.js';

export const valueNotAllowedForKind = statementRule({
  id: 'value-not-allowed-for-kind',
  severity: 'error',
  field: 'choices[].value',
  message: 'objection kinds take OBJT NOOB REFU NOBT; consent takes CONS DECL REFU NOBT',
  why: 'Art 21 is a right to object, Art 6(1)(a) and 7 need an opt-in: the answer must fit the right engaged.',
  check(r, report) {
    if (r.choices === undefined) return;
    for (let i = 0; i < r.choices.length; i++) {
      const entry = r.choiceEntries[i];
      if (entry?.allowed === undefined) continue;
      const value = r.choiceValues[i];
      if (value !== undefined && !entry.allowed.has(value)) {
        report(
          `/choices/${i}/value`,
          `${value} is not allowed for ${r.choicePurposes[i]} (kind ${entry.kind}): use one of ${[...entry.allowed].join(' ')}`,
        );
      }
    }
  },
});
