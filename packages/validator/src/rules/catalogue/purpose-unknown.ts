import { statementRule } from '../rule.js';

export const purposeUnknown = statementRule({
  id: 'purpose-unknown',
  severity: 'error',
  field: 'choices[].purpose',
  message: 'the purpose code is not in the named catalogue version',
  why: 'A choice about an undefined purpose cannot be honoured; transparency (Art 13/14) needs a published meaning.',
  check(r, report) {
    // Under a version the receiver does not know, a purpose missing from its latest catalogue may be new
    // in the sender's version: nothing is said about it.
    if (r.choices === undefined || !r.catalogueKnown) return;
    for (let i = 0; i < r.choices.length; i++) {
      const purpose = r.choicePurposes[i];
      if (purpose !== undefined && r.choiceEntries[i] === undefined) {
        report(`/choices/${i}/purpose`, `${purpose} is not in catalogue version ${r.catalogueVersion}`);
      }
    }
  },
});
