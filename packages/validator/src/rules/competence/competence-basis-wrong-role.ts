import { statementRule } from '../rule.js';
import { competenceJudged, pupilBasis } from './competence-judged.js';

export const competenceBasisWrongRole = statementRule({
  id: 'competence-basis-wrong-role',
  severity: 'error',
  field: 'competenceBasis',
  message: 'ASSD and PR12 are for pupil statements; AUTH and BINT are for statements by others',
  why: 'The basis says why this person may speak; it must fit who spoke, or resolver rule 2 misreads it.',
  check(r, report) {
    if (!competenceJudged(r)) return;
    const basis = r.competenceBasis;
    if (r.role === 'PUP' && (basis === 'AUTH' || basis === 'BINT')) {
      report('/competenceBasis', `${basis} is not a basis for a pupil's own statement`);
    } else if (r.role !== 'PUP' && pupilBasis(basis)) {
      report('/competenceBasis', `${basis} is only for a pupil's own statement (role PUP)`);
    }
  },
});
