import { statementRule } from '../rule.js';

export const catalogueVersionUnknown = statementRule({
  id: 'catalogue-version-unknown',
  severity: 'query',
  field: 'catalogueVersion',
  message: 'the receiver does not know this purpose catalogue version',
  why: 'A newer sender is not an error; purposes the receiver knows are still checked against its latest catalogue.',
  check({ catalogueVersion, catalogueKnown, choices }, report) {
    // Asked only of a statement with choices to check: the version says what its choices mean.
    if (choices === undefined || catalogueVersion === undefined || catalogueKnown) return;
    report('/catalogueVersion', `version ${catalogueVersion} is not known here`);
  },
});
