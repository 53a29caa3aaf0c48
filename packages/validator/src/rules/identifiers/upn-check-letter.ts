import { checkLetterOf } from '../../upn.js';
import { statementRule } from '../rule.js';

export const upnCheckLetter = statementRule({
  id: 'upn-check-letter',
  severity: 'error',
  field: 'subject.upn',
  message: 'the UPN check letter does not match characters 2 to 13',
  why: 'DfE UPN specification (CBDS): a mistyped UPN attaches a preference to the wrong pupil.',
  check({ upn }, report) {
    if (upn === undefined) return;
    const expected = checkLetterOf(upn);
    if (expected !== upn[0]) report('/subject/upn', `check letter is ${upn[0]}, expected ${expected}`);
  },
});
