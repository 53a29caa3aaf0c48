import { checkDigitOf } from '../../uln.js';
import { statementRule } from '../rule.js';

export const ulnCheckDigit = statementRule({
  id: 'uln-check-digit',
  severity: 'error',
  field: 'subject.uln',
  message: 'the ULN check digit does not match digits 1 to 9',
  why: 'Learning Records Service ULN algorithm: a mistyped ULN attaches a preference to the wrong learner.',
  check({ uln }, report) {
    if (uln === undefined) return;
    const check = checkDigitOf(uln);
    if (check === undefined) {
      report('/subject/uln', 'digits 1 to 9 give remainder 0: no ULN is issued with them');
    } else if (uln.charCodeAt(9) - 48 !== check) {
      report('/subject/uln', `check digit is ${uln[9]}, expected ${check}`);
    }
  },
});
